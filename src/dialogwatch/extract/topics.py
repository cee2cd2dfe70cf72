"""Document-level topics from the EN/ES thesaurus in data/topics.yaml.

All topic terms are compiled into one regex (one pass over the text). A term
found inside a run of capitalised words is part of a name ("Committee to
Protect Journalists") and does not count unless the thesaurus lists that name.
A document has a topic when the weights of its hits reach 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.schema import Action, Evidence, Topic

THRESHOLD = 1.0
WEAK = 0.5


class _TopicEntry(BaseModel):
    group: str
    en: str
    es: str
    terms: list[str] = []
    weak: list[str] = []
    names: list[str] = []
    # names that support a topic other evidence raises, never alone ("Guardia Nacional" in a
    # delegation list is not a discussion of the military's role)
    weak_names: list[str] = []


class _TopicExample(BaseModel):
    text: str
    topics: list[str]


class TopicsData(BaseModel):
    """Schema of data/topics.yaml."""

    topics: dict[str, _TopicEntry]
    examples: list[_TopicExample]


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One thesaurus hit: topic id, span, weight and whether it is a listed name."""

    topic: str
    start: int
    end: int
    weight: float
    name: bool


@cache
def topics_data() -> TopicsData:
    """The validated topic thesaurus."""
    return load_data("topics.yaml", TopicsData)


_TOKEN = re.compile(r"[\w]+")
_META = re.compile(r"[\\\[\](){}?*+|.^$]")


_Spec = tuple[re.Pattern[str], str, float, bool]


def _literal_key(pattern: str) -> tuple[str, bool]:
    """(key, is_whole_word): the term's first word when it is literal, else its first three letters."""
    m = _META.search(pattern)
    lit = pattern if not m else pattern[: m.start()]
    if m and m.group(0) in "?*{" and lit:
        lit = lit[:-1]  # "prisons?": the "s" is optional
    parts = re.split(r"[\s'’-]", lit, maxsplit=1)
    first = parts[0]
    whole = len(parts) > 1 or m is None
    if not whole and len(first) < 3:
        raise ValueError(f"topics.yaml: term {pattern!r} must start with a literal word or three letters")
    return (first, True) if whole else (first[:3], False)


@cache
def _compiled() -> tuple[dict[str, list[_Spec]], dict[str, list[_Spec]], dict[str, list[_Spec]]]:
    """Indexes by (lower-case whole first word, lower-case 3-letter prefix, exact first word of a name)."""
    full: dict[str, list[_Spec]] = {}
    prefix: dict[str, list[_Spec]] = {}
    names: dict[str, list[_Spec]] = {}
    for tid, entry in topics_data().topics.items():
        specs = [(t, 1.0) for t in entry.terms] + [(t, WEAK) for t in entry.weak]
        for term, weight in specs:
            rx = re.compile(rf"(?:{term})(?![\w-])", re.IGNORECASE)
            key, whole = _literal_key(term)
            (full if whole else prefix).setdefault(key.lower(), []).append((rx, tid, weight, False))
        for name, weight in [(n, 1.0) for n in entry.names] + [(n, WEAK) for n in entry.weak_names]:
            rx = re.compile(rf"{re.escape(name)}(?![\w])")
            names.setdefault(re.split(r"[\s'’-]", name, maxsplit=1)[0], []).append((rx, tid, weight, True))
    return full, prefix, names


_CONNECT = {
    "of",
    "for",
    "on",
    "the",
    "and",
    "to",
    "de",
    "la",
    "del",
    "y",
    "los",
    "las",
    "el",
    "en",
    "against",
    "contra",
    "para",
    "a",
    "&",
}
_PREV_WORD = re.compile(r"([\w'’.-]+),?( +)$")
_NEXT_WORD = re.compile(r"^(,? +)([\w'’-]+)")


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _in_name(text: str, start: int, end: int) -> bool:
    """True when the span sits in a run of capitalised words (a proper name)."""
    cap = re.search(r"(?<![\w'’-])[A-ZÁÉÍÓÚÑ]", text[start:end])
    if not cap:
        return False
    start += cap.start()
    pos = start
    for _ in range(4):  # look back over connectors
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if not m:
            break
        word = m.group(1)
        if word.endswith("."):
            break
        if _capitalised(word):
            return True
        if word.lower() not in _CONNECT:
            break
        pos = m.start()
    pos = end
    for _ in range(4):
        m = _NEXT_WORD.match(text[pos : pos + 40])
        if not m:
            break
        word = m.group(2)
        if _capitalised(word):
            return True
        if word.lower() not in _CONNECT:
            break
        pos += m.end()
    return False


