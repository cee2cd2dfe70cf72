"""Topics: labels, the topic × round matrix of a series, and passages about a topic over time."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogwatch.api.services.common import listed, visible, visible_ids
from dialogwatch.api.services.entities import meeting_label, series_meetings
from dialogwatch.store.models import Document, Meeting, MeetingDocument, Topic, TopicAssignment


def list_topics(session: Session, include_private: bool) -> list[tuple[Topic, int]]:
    """Every topic with the number of (visible, current) documents assigned to it."""
    n = func.count(func.distinct(TopicAssignment.document_id))
    counts = dict(
        session.execute(
            select(TopicAssignment.topic_id, n)
            .where(TopicAssignment.document_id.in_(visible_ids(include_private)))
            .group_by(TopicAssignment.topic_id)
        ).all()
    )
    topics = list(session.scalars(select(Topic)))
    return sorted(((t, counts.get(t.id, 0)) for t in topics), key=lambda tc: (-tc[1], tc[0].id))


def topic_label(topic: Topic | None, topic_id: str, lang: str) -> str:
    """The topic's label in ``lang`` (falls back to English, then the id)."""
    if topic is None:
        return topic_id
    return (topic.label_es if lang == "es" else topic.label_en) or topic.label_en or topic_id


@dataclass
class TopicMatrix:
    """Topic × meeting cells: document counts and a mark (new, continued, dropped, absent)."""

    meetings: list[Meeting] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    counts: dict[tuple[str, int], int] = field(default_factory=dict)
    marks: dict[tuple[str, int], str] = field(default_factory=dict)


def topic_matrix(session: Session, series_id: int, include_private: bool) -> TopicMatrix:
    """The topic × round matrix of one series, with new/continued/dropped marks per round."""
    meetings = series_meetings(session, series_id)
    m = TopicMatrix(meetings=meetings, labels=[meeting_label(x) for x in meetings])
    if not meetings:
        return m
    rows = session.execute(
        select(
            MeetingDocument.meeting_id,
            TopicAssignment.topic_id,
            func.count(func.distinct(MeetingDocument.document_id)),
        )
        .join(TopicAssignment, TopicAssignment.document_id == MeetingDocument.document_id)
        .where(MeetingDocument.meeting_id.in_([x.id for x in meetings]))
        .where(MeetingDocument.document_id.in_(visible_ids(include_private)))
        .where(TopicAssignment.review_state != "rejected")
        .group_by(MeetingDocument.meeting_id, TopicAssignment.topic_id)
    ).all()
    for meeting_id, topic_id, count in rows:
        m.counts[(topic_id, meeting_id)] = count
    first_seen = {}
    for i, meeting in enumerate(meetings):
        for t in {t for (t, mid) in m.counts if mid == meeting.id}:
            first_seen.setdefault(t, i)
    m.topics = sorted(first_seen, key=lambda t: (first_seen[t], t))
    for t in m.topics:
        prev = False
        for meeting in meetings:
            here = (t, meeting.id) in m.counts
            m.marks[(t, meeting.id)] = (
                ("continued" if prev else "new") if here else ("dropped" if prev else "absent")
            )
            prev = here
    return m


def topic_passages(session: Session, topic_id: str, include_private: bool, limit: int = 200) -> list[dict]:
    """Evidence passages about a topic across documents, oldest first."""
    stmt = (
        select(TopicAssignment, Document)
        .join(Document, Document.id == TopicAssignment.document_id)
        .where(TopicAssignment.topic_id == topic_id, listed(), visible(include_private))
        .where(TopicAssignment.review_state != "rejected")
        .order_by(Document.issue_date.nulls_last(), Document.id)
        .limit(limit)
    )
    out = []
    for ta, doc in session.execute(stmt):
        spans = []
        for ev in ta.evidence or []:
            start, end = (ev or {}).get("start"), (ev or {}).get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.clean_text):
                spans.append(passage(doc.clean_text, start, end))
        out.append({"document": doc, "score": ta.score, "passages": spans[:5]})
    return out


def passage(text: str, start: int, end: int, context: int = 160) -> dict:
    """The span with some context on each side (cut at word boundaries)."""
    left = max(0, start - context)
    while left > 0 and not text[left - 1].isspace() and start - left < context + 30:
        left -= 1
    right = min(len(text), end + context)
    while right < len(text) and not text[right].isspace() and right - end < context + 30:
        right += 1
    return {
        "start": start,
        "end": end,
        "before": ("… " if left > 0 else "") + text[left:start],
        "match": text[start:end],
        "after": text[end:right] + (" …" if right < len(text) else ""),
    }
