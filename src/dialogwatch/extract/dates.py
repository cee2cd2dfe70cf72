"""A date grammar for English and Spanish: locate dates and normalise them to ISO.

Month names come from ``data/months.yaml``. Patterns cover "October 21, 2015",
"21 October 2015", "Oct. 21, 2015", "April 3" (year from the caller or from the
nearest dated expression), "21 de octubre de 2015", "3 de abril", "octubre de
2015", "September 2018", "2015-10-21" and "21/10/2015" (day first unless the
text is English and the numbers say otherwise).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.places import fold

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A located date: span, ISO value and how precise it is."""

    start: int
    end: int
    iso: str
    precision: Precision


class _MonthExample(BaseModel):
    text: str
    iso: str
    year: int | None = None


class _RelativeExample(BaseModel):
    text: str
    issued: str
    iso: str


class MonthsData(BaseModel):
    """Schema of months.yaml."""

    months: dict[str, dict[str, int]]
    examples: list[_MonthExample]
    # words naming a day relative to the issue date ("ayer" -> -1)
    relative_days: dict[str, int] = {}
    # weekday names -> Monday=0 .. Sunday=6
    weekdays: dict[str, int] = {}
    # words after (or before) a weekday saying it is in a past week ("pasado", "last")
    past_markers: list[str] = []
    # words before (or after) a weekday saying it is the coming one ("next", "próximo")
    next_markers: list[str] = []
    # words before a weekday saying it is the day of writing or close to it ("este miércoles")
    present_markers: list[str] = []
    relative_examples: list[_RelativeExample] = []


@cache
def _data() -> MonthsData:
    return load_data("months.yaml", MonthsData)


@cache
def _months() -> dict[str, int]:
    data = _data()
    out: dict[str, int] = {}
    for table in data.months.values():
        for name, num in table.items():
            if not 1 <= num <= 12:
                raise ValueError(f"months.yaml: {name}: month {num} out of range")
            out[fold(name)] = num
    return out


def month_names() -> list[str]:
    """Every EN/ES month name and abbreviation of months.yaml, longest first."""
    return sorted(_months(), key=len, reverse=True)


def month_number(word: str) -> int | None:
    """Return the month number of an EN/ES month name or abbreviation."""
    return _months().get(fold(word.rstrip(".")))


_YEAR = r"(?P<y>(?:1[89]|20)\d{2})"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    names = sorted(_months(), key=len, reverse=True)
    # accept accented spellings of the folded names
    mon = r"(?P<m>(?:" + "|".join(_accent_tolerant(n) for n in names) + r"))\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|o\.?|º|°)?"
    flags = re.IGNORECASE
    return [
        # press-agency datelines with a two-digit year: "(jun. 3/21)", "(Oct 12/22)"
        ("mon_d_yy", re.compile(rf"(?<=\()\s*{mon}\s*(?P<d>[0-3]?\d)/(?P<yy>\d{{2}})(?=\s*\))", flags)),
        ("iso", re.compile(rf"\b{_YEAR}-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d{2})\b")),
        # European dotted dates are always day first: "17.02.2023"
        (
            "dotted",
            re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d{2})(?![\d.]\d)"),
        ),
        # ranges keep their first day: "12-13 de agosto de 2015", "August 12-13, 2015", "3 y 4 de mayo"
        (
            "es_dmy",
            re.compile(
                rf"\b{day}(?:\s*(?:[-–]|y|al)\s*[0-3]?\d)?\s+de\s+{mon}(?:\s+(?:de|del)\s+{_YEAR})?(?!\w)",
                flags,
            ),
        ),
        (
            "en_mdy",
            re.compile(
                rf"\b{mon}\s+{day}(?!\d)(?:\s*(?:[-–]|to|and)\s*[0-3]?\d(?!\d))?(?:,?\s+{_YEAR})?(?![\w])",
                flags,
            ),
        ),
        (
            "en_dmy",
            re.compile(rf"\b{day}(?:\s*[-–]\s*[0-3]?\d)?\s+(?:of\s+)?{mon}(?:,?\s+{_YEAR})?(?![\w])", flags),
        ),
        ("my", re.compile(rf"\b{mon}(?:,?\s+|\s+(?:de|del|of)\s+){_YEAR}\b", flags)),
    ]


