"""Keeps the search index (``search_entries`` + ``search_terms``) in step with documents and actions.

Rows are written by this service, never by ingestion directly: ``sync`` finds
documents and actions that are missing from the index or changed since they
were indexed (text hash, title, action text, or a filter field such as
visibility) and re-indexes them. Deleted documents and actions leave the index
through foreign-key cascades. ``SyncThrottle`` makes the check cheap for reads:
it runs the full comparison only when a fingerprint of the store changed.
"""

from __future__ import annotations

import time
from threading import Lock

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from dialogwatch.search.stemmer import index_text
from dialogwatch.store.models import Action, Document

# Bodies are capped so one huge file cannot exceed PostgreSQL's tsvector size limit;
# the cap applies on both backends so they keep matching the same terms.
MAX_BODY_CHARS = 400_000

_meta = MetaData()
Table("documents", _meta, Column("id", Integer, primary_key=True))
Table("actions", _meta, Column("id", Integer, primary_key=True))
entries = Table(
    "search_entries",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("ref_id", Integer, nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("action_id", Integer, ForeignKey("actions.id")),
    Column("source_key", Text, nullable=False),
    Column("title_src", Text),
    Column("doc_type", String(32)),
    Column("language", String(8)),
    Column("year", String(4)),
    Column("issue_date", String(10)),
    Column("visibility", String(10), nullable=False),
    Column("listed", Boolean, nullable=False),
)
terms = Table(
    "search_terms",
    _meta,
    Column("id", Integer, ForeignKey("search_entries.id"), primary_key=True),
    Column("title_terms", Text, nullable=False),
    Column("body_terms", Text, nullable=False),
)

# Document fields copied onto every index row (document and action rows alike).
_DOC_FIELDS = (
    ("doc_type", Document.doc_type),
    ("language", Document.language),
    ("issue_date", Document.issue_date),
    ("visibility", Document.visibility),
)


def _listed(doc: object) -> bool:
    return bool(getattr(doc, "is_current", True)) and getattr(doc, "duplicate_of_id", None) is None


def _doc_meta(doc: object) -> dict:
    date = getattr(doc, "issue_date", None)
    return {
        "document_id": doc.id,  # type: ignore[attr-defined]
        "doc_type": getattr(doc, "doc_type", None),
        "language": getattr(doc, "language", None),
        "issue_date": date,
        "year": date[:4] if date else None,
        "visibility": getattr(doc, "visibility", None) or "public",
        "listed": _listed(doc),
    }


def _write(session: Session, kind: str, ref_id: int, meta: dict, title_terms: str, body_terms: str) -> None:
    row = {"kind": kind, "ref_id": ref_id, **meta}
    entry_id = session.scalar(select(entries.c.id).where(entries.c.kind == kind, entries.c.ref_id == ref_id))
    if entry_id is None:
        entry_id = session.execute(insert(entries).values(**row).returning(entries.c.id)).scalar_one()
        session.execute(insert(terms).values(id=entry_id, title_terms=title_terms, body_terms=body_terms))
        return
    session.execute(update(entries).where(entries.c.id == entry_id).values(**row))
    session.execute(
        update(terms).where(terms.c.id == entry_id).values(title_terms=title_terms, body_terms=body_terms)
    )


def _meta_differs():  # type: ignore[no-untyped-def]
    conds = [entries.c[name].is_distinct_from(col) for name, col in _DOC_FIELDS]
    listed = and_(Document.is_current.is_(True), Document.duplicate_of_id.is_(None))
    conds.append(entries.c.listed != listed)
    return or_(*conds)


def stale_documents(session: Session) -> list[int]:
    """Ids of documents missing from the index or changed since indexing."""
    q = (
        select(Document.id)
        .outerjoin(entries, (entries.c.kind == "document") & (entries.c.ref_id == Document.id))
        .where(
            entries.c.id.is_(None)
            | (entries.c.source_key != Document.sha256)
            | entries.c.title_src.is_distinct_from(Document.title)
            | _meta_differs()
        )
        .order_by(Document.id)
    )
    return list(session.scalars(q))


def stale_actions(session: Session) -> list[int]:
    """Ids of actions missing from the index, whose text changed, or whose document's fields changed."""
    q = (
        select(Action.id)
        .join(Document, Document.id == Action.document_id)
        .outerjoin(entries, (entries.c.kind == "action") & (entries.c.ref_id == Action.id))
        .where(entries.c.id.is_(None) | (entries.c.source_key != Action.text) | _meta_differs())
        .order_by(Action.id)
    )
    return list(session.scalars(q))


def index_documents(session: Session, ids: list[int]) -> int:
    """(Re-)index the given documents; returns how many were written."""
    written = 0
    for start in range(0, len(ids), 200):
        for doc in session.scalars(select(Document).where(Document.id.in_(ids[start : start + 200]))):
            meta = {**_doc_meta(doc), "action_id": None, "source_key": doc.sha256, "title_src": doc.title}
            body = index_text((doc.clean_text or "")[:MAX_BODY_CHARS])
            _write(session, "document", doc.id, meta, index_text(doc.title), body)
            written += 1
    return written


def index_actions(session: Session, ids: list[int]) -> int:
    """(Re-)index the given actions; returns how many were written."""
    written = 0
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Action.id, Action.text, Document)
            .join(Document, Document.id == Action.document_id)
            .where(Action.id.in_(ids[start : start + 500]))
        ).all()
        for action_id, text, doc in rows:
            meta = {**_doc_meta(doc), "action_id": action_id, "source_key": text or "", "title_src": None}
            _write(session, "action", action_id, meta, "", index_text(text))
            written += 1
    return written


