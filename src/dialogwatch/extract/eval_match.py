"""How the scorer compares values: normalised text, word F1, names, labels, "any of" gold lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

HONORIFICS = frozenset(
    {
        "ambassador",
        "secretary",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "vice",
        "sr",
        "sra",
        "lic",
        "embajador",
        "embajadora",
        "don",
        "dona",
    }
)
MAX_ACTION_CHARS = 600
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


# ----------------------------------------------------------------- text helpers
def normalize(value: object) -> str:
    """Case-fold and unify quotes, dashes and whitespace (None becomes "")."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value)).lower().translate(_QUOTES)
    return " ".join(_DASHES.sub("-", s).split())


def strip_accents(text: str) -> str:
    """Drop combining marks ("Cabañas" -> "Cabanas")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def words(value: object) -> list[str]:
    """Alphanumeric tokens of a value, accent-free and lower-case."""
    return [w for w in re.split(r"[^a-z0-9]+", strip_accents(normalize(value))) if w]


def word_f1(a: object, b: object) -> float:
    """Token-multiset F1 between two strings (0.0 when either is empty)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    pool = list(wb)
    shared = 0
    for w in wa:
        if w in pool:
            pool.remove(w)
            shared += 1
    if not shared:
        return 0.0
    p, r = shared / len(wa), shared / len(wb)
    return 2 * p * r / (p + r)


def options(value: object) -> list[Any]:
    """A gold value as its list of acceptable alternatives."""
    return list(value) if isinstance(value, list) else [value]


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def any_of(pred: object, gold: object, same: Callable[[Any, Any], bool]) -> bool:
    """True when ``pred`` equals one alternative of ``gold`` (a None alternative accepts no value)."""
    for alt in options(gold):
        if alt is None and _empty(pred):
            return True
        if alt is not None and not _empty(pred) and same(pred, alt):
            return True
    return False


def _name_words(name: object) -> set[str]:
    # One-letter tokens are middle initials ("Roberta S. Jacobson").
    return {w for w in words(name) if len(w) > 1 and w not in HONORIFICS}


def same_person(a: object, b: object) -> bool:
    """Names match when one's significant tokens contain the other's (two tokens at least)."""
    wa, wb = _name_words(a), _name_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return bool(wa) and wa == wb
    return wa <= wb or wb <= wa


def same_label(pred: object, aliases: object, threshold: float = 0.75) -> bool:
    """Loose name match of an organisation, case or instrument against gold aliases."""
    p = strip_accents(normalize(pred))
    if not p:
        return False
    for alias in options(aliases):
        g = strip_accents(normalize(alias)) if alias is not None else ""
        if not g:
            continue
        if p == g:
            return True
        short, long_ = sorted((p, g), key=len)
        if (len(words(short)) >= 2 or len(short) >= 6) and short in long_:
            return True
        if word_f1(p, g) >= threshold:
            return True
    return False
