"""All tables. Importing this package registers every model on ``Base.metadata``.

Each domain owns one module: documents and extraction rows (core), links
(link), status/review/audit/users (track). New tables go in their domain's
module and get an Alembic migration in ``store/migrations/versions``.
"""

from dialogwatch.store.models.base import Base, Provenance, utcnow
from dialogwatch.store.models.documents import Document
from dialogwatch.store.models.entities import (
    Case,
    Instrument,
    Meeting,
    MeetingDocument,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Series,
    SeriesAlias,
    Topic,
)
from dialogwatch.store.models.extracted import (
    AcronymMention,
    Action,
    CaseMention,
    DelegationMember,
    Figure,
    InstrumentMention,
    Participation,
    TopicAssignment,
)
from dialogwatch.store.models.links import ActionLink, PersonMergeProposal
from dialogwatch.store.models.tracking import (
    ApiToken,
    AuditEntry,
    EvidenceSuggestion,
    Override,
    StatusEvent,
    User,
)

__all__ = [
    "AcronymMention",
    "Action",
    "ActionLink",
    "ApiToken",
    "AuditEntry",
    "Base",
    "Case",
    "CaseMention",
    "DelegationMember",
    "Document",
    "EvidenceSuggestion",
    "Figure",
    "Instrument",
    "InstrumentMention",
    "Meeting",
    "MeetingDocument",
    "Organization",
    "OrganizationAlias",
    "Override",
    "Participation",
    "Person",
    "PersonAlias",
    "PersonMergeProposal",
    "Provenance",
    "Series",
    "SeriesAlias",
    "StatusEvent",
    "Topic",
    "TopicAssignment",
    "User",
    "utcnow",
]
