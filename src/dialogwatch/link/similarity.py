"""Score how strongly a later action restates or answers an earlier one, without a model.

The score mixes four signals, each in [0, 1], with weights from
``link/data/scoring.yaml``: bilingual concept overlap of the two texts, the
same over their surrounding paragraphs, shared topic ids, and whether the
actors agree (the same governments restating; the addressee of an ask among
the governments that commit).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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


def score_pair(src: ActionView, tgt: ActionView) -> LinkScore | None:
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
    if len(shared_terms | shared_context) < cfg.min_shared_terms:
        return None
    text = set_cosine(src.terms, tgt.terms)
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
