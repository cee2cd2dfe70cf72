"""Parsing of user queries into stemmed terms and backend query strings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogwatch.search.stemmer import terms

_PHRASE_RE = re.compile(r'"([^"]*)"?')


@dataclass
class ParsedQuery:
    """A query as groups of index terms; a group of several terms is a phrase. All groups must match."""

    raw: str
    groups: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the query has no searchable word."""
        return not self.groups

    @property
    def all_terms(self) -> set[str]:
        """Every term of every group (for highlighting)."""
        return {t for g in self.groups for t in g}

    def fts5(self) -> str:
        """The query in SQLite FTS5 syntax: quoted terms and phrases, implicitly ANDed."""
        return " ".join('"' + " ".join(g) + '"' for g in self.groups)

    def tsquery(self) -> str:
        """The query in PostgreSQL ``to_tsquery`` syntax, phrases joined with ``<->``."""
        parts = []
        for g in self.groups:
            quoted = [f"'{t}'" for t in g]
            parts.append(quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")")
        return " & ".join(parts)


def parse_query(raw: str) -> ParsedQuery:
    """Split ``raw`` into "quoted phrases" and single words, each stemmed like indexed text."""
    raw = (raw or "")[:500]
    groups: list[list[str]] = []
    rest: list[str] = []
    pos = 0
    for m in _PHRASE_RE.finditer(raw):
        rest.append(raw[pos : m.start()])
        phrase = terms(m.group(1))
        if phrase:
            groups.append(phrase)
        pos = m.end()
    rest.append(raw[pos:])
    for chunk in rest:
        groups.extend([t] for t in terms(chunk))
    unique: list[list[str]] = []
    for g in groups:
        if g not in unique:
            unique.append(g)
    return ParsedQuery(raw=raw, groups=unique[:20])
