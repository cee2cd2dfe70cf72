"""Series and meetings: one series per dialogue across wordings, one meeting per round across documents."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.extract.places import lookup_city
from dialogwatch.link.data import series_data
from dialogwatch.link.normalize import fold, phrase_in, words
from dialogwatch.store.models import Document, Meeting, MeetingDocument, Series, SeriesAlias

ROLE_ORDER = {"official_statement": 0, "translation": 1, "draft": 2, "report": 3, "news": 4}


def superseded(role: str, meeting_roles: set[str]) -> bool:
    """Whether a document's actions repeat another's: a translation, or a draft of a published text."""
    if role == "translation":
        return True
    return role == "draft" and bool(meeting_roles & {"official_statement", "translation"})


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NEAR_DAYS = 3  # rounds of one series are months apart; reports of one meeting days apart


@cache
def _generic() -> frozenset[str]:
    return frozenset(words(" ".join(series_data().generic_words.words)))


def series_theme(name: str | None) -> str | None:
    """The theme id a series name names (human_rights, security, ...), if any."""
    if not name:
        return None
    for theme in series_data().themes:
        for terms in theme.terms.values():
            if any(phrase_in(t, name) for t in terms):
                return theme.id
    return None


def series_key(name: str | None, parties: list[str]) -> tuple[str, str]:
    """(key, kind) of a series: its parties plus its theme, or its content words when unthemed."""
    prefix = "-".join(sorted({p.upper() for p in parties})) or "XX"
    theme = series_theme(name)
    if theme:
        return f"{prefix}:{theme}", theme
    rest = sorted({w for w in words(name or "") if w not in _generic()})
    return (f"{prefix}:other:{'-'.join(rest)}" if rest else f"{prefix}:other")[:200], "other"


def base_role(doc: Document) -> str:
    """A document's role before translations are told apart: official_statement, draft, report or news."""
    roles = series_data().document_roles
    head = f"{doc.title or ''}\n{(doc.clean_text or '')[:300]}"
    if any(phrase_in(t, head) for t in roles.draft_terms):
        return "draft"
    if doc.doc_type in roles.news_doc_types:
        return "news"
    if doc.doc_type in roles.report_doc_types:
        return "report"
    return "official_statement"


def _parse(d: str | None) -> date | None:
    if d and _FULL_DATE.match(d):
        try:
            return date.fromisoformat(d)
        except ValueError:
            return None
    return None


