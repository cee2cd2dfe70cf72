"""Meetings: dialogue series, round, date, venue and parties.

The meeting is anchored on a sentence that reports it as held ("held the 7th
round of the Bilateral Dialogue on Human Rights in Washington, D.C., today",
"celebraron en Bruselas el VII Diálogo ..."), or, for an official statement, on
a series named in its title. Round, date, venue and parties come from that
sentence; a press office's dateline is never taken as the venue.
"""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.dates import find_dates, resolve_relative
from dialogwatch.extract.ordinals import find_ordinals
from dialogwatch.extract.orgs import government_mentions
from dialogwatch.extract.places import city_as_written, city_regex, find_countries, lookup_city
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.schema import DocumentInfo, Meeting
from dialogwatch.extract.series_data import SeriesData, alt, series_data
from dialogwatch.extract.series_names import find_series
from dialogwatch.extract.travel import find_travel
from dialogwatch.extract.venues import (
    dateline_city_in,
    find_venue,
    is_dateline,
    speech_place,
    venue_line,
    virtual_re,
)
from dialogwatch.extract.visits import find_visit, visit_in
from dialogwatch.extract.voices import speech_titles


@cache
def _held() -> Prefiltered:
    return prefiltered("|".join(series_data().held_verbs), re.IGNORECASE)


def find_meetings(ctx: DocContext, doc: DocumentInfo) -> list[Meeting]:
    """Return the meetings the document reports as having taken place."""
    found = _find_meetings(ctx, doc)
    for m in found:
        if m.city:
            m.city = city_as_written(ctx.text, m.city)  # the venue as the text spells it
    return found


def _find_meetings(ctx: DocContext, doc: DocumentInfo) -> list[Meeting]:
    anchors = _anchors(ctx, doc)
    trip = find_travel(ctx, lambda seg: _date(ctx, doc, seg))
    # the note announces a trip, and a round it mentions came before it; an international
    # body's country visit is read as such below
    first = (trip.start or 0) < anchors[0][0].start if trip is not None and anchors else True
    if trip is not None and first and find_visit(ctx, lambda seg: _date(ctx, doc, seg), _future) is None:
        return [trip]
    if not anchors:
        visit = find_visit(ctx, lambda seg: _date(ctx, doc, seg), _future)
        return [visit] if visit else []
    visit = visit_in(anchors[0][0], lambda seg: _date(ctx, doc, seg), _future)
    if visit is not None:
        # "The UN Working Group on ... concluded an official visit to Peru": the visit is the meeting
        return [visit]
    seg, series = anchors[0]
    text = ctx.text
    _, _, name, prefix = series
    meeting = Meeting(
        series=name, start=seg.start, end=seg.end, rule="meeting.held_sentence", confidence=0.85
    )
    if seg.kind == "heading":
        meeting.rule, meeting.confidence = "meeting.title", 0.7
    elif series[0] == series[1]:  # no name in the text: the title's subject names the meeting
        meeting.rule, meeting.confidence = "meeting.title_subject", 0.6
    online = _held_online(ctx, anchors)
    if online:
        meeting.rule += ".virtual"  # held online: no venue, whatever the dateline says
    meeting.parties = _parties(ctx, seg, prefix)
    if not online and _is_speech(ctx):
        # remarks at or after the dialogue are given where it met: their place line is the venue
        meeting.city, meeting.country = speech_place(ctx) or (None, None)
    for a_seg, a_series in anchors:
        a_seg = _own_clause(a_seg, a_series[0])
        if meeting.round is None:
            meeting.round = _round(text, a_seg, a_series[0])
        if meeting.date is None:
            meeting.date = _date(ctx, doc, a_seg)
        if meeting.city is None and meeting.country is None and not online:
            meeting.city, meeting.country = find_venue(ctx, a_seg, meeting.parties)
    if meeting.city is None and meeting.country is None and not online:
        meeting.city, meeting.country = venue_line(ctx) or (None, None)
    if meeting.city is None and meeting.country is not None and not online:
        meeting.city = dateline_city_in(ctx, meeting.country)
    if meeting.city is None and meeting.country is None and not online:
        # "... after a day of talks in Washington. The meeting of the Group ...": the lead's venue
        for prev in _segments_before(ctx, seg, 2):
            if prev.kind != "heading" and meeting.city is None and meeting.country is None:
                meeting.city, meeting.country = find_venue(ctx, prev, meeting.parties)
    if meeting.date is None:
        # a news lead dates the talks ("agreed on Wednesday ..."), the next sentence names them
        leads = [_date(ctx, doc, prev) for prev in _segments_before(ctx, seg, 2) if prev.kind != "heading"]
        meeting.date = next((d for d in leads if d), None)
    if meeting.round is not None and (meeting.city is None or meeting.date in (None, doc.date)):
        _announced(ctx, doc, meeting, online)
    if meeting.date is None and doc.date:
        meeting.date = doc.date  # a report that dates no meeting day was written on it
    return [meeting]


