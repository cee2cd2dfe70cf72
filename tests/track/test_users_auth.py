"""Accounts, roles, argon2 passwords, API tokens, the CLI user and document visibility."""

from __future__ import annotations

import pytest

from dialogwatch.store.models import ApiToken, AuditEntry, Document, User
from dialogwatch.track import auth, users, visibility
from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied

from .helpers import STATEMENT_2021, make_document, user


def test_first_cli_user_is_bootstrapped_as_admin_then_no_more(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as s:
        first = users.cli_user(s, "ana")
        assert first.role == "admin"
        assert users.cli_user(s, "ana").id == first.id
        with pytest.raises(NotFound, match="no user named 'mallory'"):
            users.cli_user(s, "mallory")
        entry = s.query(AuditEntry).one()
        assert (entry.verb, entry.user_name, entry.after["role"]) == ("user.bootstrap", "ana", "admin")


def test_admin_manages_users_and_others_cannot(store, seed) -> None:  # type: ignore[no-untyped-def]
    seed()
    with store.session() as s:
        root, eve, val = user(s, "root"), user(s, "eve"), user(s, "val")
        for actor in (eve, val):
            with pytest.raises(PermissionDenied):
                users.add_user(s, actor, "zed", "viewer")
            with pytest.raises(PermissionDenied):
                users.set_role(s, actor, "val", "admin")
            with pytest.raises(PermissionDenied):
                users.remove_user(s, actor, "val")
        users.set_role(s, root, "val", "editor")
        assert user(s, "val").role == "editor"
        with pytest.raises(InvalidInput, match="unknown role"):
            users.set_role(s, root, "val", "owner")
        with pytest.raises(InvalidInput, match="already exists"):
            users.add_user(s, root, "val")
        with pytest.raises(InvalidInput, match="last admin"):
            users.set_role(s, root, "root", "viewer")
        with pytest.raises(InvalidInput, match="last admin"):
            users.remove_user(s, root, "root")
        users.remove_user(s, root, "val")
        assert [u.name for u in users.list_users(s)] == ["eve", "root"]
        roles = [
            (e.verb, e.before, e.after)
            for e in s.query(AuditEntry).filter(AuditEntry.entity_type == "user").order_by(AuditEntry.id)
        ][-2:]
        assert (
            roles[0][0] == "user.set_role"
            and roles[0][1]["role"] == "viewer"
            and roles[0][2]["role"] == "editor"
        )
        assert roles[1][0] == "user.remove" and roles[1][1]["name"] == "val" and roles[1][2] is None


def test_require_role_ordering() -> None:
    viewer, editor, admin = (User(name=r, role=r, active=True) for r in users.ROLES)
    assert users.has_role(admin, "editor") and users.has_role(editor, "editor")
    assert not users.has_role(viewer, "editor") and not users.has_role(None, "viewer")
    disabled = User(name="d", role="admin", active=False)
    with pytest.raises(PermissionDenied):
        users.require_role(disabled, "viewer")


def test_passwords_are_argon2_hashed_and_verified(store, seed) -> None:  # type: ignore[no-untyped-def]
    seed()
    with store.session() as s:
        eve = user(s, "eve")
        assert eve.password_hash.startswith("$argon2id$")
        assert "correct horse" not in eve.password_hash
        assert auth.authenticate(s, "eve", "correct horse battery").id == eve.id
        assert auth.authenticate(s, "eve", "wrong password") is None
        assert auth.authenticate(s, "nobody", "correct horse battery") is None
        assert auth.authenticate(s, "val", "") is None  # no password set: cannot sign in
        with pytest.raises(InvalidInput, match="too short"):
            auth.set_password(s, eve, "eve", "short")
        with pytest.raises(PermissionDenied):
            auth.set_password(s, eve, "val", "a long enough one")
        auth.set_password(s, user(s, "root"), "val", "a long enough one")
        assert auth.authenticate(s, "val", "a long enough one").name == "val"
        eve.active = False
        assert auth.authenticate(s, "eve", "correct horse battery") is None


def test_api_tokens_are_shown_once_stored_hashed_and_revocable(store, seed) -> None:  # type: ignore[no-untyped-def]
    seed()
    with store.session() as s:
        eve, val = user(s, "eve"), user(s, "val")
        row, plaintext = auth.create_token(s, eve, label="nightly script")
        assert plaintext.startswith("dw_") and len(plaintext) > 30
        stored = s.get(ApiToken, row.id)
        assert plaintext not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64
        assert auth.authenticate_token(s, plaintext).name == "eve"
        assert auth.authenticate_token(s, plaintext + "x") is None
        assert auth.authenticate_token(s, "") is None
        with pytest.raises(PermissionDenied):
            auth.create_token(s, val, "eve")
        with pytest.raises(PermissionDenied):
            auth.revoke_token(s, val, row.id)
        auth.revoke_token(s, eve, row.id)
        assert auth.authenticate_token(s, plaintext) is None
        _, admin_made = auth.create_token(s, user(s, "root"), "val")
        assert auth.authenticate_token(s, admin_made).name == "val"
        assert [t.user_id for t in auth.list_tokens(s, val)] == [val.id]
        assert len(auth.list_tokens(s, user(s, "root"))) == 2


def test_visibility_needs_editor_and_hides_private_documents(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        with pytest.raises(PermissionDenied):
            visibility.set_visibility(s, user(s, "val"), ids["doc"], "private")
        with pytest.raises(InvalidInput):
            visibility.set_visibility(s, user(s, "eve"), ids["doc"], "secret")
        doc = visibility.set_visibility(s, user(s, "eve"), ids["doc"], "private")
        other = make_document(s, STATEMENT_2021 + " More.", "2021-10-09", "/corpus/other.txt")
        assert not visibility.can_view(None, doc) and visibility.can_view(user(s, "val"), doc)
        anonymous = s.query(Document.id).filter(visibility.visibility_clause(None)).all()
        signed_in = s.query(Document.id).filter(visibility.visibility_clause(user(s, "val"))).all()
        assert [r[0] for r in anonymous] == [other.id]
        assert sorted(r[0] for r in signed_in) == sorted([doc.id, other.id])
        entry = s.query(AuditEntry).filter(AuditEntry.verb == "document.visibility").one()
        assert (entry.before, entry.after) == ({"visibility": "public"}, {"visibility": "private"})
