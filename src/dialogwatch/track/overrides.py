"""Human review decisions re-applied to fresh extraction output."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dialogwatch.store.models import Document


def apply_overrides(session: Session, document: Document) -> list[str]:
    """Re-apply stored corrections to a re-extracted document; return conflict descriptions."""
    return []