def _announced(ctx: DocContext, doc: DocumentInfo, meeting: Meeting, online: bool) -> None:
    """An upcoming round's day and venue from the sentence that announces that same round ("will
    hold the 28th round ... in Hanoi on May 20, 2025", "el V Diálogo ... se celebrará el 9 de
    octubre en Washington"); a sentence about the round after it has another number."""
    text = ctx.text
    for seg in ctx.segments[:30]:
        if seg.kind == "heading" or not _future(seg.text):
            continue
        if not any(v == meeting.round for _, _, v in find_ordinals(text, seg.start, seg.end)):
            continue
        if meeting.date in (None, doc.date):
            days = find_dates(text, seg.start, seg.end, year=_doc_year(doc), language=ctx.language)
            day = next((d.iso for d in days if d.precision == "day" and d.iso != doc.date), None)
            meeting.date = day or meeting.date
        if meeting.city is None and not online:
            city, country = find_venue(ctx, seg, meeting.parties)
            if city:
                meeting.city, meeting.country = city, country
        return


Anchor = tuple[Segment, tuple[int, int, str, str | None]]


# a clause about another round: "..., one year after the first round took place in Washington"
_OTHER_ROUND = re.compile(
    r"(?:,|;|\s[-–—])\s+(?:(?:\w+\s+){0,4}?)(?:the|its|their|la|el|su)\s+"
    r"(?:first|previous|last|prior|preceding|inaugural|primera|primer|anterior|última|último|pasada|pasado)\s+"
    r"(?:round|meeting|session|dialogue|edition|ronda|reunión|sesión|edición|diálogo|encuentro)\b"
    r"|(?:,|;|\s[-–—])\s+(?:(?:\w+\s+){0,4}?)(?:la|el|su)\s+(?:ronda|reunión|sesión|edición|diálogo|encuentro)\s+"
    r"(?:anterior|previa|previo|pasada|pasado)\b",
    re.IGNORECASE,
)


def _own_clause(seg: Segment, series_start: int) -> Segment:
    """The sentence up to a clause about another round, when the series is named before it."""
    m = _OTHER_ROUND.search(seg.text)
    if m is None or seg.start + m.start() <= series_start:
        return seg
    return Segment(seg.start, seg.start + m.start(), seg.text[: m.start()], seg.kind, seg.block)


def _is_speech(ctx: DocContext) -> bool:
    """True when the title makes the document an official's remarks."""
    return bool(speech_titles(ctx))


def _segments_before(ctx: DocContext, seg: Segment, n: int) -> list[Segment]:
    """The ``n`` segments before ``seg``, nearest first."""
    idx = next((i for i, s in enumerate(ctx.segments) if s is seg), None)
    return [] if idx is None else ctx.segments[max(0, idx - n) : idx][::-1]


def _segments_after(ctx: DocContext, seg: Segment, n: int) -> list[Segment]:
    """The ``n`` segments that follow ``seg`` in the document (none when it is not one of them)."""
    idx = next((i for i, s in enumerate(ctx.segments) if s is seg), None)
    return [] if idx is None else ctx.segments[idx + 1 : idx + 1 + n]


def _held_online(ctx: DocContext, anchors: list[Anchor]) -> bool:
    """True when an anchor, or a held-sentence right after the first one, says the meeting was online."""
    if any(virtual_re().search(seg.text) for seg, _ in anchors):
        return True
    following = _segments_after(ctx, anchors[0][0], 2)
    return any(virtual_re().search(s.text) and _held().search(s.text) for s in following)


