"""Series list and the timeline of rounds with dates, venues and heads of delegation."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.analytics.common import find_series, meeting_label, meetings_of
from dialogwatch.store.models import Document, MeetingDocument, Participation, Person


def series_list(session: Session) -> list[dict]:
    """Every series with parties, theme, aliases, rounds and first/last dates."""
    out = []
    for s in find_series(session, None):
        meetings = meetings_of(session, s)
        dates = sorted(m.date for m in meetings if m.date)
        out.append(
            {
                "id": s.id,
                "key": s.key,
                "name": s.name,
                "parties": list(s.parties or []),
                "theme": s.kind,
                "aliases": sorted(a.name for a in s.aliases),
                "meetings": len(meetings),
                "rounds": [m.round for m in meetings if m.round is not None],
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
            }
        )
    return out


def meetings_timeline(session: Session, series: str | int | None = None) -> list[dict]:
    """Rounds of the chosen series (all when None) with date, venue, heads per side and documents."""
    out = []
    for s in find_series(session, series):
        for m in meetings_of(session, s):
            docs = session.execute(
                select(MeetingDocument.role, Document.id, Document.language, Document.title)
                .join(Document, Document.id == MeetingDocument.document_id)
                .where(MeetingDocument.meeting_id == m.id)
                .order_by(Document.id)
            ).all()
            heads: dict[str, list[str]] = defaultdict(list)
            rows = session.execute(
                select(Participation.side, Person.name)
                .join(Person, Person.id == Participation.person_id)
                .where(Participation.meeting_id == m.id, Participation.role == "head")
                .order_by(Participation.id)
            ).all()
            for side, name in rows:
                if name not in heads[side or "?"]:
                    heads[side or "?"].append(name)
            out.append(
                {
                    "id": m.id,
                    "series": s.name,
                    "series_id": s.id,
                    "round": m.round,
                    "date": m.date,
                    "label": meeting_label(m),
                    "city": m.city,
                    "country": m.country,
                    "parties": list(m.parties or []),
                    "heads": dict(sorted(heads.items())),
                    "conflicts": m.conflicts or {},
                    "flagged": bool(m.conflicts),
                    "documents": [
                        {"id": d, "role": role, "language": lang, "title": title}
                        for role, d, lang, title in docs
                    ],
                }
            )
    return out
