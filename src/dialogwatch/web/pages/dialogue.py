"""Series timeline, meeting page, topics (heatmap, passages), people and organisations."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dialogwatch.api.deps import Viewer, current_viewer, get_session
from dialogwatch.api.services import entities as e
from dialogwatch.api.services.topics import list_topics, topic_label, topic_matrix, topic_passages
from dialogwatch.store.models import Organization, Person, Series, Topic
from dialogwatch.web.charts import heatmap
from dialogwatch.web.i18n import translate
from dialogwatch.web.templating import render

router = APIRouter()


def _lang(request: Request) -> str:
    from dialogwatch.web.i18n import pick_language

    return pick_language(request.session.get("lang"), request.headers.get("accept-language"))


def _topics(session: Session) -> dict[str, Topic]:
    return {t.id: t for t in session.query(Topic).all()}


@router.get("/series")
def series_index(
    request: Request, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> Response:
    """Every series with its number of rounds and its latest one."""
    rows = [
        (s, n, latest, e.meeting_label(latest) if latest else "") for s, n, latest in e.list_series(session)
    ]
    return render(request, "series_index.html", viewer, rows=rows)


@router.get("/series/{series_id}")
def series_page(
    request: Request,
    series_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """The timeline of a series' rounds with the topic heatmap."""
    series = session.get(Series, series_id)
    if series is None:
        raise HTTPException(404, f"no series {series_id}")
    timeline = e.timeline(session, series_id, viewer.signed_in)
    return render(
        request,
        "series.html",
        viewer,
        series=series,
        timeline=timeline,
        **_heatmap(request, session, series_id, viewer),
    )


def _heatmap(request: Request, session: Session, series_id: int, viewer: Viewer) -> dict:
    lang = _lang(request)
    m = topic_matrix(session, series_id, viewer.signed_in)
    topics = _topics(session)
    labels = {t: topic_label(topics.get(t), t, lang) for t in m.topics}
    legend = {k: translate(f"mark.{k}", lang) for k in ("new", "continued", "dropped", "absent")}
    return {"matrix": m, "chart": heatmap(m, labels, legend) if m.topics else None}


@router.get("/series/{series_id}/topics")
def series_topics(
    request: Request,
    series_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """The topic × round heatmap of a series, with new and dropped marks."""
    series = session.get(Series, series_id)
    if series is None:
        raise HTTPException(404, f"no series {series_id}")
    return render(
        request, "heatmap.html", viewer, series=series, **_heatmap(request, session, series_id, viewer)
    )


@router.get("/meetings/{meeting_id}")
def meeting_page(
    request: Request,
    meeting_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Venue, date, delegations side by side, topics, actions and every document about a meeting."""
    d = e.meeting_detail(session, meeting_id, viewer.signed_in)
    if d is None:
        raise HTTPException(404, f"no meeting {meeting_id}")
    sides = sorted(set(d.people_by_side) | set(d.agencies_by_side))
    return render(
        request,
        "meeting.html",
        viewer,
        d=d,
        m=d.meeting,
        sides=sides,
        label=e.meeting_label(d.meeting),
        topics=_topics(session),
    )


@router.get("/topics")
def topics_index(
    request: Request, session: Session = Depends(get_session), viewer: Viewer = Depends(current_viewer)
) -> Response:
    """Every topic with its number of documents; links to each series' heatmap."""
    return render(
        request,
        "topics.html",
        viewer,
        rows=list_topics(session, viewer.signed_in),
        series=[s for s, _, _ in e.list_series(session)],
    )


@router.get("/topics/{topic_id}")
def topic_page(
    request: Request,
    topic_id: str,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """Every passage about a topic over time."""
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise HTTPException(404, f"no topic {topic_id}")
    return render(
        request, "topic.html", viewer, topic=topic, rows=topic_passages(session, topic_id, viewer.signed_in)
    )


@router.get("/people")
def people_page(
    request: Request,
    name: str = Query("", max_length=100),
    page: int = Query(1, ge=1, le=2000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """The people directory."""
    listing = e.list_people(session, name or None, 50, (page - 1) * 50)
    return render(request, "people.html", viewer, listing=listing, name=name, page=page)


@router.get("/people/{person_id}")
def person_page(
    request: Request,
    person_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """A person's role history across meetings."""
    person = session.get(Person, person_id)
    if person is None:
        raise HTTPException(404, f"no person {person_id}")
    return render(
        request,
        "person.html",
        viewer,
        person=person,
        history=e.person_history(session, person_id, viewer.signed_in),
    )


@router.get("/organizations")
def organizations_page(
    request: Request,
    name: str = Query("", max_length=100),
    page: int = Query(1, ge=1, le=2000),
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """The organisations directory."""
    listing = e.list_organizations(session, name or None, 50, (page - 1) * 50)
    return render(request, "organizations.html", viewer, listing=listing, name=name, page=page)


@router.get("/organizations/{org_id}")
def organization_page(
    request: Request,
    org_id: int,
    session: Session = Depends(get_session),
    viewer: Viewer = Depends(current_viewer),
) -> Response:
    """An agency: names and acronyms, attendance over rounds, people."""
    org = session.get(Organization, org_id)
    if org is None:
        raise HTTPException(404, f"no organization {org_id}")
    return render(
        request,
        "organization.html",
        viewer,
        org=org,
        aliases=e.organization_aliases(session, org_id),
        attendance=e.organization_attendance(session, org_id),
        people=e.organization_people(session, org_id),
    )
