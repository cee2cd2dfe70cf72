"""Track-domain tables (owned by dialogwatch.track): users, status events, overrides, audit.

Tracking state must outlive re-extraction, which deletes and re-creates a
document's extracted rows. So status events, suggestions and overrides are
keyed by the document lineage (the first version's id) plus the row's stable
``identity_key``; their ``action_id`` is a convenience pointer that
``track.overrides.apply_overrides`` re-attaches to the fresh row.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialogwatch.store.models.base import Base, utcnow

__all__ = ["ApiToken", "AuditEntry", "EvidenceSuggestion", "Override", "StatusEvent", "User"]


class User(Base):
    """A local account with a role: viewer, editor or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    """A script's bearer token; only its SHA-256 is stored, the plaintext is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(120), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StatusEvent(Base):
    """One assessment of an action's status, with its evidence; events are never edited."""

    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    lineage_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    action_key: Mapped[str] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(24))
    assessed_on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_name: Mapped[str] = mapped_column(String(80), default="")
    evidence_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_quote: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(String(1000))
    evidence_citation: Mapped[str | None] = mapped_column(String(500))
    rationale: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Override(Base):
    """A reviewer's decision on one extracted record, re-applied after every re-extraction.

    ``patch`` holds edited field values, ``original`` the machine's values of
    those fields when the reviewer decided (to detect that new output moved
    under an edit), ``record`` the full record of a hand-added row. A conflict
    found on re-application is kept in ``conflict`` until someone decides again.
    """

    __tablename__ = "overrides"
    __table_args__ = (UniqueConstraint("lineage_id", "record_type", "identity_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lineage_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    record_type: Mapped[str] = mapped_column(String(24))
    identity_key: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(16))
    patch: Mapped[dict] = mapped_column(JSON, default=dict)
    original: Mapped[dict] = mapped_column(JSON, default=dict)
    record: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    conflict: Mapped[str | None] = mapped_column(Text)
    conflict_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class EvidenceSuggestion(Base):
    """A machine proposal that a document span addresses an open action; a person decides."""

    __tablename__ = "evidence_suggestions"
    __table_args__ = (UniqueConstraint("lineage_id", "action_key", "document_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    lineage_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    action_key: Mapped[str] = mapped_column(String(200))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status_event_id: Mapped[int | None] = mapped_column(ForeignKey("status_events.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(Base):
    """One change, append-only: who, when, what, before and after.

    No foreign keys on purpose: deleting a user or document must never
    rewrite the log.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(80), default="")
    verb: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str] = mapped_column(String(80))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
