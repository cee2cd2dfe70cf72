"""Document visibility: public documents are seen by everyone, private ones by signed-in users."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dialogwatch.store.models import Document, User
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound
from dialogwatch.track.users import require_role

VISIBILITIES = ("public", "private")


def set_visibility(session: Session, user: User | None, document_id: int, visibility: str) -> Document:
    """Mark a document public or private (editors and admins)."""
    require_role(user, "editor")
    if visibility not in VISIBILITIES:
        raise InvalidInput(f"unknown visibility {visibility!r}: use public or private")
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    before = doc.visibility
    if before != visibility:
        doc.visibility = visibility
        audit.record(
            session,
            user,
            "document.visibility",
            "document",
            doc.id,
            before={"visibility": before},
            after={"visibility": visibility},
        )
    return doc


def can_view(user: User | None, document: Document) -> bool:
    """Whether ``user`` (None = anonymous) may see ``document``."""
    return document.visibility != "private" or (user is not None and user.active)


def visibility_clause(user: User | None):  # type: ignore[no-untyped-def]
    """A WHERE clause restricting Document queries to what ``user`` may see."""
    if user is not None and user.active:
        return Document.id.is_not(None)
    return Document.visibility != "private"
