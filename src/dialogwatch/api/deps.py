"""Request-scoped dependencies shared by the API and the web pages: store, session, user, roles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from dialogwatch.settings import Settings
from dialogwatch.store.db import Store
from dialogwatch.store.models import User
from dialogwatch.track.auth import authenticate_token
from dialogwatch.track.users import has_role


def get_store(request: Request) -> Store:
    """The store the app opened at start-up."""
    return request.app.state.store


def get_settings_dep(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_session(store: Store = Depends(get_store)) -> Iterator[Session]:
    """One database transaction per request, committed when the handler succeeds."""
    with store.session() as session:
        yield session


@dataclass
class Viewer:
    """Who is asking: a signed-in or token user, or an anonymous visitor."""

    user: User | None
    via: str = "anonymous"  # anonymous | session | token

    @property
    def signed_in(self) -> bool:
        """True for any authenticated user."""
        return self.user is not None

    def can(self, role: str) -> bool:
        """True when the user holds at least ``role``."""
        return has_role(self.user, role)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def current_viewer(request: Request, store: Store = Depends(get_store)) -> Viewer:
    """Resolve the user from a Bearer token, else from the signed session cookie.

    Uses its own short transaction, so a slow handler (an upload running
    ingestion) never holds a write lock taken while authenticating.
    """
    token = _bearer(request)
    user_id = request.session.get("user_id") if "session" in request.scope else None
    if token is None and user_id is None:
        return Viewer(None)
    with store.session() as session:
        if token is not None:
            user = authenticate_token(session, token)
            if user is None:
                raise HTTPException(
                    401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"}
                )
            return Viewer(user, "token")
        user = session.get(User, user_id)
        if user is not None and user.active:
            return Viewer(user, "session")
    return Viewer(None)


def require_token_role(role: str):  # type: ignore[no-untyped-def]
    """API write guard: a Bearer token whose user holds ``role`` (401 without, 403 when too weak)."""

    def guard(viewer: Viewer = Depends(current_viewer)) -> Viewer:
        if viewer.via != "token":
            raise HTTPException(
                401, "this endpoint needs an API token", headers={"WWW-Authenticate": "Bearer"}
            )
        if not viewer.can(role):
            raise HTTPException(403, f"this needs the {role} role")
        return viewer

    return guard


def fresh_index(request: Request, session: Session = Depends(get_session)) -> None:
    """Keep the search index (which list filters also read) in step with the store, cheaply."""
    request.app.state.search_sync.maybe_sync(session)
