"""Documents: filtered lists with facets, and one document with everything extracted from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogwatch.api.services.common import Page, listed, paginate, visible, visible_ids
from dialogwatch.search.index import entries
from dialogwatch.store.models import (
    AcronymMention,
    Action,
    CaseMention,
    DelegationMember,
    Document,
    Figure,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Participation,
    Series,
    TopicAssignment,
)


@dataclass
class DocumentFilters:
    """Filters of the documents list; ``None`` means any."""

    doc_type: str | None = None
    language: str | None = None
    year: str | None = None
    series_id: int | None = None
    topic: str | None = None
    needs_review: bool = False
    include_private: bool = False


def _where(f: DocumentFilters) -> list:
    """Conditions on the slim search index rows of documents (see search.index), not the wide table."""
    e = entries.c
    conds = [e.kind == "document", e.listed.is_(True)]
    if not f.include_private:
        conds.append(e.visibility == "public")
    if f.doc_type:
        conds.append(e.doc_type == f.doc_type)
    if f.language:
        conds.append(e.language == f.language)
    if f.year:
        conds.append(e.year == f.year)
    if f.series_id is not None:
        conds.append(
            e.document_id.in_(
                select(MeetingDocument.document_id)
                .join(Meeting, Meeting.id == MeetingDocument.meeting_id)
                .where(Meeting.series_id == f.series_id)
            )
        )
    if f.topic:
        conds.append(
            e.document_id.in_(select(TopicAssignment.document_id).where(TopicAssignment.topic_id == f.topic))
        )
    if f.needs_review:
        conds.append(e.document_id.in_(select(Action.document_id).where(Action.review_state == "unreviewed")))
    return conds


def list_documents(session: Session, f: DocumentFilters, limit: int = 50, offset: int = 0) -> Page:
    """Documents matching ``f``, newest first (call ``search.index`` sync first for fresh results)."""
    stmt = (
        select(entries.c.document_id)
        .where(*_where(f))
        .order_by(entries.c.issue_date.desc().nulls_last(), entries.c.document_id.desc())
    )
    page = paginate(session, stmt, limit, offset)
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(page.items)))}
    page.items = [docs[i] for i in page.items if i in docs]
    return page


def document_facets(session: Session, f: DocumentFilters) -> dict[str, list[tuple[Any, int]]]:
    """Counts by type, language, year, series and topic over the documents matching ``f``."""
    e = entries.c
    out: dict[str, list[tuple[Any, int]]] = {"doc_type": {}, "language": {}, "year": {}}  # type: ignore[dict-item]
    rows = session.execute(
        select(e.doc_type, e.language, e.year, func.count())
        .where(*_where(f))
        .group_by(e.doc_type, e.language, e.year)
    ).all()
    tallies: dict[str, dict[str, int]] = {"doc_type": {}, "language": {}, "year": {}}
    for doc_type, language, year, n in rows:
        for name, value in (("doc_type", doc_type), ("language", language), ("year", year)):
            if value:
                tallies[name][value] = tallies[name].get(value, 0) + n
    for name, counts in tallies.items():
        order = (lambda kv: kv[0]) if name == "year" else (lambda kv: (-kv[1], kv[0]))
        out[name] = sorted(counts.items(), key=order, reverse=name == "year")
    ids = select(e.document_id).where(*_where(f)).scalar_subquery()
    n = func.count(func.distinct(MeetingDocument.document_id))
    rows = session.execute(
        select(Series.id, Series.name, n)
        .join(Meeting, Meeting.series_id == Series.id)
        .join(MeetingDocument, MeetingDocument.meeting_id == Meeting.id)
        .where(MeetingDocument.document_id.in_(ids))
        .group_by(Series.id, Series.name)
        .order_by(n.desc())
    ).all()
    out["series"] = [((sid, name), c) for sid, name, c in rows]
    n = func.count(func.distinct(TopicAssignment.document_id))
    rows = session.execute(
        select(TopicAssignment.topic_id, n)
        .where(TopicAssignment.document_id.in_(ids))
        .group_by(TopicAssignment.topic_id)
        .order_by(n.desc())
        .limit(30)
    ).all()
    out["topic"] = [(t, c) for t, c in rows]
    return out


@dataclass
class DocumentDetail:
    """A document and its extracted rows, by kind."""

    document: Document
    participations: list[Participation] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    cases: list[CaseMention] = field(default_factory=list)
    instruments: list[InstrumentMention] = field(default_factory=list)
    topics: list[TopicAssignment] = field(default_factory=list)
    acronyms: list[AcronymMention] = field(default_factory=list)
    delegations: list[DelegationMember] = field(default_factory=list)
    meetings: list[MeetingDocument] = field(default_factory=list)


def get_document(session: Session, doc_id: int, include_private: bool = False) -> Document | None:
    """One document if it exists and the visitor may see it."""
    doc = session.get(Document, doc_id)
    if doc is None or (doc.visibility != "public" and not include_private):
        return None
    return doc


def document_detail(session: Session, doc_id: int, include_private: bool = False) -> DocumentDetail | None:
    """A document with every extracted row, ordered by position in the text."""
    doc = get_document(session, doc_id, include_private)
    if doc is None:
        return None

    def rows(model: type) -> list:
        return list(
            session.scalars(
                select(model).where(model.document_id == doc_id).order_by(model.start.nulls_last(), model.id)
            )
        )

    return DocumentDetail(
        document=doc,
        participations=rows(Participation),
        actions=rows(Action),
        figures=rows(Figure),
        cases=rows(CaseMention),
        instruments=rows(InstrumentMention),
        topics=list(
            session.scalars(
                select(TopicAssignment)
                .where(TopicAssignment.document_id == doc_id)
                .order_by(TopicAssignment.score.desc())
            )
        ),
        acronyms=rows(AcronymMention),
        delegations=rows(DelegationMember),
        meetings=list(session.scalars(select(MeetingDocument).where(MeetingDocument.document_id == doc_id))),
    )


def recent_documents(session: Session, include_private: bool, limit: int = 8) -> list[Document]:
    """The most recently ingested documents."""
    stmt = (
        select(Document)
        .where(listed(), visible(include_private))
        .order_by(Document.id.desc())  # ids grow with ingestion, and the primary key needs no sort
        .limit(limit)
    )
    return list(session.scalars(stmt))


def documents_needing_review(
    session: Session, include_private: bool, limit: int = 8
) -> list[tuple[Document, int]]:
    """Documents with unreviewed extracted actions, most unreviewed first."""
    n = func.count(Action.id)
    stmt = (
        select(Action.document_id, n)
        .where(Action.review_state == "unreviewed", Action.document_id.in_(visible_ids(include_private)))
        .group_by(Action.document_id)
        .order_by(n.desc(), Action.document_id.desc())
        .limit(limit)
    )
    counts = session.execute(stmt).all()
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_([i for i, _ in counts])))}
    return [(docs[i], c) for i, c in counts if i in docs]
