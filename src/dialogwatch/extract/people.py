"""Named people with role, side, title and organisation."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Acronym, DocumentInfo, Participant


def find_participants(ctx: DocContext, doc: DocumentInfo, acronyms: list[Acronym]) -> list[Participant]:
    """Return every named person in the document."""
    return []
