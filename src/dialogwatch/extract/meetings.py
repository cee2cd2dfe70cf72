"""Meetings: dialogue series, round, date, venue and parties."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import DocumentInfo, Meeting


def find_meetings(ctx: DocContext, doc: DocumentInfo) -> list[Meeting]:
    """Return the meetings the document reports as having taken place."""
    return []
