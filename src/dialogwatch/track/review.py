"""Review of machine output: the queue, and confirm / reject / edit / add decisions."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Document, Override, User, utcnow
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound
from dialogwatch.track.overrides import content_fields, link_lineage_and_key, set_review_state
from dialogwatch.track.records import (
    coerce_patch,
    editable_columns,
    lineage_id,
    load_item,
    model_for,
    record_types,
    snapshot,
)
from dialogwatch.track.users import require_role

DECISIONS = ("confirm", "reject", "edit")
_SPAN_MAX = 400


def _span_text(doc: Document | None, start: int | None, end: int | None) -> str:
    if doc is None or start is None or end is None or not 0 <= start < end <= len(doc.clean_text):
        return ""
    text = doc.clean_text[start:end]
    return text if len(text) <= _SPAN_MAX else text[: _SPAN_MAX - 1] + "…"


def _summary(rtype: str, row: Any) -> str:
    for field in ("text", "name", "organization_name", "topic_id", "acronym", "series_name"):
        value = getattr(row, field, None)
        if value:
            return str(value)[:120]
    return rtype


def review_queue(
    session: Session, limit: int | None = 50, document_id: int | None = None, record_type: str | None = None
) -> list[dict]:
    """Machine output no person has checked, lowest confidence first, with the evidence span."""
    items: list[tuple[float, str, Any]] = []
    types = [record_type] if record_type else [t for t in record_types() if t != "link"]
    for rtype in types:
        model = model_for(rtype)
        if not hasattr(model, "review_state"):
            continue
        q = (
            select(model)
            .join(Document, Document.id == model.document_id)
            .where(model.review_state == "unreviewed", Document.is_current.is_(True))
        )
        if document_id is not None:
            q = q.where(model.document_id == document_id)
        items += [
            (row.confidence if row.confidence is not None else 1.0, rtype, row) for row in session.scalars(q)
        ]
    items.sort(key=lambda t: (t[0], t[1], t[2].id))
    if limit:
        items = items[:limit]
    docs: dict[int, Document | None] = {}
    out = []
    for conf, rtype, row in items:
        if row.document_id not in docs:
            docs[row.document_id] = session.get(Document, row.document_id)
        out.append(
            {
                "item": f"{rtype}:{row.id}",
                "document": row.document_id,
                "confidence": round(conf, 3),
                "rule": row.rule,
                "summary": _summary(rtype, row),
                "span": f"{row.start}-{row.end}" if row.start is not None else "",
                "evidence": _span_text(docs[row.document_id], row.start, row.end),
            }
        )
    return out


def _lineage_and_key(session: Session, rtype: str, row: Any) -> tuple[int, str]:
    if rtype == "link":
        return link_lineage_and_key(session, row)
    doc = session.get(Document, row.document_id)
    if doc is None:
        raise NotFound(f"document {row.document_id} of {rtype}:{row.id} is gone")
    return lineage_id(doc), row.identity_key or f"row:{row.id}"


def _override_for(session: Session, rtype: str, row: Any) -> Override:
    lineage, key = _lineage_and_key(session, rtype, row)
    ov = session.scalar(
        select(Override).where(
            Override.lineage_id == lineage, Override.record_type == rtype, Override.identity_key == key
        )
    )
    if ov is None:
        ov = Override(
            lineage_id=lineage, record_type=rtype, identity_key=key, decision="", patch={}, original={}
        )
        session.add(ov)
    return ov


def _override_dict(ov: Override) -> dict:
    return {"decision": ov.decision, "patch": dict(ov.patch or {}), "note": ov.note}


def review(
    session: Session,
    user: User | None,
    item: str,
    decision: str,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> Any:
    """Confirm, reject or edit one extracted record (editors); the decision survives re-extraction."""
    require_role(user, "editor")
    assert user is not None
    if decision not in DECISIONS:
        raise InvalidInput(f"unknown decision {decision!r}: use confirm, reject or edit")
    rtype, row = load_item(session, item)
    model = type(row)
    patch = coerce_patch(model, {k: v for k, v in (changes or {}).items()}) if changes else {}
    if decision == "edit" and not patch:
        raise InvalidInput("edit needs at least one --set field=value")
    if decision != "edit" and patch:
        raise InvalidInput(f"{decision} takes no --set values; use edit")
    ov = _override_for(session, rtype, row)
    before_row = snapshot(row)
    before = _override_dict(ov) if ov.decision else None
    was_added = ov.decision == "added" or getattr(row, "review_state", "") == "added"
    if decision == "reject" and was_added:
        # A hand-added record that is rejected simply goes away.
        session.delete(row)
        if ov.id is not None:
            session.delete(ov)
        else:
            session.expunge(ov)
        session.flush()
        audit.record(session, user, "review.reject", rtype, row.id, before=before_row, after=None, note=note)
        return None
    if decision == "edit":
        original = dict(ov.original or {})
        for field in patch:
            original.setdefault(field, getattr(row, field))
        ov.original = original
        ov.patch = {**(ov.patch or {}), **patch}
        for field, value in patch.items():
            setattr(row, field, value)
        if was_added:
            ov.record = {**(ov.record or {}), **patch}
            ov.patch = {}
        # Editing a rejected record corrects it but keeps it rejected until someone confirms it.
        ov.decision = "added" if was_added else ("rejected" if ov.decision == "rejected" else "edited")
    elif decision == "confirm":
        if not ov.decision:
            ov.original = content_fields(row)
        ov.decision = "added" if was_added else ("edited" if ov.patch else "confirmed")
    else:
        ov.decision = "rejected"
    ov.note = note or ov.note
    ov.user_id, ov.user_name, ov.updated_at = user.id, user.name, utcnow()
    ov.conflict, ov.conflict_at = None, None
    set_review_state(row, ov.decision)
    session.flush()
    audit.record(
        session,
        user,
        f"review.{decision}",
        rtype,
        row.id,
        before={"record": before_row, "override": before},
        after={"record": snapshot(row), "override": _override_dict(ov)},
        note=note,
    )
    return row


def add_record(
    session: Session,
    user: User | None,
    document_id: int,
    record_type: str,
    fields: dict[str, Any],
    note: str = "",
) -> Any:
    """Add a record the machine missed (editors); it is re-created after every re-extraction."""
    require_role(user, "editor")
    assert user is not None
    if record_type == "link":
        raise InvalidInput("links are added by linking; confirm or reject them instead")
    model = model_for(record_type)
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    values = coerce_patch(model, fields)
    missing = [
        name
        for name, col in editable_columns(model).items()
        if not col.nullable and col.default is None and name not in values and not col.primary_key
    ]
    if missing:
        raise InvalidInput(f"{record_type} needs: {', '.join(missing)} (use --set field=value)")
    key = f"manual:{uuid.uuid4().hex[:16]}"
    row = model(
        **values, document_id=doc.id, identity_key=key, rule="manual", confidence=1.0, review_state="added"
    )
    session.add(row)
    session.add(
        Override(
            lineage_id=lineage_id(doc),
            record_type=record_type,
            identity_key=key,
            decision="added",
            patch={},
            original={},
            record=values,
            note=note,
            user_id=user.id,
            user_name=user.name,
        )
    )
    session.flush()
    audit.record(
        session, user, "review.add", record_type, row.id, before=None, after=snapshot(row), note=note
    )
    return row


def conflicts(session: Session) -> list[Override]:
    """Overrides whose re-application found a conflict, for a reviewer to settle."""
    return list(session.scalars(select(Override).where(Override.conflict.is_not(None)).order_by(Override.id)))
