"""Evidence suggestions: proposed from links and term overlap, decided only by a person."""

from __future__ import annotations

from datetime import date

import pytest

from dialogwatch.store import models
from dialogwatch.store.models import Action, AuditEntry, EvidenceSuggestion, StatusEvent
from dialogwatch.track import suggestions as sg
from dialogwatch.track.errors import InvalidInput, PermissionDenied
from dialogwatch.track.vocab import suggest_vocab

from .helpers import REPORT_2023, make_document, span, user


def test_vocabulary_examples_pair_as_documented() -> None:
    v = suggest_vocab()
    for ex in v.examples:
        matched = sg.overlap_score(ex.action, ex.sentence) >= v.min_score
        assert matched is ex.match, (ex.action, ex.sentence)


def test_terms_fold_accents_and_drop_stopwords() -> None:
    assert sg.terms("Investigación de las desapariciones") == {"invest", "desapa"}
    assert "will" not in sg.terms("They will convene it") and "conven" in sg.terms("They will convene it")


def test_new_document_gets_suggestions_but_no_status_change(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report-2023.txt")
        created = sg.suggest_evidence(s, report)
        assert [(c.action_id, c.method) for c in created] == [(ids["cyber"], "term_overlap")]
        start, end = span(
            REPORT_2023,
            "In March 2023 the cybersecurity working group convened its first bilateral session"
            " in Washington.",
        )
        assert (created[0].start, created[0].end) == (start, end)
        assert created[0].quote.startswith("In March 2023")
        assert s.get(Action, ids["cyber"]).status == "not_rated"
        assert s.query(StatusEvent).count() == 0
        assert sg.suggest_evidence(s, report) == []  # idempotent
        # An older document cannot be evidence for a later promise.
        old = make_document(s, REPORT_2023 + " Archive copy.", "2019-01-01", "/corpus/old.txt")
        assert sg.suggest_evidence(s, old) == []


def test_accept_with_status_records_an_event_citing_the_span(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report-2023.txt")
        (suggestion,) = sg.suggest_evidence(s, report)
        with pytest.raises(PermissionDenied):
            sg.accept_suggestion(s, user(s, "val"), suggestion.id, "fulfilled")
        event = sg.accept_suggestion(
            s, user(s, "eve"), suggestion.id, "fulfilled", "session held", assessed_on=date(2023, 4, 2)
        )
        assert event is not None and event.evidence_document_id == report.id
        assert (event.evidence_start, event.evidence_end) == (suggestion.start, suggestion.end)
        assert s.get(Action, ids["cyber"]).status == "fulfilled"
        assert suggestion.state == "accepted" and suggestion.status_event_id == event.id
        with pytest.raises(InvalidInput, match="already accepted"):
            sg.dismiss_suggestion(s, user(s, "eve"), suggestion.id)
        # A fulfilled action is no longer open: nothing more is suggested for it.
        again = make_document(s, REPORT_2023 + " Second note.", "2023-05-01", "/corpus/report-b.txt")
        assert sg.suggest_evidence(s, again) == []


def test_accept_without_status_and_dismiss(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report-2023.txt")
        (first,) = sg.suggest_evidence(s, report)
        assert sg.accept_suggestion(s, user(s, "eve"), first.id) is None
        assert s.get(Action, ids["cyber"]).status == "not_rated"
        other = make_document(s, REPORT_2023.replace("March", "April"), "2023-05-01", "/corpus/r2.txt")
        (second,) = sg.suggest_evidence(s, other)
        sg.dismiss_suggestion(s, user(s, "eve"), second.id, "same session, reported twice")
        assert s.get(EvidenceSuggestion, second.id).state == "dismissed"
        assert sg.suggest_evidence(s, other) == []  # a dismissed span is not proposed again
        assert [x.id for x in sg.list_suggestions(s, "dismissed")] == [second.id]
        verbs = [e.verb for e in s.query(AuditEntry).filter(AuditEntry.entity_type == "evidence_suggestion")]
        assert verbs == ["suggestion.accept", "suggestion.dismiss"]


def test_action_links_propose_the_linked_statement(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    link_model = getattr(models, "ActionLink", None)
    if link_model is None:
        pytest.skip("the link domain has no ActionLink table in this installation")
    text = "Joint communiqué\n\nMexico released its first national report tracing seized firearms."
    with store.session() as s:
        doc = make_document(s, text, "2022-09-01", "/corpus/communique.txt")
        start, end = span(text, "Mexico released its first national report tracing seized firearms.")
        later = Action(
            document_id=doc.id,
            kind="commitment",
            text=text[start:end],
            start=start,
            end=end,
            actors=["MX"],
            identity_key="later",
        )
        s.add(later)
        s.flush()
        s.add(
            link_model(
                source_action_id=ids["firearms"], target_action_id=later.id, kind="restates", score=0.82
            )
        )
        s.flush()
        # A link pointing from the new document to an open action runs backwards in time: ignored.
        s.add(
            link_model(
                source_action_id=later.id, target_action_id=ids["forensic"], kind="restates", score=0.9
            )
        )
        s.flush()
        created = sg.suggest_evidence(s, doc)
        assert ids["forensic"] not in [c.action_id for c in created]
        linked = [c for c in created if c.action_id == ids["firearms"]]
        assert len(linked) == 1
        assert (linked[0].method, linked[0].score, linked[0].start, linked[0].end) == (
            "action_link",
            0.82,
            start,
            end,
        )
