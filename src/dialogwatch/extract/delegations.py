"""Delegations: the agencies that took part for each side."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Acronym, Delegation, DocumentInfo, Participant


def find_delegations(
    ctx: DocContext, doc: DocumentInfo, participants: list[Participant], acronyms: list[Acronym]
) -> list[Delegation]:
    """Return, per side, the agencies in its delegation."""
    return []
