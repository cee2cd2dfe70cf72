"""Exact literal pre-checks that let most texts skip a slow regex.

sre scans a pattern that opens with ``\\b``, a lookbehind or a case-insensitive
alternation position by position, trying every alternative at each one: a
lexicon of sixty verbs costs tens of microseconds per sentence, and the
extractors run such lexicons over every sentence. Yet every match of such a
pattern contains one of a few literal strings ("held", "convened", ...), and a
substring test over a case-folded copy of the text rules most texts out at a
fraction of that cost.

The literals are read off the parse tree the ``re`` module compiles from, and
the fold maps every pair of characters that ``re.IGNORECASE`` treats as equal
to one character, so the check is exact: it never turns away a text the
pattern would match. ``Prefiltered`` wraps a compiled pattern with the check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from re import _parser as sre_parse  # the parse tree re itself compiles from
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)
from typing import Any

from dialogwatch.extract.alternation import fold, word_alternation

Strings = frozenset[str]

# more possible strings than this and a run of the pattern stops being spelled out
_MAX_STRINGS = 64
# a match's first words may be a whole lexicon: a trie scans for hundreds as fast as for a few
_MAX_LEADS = 1024
# leading literals shorter than this start at too many places to pay for a match attempt at each
_MIN_LEAD = 4
# on a shorter text a scan of its own costs more than it saves
_MIN_LEAD_TEXT = 256
# ... unless a match may start with any of this many words (a lexicon): sre then tries each
# at every position, and the own scan pays on a sentence and for three-letter words too
_LEXICON_LEADS = 8
_END = 2**63 - 1  # re's own default end position
# more literals than this are checked by one literal-only regex, a trie: one scan, not one per literal
_MAX_IN_CHECKS = 8
# independent literal lists checked per text ("en" ... and a year's "19"/"20"): each must be there
_MAX_CHECKS = 2


def _possible(items: Any) -> Strings | None:
    """Every string a (sub)pattern can match, or None when that is not a short list."""
    out: set[str] = {""}
    for op, av in items:
        alts = _possible_item(op, av)
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > _MAX_STRINGS:
            return None
    return frozenset(out)


def _possible_item(op: Any, av: Any) -> Strings | None:
    if op is LITERAL:
        return frozenset({chr(av)})
    if op is IN:  # a class of plain characters ("[oó]"); ranges, categories and negation give up
        if len(av) <= 8 and all(o is LITERAL for o, _ in av):
            return frozenset(chr(c) for _, c in av)
        return None
    if op is SUBPATTERN:
        return _possible(av[3])
    if op is ATOMIC_GROUP:
        return _possible(av)
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            p = _possible(alt)
            if p is None:
                return None
            out |= p
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        lo, hi, item = av
        if hi > 1:
            return None
        p = _possible(item) if hi == 1 else frozenset({""})
        return p if p is None or lo >= 1 else p | {""}
    if op in (AT, ASSERT, ASSERT_NOT):
        return frozenset({""})  # zero width: the characters around it are still adjacent
    return None  # any character, a category, a back reference ...


def _requirements(items: Any) -> list[Strings]:
    """Lists of strings, from different parts of the pattern: every match holds one string of each."""
    out: list[Strings] = []
    run: set[str] = {""}  # possible strings of the current run of spelled-out items
    for op, av in items:
        alts = _possible_item(op, av)
        if alts is not None:
            longer = {a + b for a in run for b in alts}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
            _keep(out, run)
            run = set(alts)
            continue
        _keep(out, run)
        run = {""}
        out.extend(_item_requirements(op, av))
    _keep(out, run)
    return out


def _keep(out: list[Strings], strings: set[str]) -> None:
    if strings and "" not in strings:
        out.append(frozenset(strings))


def _item_requirements(op: Any, av: Any) -> list[Strings]:
    if op is SUBPATTERN:
        return _requirements(av[3])
    if op is ATOMIC_GROUP:
        return _requirements(av)
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            n = _needed(alt)
            if n is None:
                return []
            out |= n
        return [frozenset(out)]
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
        return _requirements(av[2])
    return []


def _needed(items: Any) -> Strings | None:
    """The most selective list of strings one of which every match contains (None: no such list)."""
    best: Strings | None = None
    for strings in _requirements(items):
        best = _better(best, strings)
    return best


def _better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The more selective list: longer shortest string, then fewer strings."""
    if not b or "" in b:
        return a
    if not a:
        return b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _lead(items: Any) -> Strings | None:
    """Strings one of which every match starts with, or None when there is no such list."""
    run: set[str] = {""}
    for op, av in items:
        alts = _possible_item(op, av)
        if alts is not None:
            longer = {a + b for a in run for b in alts}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
        # the rest of the match starts with how this item starts
        sub = _lead_item(op, av) if alts is None else alts
        if sub is not None:
            longer = {a + b for a in run for b in sub}
            if len(longer) <= _MAX_LEADS:
                run = longer
        break
    return None if "" in run else frozenset(run)


