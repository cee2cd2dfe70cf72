"""Cue patterns for commitments and asks, compiled from data/cues.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.alternation import word_alternation
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.prefilter import Prefiltered, prefiltered


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


class _AddresseeLineExample(BaseModel):
    text: str
    who: str | None


class _NextMeetingExample(BaseModel):
    text: str
    date: str
    match: bool


class _NegationExample(BaseModel):
    text: str
    kind: str | None


class CuesData(BaseModel):
    """Schema of data/cues.yaml."""

    cues: list[_Cue]
    exclude_words: list[str]
    # what, just before a cue, denies it ("nadie nos pidió"); its examples' first cue kind
    negation: str = "(?!)"
    negation_examples: list[_NegationExample] = []
    # a subject naming a meeting and a verb setting it ahead: the next meeting as a commitment
    next_meeting: str = "(?!)"
    next_meeting_examples: list[_NextMeetingExample] = []
    # a line that opens the asks to one addressee ("Al Gobierno de México:"); group `who`
    addressee_line: str = "(?!)"
    addressee_line_examples: list[_AddresseeLineExample] = []


def addressee_line(text: str) -> str | None:
    """Whom a line such as "To the Government of the United States:" addresses, if it is one."""
    m = _addressee_line().fullmatch(text.strip())
    return m.group("who").strip() if m else None


@cache
def _negation() -> re.Pattern[str]:
    return re.compile(cues_data().negation)


@cache
def _addressee_line() -> re.Pattern[str]:
    return re.compile(cues_data().addressee_line, re.IGNORECASE)


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
def _compiled(language: str = "en") -> list[tuple[_Cue, re.Pattern[str], frozenset[str], tuple[str, ...]]]:
    out = []
    for c in cues_data().cues:
        if c.lang in _langs(language):
            words = frozenset(t for t in c.triggers if not t.startswith("-"))
            suffixes = tuple(t[1:] for t in c.triggers if t.startswith("-"))
            out.append((c, re.compile(c.pattern, re.IGNORECASE), words, suffixes))
    return out


@cache
def _excluded() -> Prefiltered:
    alt = "|".join(re.escape(w) for w in sorted(cues_data().exclude_words, key=len, reverse=True))
    return prefiltered(rf"(?<![\w])(?:{alt})(?![\w])")


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


@cache
def _trigger_scan(language: str = "en") -> re.Pattern[str]:
    """Any trigger word or suffix as bare text: a text without one has no trigger token."""
    words, suffixes = _triggers(language)
    return re.compile(word_alternation({*words, *suffixes}))


def find_cues(text: str, language: str = "en") -> list[CueHit]:
    """All cue occurrences in ``text``, in order of position."""
    low = text.lower()
    if _trigger_scan(language).search(low) is None:
        return []  # every token is a piece of ``low``: none can be or end with a trigger
    toks = set(_TOKENS.findall(low))
    words, suffixes = _triggers(language)
    if words.isdisjoint(toks) and not (suffixes and any(len(t) > 5 and t.endswith(suffixes) for t in toks)):
        return []
    bad = [(m.start(), m.end()) for m in _excluded().finditer(text)]
    hits: list[CueHit] = []
    long_toks = [t for t in toks if len(t) > 5]
    for cue, rx, trig_words, trig_suffixes in _compiled(language):
        if trig_words.isdisjoint(toks) and not (
            trig_suffixes and any(t.endswith(trig_suffixes) for t in long_toks)
        ):
            continue  # none of this cue's trigger words: its regex cannot match
        for m in rx.finditer(text):
            start = m.start()
            if cue.verb_in_cue:  # the pattern matched a verb ending: start at the word
                w = _WORD_START.search(text, 0, start)
                start = w.start() if w else start
                if text[start : start + 1].isupper() and start > 0:
                    continue  # a capitalised word mid-sentence is a name ("Irán"), not a verb
            if any(a <= start < b or start <= a < m.end() for a, b in bad):
                continue
            if _negation().search(text, max(0, start - 40), start):
                continue  # "nadie nos pidió nada": nobody asked
            hits.append(CueHit(cue, start, m.end()))
    hits.sort(key=lambda h: (h.start, -h.end))
    # "continues to call on X to ...": to go on asking is to ask
    asks = [h.start for h in hits if h.cue.kind == "ask"]
    return [
        h
        for h in hits
        if not (
            h.cue.kind == "commitment" and h.cue.cap is not None and any(0 <= a - h.end <= 3 for a in asks)
        )
    ]
