"""Pick a document's title: the reader's if it has one, else the first heading-like line."""

from __future__ import annotations

import re

from dialogwatch.ingest.boilerplate import match_line
from dialogwatch.ingest.dates import is_date_line

_MAX_TITLE_CHARS = 250
_MAX_TITLE_WORDS = 25
_SEARCH_PARAGRAPHS = 10
_LONG_NUMBER = re.compile(r"\b\d{5,}\b")
_SALUTATION = re.compile(r"^(?:dear|to whom|estimad[oa]s?|querid[oa]s?|señor|señora|sr\.|sra\.)\b", re.I)
_TERMINAL = re.compile(r"[.;,]$")


def choose_title(reader_title: str | None, clean: str, headings: list[str] | None = None) -> str | None:
    """The reader's title, else the first surviving heading, else the first title-like line."""
    if reader_title and is_title_like(reader_title):
        return " ".join(reader_title.split())
    lines = {line.strip() for line in clean.split("\n")}
    for heading in headings or []:
        heading = " ".join(heading.split())
        if heading in lines and is_title_like(heading):
            return heading
    return first_title_line(clean)


def is_title_like(line: str) -> bool:
    """A single short line that is not a date, a salutation, page furniture or a label code."""
    stripped = " ".join(line.split())
    words = stripped.split()
    if not stripped or len(stripped) > _MAX_TITLE_CHARS or not 2 <= len(words) <= _MAX_TITLE_WORDS:
        return False
    if is_date_line(stripped) and len(words) <= 6:
        return False
    if _SALUTATION.match(stripped) or _LONG_NUMBER.search(stripped) or _TERMINAL.search(stripped):
        return False
    if "@" in stripped or match_line(stripped):
        return False
    return sum(ch.isalpha() for ch in stripped) >= 0.6 * len(stripped.replace(" ", ""))


def first_title_line(clean: str) -> str | None:
    """The first standalone paragraph near the top that reads like a title."""
    for para in [p for p in clean.split("\n\n") if p.strip()][:_SEARCH_PARAGRAPHS]:
        lines = [x for x in para.split("\n") if x.strip()]
        if _SALUTATION.match(lines[0].strip()):
            return None  # a letter: what came before was its date and address block
        if len(lines) == 1 and is_title_like(lines[0]) and len(lines[0].split()) >= 3:
            return " ".join(lines[0].split())
        if len(" ".join(lines)) > 300:
            return None  # body text has started: no title line above it
    return None
