"""Trim what a capitalised run or a complement drags into an instrument's name, and merge repeats.

"Through the Mérida Initiative", "marco de la Iniciativa Spotlight", "Protocolo de
Estambul en la Ciudad de México", "Acuerdo Final de Paz de 2016, incluido su
capítulo étnico": the instrument is the part in the middle. The lead phrases are
data (``trim_leads`` in data/instruments.yaml); a trailing venue must be a known city.
"""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.cases import fold_name
from dialogwatch.extract.places import lookup_city
from dialogwatch.extract.schema import Instrument

# ", incluido su ...", ", which ...": a comma then a lower-case word ends the name
_TRAILING_CLAUSE = re.compile(r",\s+(?=[a-záéíóúñ])")
# " en la Ciudad de México", " in Washington": a venue after the name
_TRAILING_VENUE = re.compile(r"\s+(?:en|in)\s+(?:la\s+|el\s+|the\s+)?(?P<place>[A-ZÁÉÍÓÚÑ][\w .'’-]+)$")


@cache
def _leads(leads: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(sorted(leads, key=len, reverse=True))
    return re.compile(rf"^(?:{alt})\s+(?=[A-ZÁÉÍÓÚÑ])", re.IGNORECASE)


_BASED = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w.]*(?:\s[A-ZÁÉÍÓÚÑ][\w.]*)?-based\s+")


def trim_instrument(item: Instrument, leads: tuple[str, ...]) -> Instrument:
    """The instrument without a leading framing phrase, a trailing clause or a trailing venue."""
    name, start, end = item.name, item.start or 0, item.end or 0
    lead = _leads(leads).match(name) or _BASED.match(name)
    if lead and lead.end() < len(name):
        name, start = name[lead.end() :], start + lead.end()  # "the Washington-based X" is X
    clause = _TRAILING_CLAUSE.search(name)
    if clause:
        end -= len(name) - clause.start()
        name = name[: clause.start()]
    venue = _TRAILING_VENUE.search(name)
    if venue and lookup_city(venue.group("place").strip()) is not None:
        end -= len(name) - venue.start()
        name = name[: venue.start()]
    if name == item.name:
        return item
    return item.model_copy(update={"name": name.strip(), "start": start, "end": end})


def merge_instruments(items: list[Instrument], text: str = "") -> list[Instrument]:
    """One item per instrument. A repeat goes, and so does a shorter name that opens a longer one
    ("Investigative Commission" for "Investigative Commission for Truth and Justice"); a name
    nested as the object of a longer one ("la reforma de 2020 a la Ley de Migración") stays an
    instrument of its own where the text also names it alone."""
    out: list[Instrument] = []
    for it in sorted(items, key=lambda i: -len(i.name)):
        f = fold_name(it.name)
        drop = False
        for kept in out:
            k = fold_name(kept.name)
            pos = k.find(f)
            if pos < 0:
                continue
            nested = pos > 0 and k[:pos].split()[-1:] in ([w] for w in _NESTING)
            inside = (kept.start or 0) <= (it.start or 0) and (it.end or 0) <= (kept.end or 0)
            if not nested or inside:
                drop = True
                break
        if not drop:
            out.append(it)
    out.sort(key=lambda i: i.start or 0)
    return _translations_as_aliases(out, text) if text else out


_IN_PARENS = re.compile(r"\s*\(\s*")


def _translations_as_aliases(items: list[Instrument], text: str) -> list[Instrument]:
    """ "National Protection Unit (Unidad Nacional de Protección, UNP)": the name in brackets is the
    same instrument's, in the other language."""
    out: list[Instrument] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end is not None
            and it.start is not None
            and _IN_PARENS.fullmatch(text[prev.end : it.start])
        ):
            prev.aliases.append(it.name)
            continue
        out.append(it)
    return out


# words after which a name inside a longer one is that one's object, not its start
_NESTING = frozenset({"a", "al", "la", "el", "the", "of", "to", "de", "del", "sobre", "on", "under"})
