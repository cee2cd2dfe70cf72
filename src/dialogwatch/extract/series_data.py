"""The dialogue-series vocabulary (data/series.yaml), validated at load time."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data


class _SeriesExample(BaseModel):
    text: str
    series: str
    round: int | None = None
    date: str | None = None
    city: str | None = None
    country: str | None = None
    parties: list[str] = []


class _Visits(BaseModel):
    phrase: list[str] = []
    visitors: list[str] = []
    verbs: list[str] = []
    bodies: list[str] = []  # heads of a visiting body's name, a regex each
    # a visitor's own account ("realicé una visita oficial a Guatemala"): the visitor is named in
    # the document's heading, not in the sentence
    first_person: list[str] = []


class _Travel(BaseModel):
    verbs: list[str] = []  # an official's trip: "will travel to", "viajará a"
    name_en: str = "visit to {country}"
    name_es: str = "visita a {country}"
    examples: list[_SeriesExample] = []


class SeriesData(BaseModel):
    """Schema of series.yaml."""

    heads_en: list[str]
    heads_es: list[str]
    modifiers_es: list[str]
    connectors_es: list[str]
    held_verbs: list[str]
    hosted_verbs: list[str]
    round_words: list[str]
    lowercase_series: list[str] = []
    meeting_heads: list[str] = []
    virtual: list[str] = []
    landmarks: dict[str, str] = {}
    party_aliases: dict[str, list[str]] = {}
    ministry_seat: str = r"(?!)"
    venue_buildings: list[str] = []
    visits: _Visits = _Visits()
    travel: _Travel = _Travel()
    future_markers: list[str]
    past_held: list[str]
    meeting_refs: list[str] = []
    # what opens a statement's title before its subject ("Joint Statement on ..."): the subject
    # names a meeting the text reports without a series name
    title_subject: list[str] = []
    examples: list[_SeriesExample]


@cache
def series_data() -> SeriesData:
    """Return the validated series vocabulary."""
    return load_data("series.yaml", SeriesData)


def alt(words: list[str]) -> str:
    """One regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a capitalised word, possibly joined to the next by a hyphen or a dash ("México–Alemania")
