"""The extraction contract (`dialogwatch.extraction/1`) as pydantic models.

Every extracted item carries provenance: the character span in the clean text
and the rule (or model) that produced it. Extra keys are allowed by the
contract, so provenance fields travel in the JSON output too.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_ID = "dialogwatch.extraction/1"

DocType = Literal[
    "joint_statement", "press_release", "media_note", "letter", "news", "framework", "report", "other"
]
Role = Literal["head", "member", "signatory", "addressee", "mentioned"]
ActionKind = Literal["commitment", "ask"]


class Evidence(BaseModel):
    """Where an item came from: a span of the clean text and the producing rule."""

    start: int | None = None
    end: int | None = None
    rule: str = ""
    confidence: float = 1.0


class DocumentInfo(BaseModel):
    """Document-level fields."""

    doc_type: DocType | None = None
    language: str | None = None
    date: str | None = None
    title: str | None = None
    doc_type_rule: str = ""
    date_rule: str = ""


class Meeting(Evidence):
    """A meeting (round of a dialogue, summit, visit) the document reports."""

    series: str | None = None
    parties: list[str] = Field(default_factory=list)
    round: int | None = None
    date: str | None = None
    city: str | None = None
    country: str | None = None


class Participant(Evidence):
    """A named person with role, side, title and organisation."""

    name: str
    side: str | None = None
    role: Role = "mentioned"
    title: str | None = None
    organization: str | None = None


class Delegation(BaseModel):
    """Agencies that took part for one side."""

    side: str
    organizations: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Acronym(Evidence):
    """An acronym defined in the text with its expansion."""

    acronym: str
    expansion: str | None = None


class Topic(BaseModel):
    """A document-level topic id from topics.yaml with a score and its evidence spans."""

    id: str
    score: float = 1.0
    evidence: list[Evidence] = Field(default_factory=list)


class Action(Evidence):
    """A commitment or a civil-society ask: one sentence or list item."""

    kind: ActionKind
    text: str
    actors: list[str] = Field(default_factory=list)
    addressee: str | None = None
    level: int | None = None
    deadline: str | None = None
    topics: list[str] = Field(default_factory=list)


class Figure(Evidence):
    """A number measuring an outcome, caseload, rate or target."""

    value: float
    text: str
    unit: str | None = None
    period: str | None = None


class Case(Evidence):
    """A named case or incident of violations."""

    name: str
    aliases: list[str] = Field(default_factory=list)


class Instrument(Evidence):
    """A named law, programme, mechanism, working group, agreement or framework."""

    name: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)  # its name in the other language, given beside it


class Extraction(BaseModel):
    """Everything extracted from one document."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    extractor: str = ""
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    meetings: list[Meeting] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    delegations: list[Delegation] = Field(default_factory=list)
    acronyms: list[Acronym] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def to_json_dict(self) -> dict:
        """Serialise with the contract's key names (``schema``, not ``schema_``)."""
        return self.model_dump(by_alias=True, mode="json")
