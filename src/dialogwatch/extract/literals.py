"""What literal text every match of a regex holds, read off its parse tree.

``literal_checks`` answers two questions about a compiled pattern: which lists of
strings every match holds one string of ("held" or "convened" or ...; a year's
"19" or "20"), and which strings every match starts with. The answers come from
the parse tree the ``re`` module compiles from, so they are exact: a zero-width
assertion is skipped, a class of a few plain characters is spelled out, anything
else (``\\w``, ``.``, a long repeat) ends a run of spelled-out text. Under
``re.IGNORECASE`` the strings are case-folded (``alternation.fold``).
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # the parse tree re itself compiles from
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    CATEGORY_SPACE,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)
from typing import Any

from dialogwatch.extract.alternation import fold

Strings = frozenset[str]

# more possible strings than this and a run of the pattern stops being spelled out
_MAX_STRINGS = 64
# a match's first words may be a whole lexicon: a trie scans for hundreds as fast as for a few
_MAX_LEADS = 1024
# independent literal lists checked per text ("en" ... and a year's "19"/"20"): each must be there
_MAX_CHECKS = 2


def _possible(items: Any, spaces: bool = False) -> Strings | None:
    """Every string a (sub)pattern can match, or None when that is not a short list.

    ``spaces``: ``\\s``, ``\\s+`` and ``\\s*`` become " " (any run of white space), for
    leading strings that are looked for with ``\\s+`` in their spaces.
    """
    out: set[str] = {""}
    for op, av in items:
        alts = _possible_item(op, av, spaces)
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > _MAX_STRINGS:
            return None
    return frozenset(out)


def _possible_item(op: Any, av: Any, spaces: bool = False) -> Strings | None:
    if op is LITERAL:
        return frozenset({chr(av)})
    if op is IN:  # a class of plain characters ("[oó]"); ranges, categories and negation give up
        if len(av) <= 8 and all(o is LITERAL for o, _ in av):
            return frozenset(chr(c) for _, c in av)
        return frozenset({" "}) if spaces and _is_space(av) else None
    if op is SUBPATTERN:
        return _possible(av[3], spaces)
    if op is ATOMIC_GROUP:
        return _possible(av, spaces)
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            p = _possible(alt, spaces)
            if p is None:
                return None
            out |= p
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        lo, hi, item = av
        if spaces and len(item) == 1 and item[0][0] is IN and _is_space(item[0][1]):
            return frozenset({" "}) if lo >= 1 else frozenset({"", " "})  # a run of white space
        if hi > 1:
            return None
        p = _possible(item, spaces) if hi == 1 else frozenset({""})
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
    lists = _requirements(items)
    return min(lists, key=_selectivity) if lists else None


def _is_space(av: Any) -> bool:
    return list(av) == [(CATEGORY, CATEGORY_SPACE)]


def _lead(items: Any) -> Strings | None:
    """Strings one of which every match starts with, or None when there is no such list.

    A space in them stands for a run of white space (see ``_possible``).
    """
    run: set[str] = {""}
    for op, av in items:
        alts = _possible_item(op, av, spaces=True)
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


def _minimal(strings: Strings) -> Strings:
    """The list without strings that contain another of it: the shorter one is there too."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _selectivity(strings: Strings) -> tuple[int, int, list[str]]:
    """Sort key, most selective first: longer shortest string, then fewer strings."""
    return -min(map(len, strings)), len(strings), sorted(strings)


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
        lead = frozenset(re.sub(" +", " ", s) for s in lead)
        lead = frozenset(s for s in lead if not any(o != s and s.startswith(o) for o in lead))
    return needed[:_MAX_CHECKS], lead, folds
