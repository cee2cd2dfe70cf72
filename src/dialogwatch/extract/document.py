"""Document type, issue date and title.

The type is the best-scoring set of cues from ``data/doctypes.yaml``. The issue
date is, in order: a source line's date ("Joint press release, Apr. 3, 2014"),
a press dateline ("Washington, DC, October 21, 2015 –"), a line holding only a
date near the top (letters, media notes), else null. Archive banners and update
stamps are skipped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, field_validator

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.dates import (
    DateMatch,
    find_dates,
    find_years,
    present_weekdays,
    weekday_names,
    year_by_weekday,
)
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.schema import DocumentInfo


class _Cue(BaseModel):
    pattern: str
    where: Literal["title", "top", "any", "end"]
    weight: int
    case: bool = False  # match case-sensitively on the original text


class _DocExample(BaseModel):
    text: str
    doc_type: str


class _YearExample(BaseModel):
    text: str
    year: int | None
    years: int | None = None


class _YearInference(BaseModel):
    ahead_before: list[str]
    ahead_clause: list[str]
    years_after: list[str]
    examples: list[_YearExample]
    years_after_examples: list[_YearExample]

    @field_validator("years_after")
    @classmethod
    def _one_number(cls, v: list[str]) -> list[str]:
        for p in v:
            if p.count("{n}") != 1:
                raise ValueError(f"{p!r}: a years_after phrase holds exactly one {{n}}")
        return v


class DocTypeData(BaseModel):
    """Schema of doctypes.yaml."""

    min_score: int
    cues: dict[str, list[_Cue]]
    boilerplate_headings: list[str]
    date_ignore: list[str]
    source_line: str
    examples: list[_DocExample]
    # a title for untitled letters, by language: "Letter to {names}"
    letter_title: dict[str, str] = {}
    year_inference: _YearInference


@cache
def _data() -> DocTypeData:
    return load_data("doctypes.yaml", DocTypeData)


@cache
def _compiled() -> list[tuple[str, str, int, Prefiltered, bool]]:
    # patterns are lower case and run on lower-cased text: much faster than IGNORECASE; most
    # cues' literals are absent from most documents, which the pre-check sees without a scan
    out = []
    for doc_type, cues in _data().cues.items():
        for c in cues:
            out.append((doc_type, c.where, c.weight, prefiltered(c.pattern, re.MULTILINE), c.case))
    return out


@cache
def _date_ignore() -> re.Pattern[str]:
    return re.compile("|".join(_data().date_ignore), re.IGNORECASE)


_MD = re.compile(r"^[#>*_\s]+|[*_\s]+$")


def clean_heading(s: str) -> str:
    """Strip markdown markers and surrounding space from a heading."""
    return _MD.sub("", s).replace("**", "").strip()


def classify_document(ctx: DocContext, title: str | None = None) -> DocumentInfo:
    """Return the document's type, language, issue date and title."""
    doc_title = title.strip() if title and title.strip() else find_title(ctx)
    doc_type, type_rule = _doc_type(ctx, doc_title)
    date, date_rule = find_issue_date(ctx)
    later = _years_later(ctx.text)
    if date and later and date[:4] == str(later[0]):
        # "one year after the first round took place in June 2024": a year borrowed from that
        # mention dates the text a year too early
        date, date_rule = f"{later[0] + later[1]:04d}{date[4:]}", date_rule + "+years_later"
    return DocumentInfo(
        doc_type=doc_type,
        language=ctx.language,
        date=date,
        title=doc_title,
        doc_type_rule=type_rule,
        date_rule=date_rule,
    )


def letter_title(language: str, addressees: list[str]) -> str | None:
    """A title for an untitled letter from its addressees ("Letter to Mike Pompeo")."""
    names = [n for n in dict.fromkeys(addressees) if n]
    templates = _data().letter_title
    template = templates.get(language) or templates.get("en")
    if not names or not template:
        return None
    return template.format(names=", ".join(names[:3]))


def find_title(ctx: DocContext) -> str | None:
    """Return the first heading that is not page furniture (markdown markers removed)."""
    furniture = _data().boilerplate_headings
    fallback = None
    first = re.match(r"\s*([^\n]{8,200})\n", ctx.text)
    if first and not first.group(1).rstrip().endswith(".") and len(first.group(1).split()) <= 25:
        h = clean_heading(first.group(1))
        if not any(f in h.lower() for f in furniture) and not find_dates(h) and len(h.split()) >= 3:
            fallback = h
    for seg in ctx.segments[:40]:
        if seg.kind != "heading":
            continue
        h = clean_heading(seg.text)
        low = h.lower()
        if len(h) < 4 or not any(c.isalpha() for c in h) or any(f in low for f in furniture):
            continue
        ds = find_dates(h)
        if ds and sum(d.end - d.start for d in ds) * 2 > len(h) - 8:
            continue
        if re.search(
            r"statement|dialogue|declaraci|comunicado|di[aá]logo|framework|marco|letter|carta|report|informe",
            low,
        ):
            return h
        if fallback is None and len(h.split()) >= 3:
            fallback = h
    return fallback


