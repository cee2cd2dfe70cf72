"""Named cases and instruments across documents: who named them how, when, and where.

Linking (``link.named``) resolves every CaseMention / InstrumentMention to one Case /
Instrument row whatever the language or wording. These functions show that graph: a list
of cases or instruments with the names used and the span of dates, and one entry's
documents over time, each with the name it used, the mention's offsets and a snippet.

Like the other analytics, only current, non-duplicate documents count, and rejected
mentions are left out. ``include_private=False`` (anonymous web and API visitors) also
leaves out private documents, and with them every name that only a private document used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from dialogwatch.analytics.common import find_series
from dialogwatch.link.normalize import fold
from dialogwatch.store.models import (
    Case,
    CaseMention,
    Document,
    Instrument,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Series,
)

SNIPPET_WIDTH = 90


@dataclass(frozen=True)
class _Named:
    """One of the two kinds of named entity, with its mention table and foreign key."""

    model: type[Case] | type[Instrument]
    mention: type[CaseMention] | type[InstrumentMention]
    fk: InstrumentedAttribute[int | None]


_CASES = _Named(Case, CaseMention, CaseMention.case_id)
_INSTRUMENTS = _Named(Instrument, InstrumentMention, InstrumentMention.instrument_id)


def _visible(include_private: bool) -> ColumnElement[bool]:
    # Same rule as the API's services.common.visible/listed, kept here so analytics never imports the API.
    shown = true() if include_private else Document.visibility == "public"
    return Document.is_current.is_(True) & Document.duplicate_of_id.is_(None) & shown


def _series_doc_ids(session: Session, series: str | int | None) -> tuple[set[int], list[int]] | None:
    """Documents attached to a meeting of the matching series, and those series' ids (None: no filter)."""
    if series is None or str(series).strip() == "":
        return None
    ids = [s.id for s in find_series(session, series)]
    docs = session.scalars(
        select(MeetingDocument.document_id)
        .join(Meeting, Meeting.id == MeetingDocument.meeting_id)
        .where(Meeting.series_id.in_(ids))
    )
    return set(docs), ids


def _mentions(kind: _Named, include_private: bool, entity_ids: list[int] | None = None) -> Select:
    """(mention, document date) rows of visible, unrejected mentions that linking resolved."""
    m = kind.mention
    stmt = (
        select(m, Document.issue_date)
        .join(Document, Document.id == m.document_id)
        .where(kind.fk.is_not(None), m.review_state != "rejected", _visible(include_private))
        .order_by(m.document_id, m.start.nulls_last(), m.id)
    )
    if entity_ids is not None:
        stmt = stmt.where(kind.fk.in_(entity_ids))
    return stmt


def _names_of(mention: CaseMention | InstrumentMention) -> list[str]:
    """The written forms a mention carries: its name, then (cases) the aliases it gave in the same text."""
    extra = list(getattr(mention, "aliases", None) or [])
    return [n for n in dict.fromkeys([mention.name, *extra]) if n]


def _matches(query: str, entity: Case | Instrument, names: list[str]) -> bool:
    if query.isdigit() and entity.id == int(query):
        return True
    q = fold(query).strip()
    return any(q in fold(text) for text in [entity.name, entity.key, *names])


def _summary(entity: Case | Instrument, rows: list[tuple[Any, str | None]], include_private: bool) -> dict:
    """The list entry of one case or instrument from its (mention, document date) rows."""
    names: list[str] = []
    docs: set[int] = set()
    dates: list[str] = []
    for mention, issue_date in rows:
        docs.add(mention.document_id)
        if issue_date:
            dates.append(issue_date)
        names.extend(n for n in _names_of(mention) if n not in names)
    aliases = sorted(entity.aliases or [])
    name = entity.name
    if not include_private:
        # An anonymous visitor sees only the wording of documents they may read.
        aliases = [a for a in aliases if a in names]
        if ":" in entity.key and names and name not in names:
            # A key with a colon was built from words (no gazetteer entry): its display name
            # came from some mention, possibly a private one; take the longest visible form.
            name = min(names, key=lambda a: (-len(a), a))
    out = {
        "id": entity.id,
        "key": entity.key,
        "name": name,
        "aliases": aliases,
        "names": names,
        "documents": len(docs),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
    }
    if isinstance(entity, Instrument):
        out["kind"] = entity.kind
    return out


def _list(
    session: Session,
    kind: _Named,
    name: str | None,
    series: str | int | None,
    include_private: bool,
    instrument_kind: str | None = None,
) -> list[dict]:
    scope = _series_doc_ids(session, series)
    grouped: dict[int, list[tuple[Any, str | None]]] = {}
    for mention, issue_date in session.execute(_mentions(kind, include_private)):
        if scope is None or mention.document_id in scope[0]:
            grouped.setdefault(getattr(mention, kind.fk.key), []).append((mention, issue_date))
    if not grouped:
        return []
    stmt = select(kind.model).where(kind.model.id.in_(list(grouped)))
    if instrument_kind:
        wanted = instrument_kind.strip().lower().replace(" ", "_").replace("-", "_")
        stmt = stmt.where(Instrument.kind == wanted)
    out = []
    for entity in session.scalars(stmt):
        s = _summary(entity, grouped[entity.id], include_private)
        if name and name.strip() and not _matches(name.strip(), entity, [*s["aliases"], *s["names"]]):
            continue
        out.append(s)
    # Most documented first, so the cases a dialogue kept returning to lead the list.
    return sorted(out, key=lambda s: (-s["documents"], fold(s["name"]), s["id"]))


