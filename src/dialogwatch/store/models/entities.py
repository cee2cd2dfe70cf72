"""Cross-document entities: series, meetings, people, organisations, cases, instruments, topics."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogwatch.store.models.base import Base, Provenance


class Series(Base):
    """A dialogue series (e.g. the U.S.-Mexico Bilateral Dialogue on Human Rights)."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parties: Mapped[list] = mapped_column(JSON, default=list)
    kind: Mapped[str | None] = mapped_column(String(40))

    aliases: Mapped[list[SeriesAlias]] = relationship(back_populates="series", cascade="all, delete-orphan")
    meetings: Mapped[list[Meeting]] = relationship(back_populates="series")


class SeriesAlias(Base):
    """A name under which a series appears in some document."""

    __tablename__ = "series_aliases"
    __table_args__ = (UniqueConstraint("series_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(8))

    series: Mapped[Series] = relationship(back_populates="aliases")


class Meeting(Base):
    """One round or session of a series; conflicting facts are kept in ``conflicts``."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL"), index=True)
    round: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(8))
    parties: Mapped[list] = mapped_column(JSON, default=list)
    conflicts: Mapped[dict | None] = mapped_column(JSON)

    series: Mapped[Series | None] = relationship(back_populates="meetings")
    documents: Mapped[list[MeetingDocument]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class MeetingDocument(Base, Provenance):
    """A document's report of a meeting, with its role and what it said about it."""

    __tablename__ = "meeting_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL until linking (dialogwatch.link) resolves which Meeting the report is about.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="official_statement")
    series_name: Mapped[str | None] = mapped_column(String(300))
    round: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(8))
    parties: Mapped[list] = mapped_column(JSON, default=list)

    meeting: Mapped[Meeting | None] = relationship(back_populates="documents")


class Organization(Base):
    """A government agency, international body or civil-society organisation."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str | None] = mapped_column(String(40))

    aliases: Mapped[list[OrganizationAlias]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )


class OrganizationAlias(Base):
    """A name, translation or acronym of an organisation."""

    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    is_acronym: Mapped[bool] = mapped_column(default=False)

    organization: Mapped[Organization] = relationship(back_populates="aliases")


class Person(Base):
    """A person, possibly named differently across documents (see PersonAlias)."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(String(200))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    aliases: Mapped[list[PersonAlias]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonAlias(Base):
    """A written form of a person's name."""

    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))

    person: Mapped[Person] = relationship(back_populates="aliases")


class Topic(Base):
    """A topic id of the contract vocabulary, with labels."""

    __tablename__ = "topics"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    group: Mapped[str] = mapped_column(String(40), default="")
    label_en: Mapped[str] = mapped_column(String(200), default="")
    label_es: Mapped[str] = mapped_column(String(200), default="")
    definition: Mapped[str] = mapped_column(Text, default="")


class Case(Base):
    """A named case or incident (Ayotzinapa/Iguala, Tlatlaya)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class Instrument(Base):
    """A named law, programme, mechanism, working group, agreement or framework."""

    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(40))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
