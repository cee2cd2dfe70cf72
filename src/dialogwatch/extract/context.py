"""The per-document state shared by all extractors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["sentence", "item", "heading"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence, list item or heading with its span in the clean text."""

    start: int
    end: int
    text: str
    kind: SegmentKind = "sentence"
    block: int = 0  # index of the paragraph/block the segment belongs to


@dataclass
class DocContext:
    """Clean text, its language and its segmentation, built once per document."""

    text: str
    language: str
    segments: list[Segment] = field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        """Return the clean text between two offsets."""
        return self.text[start:end]