@lru_cache(maxsize=8)
def topic_hits(text: str) -> tuple[TopicHit, ...]:
    """Every counted thesaurus hit in ``text`` (cached: actions and topics share a document's hits)."""
    return tuple(sorted(_topic_hits(text), key=lambda h: h.start))


@lru_cache(maxsize=8)
def hit_starts(text: str) -> list[int]:
    """Sorted start offsets of ``topic_hits(text)``, for range look-ups by span."""
    return [h.start for h in topic_hits(text)]


@lru_cache(maxsize=32768)
def _candidates(word: str) -> tuple[_Spec, ...]:
    """The thesaurus entries a token may start (cached: a document repeats its words)."""
    full, prefix, names = _compiled()
    low = word.lower()
    return tuple(full.get(low, []) + prefix.get(low[:3], []) + names.get(word, []))


def _topic_hits(text: str) -> list[TopicHit]:
    hits: list[TopicHit] = []
    covered: dict[str, int] = {}
    for tok in _TOKEN.finditer(text):
        cands = _candidates(tok.group(0))
        if not cands:
            continue
        pos = tok.start()
        if pos and (text[pos - 1] == "-" or text[pos - 1].isalnum()):
            continue  # "cross-border" is not "border"
        best: dict[str, tuple[int, float, bool]] = {}
        for rx, tid, weight, is_name in cands:
            if covered.get(tid, -1) > pos:
                continue
            m = rx.match(text, pos)
            if not m:
                continue
            if not is_name and _in_name(text, pos, m.end()):
                continue
            if tid not in best or m.end() > best[tid][0]:
                best[tid] = (m.end(), weight, is_name)
        for tid, (end, weight, is_name) in best.items():
            hits.append(TopicHit(tid, pos, end, weight, is_name))
            covered[tid] = end
    return hits


def find_topics(ctx: DocContext, actions: list[Action]) -> list[Topic]:
    """Return the topics the document discusses, with scores and evidence."""
    sums: dict[str, float] = {}
    evidence: dict[str, list[Evidence]] = {}
    strong: set[str] = set()
    for hit in topic_hits(ctx.text):
        sums[hit.topic] = sums.get(hit.topic, 0.0) + hit.weight
        if not (hit.name and hit.weight < 1):
            strong.add(hit.topic)
        ev = evidence.setdefault(hit.topic, [])
        if len(ev) < 5:
            rule = "topic.name" if hit.name else "topic.term"
            if hit.weight < 1:
                rule = "topic.weak_name" if hit.name else "topic.weak"
            ev.append(Evidence(start=hit.start, end=hit.end, rule=rule, confidence=hit.weight))
    for action in actions:  # a pledge or ask about a topic is strong evidence
        for tid in action.topics:
            sums[tid] = sums.get(tid, 0.0) + 0.5
    order = list(topics_data().topics)
    out = [
        Topic(id=tid, score=round(1 - 0.5**total, 3), evidence=evidence.get(tid, []))
        for tid, total in sums.items()
        if total >= THRESHOLD and evidence.get(tid) and tid in strong
    ]
    out.sort(key=lambda t: (-t.score, order.index(t.id)))
    return out


def topics_in_text(text: str) -> list[str]:
    """Topic ids whose thesaurus terms occur in one passage (an action's text)."""
    seen: list[str] = []
    for hit in topic_hits(text):
        if hit.weight >= 1 and hit.topic not in seen:
            seen.append(hit.topic)
    return seen
