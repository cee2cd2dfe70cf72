"""Score how strongly a later action restates or answers an earlier one, without a model by default.

The score mixes four signals, each in [0, 1], with weights from
``link/data/scoring.yaml``: bilingual concept overlap of the two texts, the
same over their surrounding paragraphs, shared topic ids, and whether the
actors agree (the same governments restating; the addressee of an ask among
the governments that commit). The text signal comes from a ``TextSimilarity``
passed in: concept overlap by default, sentence embeddings in the optional ML
tier (``link/embeddings.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dialogwatch.link.data import scoring_data
from dialogwatch.link.normalize import concept_set


@dataclass
class ActionView:
    """What the scorer needs to know of one action."""

    id: int
    document_id: int
    date: str
    kind: str
    text: str
    topics: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    addressee_countries: frozenset[str] = frozenset()
    named_countries: frozenset[str] = frozenset()
    meeting_id: int | None = None
    identity_key: str = ""
    start: int | None = None
    end: int | None = None
    terms: frozenset[str] = field(default=frozenset())
    context_terms: frozenset[str] | None = None
    # Topics of the named cases in the action's paragraph: what an ask about "Ayotzinapa" is about.
    case_topics: frozenset[str] = frozenset()
    # The topics extraction gave the action itself, before its paragraph's cases were added.
    own_topics: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if not self.terms:
            self.terms = concept_set(self.text)
        if self.own_topics is None:
            self.own_topics = self.topics

    def set_context(self, context: str) -> None:
        """Read the action's surrounding paragraph (its own text when there is none)."""
        self.context_terms = concept_set(context) if context else self.terms


@dataclass(frozen=True)
class LinkScore:
    """A scored candidate link with the evidence a reviewer reads."""

    kind: str
    score: float
    evidence: dict


def link_kind(source_kind: str, target_kind: str) -> str | None:
    """restates (same kind), answers (an ask, then a commitment), or None."""
    if source_kind == target_kind:
        return "restates"
    if source_kind == "ask" and target_kind == "commitment":
        return "answers"
    return None


def set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / sqrt(|a|·|b|), 0 for an empty side."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


CONCEPT_MODEL = "concept-overlap"


@dataclass(frozen=True)
class TextSignal:
    """The text signal of a pair: the value in [0, 1] the score mixes, what produced it, its raw measure."""

    value: float
    model: str
    raw: float


class TextSimilarity(Protocol):
    """Where the text signal of a pair comes from (concept overlap, or a sentence-embedding model)."""

    name: str

    def prime(self, texts: Iterable[str]) -> None:
        """Prepare for scoring these texts (embed them in one batch); may do nothing."""
        ...

    def __call__(self, src: ActionView, tgt: ActionView) -> TextSignal:
        """The text signal of ``tgt`` against ``src``."""
        ...


class ConceptOverlap:
    """The default, model-free text signal: cosine of the two sentences' bilingual concept sets."""

    name = CONCEPT_MODEL

    def prime(self, texts: Iterable[str]) -> None:
        """Nothing to prepare: concept sets are computed with the views."""

    def __call__(self, src: ActionView, tgt: ActionView) -> TextSignal:
        """``set_cosine`` of the two sentences' concepts."""
        value = set_cosine(src.terms, tgt.terms)
        return TextSignal(value, CONCEPT_MODEL, value)


CONCEPTS = ConceptOverlap()


def _actor_score(kind: str, src: ActionView, tgt: ActionView) -> tuple[float, list[str]]:
    if kind == "restates":
        if not src.actors or not tgt.actors:
            return 0.5, []
        shared = src.actors & tgt.actors
        return len(shared) / len(src.actors | tgt.actors), sorted(shared)
    # The governments an ask concerns: whom it addresses and which countries it names.
    concerned = src.addressee_countries | src.named_countries
    if not concerned or not tgt.actors:
        return 0.5, []
    shared = concerned & tgt.actors
    return len(shared) / len(concerned), sorted(shared)


