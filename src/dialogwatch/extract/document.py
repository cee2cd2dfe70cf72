"""Document type, issue date and title."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import DocumentInfo


def classify_document(ctx: DocContext, title: str | None = None) -> DocumentInfo:
    """Return the document's type, language, issue date and title."""
    return DocumentInfo(language=ctx.language, title=title)
