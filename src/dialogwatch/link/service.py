"""Incremental linking of one newly stored document into the cross-document graph."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dialogwatch.store.models import Document


def link_document(session: Session, document: Document) -> None:
    """Resolve the document's people, organisations, meeting, cases, instruments and action links."""
    return None
