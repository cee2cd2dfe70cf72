"""Trim what a capitalised run or a complement drags into an instrument's name.

"Through the Mérida Initiative", "marco de la Iniciativa Spotlight", "Protocolo de
Estambul en la Ciudad de México", "Acuerdo Final de Paz de 2016, incluido su
capítulo étnico": the instrument is the part in the middle. The lead phrases are
data (``trim_leads`` in data/instruments.yaml); a trailing venue must be a known city.
"""

from __future__ import annotations

import re
from functools import cache

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


def trim_instrument(item: Instrument, leads: tuple[str, ...]) -> Instrument:
    """The instrument without a leading framing phrase, a trailing clause or a trailing venue."""
    name, start, end = item.name, item.start or 0, item.end or 0
    lead = _leads(leads).match(name)
    if lead and lead.end() < len(name):
        name, start = name[lead.end() :], start + lead.end()
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
