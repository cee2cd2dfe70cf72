"""The tracker: filtered commitments and asks, scorecard chart, action page with status editing."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.api.services.actions import ActionFilters, actor_values, is_overdue, list_actions, scorecard
from dialogwatch.api.services.entities import list_series
from dialogwatch.api.services.tracking import action_links, track_errors
from dialogwatch.store.models import Topic
from dialogwatch.track import status as status_service
from dialogwatch.web.charts import scorechart
from dialogwatch.web.pages import require, see_other
from dialogwatch.web.security import verify_csrf
from dialogwatch.web.templating import render

router = APIRouter()
PER_PAGE = 30
_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


@router.get("/tracker")
def tracker(
    request: Request,
    kind: str | None = Query(None, pattern="^(commitment|ask)?$"),
    series: str | None = Query(None, pattern=r"^\d*$"),
    actor: str | None = Query(None, max_length=60),
    topic: str | None = Query(None, max_length=60),
    level: str | None = Query(None, pattern="^[1-5]?$"),
    status: str | None = Query(None, max_length=30),
    deadline_before: str | None = Query(None, pattern=_DATE),
    overdue: bool = False,
    page: int = Query(1, ge=1, le=2000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Commitments and asks with filters, and the per-actor scorecard."""
    request.app.state.search_sync.maybe_sync(session)
    f = ActionFilters(
        kind=kind or None,
        series_id=int(series) if series else None,
        actor=actor or None,
        topic=topic or None,
        level=int(level) if level else None,
        status=status or None,
        deadline_before=deadline_before or None,
        overdue=overdue,
        include_private=viewer.signed_in,
    )
    listing = list_actions(session, f, PER_PAGE, (page - 1) * PER_PAGE)
    statuses = status_service.scale("commitment") + [
        s for s in status_service.scale("ask") if s not in status_service.scale("commitment")
    ]
    rows = scorecard(session, f)[:15]
    return render(
        request,
        "tracker.html",
        viewer,
        listing=listing,
        page=page,
        per_page=PER_PAGE,
        statuses=statuses,
        series=[s for s, _, _ in list_series(session)],
        actors=actor_values(session, viewer.signed_in),
        topics={t.id: t for t in session.query(Topic).all()},
        score_rows=rows,
        chart=scorechart(rows, statuses) if rows else None,
        today=date.today(),
        is_overdue=is_overdue,
    )


@router.get("/actions/{action_id}")
def action_page(
    request: Request,
    action_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """One action: its text and evidence, status history, links, and the status form for editors."""
    with track_errors():
        action = status_service.get_action(session, action_id)
    if action.document.visibility != "public" and not viewer.signed_in:
        raise HTTPException(404, f"no action {action_id}")
    return render(
        request,
        "action.html",
        viewer,
        a=action,
        doc=action.document,
        history=list(reversed(status_service.history(session, action_id))),
        links=action_links(session, action_id),
        statuses=status_service.scale(action.kind),
        overdue=is_overdue(action),
        error=None,
    )


@router.post("/actions/{action_id}/status", dependencies=[Depends(verify_csrf)])
def set_status(
    request: Request,
    action_id: int,
    status: str = Form(..., max_length=30),
    rationale: str = Form("", max_length=5000),
    evidence_document: str = Form("", pattern=r"^\d*$"),
    evidence_start: str = Form("", pattern=r"^\d*$"),
    evidence_end: str = Form("", pattern=r"^\d*$"),
    evidence_url: str = Form("", max_length=1000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Record a new status with evidence (editors); the history keeps every earlier state."""
    require(viewer, "editor")
    if evidence_url and not evidence_url.startswith(("http://", "https://")):
        raise HTTPException(422, "the evidence URL must start with http:// or https://")
    ev = status_service.EvidenceSpec(
        int(evidence_document) if evidence_document else None,
        int(evidence_start) if evidence_start else None,
        int(evidence_end) if evidence_end else None,
        evidence_url or None,
    )
    with track_errors():
        status_service.set_status(session, viewer.user, action_id, status, rationale, ev)
    return see_other(f"/actions/{action_id}")
