"""Exact literal pre-checks that let most texts skip a slow regex.

sre scans a pattern that opens with ``\\b``, a lookbehind or a case-insensitive
alternation position by position, trying every alternative at each one: a
lexicon of sixty verbs costs tens of microseconds per sentence, and the
extractors run such lexicons over every sentence. Yet every match of such a
pattern contains one of a few literal strings ("held", "convened", ...), and a
substring test over a case-folded copy of the text rules most texts out at a
fraction of that cost.

The literals are read off the parse tree the ``re`` module compiles from
(``literals.py``), and the fold maps every pair of characters ``re.IGNORECASE``
treats as equal to one character, so the check is exact: it never turns away a
text the pattern would match. ``Prefiltered`` wraps a compiled pattern with the
check and, when every match starts with one of a few literals, tries the pattern
only where one starts. ``finditer_around`` searches only the stretches of a text
around given anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dialogwatch.extract.alternation import fold, word_alternation
from dialogwatch.extract.literals import Strings, literal_checks

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
# ... except in a long text, where ``in`` (a fast string search) beats a trie whose words start
# with common letters (sre then stops at every such letter) for up to this many literals
_LONG_TEXT = 1000
_MAX_LONG_IN_CHECKS = 12


# a literal check: the strings, tested with ``in``, and a prefix-tree regex for them when
# there are more than a few (one scan, not one per string)
_Check = tuple[tuple[str, ...], re.Pattern[str] | None]


def _check(strings: Strings) -> _Check:
    scan = re.compile(word_alternation(strings)) if len(strings) > _MAX_IN_CHECKS else None
    return tuple(sorted(strings)), scan


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
        # a run of white space counts half a character: "the " is about as common as "the"
        shortest = min(len(s) - s.count(" ") / 2 for s in lead) if lead else 0
        good = shortest >= _MIN_LEAD or (lexicon and shortest >= _MIN_LEAD - 1)
        # a lead opening with white space gives the scan no first character to skip to
        good = good and not any(s.startswith(" ") for s in lead or ())
        # a space in a leading string is any run of white space (``\\s+``)
        self._lead_scan = re.compile(word_alternation(lead, flexible_space=True)) if lead and good else None
        self._lead_min_text = 1 if lexicon else _MIN_LEAD_TEXT  # never empty: "" would read as False
        # a check every leading literal contains one string of rejects nothing the scan for
        # the leads does not: with that scan, skip it (a gazetteer is scanned once, not
        # twice), unless its few strings are found by ``in`` faster than the scan runs
        self._lead_checks = tuple(
            _check(strings)
            for strings in needed
            if len(strings) <= _MAX_LONG_IN_CHECKS
            or not (lead and all(any(s in lit for s in strings) for lit in lead))
        )

    def may_match(self, text: str) -> bool:
        """False only when no match can exist anywhere in ``text``."""
        return self._passes(text, self._checks)

    def _passes(self, text: str, checks: tuple[_Check, ...]) -> bool:
        seen = fold(text) if self._folds else text
        long_text = len(seen) > _LONG_TEXT
        for literals, scan in checks:
            if scan is not None and not (long_text and len(literals) <= _MAX_LONG_IN_CHECKS):
                if scan.search(seen) is None:
                    return False
                continue
            for literal in literals:  # a plain loop: any() over a generator costs twice as much
                if literal in seen:
                    break
            else:
                return False
        return True

    def _plan(self, text: str, pos: int, endpos: int) -> str | bool:
        """False when ``text`` can hold no match in [pos, endpos); else True for the pattern's
        own search, or the text to look for the leading literals in (one call per search:
        these run on every sentence).

        The leading literals are looked for only in a long enough text (on a short one a
        scan of its own costs more than it saves, unless the pattern opens with a lexicon)
        and when the fold kept the offsets (it drops a U+0307).
        """
        lead = self._lead_scan is not None and len(text) >= self._lead_min_text
        checks = self._lead_checks if lead else self._checks
        if checks:
            # a match consumes characters in [pos, endpos) only: its literals are there
            window = text if pos <= 0 and endpos >= len(text) else text[max(pos, 0) : endpos]
            if not self._passes(window, checks):
                return False
        if not lead:
            return True
        folded = fold(text) if self._folds else text
        return folded if len(folded) == len(text) else True

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

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        plan = self._plan(text, pos, endpos)
        if plan is True:
            return self.rx.search(text, pos, endpos)
        return next(self._from_leads(text, plan, pos, endpos), None) if plan else None

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        return self.rx.match(text, pos, endpos) if self._plan(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        plan = self._plan(text, pos, endpos)
        if plan is True:
            return self.rx.finditer(text, pos, endpos)
        return self._from_leads(text, plan, pos, endpos) if plan else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        """``re.Pattern.findall``."""
        return self.rx.findall(text, pos, endpos) if self._plan(text, pos, endpos) else []

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
    (a one-character class) that hold one of ``anchors`` (sorted offsets).

    The caller vouches that every match holds an anchor, that the pattern never consumes
    a break character (so a match lies in one stretch), and that its look-arounds see the
    end of a stretch as they see the break after it (``(?![\\w-])`` with breaks
    ``[^\\w\\s-]``; no ``$``). The search of a stretch starts at its first character and
    sees the break before it, as the whole-text search arrives there.
    """
    if not anchors:
        return
    n = len(text)
    reverse = text[::-1]  # the break before an anchor is the first one after it in here
    searched_to = -1
    for anchor in anchors:
        if anchor < searched_to:
            continue  # in the stretch just searched
        after = breaks.search(text, anchor)
        before = breaks.search(reverse, n - anchor)
        searched_to = after.start() if after else n
        yield from rx.finditer(text, n - before.start() if before else 0, searched_to)
