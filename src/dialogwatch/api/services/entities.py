"""Series, meetings, people and organisations (read side)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogwatch.api.services.common import Page, paginate, visible, visible_ids
from dialogwatch.store.models import (
    Action,
    DelegationMember,
    Document,
    Meeting,
    MeetingDocument,
    Organization,
    OrganizationAlias,
    Participation,
    Person,
    Series,
    TopicAssignment,
)


def list_series(session: Session) -> list[tuple[Series, int, Meeting | None]]:
    """Every series with its number of meetings and its latest meeting."""
    out = []
    for series in session.scalars(select(Series).order_by(Series.name)):
        meetings = series_meetings(session, series.id)
        out.append((series, len(meetings), meetings[-1] if meetings else None))
    return out


def series_meetings(session: Session, series_id: int) -> list[Meeting]:
    """The rounds of a series in order (by round number, then date)."""
    stmt = (
        select(Meeting)
        .where(Meeting.series_id == series_id)
        .order_by(Meeting.date.nulls_last(), Meeting.round.nulls_last(), Meeting.id)
    )
    return list(session.scalars(stmt))


def meeting_label(m: Meeting) -> str:
    """A short label for a meeting: round and year."""
    parts = []
    if m.round:
        parts.append(f"#{m.round}")
    if m.date:
        parts.append(m.date[:4])
    return " ".join(parts) or f"m{m.id}"


def timeline(session: Session, series_id: int, include_private: bool) -> list[tuple]:
    """The rounds of a series with their heads of delegation and number of documents."""
    meetings = series_meetings(session, series_id)
    ids = [m.id for m in meetings]
    heads: dict[int, list] = {}
    rows = session.execute(
        select(Participation.meeting_id, Participation.side, Participation.person_id, Participation.name)
        .where(Participation.meeting_id.in_(ids), Participation.role == "head")
        .where(Participation.review_state != "rejected")
        .where(Participation.document_id.in_(visible_ids(include_private)))
        .distinct()
        .order_by(Participation.meeting_id, Participation.side, Participation.name)
    ).all()
    seen: set[tuple] = set()
    for row in rows:
        key = (row.meeting_id, row.side, row.person_id or row.name)
        if key not in seen:
            seen.add(key)
            heads.setdefault(row.meeting_id, []).append(row)
    ndocs = dict(
        session.execute(
            select(MeetingDocument.meeting_id, func.count())
            .where(MeetingDocument.meeting_id.in_(ids))
            .where(MeetingDocument.document_id.in_(visible_ids(include_private)))
            .group_by(MeetingDocument.meeting_id)
        ).all()
    )
    return [(m, meeting_label(m), heads.get(m.id, []), ndocs.get(m.id, 0)) for m in meetings]


def list_meetings(session: Session, series_id: int | None, limit: int, offset: int) -> Page:
    """Meetings, optionally of one series, oldest first."""
    stmt = select(Meeting).order_by(Meeting.date.nulls_last(), Meeting.id)
    if series_id is not None:
        stmt = stmt.where(Meeting.series_id == series_id)
    return paginate(session, stmt, limit, offset)


@dataclass
class MeetingDetail:
    """A meeting with its people by side, agencies by side, topics, actions and documents."""

    meeting: Meeting
    people_by_side: dict[str, list[Participation]] = field(default_factory=dict)
    agencies_by_side: dict[str, list[str]] = field(default_factory=dict)
    topics: list[tuple[str, int]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    documents: list[tuple[MeetingDocument, Document]] = field(default_factory=list)


def meeting_detail(session: Session, meeting_id: int, include_private: bool) -> MeetingDetail | None:
    """Everything known about one meeting, from all documents that report it."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    detail = MeetingDetail(meeting=meeting)
    docs = session.execute(
        select(MeetingDocument, Document)
        .join(Document, Document.id == MeetingDocument.document_id)
        .where(MeetingDocument.meeting_id == meeting_id, visible(include_private))
        .order_by(Document.issue_date, Document.id)
    ).all()
    detail.documents = [(md, d) for md, d in docs]
    doc_ids = [d.id for _, d in docs]
    seen: set[tuple[str, str]] = set()
    for p in session.scalars(
        select(Participation)
        .where(Participation.meeting_id == meeting_id, Participation.document_id.in_(doc_ids))
        .where(Participation.review_state != "rejected")
        .order_by(Participation.role, Participation.id)
    ):
        key = (p.side or "?", str(p.person_id or p.name))
        if key not in seen:
            seen.add(key)
            detail.people_by_side.setdefault(p.side or "?", []).append(p)
    for dm in session.scalars(
        select(DelegationMember).where(
            DelegationMember.meeting_id == meeting_id, DelegationMember.document_id.in_(doc_ids)
        )
    ):
        names = detail.agencies_by_side.setdefault(dm.side, [])
        if dm.organization_name not in names:
            names.append(dm.organization_name)
    detail.topics = [
        (t, n)
        for t, n in session.execute(
            select(TopicAssignment.topic_id, func.count())
            .where(TopicAssignment.document_id.in_(doc_ids))
            .group_by(TopicAssignment.topic_id)
            .order_by(func.count().desc(), TopicAssignment.topic_id)
        )
    ]
    # Two indexed lookups instead of one OR (which would scan every action).
    by_meeting = select(Action).where(Action.meeting_id == meeting_id, Action.review_state != "rejected")
    by_doc = select(Action).where(Action.document_id.in_(doc_ids), Action.review_state != "rejected")
    found = {a.id: a for a in session.scalars(by_meeting)}
    found.update({a.id: a for a in session.scalars(by_doc)})
    visible_docs = set(doc_ids)
    detail.actions = sorted(
        (a for a in found.values() if a.document_id in visible_docs), key=lambda a: (a.kind, a.id)
    )
    return detail


