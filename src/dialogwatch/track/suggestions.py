"""Evidence suggestions: spans of a new document that seem to address open actions.

Two sources: action links (a new action that restates or answers an open
one, from the linking domain) and, as a fallback, term overlap between the
open action and the new document's sentences. Suggestions only propose; a
person accepts (optionally recording a status) or dismisses them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dialogwatch.store import models
from dialogwatch.store.models import (
    Action,
    ActionLink,
    Document,
    EvidenceSuggestion,
    StatusEvent,
    User,
    utcnow,
)
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound
from dialogwatch.track.records import lineage_id, row_key
from dialogwatch.track.status import EvidenceSpec, done_statuses, set_status
from dialogwatch.track.users import require_role
from dialogwatch.track.vocab import suggest_vocab

_WORD = re.compile(r"[^\W\d_]+")
_QUOTE_MAX = 600


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_fold(w) for w in suggest_vocab().stopwords)


def terms(text: str) -> set[str]:
    """Content terms of a text: folded words, stopwords dropped, cut to the stem length."""
    v = suggest_vocab()
    out = set()
    for w in _WORD.findall(text):
        f = _fold(w)
        if len(f) >= v.min_term_length and f not in _stopwords():
            out.add(f[: v.stem_length])
    return out


def overlap_score(action_text: str, sentence: str) -> float:
    """Share of the action's terms the sentence contains; 0 below the minimum of shared terms."""
    a, s = terms(action_text), terms(sentence)
    shared = a & s
    if not a or len(shared) < suggest_vocab().min_shared_terms:
        return 0.0
    return len(shared) / len(a)


def _open_actions(session: Session, document: Document) -> list[Action]:
    """Open actions of the documents related to this one (shared topics or cases, see linking).

    Evidence is sought among related documents only, so that the cost of ingesting one
    document does not grow with the whole store; actions linked to this document's own
    actions are added back by :func:`_link_candidates`.
    """
    from dialogwatch.link.actions import eligible_document_ids, related_documents

    lineage = lineage_id(document)
    eligible = eligible_document_ids(session)
    candidates = set(related_documents(session, document.id)) & eligible
    linked = select(ActionLink.source_action_id).where(
        ActionLink.target_action_id.in_(select(Action.id).where(Action.document_id == document.id))
    )
    q = (
        select(Action, Document.id, Document.version_of_id, Document.issue_date)
        .join(Document, Document.id == Action.document_id)
        .where(
            Document.is_current.is_(True),
            Action.review_state != "rejected",
            Action.status.not_in(done_statuses()),
            or_(Action.document_id.in_(candidates), Action.id.in_(linked)),
        )
    )
    out = []
    for action, doc_id, version_of, issued in session.execute(q):
        if (version_of or doc_id) == lineage or doc_id not in eligible:
            continue
        # Evidence cannot predate the promise.
        if document.issue_date and issued and issued > document.issue_date:
            continue
        out.append(action)
    return out


def _link_candidates(
    session: Session, document: Document, open_ids: set[int]
) -> list[tuple[int, Action, float]]:
    """(open action id, the new document's action that restates or answers it, link score)."""
    link_model = getattr(models, "ActionLink", None)
    if link_model is None:
        return []
    # Links run from the earlier action to the later one: the new document must be the later side.
    new_ids = select(Action.id).where(Action.document_id == document.id)
    links = session.scalars(select(link_model).where(link_model.target_action_id.in_(new_ids)))
    out = []
    for link in links:
        if getattr(link, "status", "") == "rejected" or link.source_action_id not in open_ids:
            continue
        new_action = session.get(Action, link.target_action_id)
        if new_action is not None:
            out.append((link.source_action_id, new_action, float(link.score or 0.0)))
    return out


def _sentences(text: str) -> list[tuple[int, int, str]]:
    from dialogwatch.extract.segment import segment

    return [(s.start, s.end, s.text) for s in segment(text)]


