"""Split clean text into sentences, list items and headings, keeping offsets.

Blocks are separated by blank lines; a line that starts with a bullet or an
enumerator is a list item of its own. Inside a block, sentences end at
terminal punctuation followed by a capitalised word, except after known
abbreviations (data/abbreviations.yaml) and single-letter initials.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.context import Segment
from dialogwatch.extract.data_loader import load_data


class _Abbreviations(BaseModel):
    abbreviations: list[str]
    examples: list[str]


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_data("abbreviations.yaml", _Abbreviations).abbreviations)


_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_BULLET = re.compile(
    # bullets, "1." / "(a)" / "iv)" and upper-case roman numerals of legal texts ("II. Establecer ...")
    r"^[ \t\u00a0]*(?:[•·▪◦‣●○■□\-–—*]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}\)|[IVX]{1,4}[.)](?=[ \t]+\S))"
    r"[ \t\u00a0]+"
)
_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])")
_HEADING_MAX_WORDS = 14
# a transcript's speaker label at the start of a line ("SECRETARY RUBIO:", "PREGUNTA:", "Q:"):
# its own heading, so the turn's first sentence does not begin with the speaker's name
SPEAKER_LABEL = re.compile(
    r"(?:Q|P|(?:[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’\-]*\s+){0,5}[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’\-]*[A-ZÁÉÍÓÚÑÜ.])"
    r":[ \t]+(?=\S)"
)


# a sentence ending inside a wrapped item: ". The", ".\nThe"
_SENT_INSIDE = re.compile(r"[a-z0-9)\]][.!?]\s+[A-ZÁÉÍÓÚÑ¿¡\"“]")


def segment(text: str) -> list[Segment]:
    """Segment ``text`` into sentences, list items and headings with offsets."""
    out: list[Segment] = []
    block_no = 0
    for b_start, b_end in _blocks(text):
        for l_start, l_end, is_item in _units(text, b_start, b_end):
            unit = text[l_start:l_end]
            if is_item:
                out.append(_make(text, l_start, l_end, "item", block_no))
                continue
            label = SPEAKER_LABEL.match(text, l_start, l_end) if ":" in text[l_start : l_start + 70] else None
            if label and not _names_side(label.group(0)):
                out.append(_make(text, l_start, label.end() - 1, "heading", block_no))
                l_start = label.end()
                unit = text[l_start:l_end]
            if _is_heading(unit):
                out.append(_make(text, l_start, l_end, "heading", block_no))
                continue
            for s_start, s_end in _sentences(text, l_start, l_end):
                out.append(_make(text, s_start, s_end, "sentence", block_no))
        block_no += 1
    return [s for s in out if s.text]


def _names_side(label: str) -> bool:
    """True for "MEXICO:" or "UNITED STATES:", which open a side's list, not a speaker's turn."""
    from dialogwatch.extract.places import find_countries

    name = label.strip().rstrip(":").strip()
    found = find_countries(name.title())
    return bool(found) and found[0][0] == 0 and found[0][1] >= len(name) - 1


def _make(text: str, start: int, end: int, kind: str, block: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end, text[start:end], kind, block)  # type: ignore[arg-type]


def _blocks(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BLOCK_SPLIT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _units(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a block into runs of flowing text and single bulleted lines."""
    units: list[tuple[int, int, bool]] = []
    run_start: int | None = None
    pos = start
    for line in text[start:end].split("\n"):
        l_start, l_end = pos, pos + len(line)
        pos = l_end + 1
        m = _BULLET.match(line)
        if m:
            if run_start is not None:
                units.append((run_start, l_start - 1, False))
                run_start = None
            units.append((l_start + m.end(), l_end, True))
        elif (
            units
            and units[-1][2]
            and run_start is None
            and line.strip()
            and _continues_item(text[units[-1][0] : units[-1][1]], line)
        ):
            # an indented or hard-wrapped continuation of a list item
            a, _, _ = units.pop()
            units.append((a, l_end, True))
        elif run_start is None:
            run_start = l_start
    if run_start is not None:
        units.append((run_start, end, False))
    # A numbered paragraph wrapped over lines ("3. Both delegations ... The UK ...") holds
    # sentences: read it as flowing text, not as one list item.
    return [(a, b, is_item and not _SENT_INSIDE.search(text, a, b)) for a, b, is_item in units]


def _continues_item(item: str, line: str) -> bool:
    """Whether ``line`` carries on the list item above it rather than starting new text."""
    if line[:1] in " \t":
        return True
    stripped = item.rstrip()
    return bool(stripped) and (stripped[-1] not in ".;:!?" or line.lstrip()[:1].islower())


def _is_heading(unit: str) -> bool:
    stripped = unit.strip().strip("#*_ ")
    if not stripped or "\n" in stripped.strip():
        return False
    words = stripped.split()
    return len(words) <= _HEADING_MAX_WORDS and stripped[-1] not in ".!?;:,"


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    spans, pos = [], 0
    for m in _SENT_END.finditer(chunk):
        if _is_abbreviation(chunk, m.start()):
            continue
        spans.append((start + pos, start + m.end()))
        pos = m.end()
    if pos < len(chunk):
        spans.append((start + pos, end))
    return spans


_TOKEN_SPLIT = re.compile(r"[-–/]")


def _token_before(chunk: str, dot: int) -> str | None:
    r"""The whitespace-free run right before ``dot``, as ``(\S+)$`` finds it in ``chunk[:dot]``."""
    # a backward scan: the regex tried every start position of the prefix (quadratic on
    # long paragraphs); like ``$`` it also ends before a final newline
    end = dot - 1 if dot and chunk[dot - 1] == "\n" else dot
    start = end
    while start > 0 and not chunk[start - 1].isspace():
        start -= 1
    return chunk[start:end] if start < end else None


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    before = _token_before(chunk, dot)
    if before is None:
        return False
    token = _TOKEN_SPLIT.split(before.lstrip("(\"'“‘«"))[-1]
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: "Michael G. Kozak"
    abbr = _abbreviations()
    if token in abbr:
        return True
    # "EE. UU." spans a space: look at the two tokens before the dot
    two = chunk[max(0, dot - 6) : dot].strip()
    return two in abbr
