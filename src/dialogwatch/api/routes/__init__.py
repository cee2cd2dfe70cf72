"""REST routers under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from dialogwatch.api.deps import fresh_index
from dialogwatch.api.routes import actions, documents, entities, named, search


def api_router() -> APIRouter:
    """All /api/v1 routes."""
    router = APIRouter(prefix="/api/v1", dependencies=[Depends(fresh_index)])
    for module in (documents, entities, named, actions, search):
        router.include_router(module.router)
    return router
