"""Where a reported meeting took place: its venue, never a press office's dateline.

The venue comes from the meeting's own sentence ("held in Bogotá", "en la sede de la
Cancillería"), a landmark ("Palacio Nacional"), a ministry's seat, or the host's
capital; a dateline ("WASHINGTON, May 3 —") and an online meeting give none.
"""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.dates import month_number
from dialogwatch.extract.orgs import resolve_org
from dialogwatch.extract.places import capital_of, city_regex, find_countries, fold, lookup_city, venue_of_org
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.series_data import alt, series_data


@cache
def _hosted() -> Prefiltered:
    return prefiltered("|".join(series_data().hosted_verbs), re.IGNORECASE)


@cache
def _landmarks() -> re.Pattern[str]:
    return re.compile(alt(list(series_data().landmarks)))


_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
}  # fmt: skip
_VENUE_WORDS = re.compile(
    r"^(?:la\s+|el\s+|the\s+)?(?:Palacio|Casa|Cancillería|Sede|Embajada|Embassy|Ciudad)\b"
)


# what comes right before a venue city: "in", "en la", "in the border city of", "traveled to"
_BEFORE_VENUE = re.compile(
    r"(?:\b(?:in|at|en|desde)\s+(?:la\s+)?"
    r"|\b(?:in|at|en)\s+(?:the\s+|la\s+)?(?:[\w-]+\s+){0,2}?(?:city|town|port|capital|ciudad|localidad|"
    r"municipio|puerto|capital)(?:\s+[a-záéíóúñ]+)?\s+(?:of|de)\s+"
    r"|\b(?:traveled|travelled|arrived|flew|came|viajó|llegó|se\s+trasladó|acudió)\s+(?:to|in|a)\s+)$",
    re.IGNORECASE,
)


def cut_venue(name: str) -> str:
    """Cut a trailing venue or date the name pattern ran into ("... sobre Seguridad en Palacio Nacional")."""
    for m in re.finditer(r"\s+(?:on|el)\s+(\w+)", name):
        if month_number(m.group(1)) or fold(m.group(1)) in _WEEKDAYS:
            name = name[: m.start()]
            break
    for m in re.finditer(r"\s+(?:en|in|at)\s+", name):
        rest = name[m.end() :]
        city = city_regex().match(rest)
        if (city and lookup_city(city.group(0))) or _landmarks().match(rest) or _VENUE_WORDS.match(rest):
            return name[: m.start()]
    return name


_DATELINE_HEAD = re.compile(r"^[\W_]*[A-ZÁÉÍÓÚÑ][\w.'’ ,-]{0,60}?,?\s*\(?$")
_DATELINE_TAIL = re.compile(r"^\)?\s*(?:\([^)\n]{1,25}\)\s*)?\.?\s*[-–—:]")


def is_dateline(text: str, seg_start: int, a: int, b: int) -> bool:
    """True when the date sits in a dateline at the head of the sentence ("CIUDAD, 7 de mayo (Agencia).-")."""
    return bool(_DATELINE_HEAD.match(text[seg_start:a]) and _DATELINE_TAIL.match(text[b : b + 30]))


@cache
def virtual_re() -> Prefiltered:
    """The pattern of an online meeting (no venue)."""
    return prefiltered("|".join(series_data().virtual), re.IGNORECASE)


# "in the", "en la sede del", "at the headquarters of the" right before a landmark's name
_AT_LANDMARK = re.compile(
    r"\b(?:in|at|en)\s+(?:the\s+|la\s+|el\s+|los\s+)?"
    r"(?:(?:sede|headquarters|seat|offices|oficinas)\s+(?:del|de\s+la|de|of\s+the|of)\s+)?$"
)


def find_venue(ctx: DocContext, seg: Segment, parties: list[str]) -> tuple[str | None, str | None]:
    """The (city, country) where the meeting reported in ``seg`` took place."""
    text = ctx.text
    for m in _landmarks().finditer(text, seg.start, seg.end):
        before = text[max(seg.start, m.start() - 40) : m.start()]
        if _AT_LANDMARK.search(before):
            hit = lookup_city(series_data().landmarks[m.group(0)])
            if hit and _party_seat(hit[1], parties):  # many countries have a "National Palace"
                return hit
    for m in city_regex().finditer(text, seg.start, seg.end):
        before = text[max(seg.start, m.start() - 50) : m.start()]
        if _BEFORE_VENUE.search(before):
            hit = lookup_city(m.group(0))
            if hit:
                return hit
    for a, _, code in find_countries(text[seg.start : seg.end]):
        before = text[max(seg.start, seg.start + a - 8) : seg.start + a]
        if re.search(r"\b(?:in|en)\s+$", before) and code not in {"EU"}:
            return None, code
    seat = _ministry_seat(seg.text)
    if seat:
        return seat
    m = re.search(
        r"\b(?:at|en|in)\s+(?:the\s+|la\s+|el\s+|las\s+|los\s+)?(?:(?:sede|headquarters|offices|instalaciones)\s+(?:de|of)\s+(?:la\s+|el\s+|the\s+)?)?"
        r"((?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s*(?:(?:of|de|del|de la|for|para|the|y|and)\s+)?){1,6})",
        seg.text,
    )
    if m:
        rec = resolve_org(m.group(1).strip(), exact=True)
        hit = venue_of_org(rec.key) if rec else None
        if hit and _party_seat(hit[1], parties):
            return hit
        if hit is None and rec is not None and rec.country in parties and rec.kind not in ("ngo", "embassy"):
            # "en las instalaciones de la Secretaría de Seguridad": a national ministry's seat, in
            # its capital (its press office's dateline names the city when it lies there)
            city = dateline_city_in(ctx, rec.country)
            seat = (city, rec.country) if city else capital_of(rec.country)
            if seat:
                return seat
        hosts = [p for p in parties if p != "EU"]
        if hit and len(hosts) == 1 and re.match(series_data().ministry_seat, m.group(1)):
            # "en la Cancillería" in an EU-Colombia dialogue is Colombia's ministry
            seat = capital_of(hosts[0])
            if seat:
                return seat
    cap = re.search(
        r"\b(?:the|la|el)\s+(?:([\w.]+)\s+capital|capital\s+([\w.]+)"
        r"|capital\s+(?:de|del|of)\s+(?:la\s+|the\s+)?([\w. ]+?))\b",
        seg.text,
    )
    if cap:
        words = next(g for g in cap.groups() if g)
        found = find_countries(words)
        hit = capital_of(found[0][2]) if found else None
        if hit:
            return hit
    host = _hosted().search(seg.text)
    if host:
        subject = seg.text[: host.start()]
        countries = [c for _, _, c in find_countries(subject)]
        if countries:
            return None, countries[-1]
        rec = resolve_org(subject.split(",")[-1])
        if rec and rec.country:
            return None, rec.country
        by = re.match(r"\s*by\s+(?:the\s+)?([^,.;]+)", seg.text[host.end() :])
        if by:
            countries = [c for _, _, c in find_countries(by.group(1))]
            if countries:
                return None, countries[0]
    return None, None


