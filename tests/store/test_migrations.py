"""Migrations apply on an empty database, are idempotent, and the store opens cleanly."""

from __future__ import annotations

from sqlalchemy import inspect, text

from dialogwatch.store.db import StoreError, open_store
from dialogwatch.store.models import Base


def _tables(url: str) -> set[str]:
    store = open_store(url, upgrade=False)
    try:
        return set(inspect(store.engine).get_table_names())
    finally:
        store.close()


def test_migrations_create_every_model_table(empty_db_url: str) -> None:
    assert "documents" not in _tables(empty_db_url)
    store = open_store(empty_db_url)
    store.close()
    tables = _tables(empty_db_url)
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrations_are_idempotent(empty_db_url: str) -> None:
    for _ in range(3):
        store = open_store(empty_db_url)
        with store.session() as s:
            heads = s.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        store.close()
        assert len(heads) == 1


def test_bad_url_is_a_store_error() -> None:
    try:
        open_store("nonsense://")
    except StoreError as exc:
        assert "nonsense" in str(exc)
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("expected StoreError")


def test_sqlite_has_foreign_keys_and_wal(sqlite_store) -> None:
    with sqlite_store.session() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