def suggest_evidence(session: Session, document: Document) -> list[EvidenceSuggestion]:
    """Propose spans of ``document`` as evidence for open actions of other documents (no status change)."""
    session.flush()
    if document.duplicate_of_id is not None or not document.clean_text:
        return []
    open_actions = {a.id: a for a in _open_actions(session, document)}
    proposals: dict[int, tuple[int, int, float, str]] = {}
    for other_id, new_action, score in _link_candidates(session, document, set(open_actions)):
        if new_action.start is None or new_action.end is None:
            continue
        best = proposals.get(other_id)
        if best is None or score > best[2]:
            proposals[other_id] = (new_action.start, new_action.end, score, "action_link")
    v = suggest_vocab()
    sentences = [(start, end, terms(text)) for start, end, text in _sentences(document.clean_text)]
    for action in open_actions.values():
        if action.id in proposals:
            continue
        wanted = terms(action.text)
        if not wanted:
            continue
        best = (0.0, 0, 0)
        for start, end, have in sentences:
            shared = len(wanted & have)
            score = shared / len(wanted) if shared >= v.min_shared_terms else 0.0
            if score > best[0]:
                best = (score, start, end)
        if best[0] >= v.min_score:
            proposals[action.id] = (best[1], best[2], round(best[0], 3), "term_overlap")
    created = []
    for action_id, (start, end, score, method) in proposals.items():
        action = open_actions[action_id]
        lineage, key = lineage_id(action.document), row_key(action)
        exists = session.scalar(
            select(EvidenceSuggestion.id).where(
                EvidenceSuggestion.lineage_id == lineage,
                EvidenceSuggestion.action_key == key,
                EvidenceSuggestion.document_id == document.id,
                EvidenceSuggestion.start == start,
            )
        )
        if exists:
            continue
        suggestion = EvidenceSuggestion(
            action_id=action.id,
            lineage_id=lineage,
            action_key=key,
            document_id=document.id,
            start=start,
            end=end,
            quote=document.clean_text[start:end][:_QUOTE_MAX],
            score=score,
            method=method,
            state="pending",
        )
        session.add(suggestion)
        created.append(suggestion)
    session.flush()
    return created


def list_suggestions(
    session: Session, state: str | None = "pending", action_id: int | None = None
) -> list[EvidenceSuggestion]:
    """Suggestions by state (pending by default), best score first."""
    q = select(EvidenceSuggestion).order_by(EvidenceSuggestion.score.desc(), EvidenceSuggestion.id)
    if state:
        q = q.where(EvidenceSuggestion.state == state)
    if action_id is not None:
        q = q.where(EvidenceSuggestion.action_id == action_id)
    return list(session.scalars(q))


def suggestion_row(s: EvidenceSuggestion) -> dict:
    """One suggestion as a flat dict."""
    return {
        "id": s.id,
        "action": s.action_id,
        "document": s.document_id,
        "span": f"{s.start}-{s.end}",
        "score": s.score,
        "method": s.method,
        "state": s.state,
        "quote": s.quote,
    }


def _pending(session: Session, suggestion_id: int) -> EvidenceSuggestion:
    s = session.get(EvidenceSuggestion, suggestion_id)
    if s is None:
        raise NotFound(f"no evidence suggestion with id {suggestion_id}")
    if s.state != "pending":
        raise InvalidInput(f"suggestion {suggestion_id} is already {s.state}")
    return s


def accept_suggestion(
    session: Session,
    user: User | None,
    suggestion_id: int,
    status: str | None = None,
    note: str = "",
    assessed_on: date | None = None,
) -> StatusEvent | None:
    """Accept a suggestion (editors); with a status it also records a status event citing the span."""
    require_role(user, "editor")
    assert user is not None
    s = _pending(session, suggestion_id)
    event = None
    if status is not None:
        if s.action_id is None:
            raise InvalidInput(f"the action of suggestion {suggestion_id} is no longer extracted")
        event = set_status(
            session,
            user,
            s.action_id,
            status,
            note or "evidence suggestion accepted",
            EvidenceSpec(document_id=s.document_id, start=s.start, end=s.end),
            assessed_on=assessed_on,
        )
        s.status_event_id = event.id
    s.state, s.decided_by, s.decided_at = "accepted", user.name, utcnow()
    audit.record(
        session,
        user,
        "suggestion.accept",
        "evidence_suggestion",
        s.id,
        before={"state": "pending"},
        after={"state": "accepted", "status": status},
        note=note,
    )
    return event


def dismiss_suggestion(session: Session, user: User | None, suggestion_id: int, note: str = "") -> None:
    """Dismiss a suggestion (editors); it is not proposed again for the same span."""
    require_role(user, "editor")
    assert user is not None
    s = _pending(session, suggestion_id)
    s.state, s.decided_by, s.decided_at = "dismissed", user.name, utcnow()
    audit.record(
        session,
        user,
        "suggestion.dismiss",
        "evidence_suggestion",
        s.id,
        before={"state": "pending"},
        after={"state": "dismissed"},
        note=note,
    )
