"""Read-side queries over links, shared by CLI, API and web."""

from __future__ import annotations

from sqlalchemy.orm import Session


def links_for_action(session: Session, action_id: int) -> list[dict]:
    """Return the links of one action (restatements, answers) with score and evidence."""
    return []