def _lead_item(op: Any, av: Any) -> Strings | None:
    if op is SUBPATTERN:
        return _lead(av[3])
    if op is ATOMIC_GROUP:
        return _lead(av)
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            lead = _lead(alt)
            if lead is None:
                return None
            out |= lead
        return frozenset(out)
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
        return _lead(av[2])
    return None


def _parsed(rx: re.Pattern[str]) -> Any:
    return sre_parse.parse(rx.pattern, rx.flags) if isinstance(rx.pattern, str) else None


def _ignores_case(items: Any, flags: int) -> bool:
    """True when some part of the pattern matches case-insensitively (a flag or a ``(?i:...)``)."""
    if flags & re.IGNORECASE:
        return True
    for op, av in items:
        if op is SUBPATTERN and (av[1] & re.IGNORECASE or _ignores_case(av[3], 0)):
            return True
        if op is BRANCH and any(_ignores_case(alt, 0) for alt in av[1]):
            return True
        if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and _ignores_case(av[2], 0):
            return True
        if op in (ASSERT, ASSERT_NOT) and _ignores_case(av[1], 0):
            return True
        if op is ATOMIC_GROUP and _ignores_case(av, 0):
            return True
    return False


def literal_checks(rx: re.Pattern[str]) -> tuple[list[Strings], Strings | None, bool]:
    """(lists of strings, every match holding one string of each, most selective first;
    strings one of which every match starts with; whether all are folded and must be
    looked for in the folded text).

    A pattern that never ignores case is checked on the text as it is: no fold to pay for.
    """
    parsed = _parsed(rx)
    if parsed is None:
        return [], None, False
    folds = _ignores_case(parsed, rx.flags)
    needed = _requirements(parsed)
    lead = _lead(parsed)
    if folds:
        needed = [frozenset(fold(s) for s in strings) for strings in needed]
        lead = frozenset(fold(s) for s in lead) if lead else None
    needed = sorted({_minimal(strings) for strings in needed}, key=_selectivity)
    if lead:  # a string another one starts adds nothing: the shorter one starts there too
        lead = frozenset(s for s in lead if not any(o != s and s.startswith(o) for o in lead))
    return needed[:_MAX_CHECKS], lead, folds


# a literal check: a few strings tested with ``in``, or one prefix-tree regex for many
_Check = tuple[str, ...] | re.Pattern[str]


def _check(strings: Strings) -> _Check:
    return re.compile(word_alternation(strings)) if len(strings) > _MAX_IN_CHECKS else tuple(sorted(strings))


