"""Read side of the core tables, shared by the CLI, the API and the web app.

Functions return plain JSON-ready dicts so that every front end renders the
same data; they never commit.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import (
    AcronymMention,
    Action,
    Base,
    CaseMention,
    DelegationMember,
    Document,
    Figure,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Participation,
    Series,
    Topic,
    TopicAssignment,
)

# The sections of a document's detail, in display order.
DETAIL_SECTIONS: dict[str, type[Base]] = {
    "meetings": MeetingDocument,
    "participants": Participation,
    "delegations": DelegationMember,
    "acronyms": AcronymMention,
    "topics": TopicAssignment,
    "actions": Action,
    "figures": Figure,
    "cases": CaseMention,
    "instruments": InstrumentMention,
}

DOCUMENT_COLUMNS = ["id", "title", "doc_type", "language", "date", "source_path", "version", "duplicate_of"]

_HEX = re.compile(r"^[0-9a-f]{6,64}$")
_SKIP = {"document_id", "created_at"}


class DocumentNotFound(LookupError):
    """No document (or more than one) matches a reference; ``str()`` says which."""


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def row_dict(row: Base) -> dict[str, Any]:
    """Every column of a row as JSON-ready values (without document_id/created_at)."""
    return {
        c.key: _json_value(getattr(row, c.key)) for c in row.__mapper__.column_attrs if c.key not in _SKIP
    }


def document_summary(doc: Document) -> dict[str, Any]:
    """The fields a document list shows."""
    return {
        "id": doc.id,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "language": doc.language,
        "date": doc.issue_date,
        "source_path": doc.source_path,
        "filename": doc.filename,
        "format": doc.format,
        "version": doc.version_no,
        "version_of": doc.version_of_id,
        "is_current": doc.is_current,
        "duplicate_of": doc.duplicate_of_id,
        "duplicate_score": doc.duplicate_score,
        "sha256": doc.sha256,
        "size_bytes": doc.size_bytes,
        "visibility": doc.visibility,
        "ingested_at": _json_value(doc.ingested_at),
        "extracted_at": _json_value(doc.extracted_at),
    }


def document_query(
    *,
    doc_type: str | None = None,
    language: str | None = None,
    year: int | str | None = None,
    series: str | None = None,
    current_only: bool = True,
    include_duplicates: bool = True,
):  # type: ignore[no-untyped-def]
    """A SELECT of documents with the list filters applied (for pagination by callers)."""
    stmt = select(Document)
    if current_only:
        stmt = stmt.where(Document.is_current.is_(True))
    if not include_duplicates:
        stmt = stmt.where(Document.duplicate_of_id.is_(None))
    if doc_type:
        stmt = stmt.where(Document.doc_type == doc_type)
    if language:
        stmt = stmt.where(Document.language == language)
    if year:
        stmt = stmt.where(Document.issue_date.like(f"{int(year):04d}%"))
    if series:
        pattern = f"%{series.lower()}%"
        in_series = (
            select(MeetingDocument.document_id)
            .outerjoin(Meeting, Meeting.id == MeetingDocument.meeting_id)
            .outerjoin(Series, Series.id == Meeting.series_id)
            .where(
                or_(
                    func.lower(MeetingDocument.series_name).like(pattern),
                    func.lower(Series.name).like(pattern),
                    func.lower(Series.key).like(pattern),
                )
            )
        )
        stmt = stmt.where(Document.id.in_(in_series))
    return stmt.order_by(Document.issue_date.is_(None), Document.issue_date, Document.id)


def list_documents(
    session: Session,
    *,
    doc_type: str | None = None,
    language: str | None = None,
    year: int | str | None = None,
    series: str | None = None,
    current_only: bool = True,
    include_duplicates: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Documents (current versions by default), oldest issue date first, as summaries."""
    stmt = document_query(
        doc_type=doc_type,
        language=language,
        year=year,
        series=series,
        current_only=current_only,
        include_duplicates=include_duplicates,
    )
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [document_summary(d) for d in session.scalars(stmt)]


