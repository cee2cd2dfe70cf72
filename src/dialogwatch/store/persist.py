"""Write one document's extraction into the normalised tables.

``save_extraction`` replaces whatever rows an earlier extraction of the same
document left, gives every new row its provenance and a stable identity key
(see ``store.keys``), then lets linking resolve cross-document entities and
the tracker re-apply human review decisions. It never commits: the caller
owns the transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from dialogwatch.extract import schema as x
from dialogwatch.store.keys import KeyRegistry, make_key, number_key, short_hash
from dialogwatch.store.models import (
    AcronymMention,
    Action,
    CaseMention,
    DelegationMember,
    Document,
    Figure,
    InstrumentMention,
    MeetingDocument,
    Participation,
    TopicAssignment,
    utcnow,
)
from dialogwatch.store.topics import ensure_topics

# Every table whose rows are produced by extraction of one document.
EXTRACTED_TABLES = (
    Participation,
    DelegationMember,
    AcronymMention,
    TopicAssignment,
    Action,
    Figure,
    CaseMention,
    InstrumentMention,
    MeetingDocument,
)


def _prov(ev: x.Evidence, key: str) -> dict:
    return {
        "start": ev.start,
        "end": ev.end,
        "rule": (ev.rule or "")[:120],
        "confidence": ev.confidence,
        "identity_key": key,
    }


def _clip(value: str | None, size: int) -> str | None:
    return value[:size] if value is not None else None


def clear_extraction(session: Session, document_id: int) -> None:
    """Delete every extracted row of one document (before re-extraction or on delete)."""
    for model in EXTRACTED_TABLES:
        session.execute(delete(model).where(model.document_id == document_id))


def _document_fields(document: Document, extraction: x.Extraction) -> None:
    info = extraction.document
    document.title = _clip(info.title, 500) or document.title
    document.doc_type = info.doc_type or document.doc_type
    document.language = info.language or document.language
    document.issue_date = info.date or document.issue_date
    document.extractor = extraction.extractor[:80]
    document.raw_extraction = extraction.to_json_dict()
    document.extracted_at = utcnow()


def _rows(doc_id: int, extraction: x.Extraction) -> list[object]:
    keys = KeyRegistry()
    rows: list[object] = []
    for i, m in enumerate(extraction.meetings):
        rows.append(
            MeetingDocument(
                document_id=doc_id,
                series_name=_clip(m.series, 300),
                round=m.round,
                date=m.date,
                city=_clip(m.city, 120),
                country=m.country,
                parties=list(m.parties),
                **_prov(m, keys.unique(make_key("meeting", i))),
            )
        )
    for p in extraction.participants:
        rows.append(
            Participation(
                document_id=doc_id,
                name=p.name[:200],
                role=p.role,
                side=p.side,
                title=_clip(p.title, 300),
                organization_name=_clip(p.organization, 300),
                **_prov(p, keys.unique(make_key("person", p.name))),
            )
        )
    for d in extraction.delegations:
        ev = d.evidence[0] if d.evidence else x.Evidence(rule="delegation")
        for org in d.organizations:
            rows.append(
                DelegationMember(
                    document_id=doc_id,
                    side=d.side[:8],
                    organization_name=org[:300],
                    **_prov(ev, keys.unique(make_key("delegation", d.side, org))),
                )
            )
    for a in extraction.acronyms:
        rows.append(
            AcronymMention(
                document_id=doc_id,
                acronym=a.acronym[:40],
                expansion=_clip(a.expansion, 300),
                **_prov(a, keys.unique(make_key("acronym", a.acronym))),
            )
        )
    for t in extraction.topics:
        ev = t.evidence[0] if t.evidence else x.Evidence(rule="topic")
        prov = _prov(ev, keys.unique(make_key("topic", t.id)))
        prov["confidence"] = t.score
        rows.append(
            TopicAssignment(
                document_id=doc_id,
                topic_id=t.id,
                score=t.score,
                evidence=[e.model_dump(mode="json") for e in t.evidence],
                **prov,
            )
        )
    # A document is about what its commitments and asks are about: linking finds related
    # documents through this indexed table, so every action topic must be in it.
    listed = {t.id for t in extraction.topics}
    for act in extraction.actions:
        for topic_id in act.topics:
            if topic_id in listed:
                continue
            listed.add(topic_id)
            ev = x.Evidence(start=act.start, end=act.end, rule="topic.from-action", confidence=0.5)
            rows.append(
                TopicAssignment(
                    document_id=doc_id,
                    topic_id=topic_id,
                    score=0.5,
                    evidence=[ev.model_dump(mode="json")],
                    **_prov(ev, keys.unique(make_key("topic", topic_id))),
                )
            )
    for act in extraction.actions:
        rows.append(
            Action(
                document_id=doc_id,
                kind=act.kind,
                text=act.text,
                actors=list(act.actors),
                addressee=_clip(act.addressee, 300),
                level=act.level,
                deadline=_clip(act.deadline, 10),
                topics=list(act.topics),
                **_prov(act, keys.unique(f"action:{act.kind}:{short_hash(act.text)}")),
            )
        )
    for f in extraction.figures:
        rows.append(
            Figure(
                document_id=doc_id,
                value=f.value,
                text=f.text,
                unit=_clip(f.unit, 200),
                period=_clip(f.period, 20),
                **_prov(f, keys.unique(make_key("figure", number_key(f.value), f.unit))),
            )
        )
    for c in extraction.cases:
        rows.append(
            CaseMention(
                document_id=doc_id,
                name=c.name[:300],
                aliases=list(c.aliases),
                **_prov(c, keys.unique(make_key("case", c.name))),
            )
        )
    for ins in extraction.instruments:
        rows.append(
            InstrumentMention(
                document_id=doc_id,
                name=ins.name[:300],
                kind=_clip(ins.kind, 40),
                **_prov(ins, keys.unique(make_key("instrument", ins.name))),
            )
        )
    return rows


def save_extraction(session: Session, document: Document, extraction: x.Extraction) -> list[str]:
    """Store ``extraction`` as ``document``'s rows; return review conflicts the tracker reports."""
    if document.id is None:
        session.add(document)
        session.flush()
    clear_extraction(session, document.id)
    _document_fields(document, extraction)
    ensure_topics(
        session, [t.id for t in extraction.topics] + [t for a in extraction.actions for t in a.topics]
    )
    session.add_all(_rows(document.id, extraction))
    session.flush()
    # Imported here: link and track build on store, not the other way round.
    from dialogwatch.link.service import link_document
    from dialogwatch.track.overrides import apply_overrides

    link_document(session, document)
    conflicts = apply_overrides(session, document)
    session.flush()
    return list(conflicts or [])
