"""/documents: list with filters and pagination, detail with extracted items, upload."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from sqlalchemy.orm import Session

from dialogwatch.api import schemas as s
from dialogwatch.api.deps import Viewer, current_viewer, get_session, require_token_role
from dialogwatch.api.services.documents import (
    DocumentFilters,
    document_detail,
    document_facets,
    list_documents,
)
from dialogwatch.api.services.upload import Upload, UploadError, ingest_upload, read_limited

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=s.PageOut[s.DocumentOut])
def documents(
    request: Request,
    type: str | None = None,
    language: str | None = None,
    year: str | None = Query(None, pattern=r"^\d{4}$"),
    series: int | None = None,
    topic: str | None = None,
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """Current documents, newest first, filtered by type, language, year, series or topic."""
    f = DocumentFilters(type, language, year, series, topic, include_private=viewer.signed_in)
    request.app.state.search_sync.maybe_sync(session)
    page = list_documents(session, f, limit, offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


@router.get("/documents/facets")
def documents_facets(
    request: Request,
    type: str | None = None,
    language: str | None = None,
    year: str | None = Query(None, pattern=r"^\d{4}$"),
    series: int | None = None,
    topic: str | None = None,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """Counts by type, language, year, series and topic for the same filters."""
    f = DocumentFilters(type, language, year, series, topic, include_private=viewer.signed_in)
    request.app.state.search_sync.maybe_sync(session)
    facets = document_facets(session, f)
    facets["series"] = [({"id": k[0], "name": k[1]}, n) for k, n in facets["series"]]
    return {name: [{"value": v, "count": n} for v, n in rows] for name, rows in facets.items()}


@router.get("/documents/{doc_id}", response_model=s.DocumentDetailOut)
def document(
    doc_id: int, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """One document with its clean text and everything extracted from it, with provenance."""
    d = document_detail(session, doc_id, include_private=viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no document {doc_id}")
    out = s.DocumentOut.model_validate(d.document).model_dump()
    return {
        **out,
        "clean_text": d.document.clean_text,
        "participants": d.participations,
        "actions": d.actions,
        "figures": d.figures,
        "cases": d.cases,
        "instruments": d.instruments,
        "topics": d.topics,
        "meetings": sorted({m.meeting_id for m in d.meetings}),
    }


@router.post("/documents", status_code=201)
def upload_document(
    request: Request,
    file: UploadFile = File(..., description="A .txt, .md, .html, .pdf or .docx file"),
    private: bool = False,
    viewer: Viewer = Depends(require_token_role("editor")),
) -> dict:
    """Upload and ingest one file (editor token); its content is sniffed, not just its extension."""
    settings = request.app.state.settings
    try:
        data = read_limited(file.file, settings.upload_max_bytes)
        result = ingest_upload(request.app.state.store, settings, Upload(file.filename or "", data), private)
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    if result.status == "failed":
        raise HTTPException(422, result.reason or "ingestion failed")
    request.app.state.search_sync.request()
    return {
        "status": result.status,
        "document_id": result.document_id,
        "duplicate_of": result.duplicate_of_id,
        "reason": result.reason,
    }
