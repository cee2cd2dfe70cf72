"""Counts of actions by actor, level, topic and kind."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.analytics.common import find_series
from dialogwatch.link.actions import eligible_document_ids
from dialogwatch.store.models import Action, Meeting


def action_counts(session: Session, series: str | int | None = None, kind: str | None = None) -> dict:
    """Counts of actions (translations, drafts and duplicates excluded) by actor, level, topic and kind."""
    stmt = select(Action).where(Action.review_state != "rejected")
    if series is not None:
        ids = [s.id for s in find_series(session, series)]
        stmt = stmt.join(Meeting, Meeting.id == Action.meeting_id).where(Meeting.series_id.in_(ids))
    if kind:
        stmt = stmt.where(Action.kind == kind)
    eligible = eligible_document_ids(session)
    by_actor: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    by_topic: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    total = 0
    for a in session.scalars(stmt):
        if a.document_id not in eligible:
            continue
        total += 1
        by_kind[a.kind] += 1
        by_level[str(a.level) if a.level is not None else "unknown"] += 1
        for actor in sorted(set(a.actors or [])) or ["unknown"]:
            by_actor[actor] += 1
        for topic in sorted(set(a.topics or [])):
            by_topic[topic] += 1
    return {
        "total": total,
        "by_kind": dict(sorted(by_kind.items())),
        "by_actor": dict(sorted(by_actor.items())),
        "by_level": dict(sorted(by_level.items())),
        "by_topic": dict(sorted(by_topic.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
