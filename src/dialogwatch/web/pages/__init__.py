"""Server-rendered pages (thin layer over the same services as the API)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import RedirectResponse

from dialogwatch.api.deps import Viewer, fresh_index


def page_router() -> APIRouter:
    """All HTML page routes."""
    from dialogwatch.web.pages import core, dialogue, documents, named, tracker

    router = APIRouter(include_in_schema=False, dependencies=[Depends(fresh_index)])
    for module in (core, documents, dialogue, named, tracker):
        router.include_router(module.router)
    return router


def see_other(url: str) -> RedirectResponse:
    """Redirect after a POST (303), to a local path only."""
    return RedirectResponse(safe_next(url), status_code=303)


def safe_next(url: str | None) -> str:
    """Keep redirects on this site: a path starting with one slash, else the dashboard."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/"
    return url


def require(viewer: Viewer, role: str) -> None:
    """403 unless the signed-in user holds ``role``."""
    if not viewer.signed_in:
        raise HTTPException(401, "sign in first")
    if not viewer.can(role):
        raise HTTPException(403, f"this needs the {role} role")
