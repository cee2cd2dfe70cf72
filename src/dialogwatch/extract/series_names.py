"""Dialogue series names: "the 7th round of the Bilateral Dialogue on Human Rights", "el VII
Diálogo de Alto Nivel sobre Seguridad México–Estados Unidos", "the EU–Colombia Human Rights
Dialogue". A name is capitalised words ending in a head (data/series.yaml), with the party pair
before it or after it kept apart; ordinals and meeting words ("Reunión del") are stripped.
"""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.ordinals import ordinal_value
from dialogwatch.extract.places import find_countries, fold
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.series_data import alt, series_data
from dialogwatch.extract.venues import cut_venue

_CAP = r"[A-ZÁÉÍÓÚÑ][\w'’]*(?:[-–—][A-Za-zÁÉÍÓÚÑ][\w'’]*)*"
_PARTY_ES = r"(?:México|Mexico|Estados Unidos|(?:la\s+)?Unión Europea|UE|EU)"
_PREFIX = r"(?:(?:U\.S\.|US|EU|E\.U\.|[A-Z][a-z]+)\s?[-–—]\s?(?:U\.S\.|US|EU|[A-Z][a-z]+)\s+)"


@cache
def _series_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = series_data()
    en = re.compile(
        rf"(?P<prefix>{_PREFIX})?(?P<name>(?:{_CAP}(?:\s+(?:and|&)(?=\s+{_CAP}\s))?\s+){{0,5}}(?:{alt(d.heads_en)})"
        rf"(?:\s+(?:on|for|about)\s+{_CAP}(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+){_CAP}){{0,5}})?)"
    )
    es = re.compile(
        rf"(?P<name>(?:{alt(d.heads_es)})(?:\s+(?i:{alt(d.modifiers_es)}))*"
        rf"(?:\s+(?:{alt(d.connectors_es)})\s+(?:la\s+|el\s+)?{_CAP}(?:(?:,\s+|\s+y\s+|\s+e\s+|\s+(?:de|del|en|sobre|para)\s+|\s+){_CAP}){{0,5}})?"
        rf"(?:\s+(?P<suffix>{_PARTY_ES}\s*[-–—]\s*(?:{_PARTY_ES}|{_CAP}))"
        rf"(?:\s+(?:{alt(d.connectors_es)})\s+(?:la\s+|el\s+)?{_CAP}(?:(?:,\s+|\s+y\s+|\s+e\s+|\s+(?:de|del)\s+|\s+){_CAP}){{0,5}})?)?)"
    )
    return en, es


# The lexicon patterns here run over every sentence; ``prefiltered`` skips, after a cheap
# substring check, the sentences that hold none of a pattern's words (see prefilter.py).
@cache
def _head_hint() -> Prefiltered:
    d = series_data()
    return prefiltered(
        alt([h.split()[0] for h in d.heads_en + d.heads_es])
        + r"|(?i:alto nivel|high.level|dialog|di[aá]logo|talks|consultas|consultations|reuni[oó]n)"
    )


@cache
def _lowercase_series() -> Prefiltered:
    return prefiltered("|".join(series_data().lowercase_series))


_GENERIC = {
    "meeting",
    "reunion",
    "reunión",
    "dialogue",
    "dialog",
    "talks",
    "summit",
    "cumbre",
    "encuentro",
    "mesa",
}
_SKIP_LEAD = re.compile(
    r"^(?:The|This|These|That|During|At|In|Today|Both|Finally|Annual|Joint Statement:?)\s+"
)


_LEAD_PAIR = re.compile(rf"^{_PREFIX}")


def find_series(text: str) -> list[tuple[int, int, str, str | None]]:
    """Return (start, end, series name, party prefix) for each dialogue name in ``text``."""
    out: list[tuple[int, int, str, str | None]] = []
    if not _head_hint().search(text):
        return out
    en, es = _series_regexes()
    for pat in (en, es):
        for m in pat.finditer(text):
            name = m.group("name")
            a = m.start("name")
            while (s := _SKIP_LEAD.match(name)) is not None:
                name, a = name[s.end() :], a + s.end()
            name = re.sub(r"[\s,]+$", "", name)
            if fold(name) in _GENERIC or len(name.split()) < 2:
                continue
            prefix = m.groupdict().get("prefix") or m.groupdict().get("suffix")
            lead_pair = _LEAD_PAIR.match(name)
            if not prefix and lead_pair and find_countries(lead_pair.group(0)):
                # "EU–Colombia Human Rights Dialogue": the party pair is the prefix, not the name
                prefix, name, a = lead_pair.group(0), name[lead_pair.end() :], a + lead_pair.end()
            if m.groupdict().get("prefix") and not find_countries(prefix):
                # "High-Level Security Dialogue": a hyphenated modifier, not a party pair
                name, a, prefix = text[m.start("prefix") : a + len(name)], m.start("prefix"), None
            name, a = _strip_ordinal(*_strip_meeting_head(name, a))
            name = cut_venue(name)
            if fold(name) in _GENERIC or len(name.split()) < 2:
                continue
            out.append((a, a + len(name), name, prefix.strip() if prefix else None))
    if not out:
        for m in _lowercase_series().finditer(text):
            name, a = _strip_ordinal(m.group(0), m.start())
            out.append((a, a + len(name), name, None))
    out = [o for o in out if not _only_generic(o[2])]
    return sorted(
        out, key=lambda o: (not re.search(r"Dialog|Diálogo|Dialogo|Talks|Consultations", o[2]), o[0])
    )


@cache
def _meeting_head() -> re.Pattern[str]:
    d = series_data()
    return re.compile(
        rf"^(?:{alt(d.meeting_heads)})\s+(?:del|de\s+la|de|of\s+the|of)\s+"
        rf"(?=(?:{_CAP}\s+){{0,4}}(?:{alt(d.heads_en + d.heads_es)}))"
    )


def _strip_meeting_head(name: str, a: int) -> tuple[str, int]:
    """Drop a meeting-type word before the dialogue's own name ("Reunión del Grupo ..." -> "Grupo ...")."""
    m = _meeting_head().match(name)
    return (name[m.end() :], a + m.end()) if m else (name, a)


def _strip_ordinal(name: str, a: int) -> tuple[str, int]:
    """Drop leading ordinals: the round is not part of the name ("Second Security Dialogue")."""
    while (m := re.match(r"(\S+)\s+", name)) and len(name.split()) > 2 and ordinal_value(m.group(1)):
        name, a = name[m.end() :], a + m.end()
    return name, a


def _only_generic(name: str) -> bool:
    words = [fold(w) for w in re.findall(r"[\w'-]+", name)]
    generic = _GENERIC | {
        "of",
        "the",
        "de",
        "del",
        "la",
        "round",
        "session",
        "ronda",
        "sesion",
        "annual",
        "anual",
    }
    return all(w in generic or ordinal_value(w) for w in words)
