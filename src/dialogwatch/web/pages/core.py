"""Dashboard, sign-in/out, language switch and search pages."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dialogwatch.api.deps import Viewer, current_viewer, get_session, get_store
from dialogwatch.api.services.actions import ActionFilters, list_actions, status_counts
from dialogwatch.api.services.documents import documents_needing_review, recent_documents
from dialogwatch.api.services.entities import list_series, meeting_label
from dialogwatch.search.service import SearchFilters, search
from dialogwatch.store.db import Store
from dialogwatch.track.auth import authenticate
from dialogwatch.track.status import closed_statuses, done_statuses, scale
from dialogwatch.web.i18n import LANGUAGES
from dialogwatch.web.pages import safe_next, see_other
from dialogwatch.web.security import verify_csrf
from dialogwatch.web.templating import render

router = APIRouter()


@router.get("/")
def dashboard(
    request: Request, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> Response:
    """Series with latest rounds, open and overdue commitments, asks awaiting response, documents."""
    request.app.state.search_sync.maybe_sync(session)
    priv = viewer.signed_in
    # Open: still owed and not yet judged as failed.
    open_commitments = set(scale("commitment")) - closed_statuses() - done_statuses() - {"not_fulfilled"}
    overdue = list_actions(
        session, ActionFilters(kind="commitment", overdue=True, include_private=priv), 10, 0
    )
    asks = list_actions(session, ActionFilters(kind="ask", status="not_rated", include_private=priv), 10, 0)
    by_status = status_counts(session, ActionFilters(kind="commitment", include_private=priv))
    n_open = sum(n for st, n in by_status.items() if st in open_commitments)
    return render(
        request,
        "dashboard.html",
        viewer,
        series=[
            (s, n, latest, meeting_label(latest) if latest else "") for s, n, latest in list_series(session)
        ],
        open_commitments=n_open,
        overdue=overdue,
        asks=asks,
        recent=recent_documents(session, priv),
        needing_review=documents_needing_review(session, priv),
    )


@router.get("/login")
def login_form(request: Request, next: str = "/", viewer: Viewer = Depends(current_viewer)) -> Response:
    """The sign-in form."""
    return render(request, "login.html", viewer, next=safe_next(next), failed=False)


@router.post("/login", dependencies=[Depends(verify_csrf)])
def login(
    request: Request,
    username: str = Form(..., max_length=80),
    password: str = Form(..., max_length=500),
    next: str = Form("/"),
    store: Store = Depends(get_store),
) -> Response:
    """Check the password; on success start a fresh session (new CSRF token) and go to ``next``."""
    with store.session() as session:
        user = authenticate(session, username.strip(), password)
        user_id = user.id if user else None
    if user_id is None:
        return render(request, "login.html", Viewer(None), status_code=401, next=safe_next(next), failed=True)
    lang = request.session.get("lang")
    request.session.clear()
    request.session.update({"user_id": user_id, "csrf": secrets.token_urlsafe(32)})
    if lang:
        request.session["lang"] = lang
    return see_other(next)


@router.post("/logout", dependencies=[Depends(verify_csrf)])
def logout(request: Request) -> Response:
    """End the session."""
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
    return see_other("/")


@router.post("/lang", dependencies=[Depends(verify_csrf)])
def set_language(request: Request, lang: str = Form(...), next: str = Form("/")) -> Response:
    """Switch the UI language (English or Spanish)."""
    if lang in LANGUAGES:
        request.session["lang"] = lang
    return see_other(next)


@router.get("/search")
def search_page(
    request: Request,
    q: str = Query("", max_length=500),
    kind: str | None = Query(None, pattern="^(document|action)?$"),
    type: str | None = Query(None, max_length=40),
    language: str | None = Query(None, max_length=8),
    year: str | None = Query(None, pattern=r"^(\d{4})?$"),
    page: int = Query(1, ge=1, le=500),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Full-text search with snippets, highlights, facets and pagination."""
    per_page = 20
    result = None
    if q.strip():
        request.app.state.search_sync.maybe_sync(session)
        f = SearchFilters(kind or None, type or None, language or None, year or None, viewer.signed_in)
        result = search(session, q, f, per_page, (page - 1) * per_page)
    return render(request, "search.html", viewer, q=q, result=result, page=page, per_page=per_page)
