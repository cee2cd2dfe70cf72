"""Build small multi-document fixtures through the real save path (extraction objects -> rows -> linking)."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from dialogwatch.extract import schema as x
from dialogwatch.store.models import Document
from dialogwatch.store.persist import save_extraction

US_MX = ["MX", "US"]


def meeting(
    series: str | None, round_: int | None = None, date: str | None = None, **kw: object
) -> x.Meeting:
    """A meeting as extraction reports it."""
    return x.Meeting(series=series, parties=kw.pop("parties", US_MX), round=round_, date=date, **kw)


def person(name: str, side: str | None, role: str = "head", title: str | None = None, org: str | None = None):
    """A participant as extraction reports it."""
    return x.Participant(name=name, side=side, role=role, title=title, organization=org)


def action(kind: str, text: str, actors: list[str], topics: list[str], **kw: object) -> x.Action:
    """A commitment or ask as extraction reports it."""
    return x.Action(kind=kind, text=text, actors=actors, topics=topics, **kw)


def add_document(
    session: Session,
    name: str,
    *,
    language: str = "en",
    date: str | None = None,
    doc_type: str = "joint_statement",
    title: str | None = None,
    text: str | None = None,
    meetings: list[x.Meeting] | None = None,
    participants: list[x.Participant] | None = None,
    delegations: list[x.Delegation] | None = None,
    acronyms: list[x.Acronym] | None = None,
    topics: list[str] | None = None,
    actions: list[x.Action] | None = None,
    cases: list[x.Case] | None = None,
    instruments: list[x.Instrument] | None = None,
) -> Document:
    """Store one document with a hand-built extraction; saving links it into the graph."""
    acts = list(actions or [])
    body = text if text is not None else "\n\n".join(a.text for a in acts) or name
    if text is None:
        pos = 0
        for a in acts:
            a.start, a.end = pos, pos + len(a.text)
            pos = a.end + 2
    digest = hashlib.sha256(f"{name}\n{body}".encode()).hexdigest()
    doc = Document(
        source_path=f"/fixtures/{name}", filename=name, raw_sha256=digest, sha256=digest, clean_text=body
    )
    extraction = x.Extraction(
        extractor="test",
        document=x.DocumentInfo(doc_type=doc_type, language=language, date=date, title=title or name),
        meetings=meetings or [],
        participants=participants or [],
        delegations=delegations or [],
        acronyms=acronyms or [],
        topics=[x.Topic(id=t) for t in topics or []],
        actions=acts,
        cases=cases or [],
        instruments=instruments or [],
    )
    save_extraction(session, doc, extraction)
    session.flush()
    return doc
