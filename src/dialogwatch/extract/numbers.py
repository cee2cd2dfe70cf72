"""Number grammar for English and Spanish: digits with either separator style,
number words ("thirteen", "treinta y dos") and scale words ("25.1 billion",
"32 millones"). Vocabulary lives in data/numbers.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data


class _NumberExample(BaseModel):
    text: str
    value: float
    lang: str = "en"


class _Numbers(BaseModel):
    units: dict[str, dict[str, int]]
    joiners: list[str]
    scales: dict[str, int]
    weak: list[str]
    examples: list[_NumberExample]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number found in text: span, value, and whether it was written in words."""

    start: int
    end: int
    value: float
    words: bool
    weak: bool = False
    scaled: bool = False


@cache
def _data() -> _Numbers:
    return load_data("numbers.yaml", _Numbers)


@cache
def _words(language: str = "en") -> dict[str, int]:
    # tables are per language: Spanish "once" (11) is an English adverb
    units = _data().units
    if language in units:
        return dict(units[language])
    out: dict[str, int] = {}
    for table in units.values():
        out.update(table)
    return out


def number_words() -> dict[str, int]:
    """Every number word of every language with its value ("ten", "diez", ...)."""
    return _words("*")


_DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)?"


@cache
def _pattern(language: str) -> re.Pattern[str]:
    words = sorted(_words(language), key=len, reverse=True)
    scales = sorted(_data().scales, key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words)
    scale_alt = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in scales)
    joiners = "|".join(re.escape(j) for j in _data().joiners)
    word_num = rf"(?:{word_alt}|mil)(?:(?:[\s-]+|\s+(?:{joiners})\s+)(?:{word_alt}|{scale_alt}))*"
    return re.compile(
        rf"(?<![\w.,/-])(?:(?P<digits>{_DIGITS})(?:\s*(?P<dscale>{scale_alt}))?|(?P<words>{word_num}))(?![\w])",
        re.IGNORECASE,
    )


def parse_digits(s: str, language: str = "en") -> float:
    """Read a digit string with thousands/decimal separators in EN or ES style."""
    s = re.sub(r"[ \u00a0\u202f]", "", s)  # "4 500": a space groups thousands
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        return float(s.replace(thou, "").replace(dec, "."))
    sep = "," if "," in s else "." if "." in s else ""
    if not sep:
        return float(s)
    parts = s.split(sep)
    if len(parts) > 2:
        return float(s.replace(sep, ""))
    thousands = len(parts[1]) == 3 and 1 <= len(parts[0]) <= 3 and parts[0] != "0"
    # an English "4.500" is a decimal; elsewhere a three-digit group is thousands
    if thousands and not (language == "en" and sep == "."):
        return float(parts[0] + parts[1])
    return float(parts[0] + "." + parts[1])


def _parse_words(s: str, language: str = "en") -> tuple[float, bool]:
    toks = [t for t in re.split(r"[\s-]+", s.lower()) if t and t not in _data().joiners]
    words, scales = _words(language), _data().scales
    total, current = 0.0, 0.0
    i = 0
    scaled = False
    while i < len(toks):
        t = toks[i]
        if t == "mil" and i + 1 < len(toks) and toks[i + 1] in ("millones", "millón", "millon"):
            t, i = "mil millones", i + 1
        if t in scales:
            scaled = True
            mult = scales[t]
            current = (current or 1) * mult
            if mult >= 1000:
                total += current
                current = 0
        elif t == "hundred":
            current = (current or 1) * 100
        else:
            current += words.get(t, 0)
        i += 1
    return total + current, scaled


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` as a prefix tree: a mismatch fails at the first letter, not per word."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@cache
def _starts(language: str) -> re.Pattern[str]:
    """Where the number pattern can match: its look-behind, then a digit or a whole first number word."""
    # Every word of the pattern is followed by a separator or the end of the run, so a
    # written number starts with a whole token that is a number word (case-insensitive).
    firsts = _trie({*_words(language), "mil"})
    return re.compile(rf"(?<![\w.,/-])(?:\d|(?i:{firsts})(?!\w))")


def _matches(text: str, language: str) -> list[re.Match[str]]:
    """The number pattern's matches, tried only where one can start."""
    # Trying the big word alternation at every position dominated the cost; the
    # prefix-tree scan finds the few places where a number can start.
    rx = _pattern(language)
    out: list[re.Match[str]] = []
    last_end = 0
    for start in _starts(language).finditer(text):
        pos = start.start()
        if pos < last_end:
            continue
        m = rx.match(text, pos)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def find_numbers(text: str, language: str = "en") -> list[NumberMatch]:
    """Return every number in ``text`` with its value (scale words applied)."""
    out: list[NumberMatch] = []
    weak = set(_data().weak)
    for m in _matches(text, language):
        if m.group("digits"):
            value = parse_digits(m.group("digits"), language)
            scale = m.group("dscale")
            scaled = False
            if scale:
                mult, _ = _parse_words(scale, language)
                value *= mult
                scaled = True
            out.append(NumberMatch(m.start(), m.end(), value, False, False, scaled))
        else:
            raw = m.group("words")
            first = re.split(r"[\s-]+", raw.lower())[0]
            if (first in _data().scales and first != "mil") or first in _data().joiners:
                continue
            value, scaled = _parse_words(raw, language)
            is_weak = raw.lower() in weak
            out.append(NumberMatch(m.start(), m.end(), value, True, is_weak, scaled))
    return _mil_compounds(text, out, language) if "mil " in text else out


# Mexican press style: "4 mil 800" (4,800), "mil 500 millones" (1,500 million), "dos mil 300"
_MIL = re.compile(
    r"(?<![\w.,])(?P<th>(?:\d{1,3}|[a-záéíóúñ]+(?:\s+y\s+[a-záéíóúñ]+)?)\s+)?mil\s+(?P<rest>\d{1,3})"
    r"(?![\d.,]\d)(?:\s+(?P<scale>millones|millón|millon)\b)?",
    re.IGNORECASE,
)


def _mil_compounds(text: str, found: list[NumberMatch], language: str) -> list[NumberMatch]:
    """Join "N mil" and the digits after it into one number (and apply a scale after them)."""
    joined: list[NumberMatch] = []
    for m in _MIL.finditer(text):
        th = (m.group("th") or "").strip()
        value = None
        if th:
            value = parse_digits(th, language) if th[0].isdigit() else _words(language).get(th.lower())
        # "por mil 500": a word before "mil" that is not a number is not part of it
        after_th = m.start() + len(m.group("th") or "")
        thousands, start = (value, m.start()) if value is not None else (1.0, after_th)
        total = thousands * 1000 + float(m.group("rest"))
        scaled = bool(m.group("scale"))
        if scaled:
            total *= 1_000_000
        joined.append(NumberMatch(start, m.end(), total, False, False, scaled))
    if not joined:
        return found
    keep = [n for n in found if not any(j.start <= n.start < j.end for j in joined)]
    return sorted(keep + joined, key=lambda n: n.start)


def parse_number(text: str, language: str = "en") -> float | None:
    """Parse one number written alone (digits or words); None when it is not one."""
    found = find_numbers(text.strip(), language)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None
