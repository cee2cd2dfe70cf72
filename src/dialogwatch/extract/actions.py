"""Commitments and asks: one per sentence or list item."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Action, DocumentInfo, Meeting, Participant


def find_actions(
    ctx: DocContext, doc: DocumentInfo, meetings: list[Meeting], participants: list[Participant]
) -> list[Action]:
    """Return every commitment and ask with actors, addressee, level and deadline."""
    return []
