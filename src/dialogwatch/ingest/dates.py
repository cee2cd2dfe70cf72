"""Recognise a date line ("May 2, 2013", "Lunes, 14 de abril de 2014") in EN and ES."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from dialogwatch.ingest.data_files import load_ingest_data

_MAX_DATE_LINE_WORDS = 9


class DateWords(BaseModel):
    """Schema of ``ingest/data/dates.yaml``."""

    months: dict[str, list[str]]
    weekdays: dict[str, list[str]]
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = Field(default_factory=list)


@cache
def _date_regex() -> re.Pattern[str]:
    data = load_ingest_data("dates.yaml", DateWords)
    months = sorted({m for names in data.months.values() for m in names}, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = r"\d{1,2}(?:st|nd|rd|th|º|o)?"
    year = r"(?:19|20)\d{2}"
    forms = [
        rf"\b{month}\s+{day},?\s+{year}\b",  # May 2, 2013
        rf"\b{day}\s+(?:de\s+)?{month},?\s+(?:de\s+|del\s+)?{year}\b",  # 2 May 2013 / 7 de marzo, 2024
        rf"\b{month}\s+(?:de\s+)?{year}\b",  # April 2014 / abril de 2014
        rf"\b{year}-\d{{2}}-\d{{2}}\b",  # 2016-10-27
        rf"\b\d{{1,2}}/\d{{1,2}}/{year}\b",  # 27/10/2016
        rf"\b\d{{1,2}}\.\d{{1,2}}\.{year}\b",  # 26.10.2023 (European sites)
    ]
    return re.compile("|".join(forms), re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """True for a short line whose point is a date (optionally with a place or weekday)."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _MAX_DATE_LINE_WORDS:
        return False
    return bool(_date_regex().search(stripped))
