"""Actions (commitments and asks): filtered lists, overdue checks and per-actor scorecards."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, case, cast, func, literal, select
from sqlalchemy.orm import Session

from dialogwatch.api.services.common import Page, paginate
from dialogwatch.search.index import entries
from dialogwatch.store.models import Action, Meeting
from dialogwatch.track.status import compliance_score, done_statuses


@dataclass
class ActionFilters:
    """Filters of the tracker; ``None`` means any."""

    kind: str | None = None
    series_id: int | None = None
    meeting_id: int | None = None
    document_id: int | None = None
    actor: str | None = None
    topic: str | None = None
    level: int | None = None
    status: str | None = None
    deadline_before: str | None = None
    deadline_after: str | None = None
    overdue: bool = False
    as_of: date | None = None
    include_private: bool = False


def due_expr():  # type: ignore[no-untyped-def]
    """The last day a deadline allows, as a comparable YYYY-MM-DD string ("2022" -> "2022-12-31")."""
    length = func.length(Action.deadline)
    return case(
        (length == 4, Action.deadline + literal("-12-31")),
        (length == 7, Action.deadline + literal("-31")),
        else_=Action.deadline,
    )


def _json_has(column, value: str):  # type: ignore[no-untyped-def]
    # JSON lists of short ids: a quoted-substring test reads the same on SQLite and PostgreSQL.
    escaped = value.replace("\\", "").replace('"', "").replace("%", "").replace("_", "\\_")
    return cast(column, String).like(f'%"{escaped}"%', escape="\\")


def action_query(f: ActionFilters):  # type: ignore[no-untyped-def]
    """The select of actions matching ``f`` (rejected ones excluded), oldest document first."""
    # Document filters and ordering read the slim search index rows, not the wide documents table.
    doc = entries.alias("doc")
    stmt = (
        select(Action)
        .join(doc, (doc.c.kind == "document") & (doc.c.ref_id == Action.document_id))
        .where(doc.c.listed.is_(True), Action.review_state != "rejected")
    )
    if not f.include_private:
        stmt = stmt.where(doc.c.visibility == "public")
    if f.kind:
        stmt = stmt.where(Action.kind == f.kind)
    if f.series_id is not None:
        stmt = stmt.where(Action.meeting_id.in_(select(Meeting.id).where(Meeting.series_id == f.series_id)))
    if f.meeting_id is not None:
        stmt = stmt.where(Action.meeting_id == f.meeting_id)
    if f.document_id is not None:
        stmt = stmt.where(Action.document_id == f.document_id)
    if f.actor:
        stmt = stmt.where(_json_has(Action.actors, f.actor))
    if f.topic:
        stmt = stmt.where(_json_has(Action.topics, f.topic))
    if f.level is not None:
        stmt = stmt.where(Action.level == f.level)
    if f.status:
        stmt = stmt.where(Action.status == f.status)
    if f.deadline_before:
        stmt = stmt.where(Action.deadline.is_not(None), due_expr() <= f.deadline_before)
    if f.deadline_after:
        stmt = stmt.where(Action.deadline.is_not(None), due_expr() >= f.deadline_after)
    if f.overdue:
        as_of = (f.as_of or date.today()).isoformat()
        stmt = stmt.where(
            Action.deadline.is_not(None), due_expr() < as_of, Action.status.not_in(sorted(done_statuses()))
        )
    return stmt.order_by(
        doc.c.issue_date.nulls_last(), Action.document_id, Action.start.nulls_last(), Action.id
    )


def list_actions(session: Session, f: ActionFilters, limit: int = 50, offset: int = 0) -> Page:
    """One page of actions matching ``f``."""
    return paginate(session, action_query(f), limit, offset)


def status_counts(session: Session, f: ActionFilters) -> dict[str, int]:
    """Number of actions matching ``f`` per status (one grouped query)."""
    sub = action_query(f).order_by(None).with_only_columns(Action.status).subquery()
    return {st: n for st, n in session.execute(select(sub.c.status, func.count()).group_by(sub.c.status))}


def count_actions(session: Session, f: ActionFilters) -> int:
    """How many actions match ``f``."""
    return session.scalar(select(func.count()).select_from(action_query(f).order_by(None).subquery())) or 0


def is_overdue(action: Action, as_of: date | None = None) -> bool:
    """Past its deadline and not done (same rule as the tracker's overdue filter)."""
    from dialogwatch.track.deadlines import is_overdue as track_overdue

    return track_overdue(action, as_of or date.today())


def actor_values(session: Session, include_private: bool) -> list[str]:
    """Every actor named on some action, sorted."""
    seen: set[str] = set()
    stmt = action_query(ActionFilters(include_private=include_private)).order_by(None)
    sub = stmt.with_only_columns(cast(Action.actors, String).label("actors")).subquery()
    for (raw,) in session.execute(select(sub.c.actors).distinct()):
        seen.update(a for a in (json.loads(raw) if raw else []) if isinstance(a, str))
    return sorted(seen)


@dataclass
class ScoreRow:
    """Counts by status and the mean compliance score of one actor (or topic)."""

    key: str
    total: int
    counts: dict[str, int]
    rated: int
    mean: float | None


def scorecard(session: Session, f: ActionFilters, by: str = "actor") -> list[ScoreRow]:
    """Per actor (or topic): counts by status and mean compliance score (unrated excluded)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    scores: dict[str, list[int]] = defaultdict(list)
    # Group in SQL on the JSON list's text: a handful of distinct actor lists, not one row per action.
    column = cast(Action.actors if by == "actor" else Action.topics, String).label("key_list")
    sub = action_query(f).order_by(None).with_only_columns(column, Action.kind, Action.status).subquery()
    grouped = select(sub.c.key_list, sub.c.kind, sub.c.status, func.count()).group_by(
        sub.c.key_list, sub.c.kind, sub.c.status
    )
    for raw, kind, status, n in session.execute(grouped):
        keys = json.loads(raw) if raw else None
        for key in {k for k in (keys or ["—"]) if isinstance(k, str)}:
            counts[key][status] += n
            score = compliance_score(kind, status)
            if score is not None:
                scores[key].extend([score] * n)
    rows = [
        ScoreRow(
            key=key,
            total=sum(c.values()),
            counts=dict(c),
            rated=len(scores[key]),
            mean=round(sum(scores[key]) / len(scores[key]), 3) if scores[key] else None,
        )
        for key, c in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.total, r.key))
