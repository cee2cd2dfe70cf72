"""Status scales, every transition, history order, evidence rules and the audit of changes."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import permutations

import pytest

from dialogwatch.store.models import Action, AuditEntry, StatusEvent
from dialogwatch.track import status as st
from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied

from .helpers import REPORT_2023, make_document, span, user

COMMITMENT = ["not_rated", "in_progress", "stalled", "partial", "fulfilled", "not_fulfilled"]
ASK = ["not_rated", "taken_up", "partially_taken_up", "ignored", "rejected"]


def test_scales_and_scores_match_documentation() -> None:
    assert st.scale("commitment") == COMMITMENT
    assert st.scale("ask") == ASK
    expected = {
        ("commitment", "fulfilled"): 1,
        ("commitment", "partial"): 0,
        ("commitment", "in_progress"): 0,
        ("commitment", "stalled"): -1,
        ("commitment", "not_fulfilled"): -1,
        ("commitment", "not_rated"): None,
        ("ask", "taken_up"): 1,
        ("ask", "partially_taken_up"): 0,
        ("ask", "ignored"): -1,
        ("ask", "rejected"): -1,
        ("ask", "not_rated"): None,
    }
    for (kind, status), score in expected.items():
        assert st.compliance_score(kind, status) == score
    assert st.done_statuses() == {"fulfilled", "taken_up"}


def _ask(session, doc_id: int) -> Action:  # type: ignore[no-untyped-def]
    row = Action(document_id=doc_id, kind="ask", text="Create a search commission.", identity_key="ask:x")
    session.add(row)
    session.flush()
    return row


@pytest.mark.parametrize("kind", ["commitment", "ask"])
def test_every_transition_is_an_event_and_updates_the_cache(store, seed, kind: str) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    scale = COMMITMENT if kind == "commitment" else ASK
    with store.session() as s:
        action_id = ids["cyber"] if kind == "commitment" else _ask(s, ids["doc"]).id
        evidence_doc = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report.txt")
        eve = user(s, "eve")
        assert s.get(Action, action_id).status == "not_rated"
        # Every ordered pair (from, to) of distinct statuses, including back to not_rated.
        path = [step for a, b in permutations(scale, 2) for step in (a, b)]
        for i, target in enumerate(path):
            st.set_status(
                s,
                eve,
                action_id,
                target,
                f"step {i} to {target}",
                st.EvidenceSpec(document_id=evidence_doc.id),
                assessed_on=date(2023, 1, 1) + timedelta(days=i),
            )
            assert s.get(Action, action_id).status == target
        events = st.history(s, action_id)
        assert [e.status for e in events] == path
        assert all(e.user_name == "eve" for e in events)


def test_invalid_status_for_kind_is_rejected(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        with pytest.raises(InvalidInput, match="not on the commitment scale"):
            st.set_status(
                s, eve, ids["cyber"], "taken_up", "wrong scale", st.EvidenceSpec(url="https://x.org")
            )
        ask = _ask(s, ids["doc"])
        with pytest.raises(InvalidInput, match="not on the ask scale"):
            st.set_status(s, eve, ask.id, "fulfilled", "wrong scale", st.EvidenceSpec(url="https://x.org"))
        with pytest.raises(NotFound):
            st.set_status(s, eve, 999999, "fulfilled", "none", st.EvidenceSpec(url="https://x.org"))
        assert s.query(StatusEvent).count() == 0


def test_status_needs_rationale_and_valid_evidence(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        with pytest.raises(InvalidInput, match="rationale"):
            st.set_status(s, eve, ids["cyber"], "fulfilled", "  ", st.EvidenceSpec(url="https://x.org"))
        with pytest.raises(InvalidInput, match="needs evidence"):
            st.set_status(s, eve, ids["cyber"], "fulfilled", "done")
        with pytest.raises(InvalidInput, match="outside document"):
            st.set_status(s, eve, ids["cyber"], "fulfilled", "done", st.EvidenceSpec(ids["doc"], 5, 10**6))
        with pytest.raises(NotFound):
            st.set_status(s, eve, ids["cyber"], "fulfilled", "done", st.EvidenceSpec(424242))
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report.txt")
        start, end = span(REPORT_2023, "the cybersecurity working group convened its first bilateral session")
        event = st.set_status(
            s, eve, ids["cyber"], "fulfilled", "met", st.EvidenceSpec(report.id, start, end)
        )
        assert event.evidence_quote == "the cybersecurity working group convened its first bilateral session"


def test_parse_evidence_ref() -> None:
    assert st.parse_evidence_ref("12") == st.EvidenceSpec(document_id=12)
    assert st.parse_evidence_ref("12:30-45") == st.EvidenceSpec(document_id=12, start=30, end=45)
    for bad in ("x", "12:30", "12:a-b", ":1-2"):
        with pytest.raises(InvalidInput):
            st.parse_evidence_ref(bad)


def test_history_is_ordered_by_assessment_date_then_entry(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        ev = st.EvidenceSpec(url="https://example.org/news")
        st.set_status(s, eve, ids["cyber"], "in_progress", "b", ev, assessed_on=date(2022, 5, 1))
        st.set_status(
            s,
            eve,
            ids["cyber"],
            "stalled",
            "a (entered late, assessed earlier)",
            ev,
            assessed_on=date(2022, 1, 1),
        )
        st.set_status(s, eve, ids["cyber"], "partial", "c", ev, assessed_on=date(2022, 5, 1))
        assert [e.status for e in st.history(s, ids["cyber"])] == ["stalled", "in_progress", "partial"]
        # The cache follows the latest assessment, not the latest entry.
        assert s.get(Action, ids["cyber"]).status == "partial"
        st.set_status(s, eve, ids["cyber"], "not_fulfilled", "older", ev, assessed_on=date(2021, 12, 1))
        assert s.get(Action, ids["cyber"]).status == "partial"


def test_viewer_cannot_change_status_editor_and_admin_can(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    ev = st.EvidenceSpec(url="https://example.org")
    with store.session() as s:
        with pytest.raises(PermissionDenied, match="viewer"):
            st.set_status(s, user(s, "val"), ids["cyber"], "in_progress", "try", ev)
        with pytest.raises(PermissionDenied):
            st.set_status(s, None, ids["cyber"], "in_progress", "anonymous", ev)
        assert s.get(Action, ids["cyber"]).status == "not_rated"
        st.set_status(s, user(s, "eve"), ids["cyber"], "in_progress", "editor", ev)
        st.set_status(s, user(s, "root"), ids["cyber"], "partial", "admin", ev)
        assert s.get(Action, ids["cyber"]).status == "partial"


def test_status_changes_are_audited_with_before_and_after(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        eve = user(s, "eve")
        ev = st.EvidenceSpec(url="https://example.org/a", citation="Ministry bulletin 4")
        st.set_status(s, eve, ids["cyber"], "in_progress", "terms drafted", ev, assessed_on=date(2022, 3, 1))
        st.set_status(s, eve, ids["cyber"], "fulfilled", "session held", ev, assessed_on=date(2023, 3, 9))
        entries = s.query(AuditEntry).filter(AuditEntry.verb == "status.set").order_by(AuditEntry.id).all()
        assert [(e.before["status"], e.after["status"]) for e in entries] == [
            ("not_rated", "in_progress"),
            ("in_progress", "fulfilled"),
        ]
        assert entries[1].user_name == "eve" and entries[1].entity_id == str(ids["cyber"])
        assert entries[1].after["assessed_on"] == "2023-03-09"
        assert entries[1].after["citation"] == "Ministry bulletin 4"
        assert entries[1].note == "session held"
