"""The 0003 migration matches the tracking models; the audit log is append-only."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dialogwatch.store.models import AuditEntry, Base
from dialogwatch.track import audit
from dialogwatch.track.audit import AuditLogIsAppendOnly

TRACK_TABLES = {"users", "api_tokens", "status_events", "overrides", "evidence_suggestions", "audit_log"}


def _tables_of(diff: object) -> set[str]:
    text = repr(diff)
    return {t for t in TRACK_TABLES if f"'{t}'" in text or f"table={t!r}" in text or f"name='{t}'" in text}


def test_migration_matches_models(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        present = set(conn.dialect.get_table_names(conn))
    assert present >= TRACK_TABLES
    ours = [d for d in diffs if _tables_of(d)]
    assert ours == []


def test_audit_entries_cannot_be_changed_or_deleted(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as s:
        entry = audit.record(s, None, "test.verb", "thing", 1, before={"a": 1}, after={"a": 2})
        entry_id = entry.id
    with pytest.raises(AuditLogIsAppendOnly), store.session() as s:
        s.get(AuditEntry, entry_id).note = "rewritten"
        s.flush()
    with pytest.raises(AuditLogIsAppendOnly), store.session() as s:
        s.delete(s.get(AuditEntry, entry_id))
        s.flush()
    with store.session() as s:
        kept = s.get(AuditEntry, entry_id)
        assert (kept.note, kept.before, kept.after, kept.user_name) == ("", {"a": 1}, {"a": 2}, "system")
