"""Merging two people is a person's decision and lands in the audit log with before and after."""

from __future__ import annotations

import pytest

from dialogwatch.store.models import AuditEntry, Participation, Person, PersonAlias, PersonMergeProposal
from dialogwatch.track import merges
from dialogwatch.track.errors import InvalidInput, PermissionDenied

from .helpers import user


def _person(s, name: str) -> Person:  # type: ignore[no-untyped-def]
    p = Person(key=name.lower(), name=name)
    p.aliases.append(PersonAlias(name=name))
    s.add(p)
    s.flush()
    return p


def test_accepting_a_proposal_merges_and_audits(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        full, short = _person(s, "Ana María Brown"), _person(s, "Ana Brown")
        part = s.query(Participation).filter_by(document_id=ids["doc"], name="Ana Brown").one()
        part.person_id = short.id
        prop = PersonMergeProposal(
            person_id=full.id, other_person_id=short.id, score=0.6, evidence={"reason": "t"}
        )
        s.add(prop)
        s.flush()
        assert [r["id"] for r in map(lambda p: merges.proposal_row(s, p), merges.proposals(s))] == [prop.id]
        with pytest.raises(PermissionDenied):
            merges.accept_proposal(s, user(s, "val"), prop.id)
        merges.accept_proposal(s, user(s, "eve"), prop.id, note="same secretary")
        assert part.person_id == full.id and s.get(Person, short.id).merged_into_id == full.id
        assert prop.status == "accepted"
        entry = s.query(AuditEntry).filter_by(verb="person.merge").one()
        assert entry.user_name == "eve" and entry.note == "same secretary"
        assert entry.before["drop"]["merged_into"] is None and entry.after["drop"]["merged_into"] == full.id
        assert "Ana Brown" in entry.after["keep"]["aliases"]
        with pytest.raises(InvalidInput, match="already accepted"):
            merges.reject_proposal(s, user(s, "eve"), prop.id)


def test_rejecting_a_proposal_keeps_people_apart(store, seed) -> None:  # type: ignore[no-untyped-def]
    seed()
    with store.session() as s:
        a, b = _person(s, "Luis García"), _person(s, "Juan García")
        prop = PersonMergeProposal(person_id=a.id, other_person_id=b.id, score=0.4, evidence={})
        s.add(prop)
        s.flush()
        merges.reject_proposal(s, user(s, "eve"), prop.id, note="different people")
        assert prop.status == "rejected" and s.get(Person, b.id).merged_into_id is None
        assert merges.proposals(s) == []
        entry = s.query(AuditEntry).filter_by(verb="person.merge_reject").one()
        assert (entry.before, entry.after) == ({"status": "proposed"}, {"status": "rejected"})
        with pytest.raises(InvalidInput):
            merges.merge_people(s, user(s, "eve"), a.id, a.id)
