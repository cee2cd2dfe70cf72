"""Drop site furniture (banners, navigation, share links, notices) line by line.

The patterns are data (``ingest/data/boilerplate.yaml``); this module only
applies them. A pattern removes a line, or the paragraph that line opens,
only when it is short enough for that pattern, so a statement paragraph that
mentions similar words is never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from dialogwatch.ingest.data_files import load_ingest_data

_TRAILER_MAX_CHARS = 600
_TRAILER_MAX_LINES = 8


class PatternEntry(BaseModel):
    """One boilerplate pattern with the examples it must and must not match."""

    id: str
    lang: Literal["en", "es", "any"] = "any"
    pattern: str
    scope: Literal["line", "paragraph"] = "line"
    max_chars: int = 600
    case_sensitive: bool = False
    needles: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _compiles(self) -> PatternEntry:
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"pattern {self.id!r} does not compile: {exc}") from exc
        if not is_anchored(self.pattern) and not self.needles:
            raise ValueError(f"pattern {self.id!r} is not anchored with ^: give it `needles`")
        return self

    def compiled(self) -> re.Pattern[str]:
        """The compiled regex."""
        return re.compile(self.pattern, 0 if self.case_sensitive else re.IGNORECASE)


class SimplePattern(BaseModel):
    """A whole-line pattern (end marker, page number) with its examples."""

    pattern: str
    case_sensitive: bool = False
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = Field(default_factory=list)

    def compiled(self) -> re.Pattern[str]:
        """The compiled regex."""
        return re.compile(self.pattern, 0 if self.case_sensitive else re.IGNORECASE)


class BoilerplateData(BaseModel):
    """Schema of ``ingest/data/boilerplate.yaml``."""

    statement_sentences: list[str] = Field(min_length=1)
    end_markers: list[SimplePattern]
    page_numbers: list[SimplePattern]
    patterns: list[PatternEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> BoilerplateData:
        ids = [p.id for p in self.patterns]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate pattern ids: {sorted(dupes)}")
        return self


@dataclass(frozen=True)
class _Rule:
    id: str
    regex: re.Pattern[str]
    scope: str
    max_chars: int
    anchored: bool
    needles: tuple[str, ...]


def is_anchored(pattern: str) -> bool:
    """True when every top-level alternative of the regex starts with ``^``."""
    alternatives, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    return all(alt.startswith("^") for alt in alternatives)


def boilerplate_data() -> BoilerplateData:
    """The validated boilerplate vocabulary."""
    return load_ingest_data("boilerplate.yaml", BoilerplateData)


@cache
def _rules() -> tuple[tuple[_Rule, ...], tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = boilerplate_data()
    rules = tuple(
        _Rule(
            p.id,
            p.compiled(),
            p.scope,
            p.max_chars,
            is_anchored(p.pattern),
            tuple(n.lower() for n in p.needles),
        )
        for p in data.patterns
    )
    return (
        rules,
        tuple(m.compiled() for m in data.end_markers),
        tuple(m.compiled() for m in data.page_numbers),
    )


@cache
def _prefilter() -> re.Pattern[str]:
    """All anchored patterns as one regex, tried once at the line start: most lines fail it at once."""
    data = boilerplate_data()
    parts = [
        f"(?:{p.pattern})" if not p.case_sensitive else f"(?-i:{p.pattern})"
        for p in data.patterns
        if is_anchored(p.pattern)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def _has_needle(stripped: str) -> bool:
    lowered = stripped.lower()
    return any(n in lowered for rule in _rules()[0] for n in rule.needles)


def match_line(line: str) -> str | None:
    """Id of the first pattern that marks this (stripped) line as furniture, else None."""
    stripped = _plain(line)
    if not stripped:
        return None
    if not _prefilter().match(stripped) and not _has_needle(stripped):
        return None
    lowered = stripped.lower()
    for rule in _rules()[0]:
        if len(stripped) > rule.max_chars:
            continue
        if rule.needles and not any(n in lowered for n in rule.needles):
            continue
        # Anchored patterns are tried at the line start only: searching every position is slow.
        if (rule.regex.match if rule.anchored else rule.regex.search)(stripped):
            return rule.id
    return None


def is_end_marker(line: str) -> bool:
    """True for a release's closing mark ("###", "-30-", "ooOOoo")."""
    stripped = _plain(line)
    return bool(stripped) and any(m.search(stripped) for m in _rules()[1])


def is_page_number(line: str) -> bool:
    """True for a page-number line ("3", "Page 3 of 7", "Comunicado 187/2025 · Página 1 de 3")."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 60 and any(m.search(stripped) for m in _rules()[2])


def _plain(line: str) -> str:
    # Markdown emphasis around a banner ("**NOTE:** ...") must not hide it.
    stripped = line.strip()
    return stripped.replace("**", "").replace("__", "").strip() or stripped


def drop_boilerplate(text: str) -> str:
    """Remove furniture lines/paragraphs and a short trailer after the last end marker."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    rules = {r.id: r for r in _rules()[0]}
    i = 0
    while i < len(lines):
        if is_end_marker(lines[i]):
            keep[i] = False
            i += 1
            continue
        rule_id = match_line(lines[i])
        if rule_id is None:
            i += 1
            continue
        rule = rules[rule_id]
        if rule.scope == "paragraph":
            j = i
            while j < len(lines) and lines[j].strip():
                j += 1
            if sum(len(x) for x in lines[i:j]) <= rule.max_chars:
                for k in range(i, j):
                    keep[k] = False
                i = j
                continue
        keep[i] = False
        i += 1
    _drop_trailer(lines, keep)
    return "\n".join(line for line, k in zip(lines, keep, strict=True) if k)


def _drop_trailer(lines: list[str], keep: list[bool]) -> None:
    last = None
    for idx, line in enumerate(lines):
        if is_end_marker(line):
            last = idx
    if last is None:
        return
    tail = [lines[k] for k in range(last + 1, len(lines)) if keep[k] and lines[k].strip()]
    if len(tail) <= _TRAILER_MAX_LINES and sum(len(t) for t in tail) <= _TRAILER_MAX_CHARS:
        for k in range(last, len(lines)):
            keep[k] = False
