"""People with their role history, and organisations with aliases and meetings attended."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.link.normalize import fold
from dialogwatch.store.models import (
    DelegationMember,
    Document,
    Meeting,
    Organization,
    Participation,
    Person,
    Series,
)


def people(session: Session, name: str | None = None) -> list[dict]:
    """People (matching NAME if given) with their meetings and titles over time, one entry per meeting."""
    persons = session.scalars(select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.id)).all()
    if name:
        q = fold(name).strip()
        persons = [p for p in persons if q in fold(p.name) or any(q in fold(a.name) for a in p.aliases)]
    out = []
    for p in persons:
        rows = session.execute(
            select(Participation, Document, Meeting, Series, Organization)
            .join(Document, Document.id == Participation.document_id)
            .outerjoin(Meeting, Meeting.id == Participation.meeting_id)
            .outerjoin(Series, Series.id == Meeting.series_id)
            .outerjoin(Organization, Organization.id == Participation.organization_id)
            .where(Participation.person_id == p.id)
            .order_by(Document.id, Participation.id)
        ).all()
        history: dict[tuple, dict] = {}
        for part, doc, meeting, series, org in rows:
            key = ("meeting", meeting.id) if meeting is not None else ("document", doc.id)
            entry = history.get(key)
            if entry is None:
                entry = history[key] = {
                    "date": (meeting.date if meeting is not None else None) or doc.issue_date,
                    "meeting_id": meeting.id if meeting is not None else None,
                    "series": series.name if series is not None else None,
                    "round": meeting.round if meeting is not None else None,
                    "role": part.role,
                    "side": part.side,
                    "title": part.title,
                    "organization": org.name if org is not None else part.organization_name,
                    "documents": [],
                }
            # The first (official, then earliest) document's wording wins; others fill gaps.
            entry["title"] = entry["title"] or part.title
            if entry["organization"] is None and org is not None:
                entry["organization"] = org.name
            if doc.id not in entry["documents"]:
                entry["documents"].append(doc.id)
        items = sorted(history.values(), key=lambda e: (e["date"] or "9999", e["round"] or 0))
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "aliases": sorted(a.name for a in p.aliases),
                "sides": sorted({e["side"] for e in items if e["side"]}),
                "meetings": sum(1 for e in items if e["meeting_id"] is not None),
                "participations": items,
            }
        )
    return out


def organizations(session: Session) -> list[dict]:
    """Organisations with country, kind, aliases and the meetings they attended."""
    attended: dict[int, set[int]] = defaultdict(set)
    for model in (DelegationMember, Participation):
        for org_id, meeting_id in session.execute(
            select(model.organization_id, model.meeting_id).where(
                model.organization_id.is_not(None), model.meeting_id.is_not(None)
            )
        ):
            attended[org_id].add(meeting_id)
    out = []
    for o in session.scalars(select(Organization).order_by(Organization.name, Organization.id)):
        out.append(
            {
                "id": o.id,
                "key": o.key,
                "name": o.name,
                "country": o.country,
                "kind": o.kind,
                "acronyms": sorted(a.name for a in o.aliases if a.is_acronym),
                "aliases": sorted(a.name for a in o.aliases),
                "meetings": len(attended.get(o.id, ())),
                "meeting_ids": sorted(attended.get(o.id, ())),
            }
        )
    return out