@cache
def _ministry_seat_regex() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:at|en|in)\s+(?:the\s+|la\s+|el\s+)?(?:(?:sede|headquarters|offices)\s+(?:del?|of\s+the)\s+)?"
        rf"(?P<adj>\w+\s+)?{series_data().ministry_seat}"
        r"(?P<post>\s+(?!(?:of|de|del)\b)\w+)?(?P<of>\s+(?:of|de|del)\s+(?:the\s+|la\s+)?[\w ]{3,40})?"
    )


def _party_seat(country: str, parties: list[str]) -> bool:
    """An unqualified "la Cancillería" is a party's own: reject a seat in a non-party country."""
    return not parties or country in parties or (country == "BE" and "EU" in parties)


def _ministry_seat(sentence: str) -> tuple[str, str] | None:
    """The capital of the country whose foreign ministry the meeting was held at."""
    m = _ministry_seat_regex().search(sentence)
    if not m:
        return None
    countries = find_countries(" ".join(m.group(g) or "" for g in ("adj", "post", "of")))
    return capital_of(countries[0][2]) if countries else None


@cache
def _venue_line_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in series_data().venue_buildings)
    return re.compile(
        rf"^[ \t]*(?:(?:el|la|the)\s+)?(?:{words})\b[^,\n]{{0,60}},"
        rf"[ \t]*(?P<city>[^,\n]{{2,40}}?)[ \t]*(?:,|$)",
        re.MULTILINE,
    )


def venue_line(ctx: DocContext, limit: int = 1500) -> tuple[str, str] | None:
    """The city of a "Building, City, date" line near the top of the text (a speech's setting)."""
    for m in _venue_line_regex().finditer(ctx.text, 0, min(limit, len(ctx.text))):
        hit = lookup_city(m.group("city"))
        if hit:
            return hit
    return None


_PLACE_LINE = re.compile(r"^[ \t*_#>]*(?P<city>[A-ZÁÉÍÓÚÑ][^,\n\d]{1,40}?)[ \t]*(?:,|$)", re.MULTILINE)


def speech_place(ctx: DocContext, limit: int = 600) -> tuple[str, str] | None:
    """Where a speech was given: the first "City, Country" or "City, date" line under its title."""
    first_break = ctx.text.find("\n")
    if first_break < 0:
        return None
    for m in _PLACE_LINE.finditer(ctx.text, first_break, min(limit, len(ctx.text))):
        hit = lookup_city(m.group("city"))
        if hit:
            return hit
    return None


_DATELINE_CITY = re.compile(
    r"^[\W_]*(?P<city>[A-ZÁÉÍÓÚÑ][\w.'’ -]{1,40}?)\s*(?:,|\(|[-–—]|\.-)", re.MULTILINE
)


def dateline_city_in(ctx: DocContext, country: str, limit: int = 1500) -> str | None:
    """The dateline's city when it lies in the meeting's known host country.

    A press office's dateline is not the venue by itself, but once the text makes a country
    the host ("the Ministry of Foreign Affairs of Guatemala hosted"), a dateline in that
    country's city names where it met.
    """
    for m in _DATELINE_CITY.finditer(ctx.text, 0, min(limit, len(ctx.text))):
        hit = lookup_city(m.group("city").strip().title() if m.group("city").isupper() else m.group("city"))
        if hit and hit[1] == country and is_dateline_line(ctx.text, m.start("city")):
            return hit[0]
    return None


def is_dateline_line(text: str, pos: int) -> bool:
    """True when the line at ``pos`` opens with "CITY, date —" or "CITY (Agency) -"."""
    end = text.find("\n", pos)
    return bool(_DATELINE_LINE.match(text[pos : end if end >= 0 else len(text)]))


_DATELINE_LINE = re.compile(
    r"^[\W_]*[A-ZÁÉÍÓÚÑ][^\n]{0,60}?(?:\d{1,2}|\([^)]{1,25}\))[^\n]{0,30}?(?:[-–—]|\.-)"
)