def get_document(session: Session, ref: int | str) -> Document:
    """A document by id, or by a prefix (≥ 6 hex digits) of its text or file SHA-256."""
    text = str(ref).strip().lower().lstrip("#")
    if text.isdigit():
        doc = session.get(Document, int(text))
        if doc is None:
            raise DocumentNotFound(f"no document with id {text}")
        return doc
    if not _HEX.match(text):
        raise DocumentNotFound(f"not a document id or SHA-256 prefix: {ref!r}")
    stmt = (
        select(Document)
        .where(or_(Document.sha256.like(f"{text}%"), Document.raw_sha256.like(f"{text}%")))
        .order_by(Document.is_current.desc(), Document.id)
    )
    docs = list(session.scalars(stmt.limit(50)))
    lineages = {d.version_of_id or d.id for d in docs if d.duplicate_of_id is None} or {d.id for d in docs}
    if not docs:
        raise DocumentNotFound(f"no document whose SHA-256 starts with {text}")
    if len(lineages) > 1:
        raise DocumentNotFound(f"SHA-256 prefix {text} matches {len(docs)} documents; give more digits")
    return docs[0]


def extracted_rows(session: Session, document_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every extracted row of one document, per section, in text order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, model in DETAIL_SECTIONS.items():
        stmt = select(model).where(model.document_id == document_id).order_by(model.start, model.id)
        out[name] = [row_dict(r) for r in session.scalars(stmt)]
    labels = {t.id: t for t in session.scalars(select(Topic))} if out["topics"] else {}
    for row in out["topics"]:
        topic = labels.get(row["topic_id"])
        row["label_en"] = topic.label_en if topic else row["topic_id"]
        row["label_es"] = topic.label_es if topic else row["topic_id"]
    return out


def document_detail(session: Session, doc: Document, *, include_text: bool = False) -> dict[str, Any]:
    """One document with its versions, duplicates and everything extracted from it."""
    lineage = doc.version_of_id or doc.id
    versions = session.scalars(
        select(Document)
        .where(or_(Document.id == lineage, Document.version_of_id == lineage))
        .order_by(Document.version_no)
    )
    duplicates = session.scalars(
        select(Document.id).where(Document.duplicate_of_id == doc.id).order_by(Document.id)
    )
    source = doc.duplicate_of_id or doc.id
    detail = document_summary(doc)
    detail["versions"] = [
        {
            "id": v.id,
            "version": v.version_no,
            "is_current": v.is_current,
            "ingested_at": _json_value(v.ingested_at),
        }
        for v in versions
    ]
    detail["duplicates"] = list(duplicates)
    detail["extractor"] = doc.extractor
    detail["text_length"] = len(doc.clean_text or "")
    if include_text:
        detail["text"] = doc.clean_text
    # A duplicate has no rows of its own: show its original's, marked as such.
    detail["extracted_from"] = source
    detail.update(extracted_rows(session, source))
    return detail


def _counts_by(session: Session, column) -> dict[str, int]:  # type: ignore[no-untyped-def]
    stmt = (
        select(column, func.count())
        .where(Document.is_current.is_(True), Document.duplicate_of_id.is_(None))
        .group_by(column)
        .order_by(column)
    )
    rows = session.execute(stmt).all()
    counts = {str(key): n for key, n in rows if key is not None}
    unknown = sum(n for key, n in rows if key is None)
    return counts | ({"unknown": unknown} if unknown else {})


def stats(session: Session) -> dict[str, Any]:
    """Counts: documents (current, versions, duplicates), by language/type/year, and rows per table."""
    total = session.scalar(select(func.count()).select_from(Document)) or 0
    current = session.scalar(select(func.count()).where(Document.is_current.is_(True))) or 0
    dups = (
        session.scalar(
            select(func.count()).where(Document.is_current.is_(True), Document.duplicate_of_id.is_not(None))
        )
        or 0
    )
    year = func.substr(Document.issue_date, 1, 4)
    tables = {
        name: session.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
        for name in sorted(Base.metadata.tables)
    }
    actions_by_kind = dict(session.execute(select(Action.kind, func.count()).group_by(Action.kind)).all())
    return {
        "documents": {
            "stored": total,
            "current": current,
            "originals": current - dups,
            "duplicates": dups,
            "older_versions": total - current,
        },
        "by_language": _counts_by(session, Document.language),
        "by_type": _counts_by(session, Document.doc_type),
        "by_year": _counts_by(session, year),
        "actions_by_kind": {str(k): n for k, n in actions_by_kind.items()},
        "tables": tables,
    }
