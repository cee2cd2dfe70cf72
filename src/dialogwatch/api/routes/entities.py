"""/series, /meetings, /people, /organizations, /topics (+ the topic matrix)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from dialogwatch.api import schemas as s
from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.api.services import entities as e
from dialogwatch.api.services.topics import list_topics, topic_matrix, topic_passages
from dialogwatch.store.models import Organization, Person, Series

router = APIRouter(tags=["series, meetings, people, organisations, topics"])


def _page(page, items: list) -> dict:  # type: ignore[no-untyped-def]
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}


@router.get("/series")
def series_list(session: Session = Depends(get_session)) -> list[dict]:
    """Every dialogue series with its number of rounds and its latest round."""
    return [
        {
            **s.SeriesOut.model_validate(series).model_dump(),
            "meetings": n,
            "latest": s.MeetingOut.model_validate(latest).model_dump() if latest else None,
        }
        for series, n, latest in e.list_series(session)
    ]


@router.get("/series/{series_id}")
def series_detail(series_id: int, session: Session = Depends(get_session)) -> dict:
    """A series with its timeline of rounds."""
    series = session.get(Series, series_id)
    if series is None:
        raise HTTPException(404, f"no series {series_id}")
    return {
        **s.SeriesOut.model_validate(series).model_dump(),
        "aliases": [a.name for a in series.aliases],
        "meetings": [
            s.MeetingOut.model_validate(m).model_dump() for m in e.series_meetings(session, series_id)
        ],
    }


@router.get("/series/{series_id}/topics")
def series_topic_matrix(
    series_id: int, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """Topic × round matrix of a series with document counts and new/continued/dropped marks."""
    if session.get(Series, series_id) is None:
        raise HTTPException(404, f"no series {series_id}")
    m = topic_matrix(session, series_id, viewer.signed_in)
    return {
        "meetings": [
            {"id": x.id, "label": lab, "date": x.date} for x, lab in zip(m.meetings, m.labels, strict=True)
        ],
        "topics": [
            {
                "topic": t,
                "cells": [
                    {"meeting": x.id, "documents": m.counts.get((t, x.id), 0), "mark": m.marks[(t, x.id)]}
                    for x in m.meetings
                ],
            }
            for t in m.topics
        ],
    }


@router.get("/meetings")
def meetings(
    series: int | None = None,
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict:
    """Meetings, optionally of one series, oldest first."""
    page = e.list_meetings(session, series, limit, offset)
    return _page(page, [s.MeetingOut.model_validate(m).model_dump() for m in page.items])


@router.get("/meetings/{meeting_id}")
def meeting(
    meeting_id: int, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """A meeting: delegations side by side, topics, actions and every document about it."""
    d = e.meeting_detail(session, meeting_id, viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no meeting {meeting_id}")
    return {
        **s.MeetingOut.model_validate(d.meeting).model_dump(),
        "people": {
            side: [s.ParticipationOut.model_validate(p).model_dump() for p in ps]
            for side, ps in d.people_by_side.items()
        },
        "agencies": d.agencies_by_side,
        "topics": [{"topic": t, "documents": n} for t, n in d.topics],
        "actions": [s.ActionOut.model_validate(a).model_dump() for a in d.actions],
        "documents": [
            {**s.DocumentOut.model_validate(doc).model_dump(), "role": md.role} for md, doc in d.documents
        ],
    }


@router.get("/people")
def people(
    name: str | None = Query(None, max_length=100),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict:
    """People by name with their number of participations."""
    page = e.list_people(session, name, limit, offset)
    return _page(page, [{"id": p.id, "name": p.name, "participations": n} for p, n in page.items])


@router.get("/people/{person_id}")
def person(
    person_id: int, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """A person's role history: title, agency and side at each meeting."""
    p = session.get(Person, person_id)
    if p is None:
        raise HTTPException(404, f"no person {person_id}")
    history = []
    for part, meeting, series, doc in e.person_history(session, person_id, viewer.signed_in):
        history.append(
            {
                "document_id": doc.id,
                "meeting_id": meeting.id if meeting else None,
                "series": series.name if series else None,
                "date": (meeting.date if meeting else None) or doc.issue_date,
                "role": part.role,
                "side": part.side,
                "title": part.title,
                "organization": part.organization_name,
            }
        )
    return {"id": p.id, "name": p.name, "aliases": [a.name for a in p.aliases], "history": history}


@router.get("/organizations")
def organizations(
    name: str | None = Query(None, max_length=100),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict:
    """Organisations with their number of delegation memberships."""
    page = e.list_organizations(session, name, limit, offset)
    items = [
        {"id": o.id, "key": o.key, "name": o.name, "country": o.country, "kind": o.kind, "delegations": n}
        for o, n in page.items
    ]
    return _page(page, items)


@router.get("/organizations/{org_id}")
def organization(org_id: int, session: Session = Depends(get_session)) -> dict:
    """An organisation: names and acronyms, attendance over rounds, people who appeared for it."""
    o = session.get(Organization, org_id)
    if o is None:
        raise HTTPException(404, f"no organization {org_id}")
    return {
        "id": o.id,
        "name": o.name,
        "country": o.country,
        "kind": o.kind,
        "aliases": [
            {"name": a.name, "acronym": a.is_acronym} for a in e.organization_aliases(session, org_id)
        ],
        "attendance": [
            {
                "meeting_id": m.id,
                "series": sr.name if sr else None,
                "date": m.date,
                "round": m.round,
                "side": side,
            }
            for m, sr, side in e.organization_attendance(session, org_id)
        ],
        "people": [
            {"person_id": pid, "name": n, "title": t} for pid, n, t in e.organization_people(session, org_id)
        ],
    }


@router.get("/topics", response_model=list[s.TopicOut])
def topics(session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)) -> list[dict]:
    """Every topic with labels and its number of documents."""
    return [
        {"id": t.id, "group": t.group, "label_en": t.label_en, "label_es": t.label_es, "documents": n}
        for t, n in list_topics(session, viewer.signed_in)
    ]


@router.get("/topics/{topic_id}")
def topic(
    topic_id: str, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> dict:
    """Every passage about a topic, oldest document first."""
    out = []
    for row in topic_passages(session, topic_id, viewer.signed_in):
        doc = row["document"]
        out.append(
            {
                "document": s.DocumentOut.model_validate(doc).model_dump(),
                "score": row["score"],
                "passages": [
                    {"start": p["start"], "end": p["end"], "text": p["match"]} for p in row["passages"]
                ],
            }
        )
    return {"topic": topic_id, "documents": out}
