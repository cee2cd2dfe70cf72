"""Fixtures of the tracking tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from argon2 import PasswordHasher

from dialogwatch.store.models import Action
from dialogwatch.store.persist import save_extraction
from dialogwatch.track import auth, users

from .helpers import STATEMENT_2021, make_document, statement_extraction


@pytest.fixture
def seed(store) -> Callable[..., dict]:  # type: ignore[no-untyped-def]
    """Store the 2021 statement (extracted) and users of each role; returns ids."""

    def _seed(level: int = 5) -> dict:
        with store.session() as s:
            doc = make_document(s, STATEMENT_2021, "2021-10-08", "/corpus/statement-2021.txt")
            save_extraction(s, doc, statement_extraction(level))
            admin = users.cli_user(s, "root")
            editor = users.add_user(s, admin, "eve", "editor", "correct horse battery")
            viewer = users.add_user(s, admin, "val", "viewer")
            rows = s.query(Action).all()
            ids = {
                w: next(a.id for a in rows if w in a.text) for w in ("cybersecurity", "firearms", "forensic")
            }
            return {
                "doc": doc.id,
                "cyber": ids["cybersecurity"],
                "firearms": ids["firearms"],
                "forensic": ids["forensic"],
                "admin": admin.id,
                "editor": editor.id,
                "viewer": viewer.id,
            }

    return _seed


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id with small cost parameters, so the suite stays fast on a loaded machine."""
    monkeypatch.setattr(auth, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
