"""Builds the reader's highlighted text from extracted items' character offsets.

Actions (sentences) form the outer layer; people, figures, cases and
instruments the inner one. The output is a list of plain data pieces; the
template escapes every piece of text, so the markup never contains document
text that was not escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mark:
    """An item to highlight: its span, kind (css class) and anchor id."""

    start: int
    end: int
    kind: str
    anchor: str
    label: str = ""
    css: str = ""


@dataclass
class Piece:
    """A run of text, inside at most one inner mark."""

    text: str
    mark: Mark | None = None


@dataclass
class Block:
    """A run of text inside at most one outer (action) mark."""

    outer: Mark | None
    pieces: list[Piece] = field(default_factory=list)


def _valid(m: Mark, size: int) -> bool:
    return 0 <= m.start < m.end <= size


def _non_overlapping(marks: list[Mark], size: int) -> list[Mark]:
    out: list[Mark] = []
    for m in sorted((m for m in marks if _valid(m, size)), key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _pieces(text: str, start: int, end: int, inner: list[Mark]) -> list[Piece]:
    out: list[Piece] = []
    pos = start
    for m in inner:
        s, e = max(m.start, start), min(m.end, end)
        if e <= s:
            continue
        if s > pos:
            out.append(Piece(text[pos:s]))
        out.append(Piece(text[s:e], m))
        pos = e
    if pos < end:
        out.append(Piece(text[pos:end]))
    return out


def build_blocks(text: str, outer: list[Mark], inner: list[Mark]) -> list[Block]:
    """Cut ``text`` into blocks (outer marks) of pieces (inner marks); drops bad or overlapping spans."""
    size = len(text)
    outer_ok = _non_overlapping(outer, size)
    inner_ok = _non_overlapping(inner, size)
    blocks: list[Block] = []
    pos = 0
    for m in outer_ok:
        if m.start > pos:
            blocks.append(Block(None, _pieces(text, pos, m.start, inner_ok)))
        blocks.append(Block(m, _pieces(text, m.start, m.end, inner_ok)))
        pos = m.end
    if pos < size:
        blocks.append(Block(None, _pieces(text, pos, size, inner_ok)))
    return blocks


def marks_for(detail: Any) -> tuple[list[Mark], list[Mark]]:
    """Outer (actions) and inner (people, figures, cases, instruments) marks of a document detail."""
    outer = [
        Mark(
            a.start,
            a.end,
            "action",
            f"action-{a.id}",
            f"{a.kind} L{a.level or '?'}",
            f"hl-{a.kind} level-{a.level or 0}",
        )
        for a in detail.actions
        if a.start is not None and a.end is not None and a.review_state != "rejected"
    ]
    inner: list[Mark] = []
    for kind, rows in (
        ("person", detail.participations),
        ("figure", detail.figures),
        ("case", detail.cases),
        ("instrument", detail.instruments),
    ):
        inner += [
            Mark(r.start, r.end, kind, f"{kind}-{r.id}", kind, f"hl-{kind}")
            for r in rows
            if r.start is not None and r.end is not None and r.review_state != "rejected"
        ]
    return outer, inner
