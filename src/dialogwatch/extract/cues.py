"""Cue patterns for commitments and asks, compiled from data/cues.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data


class _Cue(BaseModel):
    id: str
    kind: str
    lang: str
    pattern: str
    triggers: list[str]
    default: int = 4
    cap: int | None = None
    needs_actor: bool = False
    verb_in_cue: bool = False
    letters: bool = True
    joint: bool = True
    addressee: bool = False
    examples: list[str] = []
    counter: list[str] = []


class CuesData(BaseModel):
    """Schema of data/cues.yaml."""

    cues: list[_Cue]
    exclude_words: list[str]


@dataclass(frozen=True, slots=True)
class CueHit:
    """One cue occurrence in a sentence."""

    cue: _Cue
    start: int
    end: int


@cache
def cues_data() -> CuesData:
    """The validated cue vocabulary."""
    return load_data("cues.yaml", CuesData)


def _langs(language: str) -> set[str]:
    return {language} if language in ("en", "es") else {"en", "es"}


@cache
def _compiled(language: str = "en") -> list[tuple[_Cue, re.Pattern[str]]]:
    return [(c, re.compile(c.pattern, re.IGNORECASE)) for c in cues_data().cues if c.lang in _langs(language)]


@cache
def _excluded() -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(cues_data().exclude_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


@cache
def _prefilter(language: str = "en") -> re.Pattern[str]:
    """One regex over all cues: most sentences have none, so test them once."""
    return re.compile(
        "|".join(f"(?:{c.pattern})" for c in cues_data().cues if c.lang in _langs(language)), re.IGNORECASE
    )


_WORD_START = re.compile(r"[\w]+$")
_TOKENS = re.compile(r"[^\W\d_]+")


@cache
def _triggers(language: str = "en") -> tuple[frozenset[str], tuple[str, ...]]:
    words: set[str] = set()
    suffixes: list[str] = []
    for c in cues_data().cues:
        if c.lang in _langs(language):
            for t in c.triggers:
                (suffixes.append(t[1:]) if t.startswith("-") else words.add(t))
    return frozenset(words), tuple(suffixes)


def may_have_cue(text: str, language: str = "en") -> bool:
    """Cheap token test: does the text contain any cue's trigger word or verb ending?"""
    words, suffixes = _triggers(language)
    toks = set(_TOKENS.findall(text.lower()))
    if not words.isdisjoint(toks):
        return True
    return bool(suffixes) and any(len(t) > 5 and t.endswith(suffixes) for t in toks)


def find_cues(text: str, language: str = "en") -> list[CueHit]:
    """All cue occurrences in ``text``, in order of position."""
    if not may_have_cue(text, language) or not _prefilter(language).search(text):
        return []
    bad = [(m.start(), m.end()) for m in _excluded().finditer(text)]
    hits: list[CueHit] = []
    for cue, rx in _compiled(language):
        for m in rx.finditer(text):
            start = m.start()
            if cue.verb_in_cue:  # the pattern matched a verb ending: start at the word
                w = _WORD_START.search(text, 0, start)
                start = w.start() if w else start
                if text[start : start + 1].isupper() and start > 0:
                    continue  # a capitalised word mid-sentence is a name ("Irán"), not a verb
            if any(a <= start < b or start <= a < m.end() for a, b in bad):
                continue
            hits.append(CueHit(cue, start, m.end()))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits
