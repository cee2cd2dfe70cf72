"""/actions, status events, scorecard and review (writes need an editor's API token)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from dialogwatch.api import schemas as s
from dialogwatch.api.deps import Viewer, current_viewer, get_session, require_token_role
from dialogwatch.api.services.actions import ActionFilters, list_actions, scorecard
from dialogwatch.api.services.tracking import action_links, track_errors
from dialogwatch.track import review as review_service
from dialogwatch.track import status as status_service

router = APIRouter(tags=["actions, tracking and review"])


def _filters(
    kind: str | None = Query(None, pattern="^(commitment|ask)$"),
    series: int | None = None,
    meeting: int | None = None,
    document: int | None = None,
    actor: str | None = Query(None, max_length=60),
    topic: str | None = Query(None, max_length=60),
    level: int | None = Query(None, ge=1, le=5),
    status: str | None = Query(None, max_length=30),
    deadline_before: str | None = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    deadline_after: str | None = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    overdue: bool = False,
    as_of: date | None = None,
    viewer: Viewer = Depends(current_viewer),
) -> ActionFilters:
    return ActionFilters(
        kind,
        series,
        meeting,
        document,
        actor,
        topic,
        level,
        status,
        deadline_before,
        deadline_after,
        overdue,
        as_of,
        viewer.signed_in,
    )


@router.get("/actions", response_model=s.PageOut[s.ActionOut])
def actions(
    request: Request,
    f: ActionFilters = Depends(_filters),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict:
    """Commitments and asks filtered by series, actor, topic, level, status, deadline or overdue."""
    request.app.state.search_sync.maybe_sync(session)
    page = list_actions(session, f, limit, offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


@router.get("/actions/scorecard")
def actions_scorecard(
    request: Request,
    f: ActionFilters = Depends(_filters),
    by: str = Query("actor", pattern="^(actor|topic)$"),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Per actor (or topic): counts by status and the mean compliance score (-1..+1)."""
    request.app.state.search_sync.maybe_sync(session)
    return [vars(r) for r in scorecard(session, f, by)]


@router.get("/actions/{action_id}")
def action(
    action_id: int, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """One action with its status history and its links to other actions."""
    with track_errors():
        act = status_service.get_action(session, action_id)
    if act.document.visibility != "public" and not viewer.signed_in:
        raise HTTPException(404, f"no action {action_id}")
    return {
        **s.ActionOut.model_validate(act).model_dump(),
        "history": [status_service.event_dict(e) for e in status_service.history(session, action_id)],
        "links": action_links(session, action_id),
        "statuses": status_service.scale(act.kind),
    }


@router.get("/actions/{action_id}/status-events")
def status_events(action_id: int, session: Session = Depends(get_session)) -> list[dict]:
    """The full status history of an action, oldest first."""
    with track_errors():
        return [status_service.event_dict(e) for e in status_service.history(session, action_id)]


@router.post("/actions/{action_id}/status-events", status_code=201)
def add_status_event(
    action_id: int,
    body: s.StatusEventIn,
    request: Request,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(require_token_role("editor")),
) -> dict:
    """Track an action: a new status with evidence and rationale (editor token)."""
    ev = status_service.EvidenceSpec(
        body.evidence_document_id,
        body.evidence_start,
        body.evidence_end,
        body.evidence_url,
        body.evidence_citation,
    )
    with track_errors():
        event = status_service.set_status(
            session, viewer.user, action_id, body.status, body.rationale, ev, body.assessed_on
        )
    return status_service.event_dict(event)


@router.get("/review")
def review_queue(
    document: int | None = None,
    type: str | None = Query(None, max_length=20),
    limit: int = Query(50, ge=1, le=500),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> list[dict]:
    """Machine output nobody has checked yet, lowest confidence first, with its evidence span."""
    with track_errors():
        return review_service.review_queue(session, limit, document, type)


@router.post("/review")
def review(
    body: s.ReviewIn,
    request: Request,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(require_token_role("editor")),
) -> dict:
    """Confirm, reject or edit one extracted record (editor token); survives re-extraction."""
    with track_errors():
        row = review_service.review(session, viewer.user, body.item, body.decision, body.changes, body.note)
    request.app.state.search_sync.request()
    return {"item": body.item, "decision": body.decision, "review_state": getattr(row, "review_state", None)}
