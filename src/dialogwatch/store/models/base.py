"""Declarative base, naming convention and shared column mixins."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Float, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names let Alembic alter SQLite tables in batch mode.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware current time, the one clock every table uses."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Base class of every dialogwatch table."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict: JSON, list: JSON}


class Provenance:
    """Columns every machine-extracted row carries.

    ``identity_key`` is stable across re-extraction of the same document
    lineage (e.g. a normalised name or a hash of the action text), so that
    human review decisions (track.overrides) can be re-applied to new output.
    ``review_state`` is one of unreviewed, confirmed, rejected, edited, added.
    """

    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(120), default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    identity_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    review_state: Mapped[str] = mapped_column(String(16), default="unreviewed", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
