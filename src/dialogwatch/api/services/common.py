"""Pagination and visibility helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm import Session

from dialogwatch.store.models import Document

MAX_LIMIT = 200


@dataclass
class Page:
    """One page of rows with the total count."""

    total: int
    limit: int
    offset: int
    items: list[Any] = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        """True when rows follow this page."""
        return self.offset + self.limit < self.total

    @property
    def has_prev(self) -> bool:
        """True when rows precede this page."""
        return self.offset > 0


def clamp(limit: int, offset: int) -> tuple[int, int]:
    """Keep limit in 1..MAX_LIMIT and offset non-negative."""
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def paginate(session: Session, stmt: Select, limit: int, offset: int, scalars: bool = True) -> Page:
    """Run ``stmt`` for one page, counting the total with the same filters."""
    limit, offset = clamp(limit, offset)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    page = stmt.limit(limit).offset(offset)
    rows = list(session.scalars(page)) if scalars else [tuple(r) for r in session.execute(page)]
    return Page(total=total, limit=limit, offset=offset, items=rows)


def visible(include_private: bool) -> ColumnElement[bool]:
    """Filter on documents a visitor may see: private ones need a signed-in user."""
    return true() if include_private else Document.visibility == "public"


def listed() -> ColumnElement[bool]:
    """Current, non-duplicate versions: what lists count as independent documents."""
    return Document.is_current.is_(True) & Document.duplicate_of_id.is_(None)


def visible_ids(include_private: bool):  # type: ignore[no-untyped-def]
    """Ids of listed documents the visitor may see, read from the slim search index rows.

    Filtering through this subquery avoids reading the wide documents table
    (clean text inline) row by row; callers sync the index first.
    """
    from dialogwatch.search.index import entries

    conds = [entries.c.kind == "document", entries.c.listed.is_(True)]
    if not include_private:
        conds.append(entries.c.visibility == "public")
    return select(entries.c.document_id).where(*conds)