def remove_orphans(session: Session) -> int:
    """Drop index rows whose document or action is gone (when cascades were off)."""
    gone_docs = delete(entries).where(~entries.c.document_id.in_(select(Document.id)))
    gone_actions = delete(entries).where(entries.c.kind == "action", ~entries.c.ref_id.in_(select(Action.id)))
    n = session.execute(gone_docs).rowcount + session.execute(gone_actions).rowcount
    session.execute(delete(terms).where(~terms.c.id.in_(select(entries.c.id))))
    return n


def sync(session: Session) -> int:
    """Bring the index up to date with every document and action; returns rows written."""
    return index_documents(session, stale_documents(session)) + index_actions(session, stale_actions(session))


def fingerprint(session: Session) -> tuple:
    """A cheap summary that changes whenever documents, actions or reviewed rows change."""
    # count(*) and max(primary key) read small indexes only; re-extraction re-creates action rows
    # (new ids) and every review or status change appends to the audit log.
    parts = [
        select(func.count()).select_from(Document).scalar_subquery(),
        select(func.max(Document.id)).scalar_subquery(),
        select(func.count()).select_from(Action).scalar_subquery(),
        select(func.max(Action.id)).scalar_subquery(),
    ]
    try:
        from dialogwatch.store.models import AuditEntry

        parts.append(select(func.max(AuditEntry.id)).scalar_subquery())
    except ImportError:  # the track domain's tables are optional for search
        parts.append(literal(0))
    return tuple(session.execute(select(*parts)).one())


class SyncThrottle:
    """Runs ``sync`` when forced, or at most once per ``interval`` seconds and only if the store changed."""

    def __init__(self, interval: float = 2.0) -> None:
        self.interval = interval
        self._last = float("-inf")
        self._seen: tuple | None = None
        self._lock = Lock()

    def request(self) -> None:
        """Make the next ``maybe_sync`` run the full check (after a write through the app)."""
        with self._lock:
            self._last = float("-inf")
            self._seen = None

    def maybe_sync(self, session: Session, force: bool = False) -> int:
        """Sync when forced, or when the interval has passed and the store's fingerprint moved."""
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last < self.interval:
                return 0
            self._last = now
            seen = self._seen
        current = fingerprint(session)
        if not force and current == seen:
            return 0
        written = sync(session)
        with self._lock:
            self._seen = current
        return written
