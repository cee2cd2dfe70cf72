"""Status scales, compliance scores and status events (a change is an event, never an overwrite)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Action, Document, StatusEvent, User
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound
from dialogwatch.track.records import lineage_id, row_key
from dialogwatch.track.users import require_role
from dialogwatch.track.vocab import statuses


def scale(kind: str) -> list[str]:
    """Status ids allowed for an action kind, initial first."""
    try:
        return [s.id for s in statuses().scales[kind].statuses]
    except KeyError:
        raise InvalidInput(f"unknown action kind {kind!r}: use commitment or ask") from None


def initial_status(kind: str) -> str:
    """The status every new action of this kind starts with."""
    return statuses().scales[kind].initial


def compliance_score(kind: str, status: str) -> int | None:
    """-1, 0 or +1 for a rated status; None for not_rated (excluded from means)."""
    for s in statuses().scales[kind].statuses:
        if s.id == status:
            return s.score
    raise InvalidInput(f"status {status!r} is not on the {kind} scale: use one of {', '.join(scale(kind))}")


def closed_statuses() -> set[str]:
    """Statuses that end an obligation (never overdue, no new suggestions)."""
    return {s.id for sc in statuses().scales.values() for s in sc.statuses if s.closed}


def done_statuses() -> set[str]:
    """Statuses that mean the action was delivered (score +1): fulfilled, taken_up."""
    return {s.id for sc in statuses().scales.values() for s in sc.statuses if s.score == 1}


def check_status(kind: str, status: str) -> str:
    """Return ``status`` if valid for ``kind``; raise InvalidInput otherwise."""
    if status not in scale(kind):
        raise InvalidInput(
            f"status {status!r} is not on the {kind} scale: use one of {', '.join(scale(kind))}"
        )
    return status


@dataclass(frozen=True)
class EvidenceSpec:
    """Evidence of an assessment: a stored document span and/or an external reference."""

    document_id: int | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    citation: str | None = None


def parse_evidence_ref(ref: str) -> EvidenceSpec:
    """Parse ``DOC`` or ``DOC:START-END`` (document id, character span of its clean text)."""
    doc, _, span = ref.partition(":")
    if not doc.strip().isdigit():
        raise InvalidInput(f"invalid evidence {ref!r}: write DOC or DOC:START-END, e.g. 12:340-512")
    if not span:
        return EvidenceSpec(document_id=int(doc))
    start, _, end = span.partition("-")
    if not (start.strip().isdigit() and end.strip().isdigit()):
        raise InvalidInput(f"invalid evidence span {span!r}: write START-END character offsets")
    return EvidenceSpec(document_id=int(doc), start=int(start), end=int(end))


def get_action(session: Session, action_id: int) -> Action:
    """The action with this id, or NotFound."""
    action = session.get(Action, action_id)
    if action is None:
        raise NotFound(f"no action with id {action_id}")
    return action


def _events_query(action: Action):  # type: ignore[no-untyped-def]
    doc = action.document
    return select(StatusEvent).where(
        StatusEvent.lineage_id == lineage_id(doc), StatusEvent.action_key == row_key(action)
    )


def _chronological(events: list[StatusEvent]) -> list[StatusEvent]:
    # Latest = most recent assessment date; entry order breaks ties.
    return sorted(events, key=lambda e: (e.assessed_on, e.id))


def history(session: Session, action_id: int) -> list[StatusEvent]:
    """Every status event of an action (across re-extractions), oldest assessment first."""
    action = get_action(session, action_id)
    return _chronological(list(session.scalars(_events_query(action))))


def current_status(session: Session, action: Action) -> str:
    """The status of the latest event, or the kind's initial status."""
    events = _chronological(list(session.scalars(_events_query(action))))
    return events[-1].status if events else initial_status(action.kind)


def same_action_rows(session: Session, action: Action) -> list[Action]:
    """This action's rows in every version of its document (they share one status history)."""
    lineage = lineage_id(action.document)
    if not action.identity_key:
        return [action]
    docs = select(Document.id).where(or_(Document.id == lineage, Document.version_of_id == lineage))
    rows = list(
        session.scalars(
            select(Action).where(Action.identity_key == action.identity_key, Action.document_id.in_(docs))
        )
    )
    return rows or [action]


def refresh_status_cache(session: Session, action: Action) -> str:
    """Recompute ``Action.status`` from the events and return it."""
    action.status = current_status(session, action)
    return action.status


