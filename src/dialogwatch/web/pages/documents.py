"""Documents list with facets and search, upload, and the reader with review controls."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.api.services.documents import (
    DocumentFilters,
    document_detail,
    document_facets,
    list_documents,
)
from dialogwatch.api.services.tracking import track_errors
from dialogwatch.api.services.upload import Upload, UploadError, ingest_upload, read_limited
from dialogwatch.search.service import SearchFilters, search
from dialogwatch.store.models import Topic
from dialogwatch.track import review as review_service
from dialogwatch.web.pages import require, see_other
from dialogwatch.web.reader import build_blocks, marks_for
from dialogwatch.web.security import verify_csrf
from dialogwatch.web.templating import render

router = APIRouter()
PER_PAGE = 25


@router.get("/documents")
def documents_page(
    request: Request,
    q: str = Query("", max_length=500),
    type: str | None = Query(None, max_length=40),
    language: str | None = Query(None, max_length=8),
    year: str | None = Query(None, pattern=r"^(\d{4})?$"),
    series: int | None = None,
    topic: str | None = Query(None, max_length=60),
    review: bool = False,
    page: int = Query(1, ge=1, le=2000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Documents with facets; a query turns the list into ranked search results."""
    f = DocumentFilters(
        type or None, language or None, year or None, series, topic or None, review, viewer.signed_in
    )
    found = None
    request.app.state.search_sync.maybe_sync(session)
    if q.strip():
        sf = SearchFilters("document", f.doc_type, f.language, f.year, viewer.signed_in)
        found = search(session, q, sf, PER_PAGE, (page - 1) * PER_PAGE)
    listing = found or list_documents(session, f, PER_PAGE, (page - 1) * PER_PAGE)
    topics = {t.id: t for t in session.query(Topic).all()}
    return render(
        request,
        "documents.html",
        viewer,
        q=q,
        found=found,
        listing=listing,
        facets=document_facets(session, f),
        page=page,
        per_page=PER_PAGE,
        topics=topics,
    )


@router.get("/documents/upload")
def upload_form(request: Request, viewer: Viewer = Depends(current_viewer)) -> Response:
    """The upload form (editors)."""
    require(viewer, "editor")
    return render(request, "upload.html", viewer, result=None, error=None)


@router.post("/documents/upload", dependencies=[Depends(verify_csrf)])
def upload(
    request: Request,
    file: UploadFile = File(...),
    private: bool = Form(False),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Sniff, size-check and ingest an uploaded file, then open its reader."""
    require(viewer, "editor")
    settings = request.app.state.settings
    try:
        data = read_limited(file.file, settings.upload_max_bytes)
        result = ingest_upload(request.app.state.store, settings, Upload(file.filename or "", data), private)
    except UploadError as exc:
        return render(request, "upload.html", viewer, status_code=exc.status, result=None, error=str(exc))
    if result.status == "failed" or result.document_id is None:
        return render(request, "upload.html", viewer, status_code=422, result=None, error=result.line())
    request.app.state.search_sync.request()
    return see_other(f"/documents/{result.document_id}?uploaded={result.status}")


@router.get("/documents/{doc_id}")
def reader(
    request: Request,
    doc_id: int,
    uploaded: str | None = Query(None, max_length=20),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """The clean text with extracted items highlighted in place and a side panel of evidence."""
    d = document_detail(session, doc_id, include_private=viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no document {doc_id}")
    outer, inner = marks_for(d)
    topics = {t.id: t for t in session.query(Topic).all()}
    return render(
        request,
        "reader.html",
        viewer,
        d=d,
        doc=d.document,
        blocks=build_blocks(d.document.clean_text, outer, inner),
        topics=topics,
        uploaded=uploaded,
    )


@router.post("/documents/{doc_id}/review", dependencies=[Depends(verify_csrf)])
def review_item(
    request: Request,
    doc_id: int,
    item: str = Form(..., pattern=r"^[a-z]+:\d+$"),
    decision: str = Form(..., pattern="^(confirm|reject|edit)$"),
    field: str = Form("", max_length=40),
    value: str = Form("", max_length=2000),
    note: str = Form("", max_length=2000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Confirm, reject or edit one extracted item (editors)."""
    require(viewer, "editor")
    changes = {field: value} if decision == "edit" and field else None
    with track_errors():
        review_service.review(session, viewer.user, item, decision, changes, note)
    request.app.state.search_sync.request()
    anchor = item.replace(":", "-").replace("participant", "person")
    return see_other(f"/documents/{doc_id}#{anchor}")
