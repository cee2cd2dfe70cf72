"""Review decisions survive re-extraction; conflicts with new output are surfaced, not resolved."""

from __future__ import annotations

from datetime import date

import pytest

from dialogwatch.store.models import Action, AuditEntry, Document, Override, Participation
from dialogwatch.store.persist import save_extraction
from dialogwatch.track import review, status
from dialogwatch.track.deadlines import set_deadline
from dialogwatch.track.errors import InvalidInput, PermissionDenied
from dialogwatch.track.overrides import apply_overrides

from .helpers import STATEMENT_2021, make_document, statement_extraction, user


def _participant(s, name: str) -> Participation:  # type: ignore[no-untyped-def]
    return s.query(Participation).filter(Participation.name == name).one()


def _cyber(s) -> Action:  # type: ignore[no-untyped-def]
    return s.query(Action).filter(Action.text.contains("cybersecurity")).one()


def _reextract(store, doc_id: int, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return save_extraction(s, s.get(Document, doc_id), statement_extraction(**kwargs))


def test_reject_and_edit_survive_reextraction(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed(level=5)
    with store.session() as s:
        eve = user(s, "eve")
        ghost = _participant(s, "Mexico City")
        review.review(s, eve, f"participant:{ghost.id}", "reject", note="a place, not a person")
        review.review(s, eve, f"action:{ids['cyber']}", "edit", {"level": "3"}, note="no named deliverable")
        assert _cyber(s).level == 3
    assert _reextract(store, ids["doc"], level=5) == []
    with store.session() as s:
        ghost = _participant(s, "Mexico City")
        assert ghost.review_state == "rejected"
        action = _cyber(s)
        assert (action.level, action.review_state) == (3, "edited")
        assert _participant(s, "Ana Brown").review_state == "unreviewed"
        queue = review.review_queue(s, limit=None)
        assert f"participant:{ghost.id}" not in [q["item"] for q in queue]
        assert f"action:{action.id}" not in [q["item"] for q in queue]


def test_edit_conflicting_with_new_output_is_surfaced(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed(level=5)
    with store.session() as s:
        review.review(s, user(s, "eve"), f"action:{ids['cyber']}", "edit", {"level": "3"})
    conflicts = _reextract(store, ids["doc"], level=4)
    assert len(conflicts) == 1 and "'level'" in conflicts[0] and "4" in conflicts[0]
    with store.session() as s:
        assert _cyber(s).level == 3  # the reviewer's value stays, flagged
        flagged = review.conflicts(s)
        assert len(flagged) == 1 and "new output says 4" in flagged[0].conflict
        # Calling again (another pass over the same rows) keeps the flag.
        apply_overrides(s, s.get(Document, ids["doc"]))
        assert review.conflicts(s)[0].id == flagged[0].id
        # A new decision by a reviewer settles it.
        review.review(s, user(s, "eve"), f"action:{_cyber(s).id}", "confirm")
        assert review.conflicts(s) == []
    # Output back at the value the reviewer corrected (5) agrees with the correction.
    assert _reextract(store, ids["doc"], level=5) == []


def test_target_no_longer_produced_is_a_conflict(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        ghost = _participant(s, "Mexico City")
        review.review(s, user(s, "eve"), f"participant:{ghost.id}", "reject")
    conflicts = _reextract(store, ids["doc"], with_ghost=False)
    assert len(conflicts) == 1 and "no longer produces" in conflicts[0]
    with store.session() as s:
        assert s.query(Override).one().conflict is not None


def test_confirmed_and_added_records_survive(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        review.review(s, eve, f"participant:{_participant(s, 'Ana Brown').id}", "confirm")
        added = review.add_record(
            s, eve, ids["doc"], "participant", {"name": "Luis Ortega", "side": "MX", "role": "head"}
        )
        assert added.review_state == "added"
        with pytest.raises(InvalidInput, match="needs: name"):
            review.add_record(s, eve, ids["doc"], "participant", {"side": "MX"})
    assert _reextract(store, ids["doc"]) == []
    with store.session() as s:
        assert _participant(s, "Ana Brown").review_state == "confirmed"
        luis = _participant(s, "Luis Ortega")
        assert (luis.side, luis.role, luis.review_state) == ("MX", "head", "added")
        # Rejecting a hand-added record removes it for good.
        review.review(s, user(s, "eve"), f"participant:{luis.id}", "reject")
    assert _reextract(store, ids["doc"]) == []
    with store.session() as s:
        assert s.query(Participation).filter(Participation.name == "Luis Ortega").count() == 0


def test_confirmed_record_whose_content_changed_returns_to_queue(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed(level=5)
    with store.session() as s:
        review.review(s, user(s, "eve"), f"action:{ids['cyber']}", "confirm")
    conflicts = _reextract(store, ids["doc"], level=2)
    assert len(conflicts) == 1 and "confirmed field 'level'" in conflicts[0]
    with store.session() as s:
        assert _cyber(s).review_state == "unreviewed"


def test_status_history_and_hand_deadline_survive_reextraction(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        set_deadline(s, eve, ids["firearms"], "2023-06")
        status.set_status(
            s,
            eve,
            ids["cyber"],
            "in_progress",
            "terms of reference drafted",
            status.EvidenceSpec(url="https://example.org/tor"),
            assessed_on=date(2022, 2, 1),
        )
    _reextract(store, ids["doc"])
    with store.session() as s:
        cyber = _cyber(s)
        assert cyber.status == "in_progress"
        history = status.history(s, cyber.id)
        assert [(e.status, e.action_id) for e in history] == [("in_progress", cyber.id)]
        firearms = s.query(Action).filter(Action.text.contains("firearms")).one()
        assert firearms.deadline == "2023-06" and firearms.review_state == "edited"


def test_new_version_of_a_document_inherits_decisions(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed(level=5)
    with store.session() as s:
        eve = user(s, "eve")
        review.review(s, eve, f"participant:{_participant(s, 'Mexico City').id}", "reject")
        status.set_status(s, eve, ids["cyber"], "partial", "half", status.EvidenceSpec(url="https://e.org"))
        old = s.get(Document, ids["doc"])
        old.is_current = False
        new = make_document(s, STATEMENT_2021 + "\n", "2021-10-08", "/corpus/statement-2021.txt")
        new.version_of_id, new.version_no = old.id, 2
        save_extraction(s, new, statement_extraction(level=5))
        ghost = s.query(Participation).filter_by(document_id=new.id, name="Mexico City").one()
        assert ghost.review_state == "rejected"
        cyber = (
            s.query(Action).filter(Action.document_id == new.id, Action.text.contains("cybersecurity")).one()
        )
        assert cyber.status == "partial" and [e.status for e in status.history(s, cyber.id)] == ["partial"]


def test_review_rules_and_audit(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        item = f"action:{ids['cyber']}"
        with pytest.raises(PermissionDenied):
            review.review(s, user(s, "val"), item, "reject")
        with pytest.raises(InvalidInput, match="cannot be edited"):
            review.review(s, user(s, "eve"), item, "edit", {"status": "fulfilled"})
        with pytest.raises(InvalidInput, match="needs a number"):
            review.review(s, user(s, "eve"), item, "edit", {"level": "high"})
        with pytest.raises(InvalidInput, match="TYPE:ID"):
            review.review(s, user(s, "eve"), "action-7", "confirm")
        with pytest.raises(InvalidInput, match="unknown record type"):
            review.review(s, user(s, "eve"), "wizard:1", "confirm")
        review.review(s, user(s, "eve"), item, "edit", {"actors": "US", "deadline": "2022-06"})
        entry = s.query(AuditEntry).filter(AuditEntry.verb == "review.edit").one()
        assert entry.before["record"]["actors"] == ["US", "MX"] and entry.after["record"]["actors"] == ["US"]
        assert entry.after["override"]["patch"] == {"actors": ["US"], "deadline": "2022-06"}
        assert entry.user_name == "eve"


def test_review_queue_lowest_confidence_first_with_evidence(store, seed) -> None:  # type: ignore[no-untyped-def]
    seed()
    with store.session() as s:
        queue = review.review_queue(s, limit=None)
        confidences = [q["confidence"] for q in queue]
        assert confidences == sorted(confidences)
        first = queue[0]
        assert first["summary"] == "Mexico City" and first["evidence"] == "Mexico City"
        action_items = [q for q in queue if q["item"].startswith("action:")]
        assert action_items[0]["evidence"].startswith("Mexico will publish")
        assert len(review.review_queue(s, limit=2)) == 2


def test_link_decisions_are_reapplied_after_relinking(store, seed) -> None:  # type: ignore[no-untyped-def]
    from dialogwatch.store import models

    ids = seed()
    with store.session() as s:

        def link() -> object:
            row = models.ActionLink(
                source_action_id=ids["firearms"],
                target_action_id=ids["cyber"],
                kind="restates",
                score=0.5,
                status="suggested",
                identity_key="firearms>cyber",
            )
            s.add(row)
            s.flush()
            return row

        first = link()
        review.review(s, user(s, "eve"), f"link:{first.id}", "reject", note="different subjects")
        assert first.status == "rejected"
        s.delete(first)  # what re-extraction does to links (cascade), before linking runs again
        s.flush()
        second = link()
        assert apply_overrides(s, s.get(Document, ids["doc"])) == []
        assert second.status == "rejected"


def test_edit_keeps_rejection_and_vocabularies_are_checked(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        item = f"action:{ids['forensic']}"
        with pytest.raises(InvalidInput, match="invalid kind"):
            review.review(s, eve, item, "edit", {"kind": "pledge"})
        with pytest.raises(InvalidInput, match="invalid level"):
            review.review(s, eve, item, "edit", {"level": "9"})
        review.review(s, eve, item, "reject")
        set_deadline(s, eve, ids["forensic"], "2024")
        row = s.get(Action, ids["forensic"])
        assert (row.review_state, row.deadline) == ("rejected", "2024")
        review.review(s, eve, item, "confirm")
        assert row.review_state == "edited"


def test_status_set_on_an_old_version_reaches_the_current_one(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        old = s.get(Document, ids["doc"])
        old.is_current = False
        new = make_document(s, STATEMENT_2021 + "\n", "2021-10-08", "/corpus/statement-2021.txt")
        new.version_of_id, new.version_no = old.id, 2
        save_extraction(s, new, statement_extraction())
        status.set_status(
            s, user(s, "eve"), ids["cyber"], "stalled", "no news", status.EvidenceSpec(url="https://e.org")
        )
        current = (
            s.query(Action).filter(Action.document_id == new.id, Action.text.contains("cybersecurity")).one()
        )
        assert current.status == "stalled" and s.get(Action, ids["cyber"]).status == "stalled"