def date_distance(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates; 0 when a month-precise date contains the other; None if unknown."""
    if not a or not b:
        return None
    da, db = _parse(a), _parse(b)
    if da and db:
        return abs((da - db).days)
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 7 and long_.startswith(short):
        return 0
    return None


def resolve_series(session: Session, name: str | None, parties: list[str], language: str | None) -> Series:
    """Find or create the series of a meeting and record the name it went by."""
    key, kind = series_key(name, parties)
    series = session.scalar(select(Series).where(Series.key == key))
    if series is None:
        series = Series(
            key=key, name=(name or "Dialogue")[:300], parties=sorted({p.upper() for p in parties}), kind=kind
        )
        session.add(series)
        session.flush()
    if name and name not in {a.name for a in series.aliases}:
        series.aliases.append(SeriesAlias(name=name[:300], language=language))
    return series


def _doc_dates(session: Session, meeting_ids: list[int]) -> dict[int, str | None]:
    rows = session.execute(
        select(MeetingDocument.meeting_id, Document.issue_date)
        .join(Document, Document.id == MeetingDocument.document_id)
        .where(MeetingDocument.meeting_id.in_(meeting_ids))
    )
    out: dict[int, str | None] = {}
    for mid, issued in rows:
        if issued and (out.get(mid) is None or issued < out[mid]):  # type: ignore[operator]
            out[mid] = issued
    return out


def resolve_meeting(session: Session, series: Series, md: MeetingDocument, issue_date: str | None) -> Meeting:
    """The meeting a document's report is about: same round, else a date within a few days."""
    meetings = session.scalars(
        select(Meeting).where(Meeting.series_id == series.id).order_by(Meeting.id)
    ).all()
    issued = _doc_dates(session, [m.id for m in meetings]) if meetings else {}
    when = md.date or issue_date
    if md.round is not None:
        for m in meetings:
            if m.round == md.round:
                return m
    best: tuple[int, int, Meeting] | None = None
    for m in meetings:
        if md.round is not None and m.round is not None:
            continue
        dist = date_distance(m.date or issued.get(m.id), when)
        if dist is not None and dist <= NEAR_DAYS and (best is None or (dist, m.id) < best[:2]):
            best = (dist, m.id, m)
    if best is not None:
        return best[2]
    meeting = Meeting(series_id=series.id, round=md.round, date=md.date, parties=list(series.parties))
    session.add(meeting)
    session.flush()
    return meeting


def _same(field: str, a: object, b: object) -> bool:
    if field == "date":
        return date_distance(str(a), str(b)) == 0
    if field == "city":
        fa, fb = fold(str(a)).strip(), fold(str(b)).strip()
        return fa.startswith(fb) or fb.startswith(fa)
    return a == b


def _canonical(field: str, value: object) -> object:
    """One spelling per city across languages ("Ciudad de México" -> "Mexico City")."""
    if field == "city" and isinstance(value, str):
        found = lookup_city(value)
        return found[0] if found else value
    return value


def refresh_meeting(session: Session, meeting: Meeting) -> set[int]:
    """Recompute a meeting's facts and its documents' roles; return documents whose role changed kind.

    Facts come from the highest-ranked report (official statements first); a
    value another report contradicts is kept in ``conflicts``, not dropped.
    """
    rows = session.execute(
        select(MeetingDocument, Document)
        .join(Document, Document.id == MeetingDocument.document_id)
        .where(MeetingDocument.meeting_id == meeting.id)
    ).all()
    changed: set[int] = set()
    if not rows:
        return changed  # about to be reused or dropped; keep its facts for matching
    officials = sorted(
        (d for _, d in rows if base_role(d) == "official_statement"),
        key=lambda d: (d.issue_date or "9999", d.id),
    )
    primary_lang = officials[0].language if officials else None
    old_roles = {md.role for md, _ in rows}
    new: dict[int, str] = {}
    for md, doc in rows:
        role = base_role(doc)
        if role == "official_statement" and primary_lang and doc.language and doc.language != primary_lang:
            role = "translation"
        new[md.id] = role
    new_roles = set(new.values())
    for md, doc in rows:
        if superseded(md.role, old_roles) != superseded(new[md.id], new_roles):
            changed.add(doc.id)
        md.role = new[md.id]
    ranked = sorted(rows, key=lambda r: (ROLE_ORDER.get(r[0].role, 9), r[1].issue_date or "9999", r[1].id))
    conflicts: dict[str, list[dict]] = {}
    for field in ("round", "date", "city", "country"):
        values: list[tuple[object, int, str]] = [
            (_canonical(field, getattr(md, field)), doc.id, md.role)
            for md, doc in ranked
            if getattr(md, field) is not None
        ]
        chosen = values[0][0] if values else None
        if field == "date":  # a day-precise date beats a month that contains it
            chosen = max((v for v, _, _ in values if _same("date", v, chosen)), key=len, default=chosen)
        setattr(meeting, field, chosen)
        groups: list[dict] = []
        for value, doc_id, role in values:
            for g in groups:
                if _same(field, g["value"], value):
                    g["documents"].append(doc_id)
                    break
            else:
                groups.append({"value": value, "documents": [doc_id], "role": role})
        if len(groups) > 1:
            conflicts[field] = groups
    meeting.conflicts = conflicts or None
    parties = sorted({p for md, _ in rows for p in (md.parties or [])})
    meeting.parties = parties or list(meeting.series.parties if meeting.series else [])
    return changed


def refresh_series(session: Session, series: Series) -> None:
    """Pick a series' display name: the English wording most reports use, then the shortest."""
    rows = session.execute(
        select(MeetingDocument.series_name, Document.language)
        .join(Meeting, Meeting.id == MeetingDocument.meeting_id)
        .join(Document, Document.id == MeetingDocument.document_id)
        .where(Meeting.series_id == series.id, MeetingDocument.series_name.is_not(None))
    ).all()
    if not rows:
        return
    counts = Counter(rows)
    best = min(counts, key=lambda nl: (nl[1] != "en", -counts[nl], len(nl[0]), nl[0]))
    series.name = best[0][:300]
