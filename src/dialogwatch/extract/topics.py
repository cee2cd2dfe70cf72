"""Document-level topics from the thesaurus."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Action, Topic


def find_topics(ctx: DocContext, actions: list[Action]) -> list[Topic]:
    """Return the topics the document discusses, with scores and evidence."""
    return []
