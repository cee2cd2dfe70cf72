"""Stable identity keys for extracted rows.

A key names *what* a row is about (a person, a topic, the text of an action)
rather than where it sits, so a human decision about a row can be found again
after the document is re-extracted with better rules.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
MAX_KEY = 200


def fold(text: str | None) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces ("Cabañas-Ruiz" -> "cabanas ruiz")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", ascii_only).strip()


def short_hash(text: str) -> str:
    """First 16 hex digits of the SHA-1 of the folded text."""
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:16]


def make_key(kind: str, *parts: object) -> str:
    """Join a kind and its folded parts into a key that fits the column."""
    folded = [fold(str(p)) if p is not None else "" for p in parts]
    key = ":".join([kind, *folded])
    if len(key) > MAX_KEY:
        key = f"{key[: MAX_KEY - 17]}#{short_hash(key)}"
    return key


def number_key(value: float) -> str:
    """A float rendered without spurious decimals (8335.0 -> '8335')."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class KeyRegistry:
    """Hands out keys unique within one document (a repeat gets ``~2``, ``~3``...)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, key: str) -> str:
        """Return ``key``, or a numbered variant when it was already used."""
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return key if count == 1 else f"{key}~{count}"
