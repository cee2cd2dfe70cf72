"""An official's trip as the meeting a document reports.

A media note announcing that "Assistant Secretary X will travel to Mexico City and
Tapachula from August 11 to 14" reports no dialogue round: the trip is its meeting, named
after the host country, dated by its first day, held in the first city named. The verbs
are data (``travel`` in data/series.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.places import city_regex, find_countries, lookup_city
from dialogwatch.extract.roles import issuer_side
from dialogwatch.extract.schema import Meeting
from dialogwatch.extract.series_data import series_data

_TRIP_WORD = re.compile(r"(?i)\b(?:travel\w*|trip|visit\w*|viaj\w*|visita\w*|gira)\b")
_LEAD_SEGMENTS = 8  # a trip is the news of a note's first sentences, not a mention further down


@cache
def _verbs() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{v})" for v in series_data().travel.verbs) or "(?!)", re.IGNORECASE)


def find_travel(ctx: DocContext, date_of: Callable[[Segment], str | None]) -> Meeting | None:
    """The trip an official makes or will make, when the document's headline and lead report one."""
    headline = next((s for s in ctx.segments[:6] if s.kind == "heading" and _TRIP_WORD.search(s.text)), None)
    if headline is None:
        return None  # a trip mentioned in a statement about something else is not its meeting
    body = [s for s in ctx.segments if s.kind != "heading"][:_LEAD_SEGMENTS]
    for seg in body:
        m = _verbs().search(seg.text)
        if m is None:
            continue
        where = seg.text[m.end() : m.end() + 90]
        city = next((hit for c in city_regex().finditer(where) if (hit := lookup_city(c.group(0)))), None)
        countries = [(a, c) for a, _, c in find_countries(where) if c != "EU"]
        country = city[1] if city and (not countries or city_first(where, city[0], countries)) else None
        country = country or (countries[0][1] if countries else None)
        if country is None:
            continue
        name = _country_word(where, country) or country
        template = series_data().travel.name_es if ctx.language == "es" else series_data().travel.name_en
        visitor = issuer_side(ctx.text) or _other_country(seg.text[: m.start()], country)
        parties = sorted({country, *([visitor] if visitor and visitor != country else [])})
        return Meeting(
            series=template.format(country=name),
            parties=parties,
            city=city[0] if city and city[1] == country else None,
            country=country,
            date=date_of(seg),
            start=seg.start + m.start(),
            end=seg.end,
            rule="meeting.travel",
            confidence=0.6,
        )
    return None


def city_first(where: str, city: str, countries: list[tuple[int, str]]) -> bool:
    """True when the city is named before any country ("to Mexico City and to Chiapas")."""
    pos = where.find(city.split()[0])
    return pos >= 0 and pos <= countries[0][0]


def _country_word(where: str, code: str) -> str | None:
    """The country as the text writes it ("Mexico" in "Mexico City", "Guatemala")."""
    for a, b, c in find_countries(where):
        if c == code:
            return where[a:b]
    hit = re.match(r"\s*([A-ZÁÉÍÓÚÑ][\w]+)", where)
    return hit.group(1) if hit else None


def _other_country(subject: str, host: str) -> str | None:
    found = [c for _, _, c in find_countries(subject) if c != host]
    return found[0] if found else None