def _regions(ctx: DocContext, title: str | None) -> dict[str, str]:
    text = ctx.text
    heads = [clean_heading(s.text) for s in ctx.segments[:12] if s.kind == "heading"]
    return {
        "title": "\n".join([title or "", *heads]),
        "top": text[:1200],
        # cues sit near the top or the foot; bounding the region keeps long files fast
        "any": text if len(text) <= 8000 else text[:5000] + "\n" + text[-3000:],
        "end": text[-1500:],
    }


def doc_type_scores(ctx: DocContext, title: str | None = None) -> dict[str, int]:
    """Return the cue score of every document type (for explanation and tests)."""
    regions = _regions(ctx, title)
    lowered = {k: v.lower() for k, v in regions.items()}
    scores: dict[str, int] = {}
    for doc_type, where, weight, pat, case in _compiled():
        if pat.search(regions[where] if case else lowered[where]):
            scores[doc_type] = scores.get(doc_type, 0) + weight
    return scores


def _doc_type(ctx: DocContext, title: str | None) -> tuple[str, str]:
    scores = doc_type_scores(ctx, title)
    if not scores:
        return "other", "doctype.none"
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < _data().min_score:
        return "other", "doctype.weak"
    return best, f"doctype.cues.{best}"


@cache
def _dateline() -> re.Pattern[str]:
    # "CITY[, REGION] [(AGENCY)][ —] [a | weekday,] DATE": the weekday and "a" are Spanish/English habits
    days = "|".join(sorted(weekday_names(), key=len, reverse=True))
    return re.compile(
        r"^[\W_]*(?:[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:[ ,]+(?:de |del )?[A-ZÁÉÍÓÚÑ][\w.'’-]*){0,4}),?\s*"
        r"(?:\([^)]{1,20}\)\s*)?[,.]?\s*(?:[-–—]\s*)?"
        rf"(?:(?:a|el|on)\s+|(?i:{days}),?\s+(?:(?:the|el)\s+)?)?$"
    )


# what may follow a dateline's date: a dash or colon, or an agency credit then one ("(Notimex).-")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,25}\)\s*|/[^/\n]{1,25}/\s*)?(?:[-–—:.]|$|\n)")


