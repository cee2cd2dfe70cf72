"""Deadlines of actions: "by 2022", "by March 2023", "by the end of next year",
"a más tardar en 2024", "antes de que termine 2023", "para 2025".

Relative deadlines are resolved against the document date when it is known;
otherwise they stay unknown (None), never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.numbers import number_words
from dialogwatch.extract.prefilter import Prefiltered, prefiltered


class _DeadlinePattern(BaseModel):
    id: str
    pattern: str
    future_only: bool = False
    month_only: bool = False


class _DeadlineExample(BaseModel):
    text: str
    deadline: str | None
    doc_date: str | None = None


class _Deadlines(BaseModel):
    months: dict[str, int]
    patterns: list[_DeadlinePattern]
    examples: list[_DeadlineExample]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline found in text: ISO year or year-month, span and rule."""

    value: str
    start: int
    end: int
    rule: str


@cache
def _data() -> _Deadlines:
    return load_data("deadlines.yaml", _Deadlines)


@cache
def _compiled() -> list[tuple[_DeadlinePattern, Prefiltered]]:
    months = "|".join(sorted(_data().months, key=len, reverse=True))
    # every action runs all patterns; their literals ("within", "tardar", a year's "20") rule most out
    return [
        (p, prefiltered(p.pattern.replace("MONTH", f"(?:{months})"), re.IGNORECASE)) for p in _data().patterns
    ]


def _doc_year_month(doc_date: str | None) -> tuple[int, int] | None:
    if not doc_date:
        return None
    m = re.match(r"((?:19|20)\d\d)(?:-(\d\d))?", doc_date)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 1)


def find_deadline(text: str, doc_date: str | None = None) -> Deadline | None:
    """Return the first deadline stated in ``text`` (an action's sentence), if any."""
    ref = _doc_year_month(doc_date)
    for pat, rx in _compiled():
        for m in rx.finditer(text):
            if pat.month_only:
                value = _resolve_month(m, ref)
            elif _is_days(m):
                value = _resolve_days(m, doc_date)
            else:
                value = _resolve(m, ref, pat.future_only)
            if value:
                return Deadline(value, m.start(), m.end(), "deadline." + pat.id)
    return None


def _resolve_month(m: re.Match[str], ref: tuple[int, int] | None) -> str | None:
    """ "antes de diciembre": the next such month after the document date."""
    num = _data().months.get((m.group("month") or "").lower().rstrip("."))
    if not num or not ref:
        return None
    year = ref[0] if num >= ref[1] else ref[0] + 1
    return f"{year:04d}-{num:02d}"


def _resolve(m: re.Match[str], ref: tuple[int, int] | None, future_only: bool) -> str | None:
    groups = m.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
        if future_only and ref and year < ref[0]:
            return None  # "in 2014" in a 2016 text reports the past
        month = groups.get("month")
        if month:
            num = _data().months.get(month.lower().rstrip("."))
            if num:
                return f"{year:04d}-{num:02d}"
        return f"{year:04d}"
    rel = groups.get("rel") or groups.get("rel2")
    if rel and ref:
        rel = rel.lower()
        return str(ref[0] + 1) if ("next" in rel or "próximo" in rel) else str(ref[0])
    if groups.get("n") and ref:
        n_raw = groups["n"].lower()
        n = _number(n_raw)
        if not n:
            return None
        if not groups["span"].lower().startswith(("mes", "month")):
            return str(ref[0] + n)  # "en un plazo de tres años": a year, not a month
        total = ref[0] * 12 + (ref[1] - 1) + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    return None


def _number(word: str) -> int | None:
    """A count written in digits or words ("six", "noventa", "twenty-four")."""
    if word.isdigit():
        return int(word)
    words = number_words()
    if word in words:
        return words[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        return words[parts[0]] + words[parts[1]]  # "twenty-four"
    return None


def _is_days(m: re.Match[str]) -> bool:
    span = (m.groupdict().get("span") or "").lower()
    return span.startswith(("day", "día", "dia"))


def _resolve_days(m: re.Match[str], doc_date: str | None) -> str | None:
    """ "en los próximos 90 días": the day that many days after the document's date."""
    n = _number(m.group("n").lower())
    if not n or not doc_date or len(doc_date) != 10:
        return None
    try:
        issued = dt.date.fromisoformat(doc_date)
    except ValueError:
        return None
    return (issued + dt.timedelta(days=n)).isoformat()