def _minimal(strings: Strings) -> Strings:
    """The list without strings that contain another of it: the shorter one is there too."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _selectivity(strings: Strings) -> tuple[int, int, list[str]]:
    """Sort key, most selective first: longer shortest string, then fewer strings."""
    return -min(map(len, strings)), len(strings), sorted(strings)


class Prefiltered:
    """A compiled pattern that skips texts holding none of its required literals.

    When every match starts with one of a few literals, a search tries the pattern
    only where one of them starts instead of at every position. Results are the
    wrapped pattern's own: a skipped text gives what a failed search gives.
    """

    __slots__ = (
        "_any_literal",
        "_checks",
        "_folds",
        "_lead_checks",
        "_lead_min_text",
        "_lead_scan",
        "pattern",
        "rx",
    )

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        needed, lead, self._folds = literal_checks(rx)
        self._checks = tuple(_check(strings) for strings in needed)
        self._any_literal = re.compile(word_alternation(needed[0])) if needed else None
        # short leads ("a", "el") start at too many places to beat sre's own scan
        lexicon = lead is not None and len(lead) >= _LEXICON_LEADS
        shortest = min(map(len, lead)) if lead else 0
        good = shortest >= _MIN_LEAD or (lexicon and shortest >= _MIN_LEAD - 1)
        self._lead_scan = re.compile(word_alternation(lead)) if lead and good else None
        self._lead_min_text = 0 if lexicon else _MIN_LEAD_TEXT
        # a check every leading literal contains one string of rejects nothing the scan for
        # the leads does not: with that scan, skip it (a gazetteer is scanned once, not twice)
        self._lead_checks = tuple(
            _check(strings)
            for strings in needed
            if not (lead and all(any(s in lit for s in strings) for lit in lead))
        )

    def may_match(self, text: str) -> bool:
        """False only when no match can exist anywhere in ``text``."""
        return self._passes(text, self._checks)

    def _passes(self, text: str, checks: tuple[_Check, ...]) -> bool:
        if not checks:
            return True
        seen = fold(text) if self._folds else text
        for check in checks:
            if isinstance(check, tuple):
                for literal in check:  # a plain loop: any() over a generator costs twice as much
                    if literal in seen:
                        break
                else:
                    return False
            elif check.search(seen) is None:
                return False
        return True

    def _lead_text(self, text: str) -> str | None:
        """The text the leading literals are looked for in, when its offsets are the text's.

        None for a short text (a scan of its own costs more than it saves, unless the
        pattern opens with a lexicon) or when the fold dropped a U+0307 and so shifted the offsets.
        """
        if self._lead_scan is None or len(text) < self._lead_min_text:
            return None
        if not self._folds:
            return text
        folded = fold(text)
        return folded if len(folded) == len(text) else None

    def literal_starts(self, text: str, pos: int = 0, endpos: int = _END) -> list[int] | None:
        """Every offset in [pos, endpos) where a required literal starts (overlapping ones too).

        None when the pattern has no required literals or the fold shifted the offsets.
        """
        if self._any_literal is None:
            return None
        seen = fold(text) if self._folds else text
        if len(seen) != len(text):
            return None
        scan = self._any_literal.search
        out = []
        m = scan(seen, pos, endpos)
        while m is not None:
            out.append(m.start())
            m = scan(seen, m.start() + 1, endpos)
        return out

    def _passes_in(self, text: str, pos: int, endpos: int, checks: tuple[_Check, ...]) -> bool:
        # a match consumes characters in [pos, endpos) only: its literals are there
        if pos > 0 or endpos < len(text):
            text = text[max(pos, 0) : endpos]
        return self._passes(text, checks)

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        folded = self._lead_text(text)
        if folded is None:
            ok = self._passes_in(text, pos, endpos, self._checks)
            return self.rx.search(text, pos, endpos) if ok else None
        if not self._passes_in(text, pos, endpos, self._lead_checks):
            return None
        return next(self._from_leads(text, folded, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        return self.rx.match(text, pos, endpos) if self._passes_in(text, pos, endpos, self._checks) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        folded = self._lead_text(text)
        if folded is None:
            ok = self._passes_in(text, pos, endpos, self._checks)
            return self.rx.finditer(text, pos, endpos) if ok else iter(())
        if not self._passes_in(text, pos, endpos, self._lead_checks):
            return iter(())
        return self._from_leads(text, folded, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        """``re.Pattern.findall``."""
        return self.rx.findall(text, pos, endpos) if self._passes_in(text, pos, endpos, self._checks) else []

    def _from_leads(self, text: str, folded: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """What ``finditer`` yields, trying the pattern only where a leading literal starts.

        ``match`` at an offset sees the text before it (lookbehinds, ``\\b``) exactly as
        ``search`` does there; a match is never empty, so the next one starts at its end.
        """
        scan, rx_match = self._lead_scan.search, self.rx.match  # type: ignore[union-attr]
        lead = scan(folded, pos, endpos)
        while lead is not None:
            hit = rx_match(text, lead.start(), endpos)
            if hit is not None:
                yield hit
                lead = scan(folded, hit.end(), endpos)
            else:
                lead = scan(folded, lead.start() + 1, endpos)


def prefiltered(pattern: str, flags: int | re.RegexFlag = 0) -> Prefiltered:
    """Compile ``pattern`` with its literal pre-check."""
    return Prefiltered(re.compile(pattern, flags))


def finditer_around(
    rx: re.Pattern[str], text: str, anchors: list[int], breaks: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, searched only in the stretches between ``breaks`` characters
    that hold one of ``anchors`` (sorted offsets).

    The caller vouches that every match holds an anchor, that the pattern never consumes
    a break character (so a match lies in one stretch), and that its look-arounds see the
    end of a stretch as they see the break after it (``(?![\\w-])`` with breaks
    ``[^\\w\\s-]``; no ``$``). The search of a stretch starts at its first character and
    sees the break before it, as the whole-text search arrives there.
    """
    if not anchors:
        return
    cuts = [m.start() for m in breaks.finditer(text)]
    searched_to = -1
    for anchor in anchors:
        if anchor < searched_to:
            continue  # in the stretch just searched
        i = bisect_right(cuts, anchor)
        searched_to = cuts[i] if i < len(cuts) else len(text)
        yield from rx.finditer(text, cuts[i - 1] + 1 if i else 0, searched_to)
