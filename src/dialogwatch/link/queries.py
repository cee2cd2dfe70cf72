"""Read-side queries over links, shared by CLI, API and web."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Action, ActionLink, Document

_STATUS_ORDER = {"confirmed": 0, "proposed": 1, "suggested": 2, "rejected": 3}


def links_for_action(session: Session, action_id: int) -> list[dict]:
    """Return the links of one action (restatements, answers) with score and evidence."""
    links = session.scalars(
        select(ActionLink).where(
            or_(ActionLink.source_action_id == action_id, ActionLink.target_action_id == action_id)
        )
    ).all()
    out: list[dict] = []
    for link in links:
        outgoing = link.source_action_id == action_id
        other_id = link.target_action_id if outgoing else link.source_action_id
        other = session.get(Action, other_id)
        doc = session.get(Document, other.document_id) if other is not None else None
        out.append(
            {
                "link_id": link.id,
                "direction": "later" if outgoing else "earlier",
                "kind": link.kind,
                "status": link.status,
                "score": link.score,
                "evidence": link.evidence or {},
                "source_action_id": link.source_action_id,
                "target_action_id": link.target_action_id,
                "other_action_id": other_id,
                "other_kind": other.kind if other else None,
                "other_text": other.text if other else None,
                "other_document_id": doc.id if doc else None,
                "other_document_title": doc.title if doc else None,
                "other_document_date": doc.issue_date if doc else None,
                "created_at": link.created_at.isoformat() if link.created_at else None,
            }
        )
    out.sort(key=lambda d: (_STATUS_ORDER.get(d["status"], 9), -d["score"], d["other_action_id"]))
    return out


def set_link_status(session: Session, link_id: int, status: str) -> ActionLink:
    """Record a person's decision on a link (confirmed or rejected); machine runs never overwrite it."""
    if status not in {"confirmed", "rejected", "proposed", "suggested"}:
        raise ValueError(f"unknown link status {status!r}")
    link = session.get(ActionLink, link_id)
    if link is None:
        raise ValueError(f"no action link {link_id}")
    link.status = status
    return link