def _accent_tolerant(name: str) -> str:
    table = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]"}
    return "".join(table.get(c, re.escape(c)) for c in name)


def _valid(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    return not ((m == 2 and d > 29) or (m in (4, 6, 9, 11) and d > 30))


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, year: int | None = None, language: str = "es"
) -> list[DateMatch]:
    """Return the dates in ``text[start:end]``, earliest first, spans into ``text``.

    ``year`` completes dates written without one ("April 3"); when it is None the
    year of the nearest fully dated expression in the same range is used.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    raw: list[tuple[int, int, int | None, int, int | None]] = []  # start, end, year, month, day
    taken: list[tuple[int, int]] = []
    windows = _digit_windows(chunk)
    for kind, pat in _patterns():
        for m in (m for wa, wb in windows for m in pat.finditer(chunk, wa, wb)):
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            parsed = _parse(kind, m, language)
            if parsed is None:
                continue
            y, mo, d = parsed
            if kind == "my" and chunk[max(0, a - 1) : a].isdigit():
                continue
            raw.append((a, b, y, mo, d))
            taken.append((a, b))
    raw.sort()
    out: list[DateMatch] = []
    for a, b, y, mo, d in raw:
        if y is None:
            y = year if year is not None else _nearest_year(raw, a)
            if y is None:
                continue
        if d is None:
            out.append(DateMatch(start + a, start + b, f"{y:04d}-{mo:02d}", "month"))
        elif _valid(y, mo, d):
            out.append(DateMatch(start + a, start + b, f"{y:04d}-{mo:02d}-{d:02d}", "day"))
    return out


_DIGITS = re.compile(r"\d{1,4}")


def _digit_windows(chunk: str, pad: int = 32) -> list[tuple[int, int]]:
    """Every date holds a number: search only around numbers (fast on long texts)."""
    out: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(chunk):
        a, b = max(0, m.start() - pad), min(len(chunk), m.end() + pad)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_CREDIT = re.compile(r"\s*\([A-Z][\w .]{1,20}\)")


def _parse(kind: str, m: re.Match[str], language: str) -> tuple[int | None, int, int | None] | None:
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    if kind == "mon_d_yy":
        mo = month_number(gd["m"])
        return (2000 + int(gd["yy"]), mo, int(gd["d"])) if mo else None
    if kind in ("iso", "dotted"):
        return y, int(gd["mn"]), int(gd["d"])
    if kind == "numeric":
        a, b = int(gd["a"]), int(gd["b"])
        # A number above 12 can only be the day; when both could be months, U.S.-English
        # texts write the month first and Spanish ones the day.
        if b > 12 >= a or (a <= 12 and b <= 12 and language == "en"):
            return y, a, b
        return y, b, a
    mo = month_number(gd["m"])
    if mo is None:
        return None
    if (
        m.group("m")[0].islower()
        and fold(m.group("m")) in {"may", "mar", "sept", "sep", "dec", "jan", "oct", "nov"}
        and kind != "es_dmy"
        and not (gd.get("d") and gd.get("y"))  # "05 sept 2025": day, month and year, a date
        and not (gd.get("d") and _CREDIT.match(m.string, m.end()))  # "3 mar (EFE).-": a wire dateline
    ):
        return None  # "may 5" as a verb, abbreviations in lower case: not a date
    d = int(gd["d"]) if gd.get("d") else None
    if d is not None and not 1 <= d <= 31:
        return None
    return y, mo, d


def _nearest_year(raw: list[tuple[int, int, int | None, int, int | None]], pos: int) -> int | None:
    best: tuple[int, int] | None = None
    for a, _, y, _, _ in raw:
        if y is not None and (best is None or abs(a - pos) < best[0]):
            best = (abs(a - pos), y)
    return best[1] if best else None


def find_years(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """Return (start, end, year) for each bare four-digit year 1900-2099."""
    end = len(text) if end is None else end
    return [
        (start + m.start(), start + m.end(), int(m.group(0)))
        for m in re.finditer(r"(?<!\d)(?<!\d[,.])(?:19|20)\d{2}(?!\d|[,.]\d)", text[start:end])
    ]


def weekday_names() -> list[str]:
    """Return the EN/ES weekday names of months.yaml, each as an accent-tolerant regex."""
    return [_accent_tolerant(fold(w)) for w in _data().weekdays]


@cache
def _relative_regex() -> re.Pattern[str]:
    d = _data()
    days = "|".join(re.escape(w) for w in sorted(d.relative_days, key=len, reverse=True))
    wds = "|".join(_accent_tolerant(fold(w)) for w in sorted(d.weekdays, key=len, reverse=True))
    past = "|".join(re.escape(w) for w in sorted(d.past_markers, key=len, reverse=True))
    ahead = "|".join(re.escape(w) for w in sorted(d.next_markers, key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"\b(?:(?P<rel>{days})(?!\s+en\s+d[ií]a)|(?:(?P<pre>{past})\s+|(?:(?:el|la)\s+)?(?P<ahead>{ahead})\s+"
        rf"|(?:on|this|el|este|esta|el\s+pasado)\s+)"
        rf"(?P<wd>{wds})(?:\s+(?P<post>{past})|\s+(?P<ahead_post>{ahead}))?)\b",
        re.IGNORECASE,
    )


def resolve_relative(
    text: str, issued: str | None, start: int = 0, end: int | None = None
) -> DateMatch | None:
    """Return the first relative day in ``text[start:end]`` ("ayer", "on Tuesday", "el próximo jueves")
    as of ``issued``."""
    if not issued or len(issued) != 10:
        return None
    try:
        day = dt.date.fromisoformat(issued)
    except ValueError:
        return None
    d = _data()
    m = _relative_regex().search(text, start, len(text) if end is None else end)
    if m is None:
        return None
    if m.group("rel"):
        offset = d.relative_days[m.group("rel").lower()]
        return DateMatch(m.start(), m.end(), (day + dt.timedelta(days=offset)).isoformat(), "day")
    wd = next(v for k, v in d.weekdays.items() if fold(k) == fold(m.group("wd")))
    if m.group("ahead") or m.group("ahead_post"):
        forward = (wd - day.weekday()) % 7 or 7  # "el próximo jueves" written on a Thursday is a week on
        return DateMatch(m.start(), m.end(), (day + dt.timedelta(days=forward)).isoformat(), "day")
    back = (day.weekday() - wd) % 7
    past = m.group("pre") or m.group("post") or "pasado" in m.group(0).lower()
    if past and back == 0:
        back = 7  # "el viernes pasado" written on a Friday is a week before
    return DateMatch(m.start(), m.end(), (day - dt.timedelta(days=back)).isoformat(), "day")


@cache
def _present_regex() -> re.Pattern[str]:
    d = _data()
    wds = "|".join(_accent_tolerant(fold(w)) for w in sorted(d.weekdays, key=len, reverse=True))
    marks = "|".join(re.escape(w) for w in sorted(d.present_markers, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b(?:{marks})\s+(?P<wd>{wds})\b", re.IGNORECASE)


def present_weekdays(text: str) -> set[int]:
    """The weekdays (Monday=0) a text calls this week's ("informaron este miércoles", "said on
    Wednesday" is not one: only "this"/"este"/"hoy" mark the day of writing)."""
    d = _data()
    by_name = {fold(k): v for k, v in d.weekdays.items()}
    return {by_name[fold(m.group("wd"))] for m in _present_regex().finditer(text)}


def year_by_weekday(month_day: str, year: int, weekdays: set[int]) -> int:
    """``year``, or the year beside it in which ``month_day`` ("01-31") falls on one of
    ``weekdays`` when in ``year`` it falls on none of them."""

    def weekday(y: int) -> int | None:
        try:
            return dt.date.fromisoformat(f"{y:04d}-{month_day}").weekday()
        except ValueError:
            return None

    if not weekdays or weekday(year) in weekdays:
        return year
    return next((y for y in (year + 1, year - 1) if weekday(y) in weekdays), year)
