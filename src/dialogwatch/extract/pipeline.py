"""Run every extractor over one document's clean text.

This is the only place that knows the order of the extractors and what each
one needs from the others; the extractors themselves are plain functions.
"""

from __future__ import annotations

import re

from dialogwatch import __version__
from dialogwatch.extract import (
    acronyms,
    actions,
    casing,
    delegations,
    document,
    figures,
    meetings,
    named,
    people,
    topics,
    visits,
    voices,
)
from dialogwatch.extract.actors import infer_parties
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Case, Extraction, Figure
from dialogwatch.extract.segment import segment
from dialogwatch.ingest.language import detect_language

EXTRACTOR_ID = f"dialogwatch-rules/{__version__}"


def build_context(text: str, language: str | None = None) -> DocContext:
    """Segment the text and settle its language once for all extractors."""
    lang = language or detect_language(text)
    return DocContext(text=text, language=lang, segments=segment(text))


def extract_text(text: str, *, language: str | None = None, title: str | None = None) -> Extraction:
    """Extract everything the contract defines from one document's clean text."""
    ctx = build_context(text, language)
    doc = document.classify_document(ctx, title=title)
    acr = acronyms.find_acronyms(ctx)
    mtg = meetings.find_meetings(ctx, doc)
    # names set in capitals (a transcript's title, its speaker labels) are read in title case
    ppl = casing.confirmed(people.find_participants(casing.recased_context(ctx), doc, acr), ctx.text)
    visits.visit_delegation(mtg[0] if mtg else None, ppl)
    visits.opposite_heads(mtg[0] if mtg else None, ppl)
    spoken = voices.find_voices(ctx, ppl, infer_parties(ctx.text, mtg), meeting=bool(mtg))
    if doc.doc_type == "letter" and not doc.title:
        doc.title = document.letter_title(ctx.language, [p.name for p in ppl if p.role == "addressee"])
    dels = delegations.find_delegations(ctx, doc, ppl, acr)
    body = visits.visiting_body(mtg[0] if mtg else None, ctx.text)
    if body is not None and not any(d.side == "INTL" for d in dels):
        dels.append(body)
    acts = actions.find_actions(ctx, doc, mtg, ppl, voices=spoken)
    tops = topics.find_topics(ctx, acts)
    figs = figures.find_figures(ctx)
    cases = named.find_cases(ctx)
    # a number inside a case's name ("the 709 crackdown") names it, it counts nothing
    figs = [f for f in figs if not any(_names_number(c, f) for c in cases)]
    instr = named.find_instruments(ctx, acr, [p.organization for p in ppl if p.organization])
    return Extraction(
        extractor=EXTRACTOR_ID,
        document=doc,
        meetings=mtg,
        participants=ppl,
        delegations=dels,
        acronyms=acr,
        topics=tops,
        actions=acts,
        figures=figs,
        cases=cases,
        instruments=instr,
    )


def _names_number(case: Case, figure: Figure) -> bool:
    """True when the figure's number is part of the case's name, where the case is named."""
    inside = case.start is not None and case.end is not None and case.start <= (figure.start or -1) < case.end
    return inside and figure.value in {float(n) for n in re.findall(r"\d+", case.name)}
