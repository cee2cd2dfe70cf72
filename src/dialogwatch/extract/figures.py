"""Figures: numbers that measure outcomes, caseloads, rates or targets.

Numbers come from the EN/ES grammar in ``numbers.py``; this module decides
from the context (data/units.yaml) which of them are figures, reads the unit
and the period, and keeps a clause-sized window of text around each one.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.dates import month_names
from dialogwatch.extract.numbers import NumberMatch, find_numbers
from dialogwatch.extract.places import find_countries
from dialogwatch.extract.schema import Figure


class _CurrencyAfter(BaseModel):
    word: str
    unit: str


class _FigureExample(BaseModel):
    text: str
    values: list[float]
    lang: str = "en"


class _Units(BaseModel):
    percent: list[str]
    currency_before: list[str]
    currency_after: list[_CurrencyAfter]
    not_units: list[str]
    not_after_words: list[str]
    quantifiers: list[str]
    subject_verbs: list[str]
    unit_stop: list[str]
    street_words: list[str]
    examples: list[_FigureExample]


@cache
def _month_near() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # a number next to a month name is a day ("June 5", "5 de junio"), not a figure
    months = "|".join(re.escape(m) for m in month_names())
    before = re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:de\s+|of\s+)?(?:{months})\b", re.IGNORECASE)
    return before, after


_WORD = re.compile(r"[\w'’.$%€-]+", re.UNICODE)
_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w.,]\d)")
_RANGE = re.compile(
    r"(?:between|from|entre|de|desde)\s+((?:19|20)\d\d)\s+(?:and|to|through|until|y|a|al|hasta)\s+((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)",
    re.IGNORECASE,
)
_LOWER_START = re.compile(r"^[a-záéíóúñü]")


@cache
def _units() -> _Units:
    return load_data("units.yaml", _Units)


@cache
def _sets() -> dict[str, frozenset[str]]:
    u = _units()
    return {
        "not_units": frozenset(w.lower() for w in u.not_units),
        "not_after": frozenset(w.lower() for w in u.not_after_words),
        "subject": frozenset(w.lower() for w in u.subject_verbs),
        "stop": frozenset(w.lower() for w in u.unit_stop),
        "street": frozenset(w.lower() for w in u.street_words),
    }


@cache
def _percent_re() -> re.Pattern[str]:
    alt = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_units().percent, key=len, reverse=True)
    )
    return re.compile(rf"^\s*(?:{alt})(?![\w])", re.IGNORECASE)


@cache
def _quant_re() -> re.Pattern[str]:
    alt = "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_units().quantifiers, key=len, reverse=True)
    )
    return re.compile(rf"(?:^|[\s(])(?:{alt})\s*$", re.IGNORECASE)


@cache
def _currency_before_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(_units().currency_before, key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s*$")


def find_figures(ctx: DocContext) -> list[Figure]:
    """Return each figure with its value, unit and span."""
    out: list[Figure] = []
    for seg in ctx.segments:
        if seg.kind == "heading":
            continue
        out.extend(figures_in_segment(seg, ctx.language))
    return out


def figures_in_segment(seg: Segment, language: str) -> list[Figure]:
    """Return the figures of one sentence or list item (offsets into the document)."""
    text = seg.text
    found: list[Figure] = []
    for num in find_numbers(text, language):
        judged = _judge(text, num)
        if judged is None:
            continue
        unit, rule = judged
        a, b = _window(text, num)
        found.append(
            Figure(
                value=num.value,
                text=text[a:b],
                unit=unit,
                period=_period(text, num),
                start=seg.start + num.start,
                end=seg.start + num.end,
                rule=rule,
                confidence=0.8 if num.words else 0.9,
            )
        )
    return found


def _prev_word(before: str) -> str:
    """The word right before a number (a backward walk: a regex anchored at the end would try
    every position of the text before it)."""
    tail = before.rstrip()
    i = len(tail)
    while i > 0 and (tail[i - 1].isalnum() or tail[i - 1] in "_'’."):
        i -= 1
    return tail[i:]


def _judge(text: str, num: NumberMatch) -> tuple[str | None, str] | None:
    """Return (unit, rule) when the number is a figure, None when it is not."""
    sets = _sets()
    before, after = text[: num.start], text[num.end :]
    raw = text[num.start : num.end]
    if num.words and re.search(r"\bpor\s+$", before, re.IGNORECASE):
        return None  # "por ciento" is the percent word, not a hundred
    if after[:1] in ("-", "<", ":", "/", "–") or before[-1:] in ("/", "#", "-", "–", ":"):
        return None  # "two-day", "8<sup>th", "10:30", phone numbers, ranges of labels
    if before.endswith("(") and after.startswith(")"):
        return None  # enumerators "(1)"
    token_start = max(before.rfind(" "), before.rfind("\n")) + 1
    token_end = len(text) if " " not in after else num.end + after.find(" ")
    token = text[token_start:token_end]
    if "@" in token or "://" in token or "www." in token:
        return None
    if not num.words and not num.scaled and re.fullmatch(r"(?:19|20)\d\d", raw):
        return None  # a year
    month_before, month_after = _month_near()
    # the month sits right before the number: a short window spares a scan of the whole text
    if month_before.search(before[-24:]) or month_after.match(after):
        return None  # a date
    prev = _prev_word(before)
    prev_l = prev.lower().rstrip(".")
    if prev_l in sets["not_after"]:
        return None
    if _currency_before_re().search(before):
        # "EUR 3.5 million": a currency code is capitalised but does not make the number a label
        return "USD" if "$" in before[-4:] else _currency_code(before), "figure.money"
    rate = _RATE.match(after)
    if rate:
        return f"per {rate.group('den')} {rate.group('noun')}", "figure.rate"
    if (
        prev
        and prev[0].isupper()
        and not _sentence_start(before)
        and prev_l not in sets["stop"]
        and not num.words
    ):
        return None  # inside a name: "Reader 5.0", "Title 17", "Media 041414"
    pm = _percent_re().match(after)
    if pm:
        return "percent", "figure.percent"
    if num.weak and not num.scaled:
        return None  # "one", "un", "una": articles far more often than counts
    words = _following_words(after)
    if not words:
        if num.words or num.value < 2:
            return None
        return (None, "figure.bare") if _quant_re().search(before) else None
    first = words[0].lower()
    lead = re.sub(r"^\s*(?:de|of)\s+", "", after.lower()).lstrip()
    for cur in _units().currency_after:
        if lead.startswith(cur.word.lower()):
            return cur.unit, "figure.money"
    if first in sets["not_units"]:
        return None
    if words[0][:1].isupper() and len(words) > 1 and words[1][:1].islower() and find_countries(words[0]):
        unit = _unit(words[1:])  # "25,000 Mexican workers": a nationality, then what is counted
        return (unit, "figure.count") if unit else None
    if words[0][:1].isupper() and first not in sets["stop"]:
        if (
            len(words[0]) == 1
            or first in sets["street"]
            or (len(words) > 1 and words[1].lower() in sets["street"])
        ):
            return None  # an address
        if not num.words:
            return None  # "2201 C Street", "20 Mexican...": too ambiguous
    if first in sets["subject"]:
        return None, "figure.subject"
    if (
        first in ("of", "de")
        and len(words) > 2
        and words[1].lower() in ("the", "los", "las", "these", "estos", "estas")
    ):
        unit = _unit(
            [w for w in words[2:] if not w[:1].isdigit()]
        )  # "104 of the victims", "tres de los 43 estudiantes"
        return (unit, "figure.part_of") if unit else None
    if num.words and first.endswith("ed") and first not in ("seized", "armed", "displaced", "disappeared"):
        return None  # "the two discussed": a pronoun, not a count
    unit = _unit(words)
    if unit is None:
        if not num.words and _quant_re().search(before):
            return None, "figure.bare"
        return None
    return unit, "figure.count"


# "7.8 per 100,000 inhabitants", "7,8 por cada 100.000 habitantes": a rate and its base
_RATE = re.compile(
    r"^\s*(?:per|por\s+cada|por)\s+(?P<den>\d{1,3}(?:[.,\s]\d{3})+|\d+)\s+(?P<noun>[^\W\d_]+)", re.IGNORECASE
)


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip()
    return not stripped or stripped[-1] in '.!?:;"“(¿¡'


def _currency_code(before: str) -> str:
    tail = before[-5:]
    if "€" in tail or "EUR" in tail:
        return "EUR"
    if "MXN" in tail:
        return "MXN"
    if "£" in tail:
        return "GBP"
    return "USD"


def _following_words(after: str) -> list[str]:
    if after[:1] and after[:1] not in " \u00a0\t":
        return []
    words: list[str] = []
    for m in _WORD.finditer(after[:120]):
        gap = after[: m.start()] if not words else ""
        if not words and gap.strip():
            return []
        w = m.group(0).strip(".'’")
        if not w:
            break
        words.append(w)
        if len(words) == 5:
            break
        tail = after[m.end() : m.end() + 1]
        if tail and tail in ",;:()":
            break
    return words


def _unit(words: list[str]) -> str | None:
    """The counted noun: skip a leading "de"/"of" after scales, stop at function words."""
    stop = _sets()["stop"]
    chunk: list[str] = []
    i = 0
    if words and words[0].lower() in ("de", "of") and len(words) > 1:
        i = 1  # "32 millones de personas"
    for w in words[i:]:
        lw = w.lower()
        if lw in stop or not _LOWER_START.match(w):
            break
        chunk.append(lw)
        if len(chunk) == 3:
            break
    if not chunk:
        return None
    if any(c in "áéíóúñ" for c in "".join(chunk)) or (
        chunk[0].endswith(("s", "es")) and len(chunk) > 1 and not chunk[-1].endswith("s")
    ):
        return chunk[0]  # Spanish: the noun comes first ("personas desaparecidas")
    plural = [c for c in chunk if c.endswith("s") and not c.endswith("ss")]
    return plural[0] if plural else chunk[-1]  # "new laws passed" -> laws


def _window(text: str, num: NumberMatch) -> tuple[int, int]:
    """A clause-sized window: a few words before the number to a few words after."""
    left = text[: num.start]
    starts = [m.start() for m in re.finditer(r"\S+", left)]
    a = starts[-6] if len(starts) >= 6 else 0
    for stop in (";", ". "):
        cut = left.rfind(stop)
        if cut >= a:
            a = cut + len(stop)
    right = text[num.end :]
    ends = [m.end() for m in re.finditer(r"\S+", right)]
    b = num.end + (ends[7] if len(ends) > 7 else len(right))
    semi = text.find(";", num.end, b)
    if semi != -1:
        b = semi
    while a < num.start and text[a].isspace():
        a += 1
    return a, b


def _period(text: str, num: NumberMatch) -> str | None:
    """The period a figure refers to: a year range or the nearest year in the sentence."""
    m = _RANGE.search(text)
    if m:
        y1, y2 = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return f"{y1}-{y2}"
    years = [(abs(y.start() - num.start), y.group(0)) for y in _YEAR.finditer(text) if y.start() != num.start]
    return min(years)[1] if years else None