def list_people(session: Session, name: str | None, limit: int, offset: int) -> Page:
    """People with their number of participations, by name."""
    n = func.count(Participation.id).label("n")
    stmt = (
        select(Person, n)
        .outerjoin(Participation, Participation.person_id == Person.id)
        .where(Person.merged_into_id.is_(None))
        .group_by(Person.id)
        .order_by(Person.name)
    )
    if name:
        stmt = stmt.where(Person.name.ilike(f"%{name}%"))
    return paginate(session, stmt, limit, offset, scalars=False)


def person_history(session: Session, person_id: int, include_private: bool) -> list[tuple]:
    """A person's participations over time: (participation, meeting, series, document)."""
    stmt = (
        select(Participation, Meeting, Series, Document)
        .join(Document, Document.id == Participation.document_id)
        .outerjoin(Meeting, Meeting.id == Participation.meeting_id)
        .outerjoin(Series, Series.id == Meeting.series_id)
        .where(Participation.person_id == person_id, visible(include_private))
        .where(Participation.review_state != "rejected")
        .order_by(func.coalesce(Meeting.date, Document.issue_date).nulls_last(), Participation.id)
    )
    return [tuple(r) for r in session.execute(stmt)]


def list_organizations(session: Session, name: str | None, limit: int, offset: int) -> Page:
    """Organisations with the number of delegations they took part in."""
    n = func.count(DelegationMember.id).label("n")
    stmt = (
        select(Organization, n)
        .outerjoin(DelegationMember, DelegationMember.organization_id == Organization.id)
        .group_by(Organization.id)
        .order_by(Organization.name)
    )
    if name:
        stmt = stmt.where(Organization.name.ilike(f"%{name}%"))
    return paginate(session, stmt, limit, offset, scalars=False)


def organization_aliases(session: Session, org_id: int) -> list[OrganizationAlias]:
    """Names and acronyms of an organisation."""
    return list(session.scalars(select(OrganizationAlias).where(OrganizationAlias.organization_id == org_id)))


def organization_attendance(session: Session, org_id: int) -> list[tuple[Meeting, Series | None, str]]:
    """The meetings where an organisation was on a delegation, with the side."""
    pairs = session.execute(
        select(DelegationMember.meeting_id, DelegationMember.side)
        .where(DelegationMember.organization_id == org_id, DelegationMember.meeting_id.is_not(None))
        .distinct()
    ).all()
    meetings = {
        m.id: m for m in session.scalars(select(Meeting).where(Meeting.id.in_({p[0] for p in pairs})))
    }
    rows = [(meetings[mid], meetings[mid].series, side) for mid, side in pairs if mid in meetings]
    return sorted(rows, key=lambda r: (r[0].date or "9999", r[2]))


def organization_people(session: Session, org_id: int) -> list[tuple[int | None, str, str | None]]:
    """People who appeared for an organisation: (person id, name, title)."""
    stmt = (
        select(Participation.person_id, Participation.name, Participation.title)
        .where(Participation.organization_id == org_id)
        .distinct()
        .order_by(Participation.name)
    )
    return [tuple(r) for r in session.execute(stmt)]