def _anchors(ctx: DocContext, doc: DocumentInfo) -> list[Anchor]:
    """Sentences that report the meeting as held, best first; else the title naming a series."""
    held: list[Anchor] = []
    title_hit = None
    unnamed: list[Segment] = []  # early sentences reporting a meeting without naming the series
    upcoming: Anchor | None = None  # an early sentence announcing a numbered round
    for seg in ctx.segments:
        hits = find_series(seg.text)
        if not hits:
            if (
                len(unnamed) < 2
                and seg.kind != "heading"
                and seg.start < 4000
                and _held().search(seg.text)
                and not _future(seg.text)
            ):
                unnamed.append(seg)
            continue
        hit = hits[0]
        abs_hit = (seg.start + hit[0], seg.start + hit[1], hit[2], hit[3])
        if seg.kind != "heading" and _held().search(seg.text) and not _future(seg.text):
            held.append((seg, abs_hit))
        elif (
            upcoming is None
            and seg.kind != "heading"
            and seg.start < 3000
            and _future(seg.text)
            and _round(ctx.text, seg, abs_hit[0]) is not None
        ):
            upcoming = (seg, abs_hit)
        elif title_hit is None and (
            seg.kind == "heading" or (seg.start < 600 and not seg.text.rstrip().endswith("."))
        ):
            title_hit = (seg, abs_hit)
    if held:
        return held + _later_refs(ctx, held[0][0], held[0][1])
    if title_hit and (
        doc.doc_type in {"joint_statement", "press_release", "media_note", "news"} or _is_speech(ctx)
    ):
        # the headline names the series; the body's "officials met ..." gives date and venue
        return [title_hit, *((seg, title_hit[1]) for seg in unnamed if seg.start > title_hit[0].start)]
    subject = _title_subject(doc.title) if unnamed and title_hit is None else None
    if subject and doc.doc_type in {"joint_statement", "press_release", "media_note"}:
        # "Joint Statement on U.S.-Mexico Cooperation on Migration" over "President X received a
        # high-level U.S. delegation ...": the title's subject names the meeting the text reports
        first = unnamed[0]
        return [(seg, (first.start, first.start, subject, None)) for seg in unnamed]
    if upcoming is not None and title_hit is not None:
        # a letter or pronouncement titled after a numbered round it looks ahead to ("ante el VIII
        # Diálogo ..., que tendrá lugar el próximo jueves"): the meeting it is about is taking place
        return [upcoming]
    return []


@cache
def _title_subject_re() -> re.Pattern[str]:
    return re.compile("|".join(series_data().title_subject) or "(?!)", re.IGNORECASE)


def _title_subject(title: str | None) -> str | None:
    """The subject of a statement's title ("Joint Statement on X" -> "X"), if it has that form."""
    m = _title_subject_re().match(title or "")
    subject = title[m.end() :].strip(" .:") if title and m else ""
    return subject if len(subject.split()) >= 2 else None


@cache
def _meeting_ref() -> Prefiltered:
    return prefiltered("|".join(series_data().meeting_refs) or "(?!)", re.IGNORECASE)


def _later_refs(ctx: DocContext, first: Segment, series: tuple[int, int, str, str | None]) -> list[Anchor]:
    """Sentences just after the first report that say more about "the dialogue" (round, venue)."""
    out: list[Anchor] = []
    for seg in _segments_after(ctx, first, 3):
        if seg.kind == "heading" or find_series(seg.text) or _future(seg.text):
            continue
        if (_held().search(seg.text) and _meeting_ref().search(seg.text)) or _REF_IN_PLACE.search(seg.text):
            out.append((seg, series))  # "The U.S. delegation to the meeting in Mexico City was led by"
    return out


_REF_IN_PLACE = re.compile(
    r"\b(?:the|la|el)\s+(?:meeting|talks|dialogue|session|reunión|diálogo|sesión|encuentro)\s+(?:in|en)\s+[A-ZÁÉÍÓÚÑ]"
)


@cache
def _future_re() -> Prefiltered:
    return prefiltered("|".join(series_data().future_markers), re.IGNORECASE)


@cache
def _past_held() -> Prefiltered:
    return prefiltered("|".join(series_data().past_held), re.IGNORECASE)


def _future(sentence: str) -> bool:
    """True when the sentence announces the meeting: a future marker comes before its first held verb.

    "held the 5th round ... and agreed the next one will be in Geneva" reports a meeting.
    """
    fut = _future_re().search(sentence)
    if fut is None:
        return False
    if _RELATIVE_PAST.search(sentence):
        return False  # "will give a readout of the dialogue, which wrapped up yesterday": reported
    held = _past_held().search(sentence)
    return held is None or fut.start() < held.start()


# a past verb in a relative clause describes the meeting as over whatever the main clause plans
_RELATIVE_PAST = re.compile(
    r"\b(?:which|that|que|la\s+cual|el\s+cual)\s+(?:(?:was|were|had|has|se)\s+)?"
    r"(?:held|wrapped\s+up|concluded|ended|took\s+place|met|convened|celebró|celebrado|celebrada|concluyó|"
    r"terminó|culminó|tuvo\s+lugar|llevó\s+a\s+cabo)\b",
    re.IGNORECASE,
)


