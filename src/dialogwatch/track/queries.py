"""Read-side queries over tracked actions, shared by CLI, API and web."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dialogwatch.link.actions import eligible_document_ids
from dialogwatch.store.models import Action, Document, Meeting, MeetingDocument
from dialogwatch.track.deadlines import due_date, is_overdue
from dialogwatch.track.errors import NotFound
from dialogwatch.track.status import compliance_score


def series_ids(session: Session, series: str) -> list[int]:
    """Ids of series matching an id, key, name or alias (the link domain's matching)."""
    from dialogwatch.analytics.common import UnknownSeriesError, find_series

    try:
        return [s.id for s in find_series(session, series)]
    except UnknownSeriesError as exc:
        raise NotFound(str(exc)) from None


def _in_series(ids: list[int]):  # type: ignore[no-untyped-def]
    meetings = select(Meeting.id).where(Meeting.series_id.in_(ids))
    docs = select(MeetingDocument.document_id).where(MeetingDocument.meeting_id.in_(meetings))
    return or_(Action.meeting_id.in_(meetings), Action.document_id.in_(docs))


def find_actions(
    session: Session,
    series: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    actor: str | None = None,
    overdue_as_of: date | None = None,
    include_rejected: bool = False,
) -> list[Action]:
    """Actions of current documents, filtered; rows a reviewer rejected are hidden by default."""
    q = (
        select(Action)
        .join(Document, Document.id == Action.document_id)
        .where(Document.is_current.is_(True))
        .order_by(Document.issue_date, Action.document_id, Action.start, Action.id)
    )
    if not include_rejected:
        q = q.where(Action.review_state != "rejected")
    if series:
        q = q.where(_in_series(series_ids(session, series)))
    if kind:
        q = q.where(Action.kind == kind)
    if status:
        q = q.where(Action.status == status)
    # Translations, drafts and duplicates restate an action; only one copy is tracked.
    eligible = eligible_document_ids(session)
    rows = [a for a in session.scalars(q) if a.document_id in eligible]
    if actor:
        rows = [a for a in rows if actor.upper() in [x.upper() for x in (a.actors or [])]]
    if overdue_as_of is not None:
        rows = [a for a in rows if is_overdue(a, overdue_as_of)]
    return rows


def action_row(action: Action, as_of: date | None = None) -> dict:
    """One action as a flat dict for lists (CLI, API)."""
    due = due_date(action.deadline)
    return {
        "id": action.id,
        "document": action.document_id,
        "kind": action.kind,
        "status": action.status,
        "score": compliance_score(action.kind, action.status),
        "level": action.level,
        "actors": ",".join(action.actors or []),
        "addressee": action.addressee,
        "deadline": action.deadline,
        "due": due.isoformat() if due else None,
        "overdue": is_overdue(action, as_of or date.today()),
        "topics": ",".join(action.topics or []),
        "review": action.review_state,
        "text": action.text,
    }
