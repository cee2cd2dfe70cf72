"""Link-domain tables (owned by dialogwatch.link): action links, merge proposals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogwatch.store.models.base import Base, utcnow
from dialogwatch.store.models.entities import Person
from dialogwatch.store.models.extracted import Action

__all__ = ["ActionLink", "PersonMergeProposal"]


class ActionLink(Base):
    """A directed link from an earlier action to a later one that restates or answers it.

    ``status``: suggested (below the threshold), proposed (at or above it),
    confirmed or rejected (by a person). ``identity_key`` combines both
    actions' identity keys so review decisions survive re-extraction.
    """

    __tablename__ = "action_links"
    __table_args__ = (UniqueConstraint("source_action_id", "target_action_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    target_action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="suggested", index=True)
    rule: Mapped[str] = mapped_column(String(120), default="")
    identity_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    source: Mapped[Action] = relationship(foreign_keys=[source_action_id])
    target: Mapped[Action] = relationship(foreign_keys=[target_action_id])


class PersonMergeProposal(Base):
    """An uncertain match between two people, left for a person to accept or reject.

    ``status``: proposed, accepted (merged) or rejected (never proposed again).
    ``person_id`` is the lower id of the pair, so a pair has one row.
    """

    __tablename__ = "person_merge_proposals"
    __table_args__ = (UniqueConstraint("person_id", "other_person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    other_person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    other_person: Mapped[Person] = relationship(foreign_keys=[other_person_id])