@cache
def _years_later_rx() -> re.Pattern[str]:
    from dialogwatch.extract.numbers import number_words

    small = sorted((w for w, v in number_words().items() if 0 < v < 30), key=len, reverse=True)
    n = "|".join([*(re.escape(w) for w in small), r"\d{1,2}"])
    # a group name may appear once in a pattern: each phrase numbers its own (n0, n1, ...)
    phrases = "|".join(
        p.replace("{n}", f"(?P<n{i}>{n})") for i, p in enumerate(_data().year_inference.years_after)
    )
    return re.compile(rf"\b(?:{phrases})\b[^.]{{0,160}}?\b(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


_YEAR_WORD = re.compile("year|año")


def _years_later(text: str) -> tuple[int, int] | None:
    """(year named, years since) of "N years after ... YEAR" / "a N años de ... YEAR", if any."""
    head = text[:3000]
    low = head.lower()
    rx = _years_later_rx()
    m = None
    # every phrase names years: the pattern is tried only just before a "year"/"año", since its
    # opening number-word alternation would cost a try at every position of the text
    for w in _YEAR_WORD.finditer(low):
        m = rx.search(head, max(0, w.start() - 40), w.start() + 200)
        if m is not None:
            break
    if m is None:
        return None
    from dialogwatch.extract.numbers import parse_number

    word = next(v for k, v in m.groupdict().items() if k.startswith("n") and v)
    n = parse_number(word, "es") or parse_number(word, "en")
    return (int(m.group("y")), int(n)) if n and 0 < n < 30 else None


def find_issue_date(ctx: DocContext) -> tuple[str | None, str]:
    """Return (ISO issue date, rule) or (None, "") when the text gives none."""
    text = ctx.text
    lang = ctx.language
    src = re.compile(_data().source_line, re.IGNORECASE | re.MULTILINE)
    for m in src.finditer(text):
        ds = find_dates(text, m.end(), min(len(text), m.end() + 40), language=lang)
        if ds and ds[0].start == m.end() and ds[0].precision == "day":
            return ds[0].iso, "date.source_line"
    head = text[: max(2500, len(text) // 3)]
    dates = [d for d in find_dates(head, language=lang) if d.precision == "day" and not _ignored(head, d)]
    hit = _in_dateline(head, dates)
    if hit:
        return hit, "date.dateline"
    hit = _on_own_line(head, dates)
    if hit:
        return hit, "date.line"
    label = re.compile(
        r"^\W*(?:published|publicado|issued|fecha|date|dated|emitido)\b", re.IGNORECASE | re.MULTILINE
    )
    for m in label.finditer(head):
        ds = find_dates(head, m.end(), min(len(head), m.end() + 50), language=lang)
        if ds and ds[0].start - m.end() <= 12 and "\n" not in head[m.end() : ds[0].start]:
            return ds[0].iso, "date.label"
    for d in dates:
        if d.start < 800 and re.match(r"[ \t*_]*(?:\n|$|[|·•]\s)", head[d.end :]):
            return d.iso, "date.line_end"
    # "WASHINGTON, March 4 (Reuters) -" dates the story; the year is the one the text lives in.
    # A placeholder year finds such a date first, so the year is sought only when there is one.
    top = head[:800]  # a dateline or a date line heads the text
    dated = [
        d
        for d in find_dates(top, year=_NO_YEAR, language=lang)
        if d.precision == "day" and d.iso.startswith(f"{_NO_YEAR}-") and not _ignored(top, d)
    ]
    hit = (_in_dateline(top, dated) or _on_own_line(top, dated)) if dated else None
    year = year_hint(text) if hit else None
    if hit and year is not None:
        # "31 ene (EFE).- ... informaron este miércoles": the year in which that day is a Wednesday
        year = year_by_weekday(hit[5:], year, present_weekdays(text[:3000]))
        return f"{year:04d}{hit[4:]}", "date.dateline_year_hint"
    return None, ""


_NO_YEAR = 1004  # a year no dialogue document bears


def _on_own_line(head: str, dates: list[DateMatch]) -> str | None:
    """A date on a short line of its own ("March 4", "Washington | 16 April 2024")."""
    for d in dates:
        line_start = head.rfind("\n", 0, d.start) + 1
        line_end = head.find("\n", d.end)
        line = _cell(head, line_start, line_end if line_end >= 0 else len(head), d.start)
        if len(clean_heading(line)) <= 60 and not re.search(
            r"\b(?:from|to|desde|hasta)\b", line, re.IGNORECASE
        ):
            return d.iso
    return None


def _in_dateline(head: str, dates: list[DateMatch]) -> str | None:
    """The date that closes a dateline ("CIUDAD DE MÉXICO, 12 de mayo.—"), if one does."""
    for d in dates:
        line_start = head.rfind("\n", 0, d.start) + 1
        prefix = head[line_start : d.start]
        after = head[d.end : d.end + 30]
        if prefix.endswith("("):
            prefix, after = prefix[:-1], after.lstrip(" )")  # "Bogotá (jun. 3/21)."
        if prefix.strip() and _dateline().match(prefix) and _AFTER_DATELINE.match(after):
            return d.iso
    return None


@cache
def _ahead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    yi = _data().year_inference
    before = re.compile(r"\b(?:" + "|".join(yi.ahead_before) + r")\s*$", re.IGNORECASE)
    clause = re.compile(r"\b(?:" + "|".join(yi.ahead_clause) + r")\b", re.IGNORECASE)
    return before, clause


def year_hint(text: str) -> int | None:
    """The year a text dated without one lives in, from the years it names.

    It is no earlier than the latest year named as past and no later than the earliest set
    ahead (a deadline, "the next dialogue in 2016"); "in 2014 ... next in 2016" gives 2015.
    """
    ahead_before, ahead_clause = _ahead()
    past: list[int] = []
    ahead: list[int] = []
    for a, _, y in find_years(text[:20000]):
        before = text[max(0, a - 30) : a]
        clause = re.split(r"[.;:!?]\s", text[max(0, a - 120) : a])[-1]
        (ahead if ahead_before.search(before) or ahead_clause.search(clause) else past).append(y)
    if not past:
        return min(ahead) if ahead else None
    latest = max(past)
    if ahead and min(ahead) - latest == 2:
        return latest + 1
    return latest


_CELL_SEP = re.compile(r"\s[|·•]\s")


def _cell(text: str, start: int, end: int, at: int) -> str:
    """The part of a line around ``at`` between separators ("Ministry | 16 April 2024 | No. 198")."""
    line = text[start:end]
    lo, hi = 0, len(line)
    for sep in _CELL_SEP.finditer(line):
        if sep.end() <= at - start:
            lo = sep.end()
        elif sep.start() >= at - start:
            hi = sep.start()
            break
    return line[lo:hi]


def _ignored(text: str, d: DateMatch) -> bool:
    """Whether a page-furniture cue ("Updated", "©") stands before the date on its line."""
    line_start = text.rfind("\n", 0, d.start) + 1
    # "10/10/2021 | Actualizado 11/10/2021": the update stamp taints only what follows it.
    return bool(_date_ignore().search(text[line_start : d.start]))
