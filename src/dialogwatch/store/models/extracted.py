"""Rows produced by extraction, one table per kind, each with provenance.

Every row belongs to a document; where linking resolved it, it also points at
a cross-document entity (person, organisation, meeting, case, instrument).
"""

from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogwatch.store.models.base import Base, Provenance
from dialogwatch.store.models.documents import Document
from dialogwatch.store.models.entities import Meeting, Organization, Person


class _DocRow(Provenance):
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class Participation(Base, _DocRow):
    """A person named in a document, at a meeting, with role, title, agency and side."""

    __tablename__ = "participations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="mentioned")
    side: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(String(300))
    organization_name: Mapped[str | None] = mapped_column(String(300))

    document: Mapped[Document] = relationship()
    person: Mapped[Person | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    organization: Mapped[Organization | None] = relationship()


class DelegationMember(Base, _DocRow):
    """An agency that took part in a delegation (side) at a meeting."""

    __tablename__ = "delegation_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    side: Mapped[str] = mapped_column(String(8))
    organization_name: Mapped[str] = mapped_column(String(300))

    organization: Mapped[Organization | None] = relationship()


class AcronymMention(Base, _DocRow):
    """An acronym a document defines, with the expansion it gives."""

    __tablename__ = "acronym_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    acronym: Mapped[str] = mapped_column(String(40), index=True)
    expansion: Mapped[str | None] = mapped_column(String(300))


class TopicAssignment(Base, _DocRow):
    """A document-level topic with its score and evidence spans."""

    __tablename__ = "topic_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), index=True)
    score: Mapped[float] = mapped_column(Float, default=1.0)
    evidence: Mapped[list] = mapped_column(JSON, default=list)


class Action(Base, _DocRow):
    """A commitment or ask. Its tracked status lives in track's status events."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    text: Mapped[str] = mapped_column(Text)
    actors: Mapped[list] = mapped_column(JSON, default=list)
    addressee: Mapped[str | None] = mapped_column(String(300))
    level: Mapped[int | None] = mapped_column(Integer, index=True)
    deadline: Mapped[str | None] = mapped_column(String(10), index=True)
    topics: Mapped[list] = mapped_column(JSON, default=list)
    # Denormalised from the latest status event for fast filtering; events are the truth.
    status: Mapped[str] = mapped_column(String(24), default="not_rated", index=True)

    document: Mapped[Document] = relationship()
    meeting: Mapped[Meeting | None] = relationship()


class Figure(Base, _DocRow):
    """A number measuring an outcome, caseload, rate or target."""

    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(200))
    period: Mapped[str | None] = mapped_column(String(20))


class CaseMention(Base, _DocRow):
    """A document's mention of a case, under the name it uses."""

    __tablename__ = "case_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class InstrumentMention(Base, _DocRow):
    """A document's mention of an instrument, under the name it uses."""

    __tablename__ = "instrument_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int | None] = mapped_column(
        ForeignKey("instruments.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
