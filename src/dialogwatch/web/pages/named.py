"""Cases and instruments: directories and each one's documents over time."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dialogwatch import analytics
from dialogwatch.analytics import UnknownSeriesError
from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.web.templating import render

router = APIRouter()
PER_PAGE = 50

NameQuery = Query("", max_length=100)
SeriesQuery = Query("", max_length=200)
PageQuery = Query(1, ge=1, le=2000)


def _series_options(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every series, for the filter."""
    return [(s.id, s.name) for s in analytics.find_series(session, None)]


def _listing(
    request: Request, session: Session, viewer: Viewer, what: str, rows: list[dict], page: int, **ctx: object
) -> Response:
    """One page of a directory; the whole list is small (one row per named entity), so slice it here."""
    return render(
        request,
        "named_list.html",
        viewer,
        what=what,
        rows=rows[(page - 1) * PER_PAGE : page * PER_PAGE],
        total=len(rows),
        page=page,
        per_page=PER_PAGE,
        series_options=_series_options(session),
        **ctx,
    )


@router.get("/cases")
def cases_page(
    request: Request,
    name: str = NameQuery,
    series: str = SeriesQuery,
    page: int = PageQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Named cases with the names used for them and the span of their documents."""
    try:
        rows = analytics.cases(session, name or None, series or None, include_private=viewer.signed_in)
    except UnknownSeriesError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _listing(request, session, viewer, "case", rows, page, name=name, series=series)


@router.get("/instruments")
def instruments_page(
    request: Request,
    name: str = NameQuery,
    series: str = SeriesQuery,
    kind: str = Query("", max_length=40),
    page: int = PageQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Laws, programmes, mechanisms, working groups, agreements and frameworks."""
    try:
        rows = analytics.instruments(
            session, name or None, series or None, kind or None, include_private=viewer.signed_in
        )
    except UnknownSeriesError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _listing(
        request,
        session,
        viewer,
        "instrument",
        rows,
        page,
        name=name,
        series=series,
        kind=kind,
        kinds=analytics.instrument_kinds(session),
    )


def _detail_page(request: Request, viewer: Viewer, what: str, d: dict | None, entity_id: int) -> Response:
    """The detail page, or 404 for an unknown id (or one only private documents mention)."""
    if d is None:
        raise HTTPException(404, f"no {what} {entity_id}")
    return render(request, "named_detail.html", viewer, what=what, d=d)


@router.get("/cases/{case_id}")
def case_page(
    request: Request,
    case_id: int,
    series: str = SeriesQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """A case's documents over time, each with the name it used and the passage around it."""
    try:
        d = analytics.case_detail(session, case_id, series or None, include_private=viewer.signed_in)
    except UnknownSeriesError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _detail_page(request, viewer, "case", d, case_id)


@router.get("/instruments/{instrument_id}")
def instrument_page(
    request: Request,
    instrument_id: int,
    series: str = SeriesQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """An instrument's documents over time: promised in one, reported in another."""
    try:
        d = analytics.instrument_detail(
            session, instrument_id, series or None, include_private=viewer.signed_in
        )
    except UnknownSeriesError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _detail_page(request, viewer, "instrument", d, instrument_id)
