"""People merges decided by a person: accept or reject the linker's proposals, audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Person, PersonMergeProposal, User
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound
from dialogwatch.track.users import require_role


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"no person with id {person_id}")
    return person


def _snapshot(person: Person) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "aliases": sorted(a.name for a in person.aliases),
        "merged_into": person.merged_into_id,
    }


def merge_people(session: Session, user: User | None, keep_id: int, drop_id: int, note: str = "") -> Person:
    """Merge person ``drop_id`` into ``keep_id`` (editors); the audit log keeps both before and after."""
    from dialogwatch.link.people import merge_people as link_merge

    require_role(user, "editor")
    keep, drop = _person(session, keep_id), _person(session, drop_id)
    if keep_id == drop_id:
        raise InvalidInput("cannot merge a person into itself")
    if drop.merged_into_id is not None:
        raise InvalidInput(f"person {drop_id} was already merged into {drop.merged_into_id}")
    before = {"keep": _snapshot(keep), "drop": _snapshot(drop)}
    merged = link_merge(session, keep_id, drop_id)
    after = {"keep": _snapshot(merged), "drop": _snapshot(_person(session, drop_id))}
    audit.record(session, user, "person.merge", "person", keep_id, before=before, after=after, note=note)
    return merged


def proposals(session: Session, status: str | None = "proposed") -> list[PersonMergeProposal]:
    """Merge proposals by state (proposed by default), best score first."""
    q = select(PersonMergeProposal).order_by(PersonMergeProposal.score.desc(), PersonMergeProposal.id)
    if status:
        q = q.where(PersonMergeProposal.status == status)
    return list(session.scalars(q))


def _proposal(session: Session, proposal_id: int) -> PersonMergeProposal:
    prop = session.get(PersonMergeProposal, proposal_id)
    if prop is None:
        raise NotFound(f"no merge proposal with id {proposal_id}")
    if prop.status != "proposed":
        raise InvalidInput(f"merge proposal {proposal_id} is already {prop.status}")
    return prop


def accept_proposal(session: Session, user: User | None, proposal_id: int, note: str = "") -> Person:
    """Accept a proposal: the higher id is merged into the lower one (editors)."""
    require_role(user, "editor")
    prop = _proposal(session, proposal_id)
    return merge_people(session, user, prop.person_id, prop.other_person_id, note=note)


def reject_proposal(session: Session, user: User | None, proposal_id: int, note: str = "") -> None:
    """Reject a proposal: the two stay separate people and it is not proposed again (editors)."""
    require_role(user, "editor")
    prop = _proposal(session, proposal_id)
    prop.status = "rejected"
    audit.record(
        session,
        user,
        "person.merge_reject",
        "person_merge_proposal",
        prop.id,
        before={"status": "proposed"},
        after={"status": "rejected"},
        note=note,
    )


def proposal_row(session: Session, prop: PersonMergeProposal) -> dict:
    """One proposal as a flat dict."""
    a, b = session.get(Person, prop.person_id), session.get(Person, prop.other_person_id)
    return {
        "id": prop.id,
        "person": prop.person_id,
        "name": a.name if a else None,
        "other_person": prop.other_person_id,
        "other_name": b.name if b else None,
        "score": round(prop.score, 3),
        "status": prop.status,
        "reason": (prop.evidence or {}).get("reason"),
    }