_FIRST_IN_YEARS = re.compile(
    r"(?:[^.;]|\.(?!\s)){0,100}?\b(?:in\s+(?:\w+\s+){0,2}(?:years?|decades?)|since\s+\d{4}|en\s+(?:\w+\s+){0,2}(?:años?|décadas?)"
    r"|desde\s+(?:\d{4}|hace))\b",
    re.IGNORECASE,
)


def _round(text: str, seg: Segment, series_start: int) -> int | None:
    rw = alt(series_data().round_words)
    pat = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?i:{rw})\b")
    candidates = []
    for start, end, v in find_ordinals(text, seg.start, seg.end):
        follow = text[end : end + 60]
        near = 0 <= series_start - end <= 45
        if v == 1 and _FIRST_IN_YEARS.match(text, end, min(seg.end, series_start + 120)):
            continue  # "the first meeting of the Dialogue in two years": not its first round
        if (pat.match(follow) or near) and v < 100:
            candidates.append((abs(series_start - start), v))
    return min(candidates)[1] if candidates else None


def _doc_year(doc: DocumentInfo) -> int | None:
    return int(doc.date[:4]) if doc.date else None


_OTHER_EVENT = re.compile(
    r"\b(?:before|until|ahead\s+of|after|since|antes\s+de|hasta|después\s+de|desde)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


def _date(ctx: DocContext, doc: DocumentInfo, seg: Segment) -> str | None:
    text = ctx.text
    dateline: str | None = None
    for d in find_dates(text, seg.start, seg.end, year=_doc_year(doc), language=ctx.language):
        if dateline is None and is_dateline(text, seg.start, d.start, d.end):
            dateline = d.iso  # the press office's date: the meeting's only when nothing else says
            continue
        if _OTHER_EVENT.search(text, max(seg.start, d.start - 70), d.start):
            continue  # "... before Mexico's change of government on Oct. 1": another event's day
        return d.iso
    # "With us today is X, who will read out the dialogue that wrapped up yesterday": the day
    # named after the held verb is the meeting's; one before it only when there is none after
    held = _held().search(seg.text)
    rel = resolve_relative(text, doc.date, seg.start + held.start(), seg.end) if held else None
    rel = rel or resolve_relative(text, doc.date, seg.start, seg.end)
    return rel.iso if rel else dateline


@cache
def _party_aliases() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"\b(?:{alt(words)})\b", re.IGNORECASE), code)
        for code, words in series_data().party_aliases.items()
    ]


# "its Spanish acronym", "en español": a language, not a country; "Bruselas, Bélgica": a venue
_LANGUAGE_USE = re.compile(
    r"^\s+(?:acronym|initials|abbreviation|name|translation|version|language|original|siglas)\b", re.I
)
_IN_LANGUAGE = re.compile(r"\b(?:in|en)\s+$", re.I)


def _not_a_party(sentence: str, a: int, b: int) -> bool:
    """A country word that names a language or the country of a venue city, not a party."""
    if _LANGUAGE_USE.match(sentence[b : b + 20]):
        return True
    word = sentence[a:b]
    if word[:1].islower() and _IN_LANGUAGE.search(sentence[max(0, a - 4) : a]):
        return True  # "en español", "in Spanish" would be capitalised only as a country's adjective
    venue = re.search(r"([A-ZÁÉÍÓÚÑ][\w'’ .-]{1,30}),\s*$", sentence[max(0, a - 32) : a])
    return bool(venue and lookup_city(venue.group(1).split(" en ")[-1].split(" in ")[-1]))


def _mask_cities(s: str) -> str:
    return city_regex().sub(lambda m: " " * len(m.group(0)), s)


def _parties(ctx: DocContext, seg: Segment, prefix: str | None) -> list[str]:
    found: list[str] = []
    if prefix:
        found += [c for _, _, c in find_countries(prefix)]
    sentence = _mask_cities(seg.text)
    for a, b, c in find_countries(sentence):
        if c not in found and not _not_a_party(seg.text, a, b):
            found.append(c)
    for pat, code in _party_aliases():
        if code not in found and pat.search(sentence):
            found.append(code)
    if len(found) < 2:
        counts: dict[str, int] = {}
        for _, _, c in find_countries(_mask_cities(ctx.text[:6000])):
            counts[c] = counts.get(c, 0) + 1
        for _, _, rec in government_mentions(ctx.text[:6000]):
            if rec.country:
                counts[rec.country] = counts.get(rec.country, 0) + 1
        for c, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
            if len(found) >= 2:
                break
            if c not in found:
                found.append(c)
    return sorted(found[:6]) if len(found) >= 2 else sorted(found)  # a regional meeting has several


__all__ = ["SeriesData", "find_meetings", "find_series", "series_data"]
