"""Helpers every analytics function shares: choosing series, ordering meetings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.link.normalize import fold
from dialogwatch.store.models import Meeting, Series


class UnknownSeriesError(LookupError):
    """No series matches what the user typed."""


def find_series(session: Session, query: str | int | None) -> list[Series]:
    """Series matching an id, key, name or alias (accent- and case-insensitive substring); all when None."""
    every = session.scalars(select(Series).order_by(Series.id)).all()
    if query is None or str(query).strip() == "":
        return list(every)
    q = str(query).strip()
    if q.isdigit():
        hit = [s for s in every if s.id == int(q)]
        if hit:
            return hit
    fq = fold(q).strip()
    exact = [s for s in every if fold(s.key) == fq or fold(s.name) == fq]
    if exact:
        return exact
    hits = [
        s
        for s in every
        if fq in fold(s.key) or fq in fold(s.name) or any(fq in fold(a.name) for a in s.aliases)
    ]
    if not hits:
        raise UnknownSeriesError(f"no series matches {q!r}")
    return hits


def meetings_of(session: Session, series: Series) -> list[Meeting]:
    """A series' meetings ordered by round, then date."""
    rows = session.scalars(select(Meeting).where(Meeting.series_id == series.id)).all()
    if all(m.round is not None for m in rows):
        return sorted(rows, key=lambda m: (m.round, m.date or "9999", m.id))
    return sorted(rows, key=lambda m: (m.date or "9999", m.round or 0, m.id))


def meeting_label(meeting: Meeting) -> str:
    """A short column label: 'R7 2015-10-21', or the date alone."""
    parts = [f"R{meeting.round}" if meeting.round is not None else "", meeting.date or ""]
    return " ".join(p for p in parts if p) or f"meeting {meeting.id}"
