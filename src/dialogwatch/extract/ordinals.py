"""Ordinals in English and Spanish: "7th", "seventh", "séptima", "8a.", "VI", "XII"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.places import fold


class _OrdExample(BaseModel):
    text: str
    value: int


class OrdinalData(BaseModel):
    """Schema of ordinals.yaml."""

    ordinals: dict[str, int]
    tens: dict[str, int] = {}
    examples: list[_OrdExample]


@cache
def _words() -> dict[str, int]:
    return {fold(k): v for k, v in load_data("ordinals.yaml", OrdinalData).ordinals.items()}


@cache
def _tens() -> dict[str, int]:
    return {fold(k): v for k, v in load_data("ordinals.yaml", OrdinalData).tens.items()}


def _accented(word: str) -> str:
    acc = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]"}
    return "".join(acc.get(c, re.escape(c)) for c in word)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> int | None:
    """Return the value of an upper-case Roman numeral up to C, or None."""
    if not s or not re.fullmatch(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total or None


@cache
def ordinal_regex() -> re.Pattern[str]:
    """A regex for one ordinal (digit, word or Roman numeral); named group ``o``."""
    words = sorted(_words(), key=len, reverse=True)
    word_alt = "|".join(_accented(w) for w in words)
    return re.compile(
        rf"(?<![\w])(?P<o>\d{{1,3}}\s?(?:st|nd|rd|th|\.?\s?[ªº°]|[ao]\.?|va|vo|era|er|ra|ro|ta|to)(?![\w])"
        rf"|(?i:{word_alt})(?![\w])|(?-i:[IVXL]{{1,6}})(?=\s))",
    )


@cache
def _tens_before() -> re.Pattern[str]:
    alt = "|".join(_accented(w) for w in sorted(_tens(), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w])(?i:(?P<t>{alt}))[- ]\Z")


def find_ordinals(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of each ordinal in ``text[pos:endpos]``, compounds included
    ("twenty-seventh", "vigésimo octavo": a tens word is looked for only before a unit one)."""
    end = len(text) if endpos is None else endpos
    found: list[tuple[int, int, int]] = []
    for m in ordinal_regex().finditer(text, pos, end):
        value = ordinal_value(m.group("o"))
        if not value:
            continue
        start = m.start()
        if value < 10:
            t = _tens_before().search(text, max(pos, start - 16), start)
            if t:
                value += _tens()[fold(t.group("t"))]
                start = t.start()
                while found and found[-1][0] >= start:
                    found.pop()  # "vigésimo" read alone before "vigésimo octavo"
        found.append((start, m.end(), value))
    yield from found


def ordinal_value(token: str) -> int | None:
    """Return the integer an ordinal token stands for."""
    t = token.strip()
    m = re.match(r"(\d{1,3})", t)
    if m:
        return int(m.group(1))
    r = roman_value(t)
    if r:
        return r
    f = fold(t)
    if f in _words():
        return _words()[f]
    for tens, value in _tens_longest_first():
        unit = _words().get(f[len(tens) :].lstrip("- ")) if f.startswith(tens) else None
        if unit and unit < 10:
            return value + unit
    return None


@cache
def _tens_longest_first() -> tuple[tuple[str, int], ...]:
    return tuple(sorted(_tens().items(), key=lambda kv: -len(kv[0])))