def _case_anchor(kind: str, src: ActionView, tgt: ActionView) -> list[str]:
    """The ask's case topics when the later action covers all of them (else an empty list)."""
    covered = tgt.topics if tgt.own_topics is None else tgt.own_topics
    if kind != "answers" or not src.case_topics or not src.case_topics <= covered:
        return []
    return sorted(src.case_topics)


def score_pair(
    src: ActionView, tgt: ActionView, text_similarity: TextSimilarity = CONCEPTS
) -> LinkScore | None:
    """Score ``tgt`` (later) as restating or answering ``src`` (earlier); None when no link is possible."""
    kind = link_kind(src.kind, tgt.kind)
    if kind is None:
        return None
    if src.date and tgt.date:
        if not src.date < tgt.date:
            return None
    elif kind != "answers":
        return None  # a restatement needs both dates to say which came first
    if src.document_id == tgt.document_id or (
        src.meeting_id is not None and src.meeting_id == tgt.meeting_id
    ):
        return None
    cfg = scoring_data()
    shared_terms = src.terms & tgt.terms
    src_ctx = src.terms if src.context_terms is None else src.context_terms
    tgt_ctx = tgt.terms if tgt.context_terms is None else tgt.context_terms
    shared_context = src_ctx & tgt_ctx
    shares_words = len(shared_terms | shared_context) >= cfg.min_shared_terms
    learned = text_similarity.name != CONCEPT_MODEL
    if not shares_words and not learned:
        return None  # nothing in common, and no model to ask
    signal = text_similarity(src, tgt)
    if not shares_words and signal.value <= 0:
        # A model may vouch for a paraphrase that shares no concept; without that, nothing links them.
        return None
    text = signal.value
    context = set_cosine(src_ctx, tgt_ctx)
    shared_topics = sorted(src.topics & tgt.topics)
    topics = 0.0
    if src.topics and tgt.topics:
        # An ask is taken up when what it asks about is covered; a restatement should match both ways.
        whole = src.topics if kind == "answers" else src.topics | tgt.topics
        topics = len(shared_topics) / len(whole)
    anchored = _case_anchor(kind, src, tgt)
    if anchored:
        # An ask about a named case is taken up by action on that case's theme, whatever else
        # its paragraph touches (an Ayotzinapa ask by a commitment on disappearances).
        topics = 1.0
    actors, shared_actors = _actor_score(kind, src, tgt)
    w = cfg.weights[kind]
    score = w["text"] * text + w["context"] * context + w["topics"] * topics + w["actors"] * actors
    score = round(score, 3)
    if score < cfg.floor:
        return None
    evidence = {
        "similarity": round(text, 3),
        "context_similarity": round(context, 3),
        "shared_topics": shared_topics,
        "topic_overlap": round(topics, 3),
        "shared_actors": shared_actors,
        "actor_agreement": round(actors, 3),
        "matched_terms": sorted(shared_terms)[:25],
        "context_terms": sorted(shared_context - shared_terms)[:25],
        "source_date": src.date or None,
        "target_date": tgt.date or None,
        "order": "by date" if src.date and tgt.date else "unknown: a document has no date",
        "case_topics": anchored,
        "weights": dict(w),
    }
    if learned:
        # Say which model produced the text signal, its raw cosine, and what concept overlap would say.
        evidence["text_signal"] = {
            "model": signal.model,
            "raw": round(signal.raw, 3),
            "concept_similarity": round(set_cosine(src.terms, tgt.terms), 3),
        }
    return LinkScore(kind, score, evidence)


def status_for(score: float, threshold: float, evidence: dict | None = None) -> str:
    """proposed at or above the threshold (with some wording or a named case in common), else suggested."""
    if (
        evidence is not None
        and evidence.get("similarity", 1.0) < scoring_data().min_text_for_proposal
        and not evidence.get("case_topics")
    ):
        return "suggested"
    return "proposed" if score >= threshold else "suggested"
