"""Deadlines, overdue lists and scorecards checked against hand computations."""

from __future__ import annotations

from datetime import date

import pytest

from dialogwatch.store.models import Action, Meeting, MeetingDocument, Series
from dialogwatch.track import review, status
from dialogwatch.track.deadlines import due_date, overdue, parse_deadline, set_deadline
from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied
from dialogwatch.track.scorecard import scorecard

from .helpers import LETTER_2018, REPORT_2023, make_document, sentence_action, span, user


def test_due_date_reads_years_months_and_days() -> None:
    assert due_date("2022") == date(2022, 12, 31)
    assert due_date("2022-06") == date(2022, 6, 30)
    assert due_date("2024-02") == date(2024, 2, 29)
    assert due_date("2022-06-15") == date(2022, 6, 15)
    for bad in (None, "", "next year", "2022-13", "2022-02-30", "22"):
        assert due_date(bad) is None
    assert parse_deadline(" 2023-06 ") == "2023-06"
    with pytest.raises(InvalidInput):
        parse_deadline("soon")


def test_overdue_until_fulfilled_with_later_evidence(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        assert [a.id for a in overdue(s, date(2023, 1, 1))] == [ids["cyber"]]
        assert overdue(s, date(2022, 12, 31)) == []  # due by the end of 2022, not yet late
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report-2023.txt")
        start, end = span(REPORT_2023, "the cybersecurity working group convened its first bilateral session")
        status.set_status(
            s,
            user(s, "eve"),
            ids["cyber"],
            "in_progress",
            "still pending at the end of 2022",
            status.EvidenceSpec(url="https://example.org/q4"),
            assessed_on=date(2022, 12, 20),
        )
        assert [a.id for a in overdue(s, date(2023, 1, 1))] == [ids["cyber"]]
        status.set_status(
            s,
            user(s, "eve"),
            ids["cyber"],
            "fulfilled",
            "first session held",
            status.EvidenceSpec(report.id, start, end),
            assessed_on=date(2023, 4, 1),
        )
        assert overdue(s, date(2023, 1, 1)) == []


def test_hand_set_deadline_and_rejected_actions(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        with pytest.raises(PermissionDenied):
            set_deadline(s, user(s, "val"), ids["firearms"], "2022-06")
        with pytest.raises(InvalidInput):
            set_deadline(s, user(s, "eve"), ids["firearms"], "June")
        with pytest.raises(NotFound):
            set_deadline(s, user(s, "eve"), 987654, "2022")
        set_deadline(s, user(s, "eve"), ids["firearms"], "2022-06")
        assert {a.id for a in overdue(s, date(2022, 7, 1))} == {ids["firearms"]}
        assert {a.id for a in overdue(s, date(2023, 1, 1))} == {ids["firearms"], ids["cyber"]}
        # A record a reviewer rejected is not an action at all.
        review.review(s, user(s, "eve"), f"action:{ids['cyber']}", "reject")
        assert {a.id for a in overdue(s, date(2023, 1, 1))} == {ids["firearms"]}


def _add_letter(s, ids: dict) -> list[int]:  # type: ignore[no-untyped-def]
    letter = make_document(s, LETTER_2018, "2018-05-02", "/corpus/letter.txt")
    asks = []
    for sentence, topics in (
        (
            "We urge the authorities to create an independent mechanism to search for disappeared persons.",
            ["disappearances"],
        ),
        ("We ask the government to end the use of the armed forces in public security tasks.", []),
    ):
        a = sentence_action(LETTER_2018, sentence, kind="ask", actors=["NGO"], topics=topics)
        row = Action(
            document_id=letter.id,
            kind="ask",
            text=a.text,
            start=a.start,
            end=a.end,
            actors=a.actors,
            topics=a.topics,
            identity_key=f"ask:{len(asks)}",
        )
        s.add(row)
        s.flush()
        asks.append(row.id)
    return asks


def _rate(s, action_id: int, value: str) -> None:  # type: ignore[no-untyped-def]
    status.set_status(s, user(s, "eve"), action_id, value, "rated", status.EvidenceSpec(url="https://e.org"))


def test_scorecard_counts_and_means_match_hand_computation(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        ask_ok, ask_part = _add_letter(s, ids)
        _rate(s, ids["cyber"], "fulfilled")  # US, MX; +1
        _rate(s, ids["firearms"], "stalled")  # MX; -1
        # forensic (US) stays not_rated: counted, not in the mean
        _rate(s, ask_ok, "taken_up")  # +1
        _rate(s, ask_part, "partially_taken_up")  # 0
        extra = Action(
            document_id=ids["doc"],
            kind="commitment",
            text="A wrong extraction.",
            actors=["US"],
            identity_key="extra",
        )
        s.add(extra)
        s.flush()
        _rate(s, extra.id, "not_fulfilled")
        review.review(s, user(s, "eve"), f"action:{extra.id}", "reject")  # hidden: not counted

        rows = {(r["actor"], r["kind"]): r for r in scorecard(s, by="actor")}
        assert set(rows) == {("MX", "commitment"), ("US", "commitment"), ("NGO", "ask")}
        us, mx, ngo = rows[("US", "commitment")], rows[("MX", "commitment")], rows[("NGO", "ask")]
        assert (us["total"], us["fulfilled"], us["not_rated"], us["not_fulfilled"]) == (2, 1, 1, 0)
        assert (us["rated"], us["mean_score"]) == (1, 1.0)
        assert (mx["total"], mx["fulfilled"], mx["stalled"], mx["rated"], mx["mean_score"]) == (
            2,
            1,
            1,
            2,
            0.0,
        )
        assert (ngo["total"], ngo["taken_up"], ngo["partially_taken_up"], ngo["mean_score"]) == (2, 1, 1, 0.5)

        only_mx = scorecard(s, by="actor", actor="mx")
        assert [(r["actor"], r["total"]) for r in only_mx] == [("MX", 2)]

        topics = {
            (r["topic"], r["kind"]): (r["total"], r["rated"], r["mean_score"])
            for r in scorecard(s, by="topic")
        }
        assert topics == {
            ("cyber", "commitment"): (1, 1, 1.0),
            ("arms_trafficking", "commitment"): (1, 1, -1.0),
            ("disappearances", "commitment"): (1, 0, None),
            ("disappearances", "ask"): (1, 1, 1.0),
            ("(none)", "ask"): (1, 1, 0.0),
        }
        with pytest.raises(InvalidInput):
            scorecard(s, by="colour")


def test_scorecard_and_actions_by_series(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        _add_letter(s, ids)
        series = Series(
            key="us-mx-security", name="U.S.-Mexico High-Level Security Dialogue", parties=["US", "MX"]
        )
        s.add(series)
        s.flush()
        meeting = Meeting(series_id=series.id, round=1, date="2021-10-08")
        s.add(meeting)
        s.flush()
        s.add(MeetingDocument(meeting_id=meeting.id, document_id=ids["doc"]))
        s.flush()
        kinds = {r["kind"] for r in scorecard(s, series="security")}
        assert kinds == {"commitment"}
        assert {r["kind"] for r in scorecard(s)} == {"commitment", "ask"}
        with pytest.raises(NotFound, match="no series"):
            scorecard(s, series="trade")