def snippet(text: str, start: int | None, end: int | None, width: int = SNIPPET_WIDTH) -> dict:
    """Text around ``text[start:end]`` cut at word boundaries: ``text`` and the match's offsets in it."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return {"text": "", "start": 0, "end": 0}
    lo, hi = max(0, start - width), min(len(text), end + width)
    if lo > 0 and " " in text[lo:start]:
        lo = text.index(" ", lo) + 1
    if hi < len(text) and " " in text[end:hi]:
        hi = text.rindex(" ", end, hi)
    before, match, after = text[lo:start], text[start:end], text[end:hi]
    before = ("…" if lo > 0 else "") + " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split()) + ("…" if hi < len(text) else "")
    return {"text": before + match + after, "start": len(before), "end": len(before) + len(match)}


_Attached = tuple[MeetingDocument, Meeting, Series | None]


def _meetings_of(session: Session, doc_ids: list[int]) -> dict[int, list[_Attached]]:
    """The meetings each document reports, earliest first."""
    rows = session.execute(
        select(MeetingDocument, Meeting, Series)
        .join(Meeting, Meeting.id == MeetingDocument.meeting_id)
        .outerjoin(Series, Series.id == Meeting.series_id)
        .where(MeetingDocument.document_id.in_(doc_ids))
        .order_by(MeetingDocument.document_id, Meeting.date.nulls_last(), MeetingDocument.id)
    ).all()
    out: dict[int, list[_Attached]] = {}
    for md, meeting, series in rows:
        out.setdefault(md.document_id, []).append((md, meeting, series))
    return out


def _valid(mention: Any, text: str) -> bool:
    start, end = mention.start, mention.end
    return start is not None and end is not None and 0 <= start < end <= len(text)


def _entry(
    doc: Document,
    mentions: list[Any],
    meetings: list[_Attached],
    series_ids: list[int] | None,
) -> dict:
    """One document of a case's or instrument's history."""
    first = mentions[0]
    if series_ids is not None:
        # With a series filter, show the round of that series rather than another the document reports.
        meetings = [t for t in meetings if t[1].series_id in series_ids] or meetings
    md, meeting, series = meetings[0] if meetings else (None, None, None)
    text = doc.clean_text or ""
    # The words at the span are what this document wrote; the mention's name may be a canonical form.
    span = " ".join(text[first.start : first.end].split()) if _valid(first, text) else ""
    names: list[str] = [span] if span else []
    for m in mentions:
        names.extend(n for n in _names_of(m) if n not in names)
    out = {
        "document_id": doc.id,
        "date": doc.issue_date or (meeting.date if meeting is not None else None),
        "title": doc.title or doc.filename,
        "doc_type": doc.doc_type,
        "language": doc.language,
        "visibility": doc.visibility,
        "meeting_id": meeting.id if meeting is not None else None,
        "series_id": series.id if series is not None else None,
        "series": series.name if series is not None else None,
        "round": meeting.round if meeting is not None else None,
        "meeting_role": md.role if md is not None else None,
        "name": span or first.name,
        "names": names,
        "mention_id": first.id,
        "mentions": len(mentions),
        "start": first.start,
        "end": first.end,
        "snippet": snippet(text, first.start, first.end),
    }
    if isinstance(first, InstrumentMention):
        out["kind"] = first.kind
        # The mention text, when extraction kept one, says what was said about the instrument.
        out["text"] = first.text or span or first.name
    return out


def _detail(
    session: Session, kind: _Named, entity_id: int, series: str | int | None, include_private: bool
) -> dict | None:
    entity = session.get(kind.model, entity_id)
    if entity is None:
        return None
    scope = _series_doc_ids(session, series)
    rows = [
        (m, d)
        for m, d in session.execute(_mentions(kind, include_private, [entity_id]))
        if scope is None or m.document_id in scope[0]
    ]
    if not rows and not include_private:
        # Nothing this visitor may read names it: do not reveal that it exists.
        return None
    by_doc: dict[int, list[Any]] = {}
    for mention, _ in rows:
        by_doc.setdefault(mention.document_id, []).append(mention)
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(list(by_doc))))}
    meetings = _meetings_of(session, list(by_doc))
    timeline = [
        _entry(docs[doc_id], mentions, meetings.get(doc_id, []), scope[1] if scope else None)
        for doc_id, mentions in by_doc.items()
    ]
    timeline.sort(key=lambda e: (e["date"] or "9999", e["document_id"]))
    return {**_summary(entity, rows, include_private), "timeline": timeline}


def cases(
    session: Session, name: str | None = None, series: str | int | None = None, include_private: bool = True
) -> list[dict]:
    """Cases (matching NAME, mentioned in SERIES if given) with names used, documents and dates."""
    return _list(session, _CASES, name, series, include_private)


def case_detail(
    session: Session, case_id: int, series: str | int | None = None, include_private: bool = True
) -> dict | None:
    """One case with every document that mentions it, oldest first; None when unknown (or hidden)."""
    return _detail(session, _CASES, case_id, series, include_private)


def instruments(
    session: Session,
    name: str | None = None,
    series: str | int | None = None,
    kind: str | None = None,
    include_private: bool = True,
) -> list[dict]:
    """Instruments (matching NAME, of KIND, mentioned in SERIES if given) with names, documents and dates."""
    return _list(session, _INSTRUMENTS, name, series, include_private, kind)


def instrument_detail(
    session: Session, instrument_id: int, series: str | int | None = None, include_private: bool = True
) -> dict | None:
    """One instrument with every document that mentions it and what it said, oldest first."""
    return _detail(session, _INSTRUMENTS, instrument_id, series, include_private)


def instrument_kinds(session: Session) -> list[str]:
    """The instrument kinds in use (law, programme, working_group, ...), for filters."""
    rows = session.scalars(select(Instrument.kind).where(Instrument.kind.is_not(None)).distinct())
    return sorted(k for k in rows if k)
