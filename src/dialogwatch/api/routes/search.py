"""/search: ranked full-text search with snippets, highlights and facets."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.search.service import SearchFilters, search

router = APIRouter(tags=["search"])


def _segments(segs: list[tuple[str, bool]]) -> dict:
    text, marks, pos = "", [], 0
    for piece, hit in segs:
        if hit:
            marks.append([pos, pos + len(piece)])
        text += piece
        pos += len(piece)
    return {"text": text, "highlights": marks}


@router.get("/search")
def search_api(
    request: Request,
    q: str = Query(..., max_length=500, description='Words (all must match) and "quoted phrases"'),
    kind: str | None = Query(None, pattern="^(document|action)$"),
    type: str | None = None,
    language: str | None = None,
    year: str | None = Query(None, pattern=r"^\d{4}$"),
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """Documents and actions matching ``q``, accent- and case-insensitive, stemmed (EN/ES), ranked."""
    request.app.state.search_sync.maybe_sync(session)
    res = search(session, q, SearchFilters(kind, type, language, year, viewer.signed_in), limit, offset)
    return {
        "query": res.query,
        "total": res.total,
        "limit": res.limit,
        "offset": res.offset,
        "facets": {k: [{"value": v, "count": n} for v, n in rows] for k, rows in res.facets.items()},
        "items": [
            {
                "kind": h.kind,
                "id": h.id,
                "document_id": h.document_id,
                "rank": h.rank,
                "title": h.title,
                "title_highlights": _segments(h.title_segments)["highlights"],
                "doc_type": h.doc_type,
                "language": h.language,
                "issue_date": h.issue_date,
                "snippet": _segments(h.snippet),
                "action_kind": h.action_kind,
                "level": h.level,
                "status": h.status,
            }
            for h in res.hits
        ],
    }
