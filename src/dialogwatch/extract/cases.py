"""Named cases and incidents of violations (data/cases.yaml).

A gazetteer of known cases with EN/ES aliases, merged into one item each, plus
patterns for unlisted ones ("the X case", "la masacre de X", "the murder of
journalist X", "the protests of 11 July 2021"), built from named blocks
({PERSON}, {PLACE}, {NUM}, {DATE}) that the YAML defines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from pydantic import BaseModel, field_validator

from dialogwatch.extract.alternation import word_alternation
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.schema import Case


class _CaseEntry(BaseModel):
    name: str
    aliases: list[str]


class _CaseExample(BaseModel):
    text: str
    cases: list[str]


class _AnchoredPattern(BaseModel):
    """A pattern searched only in the sentences that hold its anchor (a verb it needs)."""

    pattern: str
    anchor: list[str]  # lower-case words, one of which every match holds
    before: int = 150  # how far before its anchor a match may start (characters)

    @field_validator("anchor")
    @classmethod
    def _lower_case(cls, words: list[str]) -> list[str]:
        if not words or any(w != w.lower() or not w.strip() for w in words):
            raise ValueError("anchor words must be non-empty and lower case")
        return words


class CasesData(BaseModel):
    """Schema of data/cases.yaml."""

    cases: list[_CaseEntry]
    macros: dict[str, str] = {}
    patterns: list[str | _AnchoredPattern]
    not_names: list[str]
    examples: list[_CaseExample]


@cache
def cases_data() -> CasesData:
    """The validated case gazetteer."""
    return load_data("cases.yaml", CasesData)


@lru_cache(maxsize=16384)
def fold_name(s: str) -> str:
    """Lower-case, accent-free, single-spaced form of a name, for lookups."""
    s = unicodedata.normalize("NFD", s.lower())
    return re.sub(r"\s+", " ", "".join(c for c in s if unicodedata.category(c) != "Mn")).strip()


@cache
def _case_regex() -> tuple[Prefiltered, dict[str, str]]:
    alias_to_case: dict[str, str] = {}
    for c in cases_data().cases:
        for a in [c.name, *c.aliases]:
            alias_to_case[a] = c.name
    # spaces match any whitespace: a name wrapped at a line end is still the name
    alt = "|".join(re.escape(a).replace("\\ ", r"\s+") for a in sorted(alias_to_case, key=len, reverse=True))
    return prefiltered(rf"(?<![\w])(?:{alt})(?![\w])"), alias_to_case


@cache
def _folded_aliases() -> dict[str, str]:
    _, alias_to_case = _case_regex()
    return {fold_name(a): alias_to_case[a] for a in alias_to_case}


def _expand(pattern: str) -> str:
    """Put the YAML's named building blocks ({PERSON}, {PLACE}...) into a pattern."""
    for name, body in cases_data().macros.items():
        pattern = pattern.replace("{" + name + "}", f"(?:{body})")
    return pattern


# what ends the sentence an anchored pattern is searched in
_SENTENCE_BREAK = re.compile(r"[.;:!?\n]")
_LAST_BREAK = re.compile(r"[.;:!?\n](?!.*[.;:!?\n])", re.DOTALL)


