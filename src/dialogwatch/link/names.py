"""Person-name comparison: the same person across spellings, never two people with one surname."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from dialogwatch.link.data import names_data
from dialogwatch.link.normalize import words

Verdict = Literal["same", "proposal", "different"]


@dataclass(frozen=True)
class NameParts:
    """A name reduced for matching: content tokens (given name first) and dropped initials."""

    tokens: tuple[str, ...]
    initials: tuple[str, ...] = ()

    @property
    def given(self) -> str | None:
        """The given name, when the name has one (two tokens or more)."""
        return self.tokens[0] if len(self.tokens) >= 2 else None

    @property
    def key(self) -> str:
        """A folded key of the name."""
        return " ".join(self.tokens)


@dataclass(frozen=True)
class NameMatch:
    """How two names relate, with a score and the reason a reviewer reads."""

    verdict: Verdict
    score: float
    reason: str


@cache
def _vocab() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    data = names_data()
    nick: dict[str, str] = {}
    for group in data.nicknames.groups:
        for name in group:
            nick.setdefault(name, group[0])
    return frozenset(data.honorifics.words), frozenset(data.particles.words), nick


@lru_cache(maxsize=65536)
def parse_name(name: str) -> NameParts:
    """Fold a written name: no honorifics, accents, hyphens, particles or initials."""
    honorifics, particles, _ = _vocab()
    raw = [w.replace(".", "") for w in words(name)]
    raw = [w for w in raw if w]
    while len(raw) > 1 and raw[0] in honorifics:
        raw = raw[1:]
    initials = tuple(w for w in raw if len(w) == 1)
    tokens = [w for w in raw if len(w) > 1]
    kept = [w for w in tokens if w not in particles]
    return NameParts(tuple(kept or tokens), initials)


def _given_equal(a: str, b: str) -> bool:
    _, _, nick = _vocab()
    return a == b or nick.get(a, a) == nick.get(b, b)


def _sides_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def compare_names(
    a: NameParts, b: NameParts, side_a: str | None = None, side_b: str | None = None
) -> NameMatch:
    """Decide whether two names are one person (same), maybe (proposal) or not (different)."""
    if not a.tokens or not b.tokens:
        return NameMatch("different", 0.0, "empty name")
    sides_ok = _sides_compatible(side_a, side_b)
    match = _compare_tokens(a, b)
    if match.verdict == "same" and not sides_ok:
        return NameMatch("proposal", round(match.score * 0.6, 3), f"{match.reason}; sides differ")
    if match.verdict == "proposal" and not sides_ok:
        return NameMatch("different", 0.0, f"{match.reason}; sides differ")
    return match


def _compare_tokens(a: NameParts, b: NameParts) -> NameMatch:
    if a.tokens == b.tokens:
        return NameMatch("same", 1.0, "same name")
    ga, gb = a.given, b.given
    if ga and gb and _given_equal(ga, gb):
        rest_a, rest_b = set(a.tokens[1:]), set(b.tokens[1:])
        if rest_a <= rest_b or rest_b <= rest_a:
            return NameMatch("same", 0.9, "same given name, surnames contained")
        return NameMatch("different", 0.0, "same given name, different surnames")
    set_a, set_b = set(a.tokens), set(b.tokens)
    if ga and gb:
        # Given names differ: a middle name used as the given name is possible, two people more likely.
        if (set_a < set_b and ga in set_b) or (set_b < set_a and gb in set_a):
            return NameMatch("proposal", 0.6, "one name's words inside the other's, given names differ")
        return NameMatch("different", 0.0, "different given names")
    short, full = (a, b) if ga is None else (b, a)
    if full.given is None:
        return NameMatch("different", 0.0, "surnames only, different")
    if set(short.tokens) <= set(full.tokens[1:]):
        if short.initials and not any(full.given.startswith(i) for i in short.initials):
            return NameMatch("different", 0.0, "initial does not fit the given name")
        if short.initials:
            return NameMatch("proposal", 0.6, "surname and first-name initial match")
        return NameMatch("proposal", 0.5, "surname only")
    return NameMatch("different", 0.0, "different surnames")


def display_name_rank(name: str) -> tuple[int, int, str]:
    """Sort key choosing a person's display name: most complete, then with accents, then alphabetical."""
    parts = parse_name(name)
    accents = sum(1 for ch in name if ord(ch) > 127)
    return (-len(parts.tokens), -accents, name)
