"""Lexicon alternations compiled as prefix trees.

A lexicon becomes a regex alternation ``(?:longest|...|shortest)``. sre tries its
words one by one at every position, and under ``re.IGNORECASE`` it cannot even
reject a word by its first letter cheaply: a title lexicon of a few hundred
words made one sentence scan cost a tenth of a millisecond. The same words as
a prefix tree branch one character at a time, so a position is rejected after
one or two comparisons.

The tree matches exactly what the longest-first alternation matches, in any
context: the words that match at a position are prefixes of one another (under
``IGNORECASE`` they are keyed by their case fold, so spellings that differ only
in case are one word), the tree follows the text down its single path, and
backtracking offers the longer word before the shorter one, as the sorted
alternation does.

``fold`` is the case fold both this module and ``prefilter`` key literals by: it
maps every pair of characters ``re.IGNORECASE`` treats as equal to one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re._casefix import _EXTRA_CASES  # the extra case pairs of re.IGNORECASE


def _fold_table() -> dict[int, int | None]:
    # str.lower() agrees with re's per-character lower-casing except that "İ" becomes "i" plus
    # U+0307: dropping U+0307 everywhere keeps every occurrence of a literal without it.
    table: dict[int, int | None] = {0x307: None}
    for lo, others in _EXTRA_CASES.items():  # "ı" ~ "i", "ſ" ~ "s", "ς" ~ "σ", ...
        canon = min(lo, *others)
        if canon != lo:
            table[lo] = canon
    return table


_FOLD = _fold_table()
_FOLDED_AWAY = tuple(chr(c) for c in _FOLD)


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Lower-case ``text`` so that characters ``re.IGNORECASE`` equates become one."""
    low = text.lower()
    if low.isascii():
        return low
    # translate() costs ~50 ns a character; these rare characters are found far faster
    # (in a Latin-1 string a search for any of them returns at once)
    return low.translate(_FOLD) if any(c in low for c in _FOLDED_AWAY) else low


_Node = dict[str, "_Node"]
_END = ""  # the key that marks a word ending at a node


def any_of(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching wherever any of ``patterns`` (regexes) matches; none matches nothing."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", flags)


def word_alternation(words: Iterable[str], *, ignore_case: bool = False, flexible_space: bool = False) -> str:
    """A regex for ``(?:w1|w2|...)`` with the words sorted longest first, as a prefix tree.

    ``ignore_case``: the result will run under ``re.IGNORECASE`` (words are merged by case
    fold). ``flexible_space``: a space in a word matches ``\\s+``, as ``_alt`` helpers write it.
    Falls back to the plain sorted alternation when a word's fold changes its length
    ("İ") or it holds two spaces in a row: the tree's argument needs one text character
    per tree edge.
    """
    unique = sorted(set(words), key=len, reverse=True)
    keys = [fold(w) if ignore_case else w for w in unique]
    if any(len(k) != len(w) or (flexible_space and "  " in w) for k, w in zip(keys, unique, strict=True)):
        return _flat(unique, flexible_space)
    root: _Node = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root, flexible_space)


def _flat(words: list[str], flexible_space: bool) -> str:
    alts = (re.escape(w).replace(r"\ ", r"\s+") if flexible_space else re.escape(w) for w in words)
    return "(?:" + "|".join(alts) + ")"


def _emit(node: _Node, flexible_space: bool) -> str:
    alts = [
        (r"\s+" if flexible_space and ch == " " else re.escape(ch)) + _emit(child, flexible_space)
        for ch, child in sorted(node.items())
        if ch != _END
    ]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    # a word ends here and longer ones go on: try the longer ones first, like the sorted alternation
    return f"(?:{body})?" if _END in node else body