def _resolve_evidence(session: Session, ev: EvidenceSpec) -> tuple[Document | None, str | None]:
    if ev.document_id is None:
        if ev.start is not None or ev.end is not None:
            raise InvalidInput("an evidence span needs a document")
        return None, None
    doc = session.get(Document, ev.document_id)
    if doc is None:
        raise NotFound(f"no document with id {ev.document_id}")
    if ev.start is None and ev.end is None:
        return doc, None
    if ev.start is None or ev.end is None or not 0 <= ev.start < ev.end <= len(doc.clean_text):
        raise InvalidInput(
            f"evidence span {ev.start}-{ev.end} is outside document {doc.id} (0-{len(doc.clean_text)})"
        )
    return doc, doc.clean_text[ev.start : ev.end]


def _evidence_label(
    doc_id: int | None, start: int | None, end: int | None, url: str | None, cite: str | None
) -> str:
    parts = []
    if doc_id is not None:
        parts.append(f"doc {doc_id}" + (f":{start}-{end}" if start is not None else ""))
    parts += [p for p in (url, cite) if p]
    return "; ".join(parts)


def event_dict(e: StatusEvent) -> dict:
    """A status event as a plain dict (history output, audit snapshots)."""
    return {
        "evidence": _evidence_label(
            e.evidence_document_id, e.evidence_start, e.evidence_end, e.evidence_url, e.evidence_citation
        ),
        "event": e.id,
        "action": e.action_id,
        "status": e.status,
        "assessed_on": e.assessed_on.isoformat() if e.assessed_on else None,
        "by": e.user_name,
        "evidence_document": e.evidence_document_id,
        "span": f"{e.evidence_start}-{e.evidence_end}" if e.evidence_start is not None else None,
        "quote": e.evidence_quote,
        "url": e.evidence_url,
        "citation": e.evidence_citation,
        "rationale": e.rationale,
        "recorded_at": e.created_at.isoformat(timespec="seconds") if e.created_at else None,
    }


def history_rows(session: Session, action_id: int) -> list[dict]:
    """The history as rows: the extracted initial state first, then every assessment."""
    action = get_action(session, action_id)
    doc = action.document
    first = {
        "event": None,
        "action": action.id,
        "status": initial_status(action.kind),
        "assessed_on": doc.issue_date,
        "by": "extraction",
        "evidence": _evidence_label(doc.id, action.start, action.end, None, None),
        "evidence_document": doc.id,
        "span": f"{action.start}-{action.end}" if action.start is not None else None,
        "quote": action.text,
        "url": None,
        "citation": None,
        "rationale": f"extracted by rule {action.rule or '?'}",
        "recorded_at": action.created_at.isoformat(timespec="seconds") if action.created_at else None,
    }
    return [first, *(event_dict(e) for e in history(session, action_id))]


def set_status(
    session: Session,
    user: User | None,
    action_id: int,
    status: str,
    rationale: str,
    evidence: EvidenceSpec | None = None,
    assessed_on: date | None = None,
) -> StatusEvent:
    """Record an assessment of an action (editors and admins) and update its status cache."""
    require_role(user, "editor")
    assert user is not None
    action = get_action(session, action_id)
    check_status(action.kind, status)
    if not rationale or not rationale.strip():
        raise InvalidInput("a status change needs a rationale (--note)")
    ev = evidence or EvidenceSpec()
    if status != initial_status(action.kind) and ev.document_id is None and not (ev.url or ev.citation):
        raise InvalidInput("a status change needs evidence: a document (--evidence DOC[:START-END]) or --url")
    doc, quote = _resolve_evidence(session, ev)
    before = action.status
    event = StatusEvent(
        action_id=action.id,
        lineage_id=lineage_id(action.document),
        action_key=row_key(action),
        status=status,
        assessed_on=assessed_on or date.today(),
        user_id=user.id,
        user_name=user.name,
        evidence_document_id=doc.id if doc else None,
        evidence_start=ev.start,
        evidence_end=ev.end,
        evidence_quote=quote,
        evidence_url=ev.url,
        evidence_citation=ev.citation,
        rationale=rationale.strip(),
    )
    session.add(event)
    session.flush()
    for same in same_action_rows(session, action):
        refresh_status_cache(session, same)
    audit.record(
        session,
        user,
        "status.set",
        "action",
        action.id,
        before={"status": before},
        after={"status": action.status, **event_dict(event)},
        note=rationale.strip(),
    )
    return event