class _Anchored:
    """A pattern that opens with a name ("X, who was detained"): sre would try it at every
    capital letter, so it is tried only just before one of its anchor words."""

    def __init__(self, pattern: str, anchor: list[str], before: int) -> None:
        self.rx = re.compile(pattern)
        self.anchor = tuple(anchor)
        self.before = before

    def _anchors(self, found: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
        return sorted(span for word in self.anchor for span in found.get(word, ()))

    def finditer(self, text: str, found: dict[str, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
        """The pattern's matches that end in an anchor's sentence and start shortly before it
        (``found``: where each anchor word starts a word of the text, from ``anchor_words``)."""
        last = -1
        for a, b in self._anchors(found):
            if a < last:
                continue
            lo = a - self.before
            brk = _LAST_BREAK.search(text, max(0, lo), a)
            lo = brk.end() if brk else max(0, lo)
            # a window that starts inside a word would cut a name: start after that word
            if lo > 0 and text[lo - 1].isalnum():
                lo = next((i + 1 for i in range(lo, a) if not text[i].isalnum()), a)
            end = _SENTENCE_BREAK.search(text, b)
            for m in self.rx.finditer(text, max(lo, last), end.start() if end else len(text)):
                last = max(last, m.end())
                yield m


@cache
def _anchor_scan() -> re.Pattern[str]:
    words = {w for p in _case_patterns() if isinstance(p, _Anchored) for w in p.anchor}
    # one scan of the text for every pattern's anchors; a match must start a word ("preso", not
    # "expreso"); the longest word at a place wins, the others are read off it below
    return re.compile(r"(?<![^\W\d_])" + word_alternation(words))


def _anchor_words(low: str) -> dict[str, list[tuple[int, int]]]:
    """Where each anchor word of the case patterns starts a word of the lower-cased text."""
    by_lead = _anchors_by_lead()
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _anchor_scan().finditer(low):
        start = m.start()
        # a shorter anchor inside the match ("case" in "cases of") counts too; only the anchors
        # that share the match's first two letters can start there
        for w in by_lead.get(low[start : start + 2], ()):
            if low.startswith(w, start):
                out.setdefault(w, []).append((start, start + len(w)))
    return out


@cache
def _anchors_by_lead() -> dict[str, tuple[str, ...]]:
    words = {w for p in _case_patterns() if isinstance(p, _Anchored) for w in p.anchor}
    grouped: dict[str, list[str]] = {}
    for w in words:
        grouped.setdefault(w[:2], []).append(w)
    return {k: tuple(v) for k, v in grouped.items()}


@cache
def _case_patterns() -> list[Prefiltered | _Anchored]:
    # scanned over whole documents: tried only where their first words ("masacre de") stand
    return [
        prefiltered(_expand(p)) if isinstance(p, str) else _Anchored(_expand(p.pattern), p.anchor, p.before)
        for p in cases_data().patterns
    ]


@cache
def _list_item() -> re.Pattern[str]:
    return re.compile(_expand(r"\s*{DESC}(?P<person>{PERSON})"))


_LIST_SEP = re.compile(r",\s+(?:and\s+|y\s+)?|\s+and\s+|\s+y\s+")


# a court case's name ("Human Rights Defender et al. v. Guatemala") may open with any word
_COURT = re.compile(r"\s(?:v\.|vs\.?|versus)\s")
_ITEM_SEP = re.compile(r";\s*(?:and\s+|y\s+)?|,\s+(?:and\s+|y\s+|e\s+)?|\s+(?:and|y|e)\s+")
# a word that makes what follows it no victim's description: "winner of the Sakharov Prize"
_ITEM_BAR = re.compile(r"(?i)\b(?:of|de|del|in|en|at|from|for|por|para|to|a|who|que|with|con)\b")


def _listed_people(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """The victims of a list of cases ("including Ilham Tohti; the Swedish citizen Gui Minhai; ...").

    Each item counts when it ends with a person's name after at most a short description
    ("the human rights lawyers"); an item that is a clause or an aside gives nothing.
    """
    from dialogwatch.extract.names import find_name_candidates

    text, base, out = m.group("list"), m.start("list"), []
    bounds = [0, *(x for sep in _ITEM_SEP.finditer(text) for x in (sep.start(), sep.end())), len(text)]
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        item = text[a:b].rstrip(" \"'”)")
        names = find_name_candidates(item)
        if not names or names[-1].end != len(item) or len(item.split()) > 8:
            continue
        head = item[: names[-1].start]
        if len(head.split()) > 5 or _ITEM_BAR.search(head):
            continue
        n = names[-1]
        out.append((n.text, base + a + n.start, base + a + n.end))
    return out


def _pattern_names(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """The case names a pattern match holds: its ``name``, the person opening each item of
    ``names``, or the person each item of a ``list`` describes."""
    if "list" in m.re.groupindex:
        return _listed_people(m) if m.group("list") else []
    if "names" not in m.re.groupindex or not m.group("names"):
        return [(m.group("name").strip(), m.start("name"), m.end("name"))]
    text, base, out = m.group("names"), m.start("names"), []
    starts = [0] + [sep.end() for sep in _LIST_SEP.finditer(text)]
    for pos in starts:
        # an item that opens with anything but a person ("known as ...") is an aside, not a case
        item = _list_item().match(text, pos)
        if item is not None:
            out.append((item.group("person"), base + item.start("person"), base + item.end("person")))
    return out


def find_cases(ctx: DocContext) -> list[Case]:
    """Return named cases or incidents of violations, one item per case with its aliases."""
    rx, alias_to_case = _case_regex()
    found: dict[str, Case] = {}
    spans: list[tuple[int, int]] = []
    for m in rx.finditer(ctx.text):
        name = alias_to_case[re.sub(r"\s+", " ", m.group(0))]
        _add_case(found, name, m.group(0), m.start(), m.end(), "case.gazetteer")
        spans.append((m.start(), m.end()))
    bad = set(cases_data().not_names)
    known = _folded_aliases()
    anchors_at = _anchor_words(ctx.text.lower())
    for pat in _case_patterns():
        for m in pat.finditer(ctx.text, anchors_at) if isinstance(pat, _Anchored) else pat.finditer(ctx.text):
            for raw, a, b in _pattern_names(m):
                words = raw.split()
                # a dated name ("January 2022 events") may open with a word never taken alone
                if (
                    not words
                    or (words[0] in bad and not any(c.isdigit() for c in raw) and not _COURT.search(raw))
                    or all(w in bad for w in words)
                ):
                    continue
                if any(x < b and a < y for x, y in spans):
                    continue  # already read from the gazetteer or an earlier pattern
                if _country_only(raw):
                    continue  # "131 trans persons were killed in Brazil": a country is no case's name
                name = known.get(fold_name(raw)) or known.get(fold_name(m.group(0))) or raw
                # a listed victim's alias is the name: the whole list would be no name of theirs
                alias = raw if "list" in m.re.groupindex else m.group(0).strip()
                _add_case(found, name, alias, m.start(), m.end(), "case.pattern")
                spans.append((a, b))
    return list(found.values())


def _country_only(name: str) -> bool:
    from dialogwatch.extract.places import find_countries

    found = find_countries(name)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] >= len(name.rstrip(" .,"))


def _add_case(found: dict[str, Case], name: str, alias: str, start: int, end: int, rule: str) -> None:
    case = found.get(name)
    if case is None:
        found[name] = Case(
            name=name, aliases=[alias] if alias != name else [], start=start, end=end, rule=rule
        )
    elif alias != name and alias not in case.aliases:
        case.aliases.append(alias)
