"""Countries, parties and cities (EN/ES) from ``data/places.yaml``."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data


class _Country(BaseModel):
    code: str
    names: list[str]
    adjectives: list[str] = []


class _City(BaseModel):
    name: str
    country: str
    aliases: list[str] = []


class _PlaceExample(BaseModel):
    text: str
    country: str


class PlacesData(BaseModel):
    """Schema of places.yaml."""

    countries: list[_Country]
    cities: list[_City]
    venues: dict[str, str] = {}
    capitals: dict[str, str] = {}
    regions: list[str] = []
    examples: list[_PlaceExample]


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower-case and strip accents, for lexicon look-ups."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


@cache
def places_data() -> PlacesData:
    """Return the validated places lexicon."""
    return load_data("places.yaml", PlacesData)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def country_regex() -> re.Pattern[str]:
    """A regex matching any country name or adjective (look the match up with ``country_code``)."""
    words: list[str] = []
    for c in places_data().countries:
        words += c.names + c.adjectives
    return re.compile(rf"(?<![\w.])(?:{_alt(words)})(?![\w])(?!-\w)|(?<![\w.])(?:{_alt(words)})(?=[-–]\w)")


@cache
def _country_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for c in places_data().countries:
        for w in c.names + c.adjectives:
            idx.setdefault(fold(w), c.code)
    return idx


def country_code(word: str) -> str | None:
    """Return the ISO code (or EU) of a country name or adjective."""
    return _country_index().get(fold(word.strip()))


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, code) for every country name or adjective in ``text``."""
    return list(_countries_in(text))


@lru_cache(maxsize=4096)
def _countries_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """Cached scan: several extractors ask about the same sentence or clause."""
    out = []
    for m in country_regex().finditer(text):
        code = country_code(m.group(0))
        if code:
            out.append((m.start(), m.end(), code))
    return tuple(out)


@cache
def _city_index() -> dict[str, tuple[str, str]]:
    idx: dict[str, tuple[str, str]] = {}
    for c in places_data().cities:
        for w in [c.name, *c.aliases]:
            idx[fold(w)] = (c.name, c.country)
    return idx


@cache
def city_regex() -> re.Pattern[str]:
    """A regex matching any city name or alias (longest first)."""
    words: list[str] = []
    for c in places_data().cities:
        words += [c.name, *c.aliases]
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])")


def lookup_city(name: str) -> tuple[str, str] | None:
    """Return (canonical city, country) for a city name in EN or ES."""
    return _city_index().get(fold(name.strip().rstrip(",")))


@cache
def _city_spellings() -> dict[str, list[str]]:
    return {c.name: [c.name, *c.aliases] for c in places_data().cities}


def city_as_written(text: str, city: str) -> str:
    """The spelling ``text`` gives a city ("Ciudad de México" for Mexico City in a Spanish text).

    The first full name the text uses wins over a short form ("CDMX"); a city the text never
    spells keeps its canonical name.
    """
    best: tuple[bool, int, str] | None = None
    for form in _city_spellings().get(city, []):
        at = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)
        if at is not None:
            key = (form.isupper(), at.start(), form)
            best = key if best is None or key < best else best
    return best[2] if best else city


def place_words() -> frozenset[str]:
    """Folded single words of every country and city name (for rejecting non-person names)."""
    return _place_words()


@cache
def _place_words() -> frozenset[str]:
    out: set[str] = set()
    for c in places_data().countries:
        for w in c.names + c.adjectives:
            out.update(fold(t) for t in re.findall(r"\w+", w))
    for city in places_data().cities:
        for w in [city.name, *city.aliases]:
            out.update(fold(t) for t in re.findall(r"\w+", w) if len(t) > 2)
    return frozenset(out - {"de", "del", "la", "el", "los", "of", "the", "san", "city"})


def venue_of_org(key: str) -> tuple[str, str] | None:
    """Return (city, country) of an organisation's seat ("Department of State" -> Washington)."""
    city = places_data().venues.get(key)
    return lookup_city(city) if city else None


def capital_of(code: str) -> tuple[str, str] | None:
    """Return (capital, country) of a country code."""
    city = places_data().capitals.get(code)
    return lookup_city(city) if city else None


@cache
def _regions() -> frozenset[str]:
    return frozenset(fold(r) for r in places_data().regions)


def is_region(name: str) -> bool:
    """True for a state, department or region named in several words ("Nuevo León")."""
    return fold(name.strip()) in _regions()
