"""JSON shapes of the REST API (pydantic, read from ORM rows)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Orm(BaseModel):
    """Base for models read from ORM attributes."""

    model_config = ConfigDict(from_attributes=True)


class PageOut(BaseModel, Generic[T]):
    """One page of results."""

    total: int
    limit: int
    offset: int
    items: list[T]


class DocumentOut(Orm):
    """A document's metadata."""

    id: int
    title: str | None
    filename: str
    format: str
    doc_type: str | None
    language: str | None
    issue_date: str | None
    visibility: str
    version_no: int
    version_of_id: int | None
    duplicate_of_id: int | None
    ingested_at: datetime | None
    extractor: str


class Prov(Orm):
    """Provenance every extracted row carries."""

    id: int
    start: int | None
    end: int | None
    rule: str
    confidence: float
    review_state: str


class ParticipationOut(Prov):
    """A person named in a document."""

    person_id: int | None
    meeting_id: int | None
    name: str
    role: str
    side: str | None
    title: str | None
    organization_name: str | None


class ActionOut(Prov):
    """A commitment or an ask with its tracked status."""

    document_id: int
    meeting_id: int | None
    kind: str
    text: str
    actors: list[Any]
    addressee: str | None
    level: int | None
    deadline: str | None
    topics: list[Any]
    status: str


class FigureOut(Prov):
    """A number the document reports."""

    value: float
    text: str
    unit: str | None
    period: str | None


class NamedOut(Prov):
    """A case or instrument mention."""

    name: str


class TopicAssignmentOut(Orm):
    """A document-level topic."""

    topic_id: str
    score: float
    evidence: list[Any]
    review_state: str


class DocumentDetailOut(DocumentOut):
    """A document with its clean text and everything extracted from it."""

    clean_text: str
    participants: list[ParticipationOut] = Field(default_factory=list)
    actions: list[ActionOut] = Field(default_factory=list)
    figures: list[FigureOut] = Field(default_factory=list)
    cases: list[NamedOut] = Field(default_factory=list)
    instruments: list[NamedOut] = Field(default_factory=list)
    topics: list[TopicAssignmentOut] = Field(default_factory=list)
    meetings: list[int] = Field(default_factory=list)


class SeriesOut(Orm):
    """A dialogue series."""

    id: int
    key: str
    name: str
    parties: list[Any]
    kind: str | None


class MeetingOut(Orm):
    """One round of a series."""

    id: int
    series_id: int | None
    round: int | None
    date: str | None
    city: str | None
    country: str | None
    parties: list[Any]
    conflicts: dict | None


class PersonOut(BaseModel):
    """A person with their number of participations."""

    id: int
    name: str
    participations: int


class OrganizationOut(BaseModel):
    """An organisation with its number of delegation memberships."""

    id: int
    key: str
    name: str
    country: str | None
    kind: str | None
    delegations: int


class TopicOut(BaseModel):
    """A topic with labels and its number of documents."""

    id: str
    group: str
    label_en: str
    label_es: str
    documents: int


class StatusEventIn(BaseModel):
    """A new assessment of an action; evidence is a stored document span and/or an external reference."""

    status: str
    rationale: str = Field(min_length=1, max_length=5000)
    evidence_document_id: int | None = None
    evidence_start: int | None = Field(default=None, ge=0)
    evidence_end: int | None = Field(default=None, ge=0)
    evidence_url: str | None = Field(default=None, max_length=1000)
    evidence_citation: str | None = Field(default=None, max_length=500)
    assessed_on: date | None = None


class ReviewIn(BaseModel):
    """A review decision on one extracted record, e.g. item ``action:12``."""

    item: str = Field(pattern=r"^[a-z]+:\d+$")
    decision: str = Field(pattern="^(confirm|reject|edit)$")
    changes: dict[str, str] | None = None
    note: str = Field(default="", max_length=2000)


class SnippetOut(BaseModel):
    """Text around a mention; ``start``/``end`` locate the mention inside ``text``."""

    text: str
    start: int
    end: int


class NamedDocumentOut(BaseModel):
    """One document that mentions a case or instrument, with the name it used and where."""

    document_id: int
    date: str | None
    title: str | None
    doc_type: str | None
    language: str | None
    visibility: str
    meeting_id: int | None
    series_id: int | None
    series: str | None
    round: int | None
    meeting_role: str | None
    name: str
    names: list[str]
    mention_id: int
    mentions: int
    start: int | None
    end: int | None
    snippet: SnippetOut


class InstrumentDocumentOut(NamedDocumentOut):
    """One document that mentions an instrument, with the kind and text of its mention."""

    kind: str | None
    text: str | None


class CaseOut(BaseModel):
    """A named case with the names documents use for it and the span of their dates."""

    id: int
    key: str
    name: str
    aliases: list[str]
    names: list[str]
    documents: int
    first_date: str | None
    last_date: str | None


class CaseDetailOut(CaseOut):
    """A case with every document that mentions it, oldest first."""

    timeline: list[NamedDocumentOut]


class InstrumentOut(CaseOut):
    """A named law, programme, mechanism, working group, agreement or framework."""

    kind: str | None


class InstrumentDetailOut(InstrumentOut):
    """An instrument with every document that mentions it, oldest first."""

    timeline: list[InstrumentDocumentOut]
