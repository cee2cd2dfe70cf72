"""Acronyms defined in the text ("Ministry of Foreign Affairs (SRE)")."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Acronym


def find_acronyms(ctx: DocContext) -> list[Acronym]:
    """Return each acronym the text defines, with the expansion it gives."""
    return []
