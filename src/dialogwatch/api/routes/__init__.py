"""REST routers under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from dialogwatch.api.routes import actions, documents, entities, search


def api_router() -> APIRouter:
    """All /api/v1 routes."""
    router = APIRouter(prefix="/api/v1")
    for module in (documents, entities, actions, search):
        router.include_router(module.router)
    return router
