"""/cases and /instruments: named cases and instruments across documents and languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from dialogwatch import analytics
from dialogwatch.analytics import UnknownSeriesError
from dialogwatch.api import schemas as s
from dialogwatch.api.deps import Viewer, current_viewer, get_session

router = APIRouter(tags=["cases and instruments"])

NameQuery = Query(None, max_length=100, description="Part of a name in any language (accents optional).")
SeriesQuery = Query(None, max_length=200, description="Series id, key, or part of its name or an alias.")


def _page(items: list[dict], limit: int, offset: int) -> dict:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset : offset + limit]}


@contextmanager
def _series_404() -> Iterator[None]:
    """Answer an unknown ``series`` filter with a 404 naming it."""
    try:
        yield
    except UnknownSeriesError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/cases", response_model=s.PageOut[s.CaseOut])
def cases(
    name: str | None = NameQuery,
    series: str | None = SeriesQuery,
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """Named cases with the names used for them, their number of documents and first and last dates."""
    with _series_404():
        rows = analytics.cases(session, name, series, include_private=viewer.signed_in)
    return _page(rows, limit, offset)


@router.get("/cases/{case_id}", response_model=s.CaseDetailOut)
def case(
    case_id: int,
    series: str | None = SeriesQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """A case with every document that mentions it (oldest first), the name each used and where."""
    with _series_404():
        d = analytics.case_detail(session, case_id, series, include_private=viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no case {case_id}")
    return d


@router.get("/instruments", response_model=s.PageOut[s.InstrumentOut])
def instruments(
    name: str | None = NameQuery,
    series: str | None = SeriesQuery,
    kind: str | None = Query(None, max_length=40, description="law, programme, working_group, ..."),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """Laws, programmes, mechanisms, working groups, agreements and frameworks with their documents."""
    with _series_404():
        rows = analytics.instruments(session, name, series, kind, include_private=viewer.signed_in)
    return _page(rows, limit, offset)


@router.get("/instruments/{instrument_id}", response_model=s.InstrumentDetailOut)
def instrument(
    instrument_id: int,
    series: str | None = SeriesQuery,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> dict:
    """An instrument with every document that mentions it (oldest first) and what each said of it."""
    with _series_404():
        d = analytics.instrument_detail(session, instrument_id, series, include_private=viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no instrument {instrument_id}")
    return d
