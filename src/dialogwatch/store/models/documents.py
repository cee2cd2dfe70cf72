"""Documents: one row per stored version of a source file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogwatch.store.models.base import Base, utcnow


class Document(Base):
    """A stored document version with its clean text and document-level fields.

    ``sha256`` hashes the clean text (duplicate detection across formats),
    ``raw_sha256`` the file's bytes (idempotent re-ingestion). A changed file
    at the same source path becomes a new row whose ``version_of_id`` points
    at the first version; ``is_current`` marks the latest one. A duplicate is
    stored once more only as a pointer (``duplicate_of_id``) and is never
    counted as independent evidence.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_path: Mapped[str] = mapped_column(String(1000), index=True)
    filename: Mapped[str] = mapped_column(String(300), default="")
    format: Mapped[str] = mapped_column(String(10), default="txt")
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str | None] = mapped_column(String(500))
    doc_type: Mapped[str | None] = mapped_column(String(32), index=True)
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    issue_date: Mapped[str | None] = mapped_column(String(10), index=True)
    clean_text: Mapped[str] = mapped_column(Text, default="")
    version_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(default=True, index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    duplicate_score: Mapped[float | None] = mapped_column()
    minhash: Mapped[list | None] = mapped_column(JSON)
    visibility: Mapped[str] = mapped_column(String(10), default="public")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    extractor: Mapped[str] = mapped_column(String(80), default="")
    raw_extraction: Mapped[dict | None] = mapped_column(JSON)
    meta: Mapped[dict | None] = mapped_column(JSON)

    version_of: Mapped[Document | None] = relationship(
        remote_side="Document.id", foreign_keys=[version_of_id]
    )
    duplicate_of: Mapped[Document | None] = relationship(
        remote_side="Document.id", foreign_keys=[duplicate_of_id]
    )
