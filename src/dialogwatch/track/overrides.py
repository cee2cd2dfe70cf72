"""Human review decisions, stored as overrides and re-applied to fresh extraction output.

An override is keyed by (document lineage, record type, identity key). After a
document is re-extracted, ``apply_overrides`` finds the fresh rows with the
same identity key and re-applies each decision. When the machine no longer
produces a reviewed record, or now produces a different value for a field a
reviewer edited, the override is flagged with a conflict and the conflict is
returned: nothing is resolved silently. The reviewer's value stays applied.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Action, Document, EvidenceSuggestion, Override, StatusEvent, utcnow
from dialogwatch.track.records import lineage_id, model_for, record_types, row_key, snapshot

# Fields that move when text is re-cleaned or entities re-linked; a changed
# offset is not a disagreement with the reviewer.
_NOT_CONTENT = {"start", "end", "confidence", "score", "evidence"}


def content_fields(row: Any) -> dict:
    """The row's values a confirmation vouches for (no offsets, scores or entity ids)."""
    return {k: v for k, v in snapshot(row).items() if k not in _NOT_CONTENT and not k.endswith("_id")}


def link_lineage_and_key(session: Session, link: Any) -> tuple[int, str]:
    """Overrides of action links hang on the source action's document lineage."""
    source = session.get(Action, link.source_action_id)
    target = session.get(Action, link.target_action_id)
    lineage = lineage_id(source.document) if source else 0
    key = link.identity_key or f"{row_key(source)}>{row_key(target)}:{link.kind}"
    return lineage, key


def set_review_state(row: Any, decision: str) -> None:
    """Mark a row with a review decision (action links keep theirs in ``status``)."""
    if hasattr(row, "review_state"):
        row.review_state = decision
    elif hasattr(row, "status") and decision in ("confirmed", "rejected", "edited"):
        row.status = "rejected" if decision == "rejected" else "confirmed"


def _describe(ov: Override, message: str) -> str:
    return f"override {ov.id} ({ov.record_type} {ov.identity_key!r} of document {ov.lineage_id}): {message}"


def _flag(ov: Override, problems: list[str], out: list[str]) -> None:
    if problems:
        text = "; ".join(problems)
        if ov.conflict != text:
            ov.conflict = text
            ov.conflict_at = utcnow()
        out.append(_describe(ov, text))
    elif ov.conflict:
        ov.conflict = None
        ov.conflict_at = None


def _check_and_patch(ov: Override, row: Any) -> list[str]:
    problems: list[str] = []
    for field, value in (ov.patch or {}).items():
        machine = getattr(row, field, None)
        original = (ov.original or {}).get(field)
        if machine != value and machine != original:
            problems.append(
                f"field {field!r}: reviewer set {value!r} (machine said {original!r}),"
                f" new output says {machine!r}"
            )
        setattr(row, field, value)
    if ov.decision == "confirmed":
        now = content_fields(row)
        for field, was in (ov.original or {}).items():
            if field in now and now[field] != was:
                problems.append(f"confirmed field {field!r} changed from {was!r} to {now[field]!r}")
    return problems


def _apply_one(session: Session, ov: Override, rows: list[Any], document: Document) -> list[str]:
    if ov.decision == "added":
        if not rows:
            model = model_for(ov.record_type)
            fields = dict(ov.record or {})
            fields.update(ov.patch or {})
            row = model(
                **fields, document_id=document.id, identity_key=ov.identity_key, rule="manual", confidence=1.0
            )
            session.add(row)
            rows = [row]
        for row in rows:
            row.review_state = "added"
        return []
    if not rows:
        return [f"the machine no longer produces this record (decision was {ov.decision})"]
    problems: list[str] = []
    for row in rows:
        problems += _check_and_patch(ov, row)
        set_review_state(row, ov.decision)
    # A confirmed record whose content moved goes back to the queue.
    if ov.decision == "confirmed" and problems:
        for row in rows:
            set_review_state(row, "unreviewed")
    return problems


def _fresh(row: Any) -> bool:
    # Rows that already carry a decision were handled by an earlier call.
    return getattr(row, "review_state", "unreviewed") == "unreviewed" or not hasattr(row, "review_state")


def _reattach_tracking(session: Session, document: Document) -> None:
    from dialogwatch.track.status import refresh_status_cache

    lineage = lineage_id(document)
    for action in session.scalars(select(Action).where(Action.document_id == document.id)):
        key = row_key(action)
        for model in (StatusEvent, EvidenceSuggestion):
            for item in session.scalars(
                select(model).where(
                    model.lineage_id == lineage, model.action_key == key, model.action_id.is_(None)
                )
            ):
                item.action_id = action.id
        refresh_status_cache(session, action)


def _link_rows(session: Session, document: Document) -> list[tuple[int, str, Any]]:
    if "link" not in record_types():
        return []
    link_model = model_for("link")
    ids = select(Action.id).where(Action.document_id == document.id)
    links = session.scalars(
        select(link_model).where(
            or_(link_model.source_action_id.in_(ids), link_model.target_action_id.in_(ids))
        )
    )
    return [(*link_lineage_and_key(session, link), link) for link in links]


def apply_overrides(session: Session, document: Document) -> list[str]:
    """Re-apply stored corrections to a re-extracted document; return conflict descriptions."""
    session.flush()
    lineage = lineage_id(document)
    conflicts: list[str] = []
    overrides = list(
        session.scalars(
            select(Override)
            .where(Override.lineage_id == lineage, Override.record_type != "link")
            .order_by(Override.id)
        )
    )
    for ov in overrides:
        model = model_for(ov.record_type)
        rows = list(
            session.scalars(
                select(model).where(model.document_id == document.id, model.identity_key == ov.identity_key)
            )
        )
        if rows and not any(_fresh(r) for r in rows) and ov.decision != "added":
            continue
        _flag(ov, _apply_one(session, ov, rows, document), conflicts)
    for link_lineage, key, link in _link_rows(session, document):
        ov = session.scalar(
            select(Override).where(
                Override.lineage_id == link_lineage,
                Override.record_type == "link",
                Override.identity_key == key,
            )
        )
        if ov is not None:
            _flag(ov, _check_and_patch(ov, link), conflicts)
            set_review_state(link, ov.decision)
    session.flush()
    _reattach_tracking(session, document)
    session.flush()
    return conflicts
