"""Topic x meeting and agency x meeting matrices for a series."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.analytics.common import find_series, meeting_label, meetings_of
from dialogwatch.store.models import (
    DelegationMember,
    MeetingDocument,
    Organization,
    Participation,
    Topic,
    TopicAssignment,
)


@dataclass
class Matrix:
    """Rows x meeting columns; each row's ``cells`` maps a meeting id to a mark."""

    series_id: int
    series: str
    meetings: list[dict]
    rows: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain data for JSON."""
        return {
            "series_id": self.series_id,
            "series": self.series,
            "meetings": self.meetings,
            "rows": self.rows,
        }

    def flat(self) -> list[dict]:
        """One dict per row with a column per meeting label (for tables and CSV)."""
        out = []
        for row in self.rows:
            flat = {k: v for k, v in row.items() if k != "cells"}
            flat["series"] = self.series
            for m in self.meetings:
                flat[m["label"]] = row["cells"].get(str(m["id"]), "")
            out.append(flat)
        return out


def _meeting_cols(meetings: list) -> list[dict]:
    return [{"id": m.id, "round": m.round, "date": m.date, "label": meeting_label(m)} for m in meetings]


def topic_marks(present: list[bool]) -> list[str]:
    """Mark a topic across ordered rounds: new, continued, dropped, or '' when absent after absence."""
    marks, before = [], False
    for here in present:
        marks.append("continued" if here and before else "new" if here else "dropped" if before else "")
        before = here
    return marks


def topic_matrix(session: Session, series: str | int | None = None) -> list[Matrix]:
    """For each chosen series: which topics each round covered, marked new / continued / dropped."""
    out = []
    labels = {t.id: t.label_en for t in session.scalars(select(Topic))}
    for s in find_series(session, series):
        meetings = meetings_of(session, s)
        by_meeting: dict[int, set[str]] = defaultdict(set)
        if meetings:
            rows = session.execute(
                select(MeetingDocument.meeting_id, TopicAssignment.topic_id)
                .join(TopicAssignment, TopicAssignment.document_id == MeetingDocument.document_id)
                .where(
                    MeetingDocument.meeting_id.in_([m.id for m in meetings]),
                    TopicAssignment.review_state != "rejected",
                )
            )
            for mid, tid in rows:
                by_meeting[mid].add(tid)
        matrix = Matrix(s.id, s.name, _meeting_cols(meetings))
        for tid in sorted({t for ts in by_meeting.values() for t in ts}):
            marks = topic_marks([tid in by_meeting[m.id] for m in meetings])
            matrix.rows.append(
                {
                    "topic": tid,
                    "label": labels.get(tid, tid),
                    "rounds": sum(1 for m in meetings if tid in by_meeting[m.id]),
                    "cells": {str(m.id): mark for m, mark in zip(meetings, marks, strict=True)},
                }
            )
        out.append(matrix)
    return out


def attendance_matrix(session: Session, series: str | int | None = None) -> list[Matrix]:
    """For each chosen series: which agencies each side brought to each round (delegations and people)."""
    out = []
    for s in find_series(session, series):
        meetings = meetings_of(session, s)
        ids = [m.id for m in meetings]
        seen: dict[tuple[str, int], set[int]] = defaultdict(set)
        for model in (DelegationMember, Participation):
            for side, org_id, mid in session.execute(
                select(model.side, model.organization_id, model.meeting_id).where(
                    model.meeting_id.in_(ids), model.organization_id.is_not(None)
                )
            ):
                seen[(side or "?", org_id)].add(mid)
        orgs = {
            o.id: o
            for o in session.scalars(select(Organization).where(Organization.id.in_({o for _, o in seen})))
        }
        matrix = Matrix(s.id, s.name, _meeting_cols(meetings))
        for side, org_id in sorted(seen, key=lambda k: (k[0], orgs[k[1]].name)):
            present = seen[(side, org_id)]
            matrix.rows.append(
                {
                    "side": side,
                    "organization": orgs[org_id].name,
                    "organization_id": org_id,
                    "rounds": len(present),
                    "cells": {str(m.id): ("x" if m.id in present else "") for m in meetings},
                }
            )
        out.append(matrix)
    return out
