"""Snippets with highlighted query terms, built from the original text.

A snippet is a list of (text, highlighted) segments; callers escape each
segment themselves, so untrusted document text never becomes markup.
"""

from __future__ import annotations

from dialogwatch.search.stemmer import term_spans

Segment = tuple[str, bool]


def highlight_spans(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Character spans of words in ``text`` whose stem is in ``wanted``."""
    return [(s, e) for s, e, t in term_spans(text) if t in wanted]


def segments(
    text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None
) -> list[Segment]:
    """Cut ``text[start:end]`` into plain and highlighted segments."""
    end = len(text) if end is None else end
    out: list[Segment] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    return out


def snippet(text: str, wanted: set[str], words: int = 30, scan_chars: int = 200_000) -> list[Segment]:
    """The window of about ``words`` words with the most query hits, as segments."""
    text = text or ""
    spans = list(term_spans(text[:scan_chars]))
    if not spans:
        return [(text[:200], False)] if text else []
    hits = [i for i, (_, _, t) in enumerate(spans) if t in wanted]
    best, best_count = 0, -1
    for i in hits or [0]:
        first = max(0, i - 5)
        count = sum(1 for h in hits if first <= h < first + words)
        if count > best_count:
            best, best_count = first, count
    last = min(len(spans), best + words) - 1
    start, end = spans[best][0], spans[last][1]
    if best == 0:
        start = 0
    marked = [(s, e) for s, e, t in spans[best : last + 1] if t in wanted]
    out = segments(text, marked, start, end)
    if start > 0:
        out.insert(0, ("… ", False))
    if end < len(text):
        out.append((" …", False))
    return out
