"""The append-only audit log: every change with who, when, what, before and after."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import AuditEntry, User, utcnow


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to modify or delete an audit entry."""


@event.listens_for(AuditEntry, "before_update")
def _no_update(_mapper, _conn, _target) -> None:  # type: ignore[no-untyped-def]
    raise AuditLogIsAppendOnly("audit entries cannot be modified")


@event.listens_for(AuditEntry, "before_delete")
def _no_delete(_mapper, _conn, _target) -> None:  # type: ignore[no-untyped-def]
    raise AuditLogIsAppendOnly("audit entries cannot be deleted")


def jsonable(value: Any) -> Any:
    """Make a value JSON-safe (dates as ISO strings) for before/after snapshots."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def record(
    session: Session,
    user: User | None,
    verb: str,
    entity_type: str,
    entity_id: object,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one entry to the audit log (in the caller's transaction)."""
    entry = AuditEntry(
        at=utcnow(),
        user_id=user.id if user else None,
        user_name=user.name if user else "system",
        verb=verb,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=jsonable(before),
        after=jsonable(after),
        note=note,
    )
    session.add(entry)
    session.flush()
    return entry


def audit(
    session: Session,
    since: date | datetime | None = None,
    entity_type: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Audit entries in the order they were written, optionally since a date/time."""
    q = select(AuditEntry).order_by(AuditEntry.id)
    if since is not None:
        if not isinstance(since, datetime):
            since = datetime.combine(since, time.min)
        if since.tzinfo is None:
            since = since.replace(tzinfo=utcnow().tzinfo)
        q = q.where(AuditEntry.at >= since)
    if entity_type:
        q = q.where(AuditEntry.entity_type == entity_type)
    if limit:
        q = q.limit(limit)
    return list(session.scalars(q))


def audit_rows(entries: list[AuditEntry]) -> list[dict]:
    """Flatten audit entries for CLI/API output."""
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(timespec="seconds") if e.at else None,
            "user": e.user_name,
            "verb": e.verb,
            "entity": f"{e.entity_type}:{e.entity_id}",
            "before": e.before,
            "after": e.after,
            "note": e.note,
        }
        for e in entries
    ]
