"""Every `examples` entry of the action/figure/topic/named vocabularies passes."""

from __future__ import annotations

import pytest

from dialogwatch.extract.actions import find_actions
from dialogwatch.extract.actors import actors_data
from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.cues import cues_data, find_cues
from dialogwatch.extract.deadlines import _data as deadline_data
from dialogwatch.extract.deadlines import find_deadline
from dialogwatch.extract.figures import _units, figures_in_segment
from dialogwatch.extract.levels import action_level, levels_data
from dialogwatch.extract.named import cases_data, find_cases, find_instruments, instruments_data
from dialogwatch.extract.numbers import _data as numbers_data
from dialogwatch.extract.numbers import parse_number
from dialogwatch.extract.schema import DocumentInfo, Meeting
from dialogwatch.extract.segment import segment
from dialogwatch.extract.topics import find_topics, topics_data


def _ctx(text: str, lang: str = "en") -> DocContext:
    return DocContext(text=text, language=lang, segments=segment(text))


@pytest.mark.parametrize("cue", cues_data().cues, ids=lambda c: c.id)
def test_cue_examples_fire_and_counters_do_not(cue):
    doc = DocumentInfo(doc_type="letter" if cue.kind == "ask" else "joint_statement")
    meeting = Meeting(parties=["MX", "US"])
    for ex in cue.examples:
        assert any(h.cue.kind == cue.kind for h in find_cues(ex, cue.lang)), ex
        acts = find_actions(_ctx(ex, cue.lang), doc, [meeting], [])
        assert [a.kind for a in acts] == [cue.kind], ex
    for ex in cue.counter:
        assert find_actions(_ctx(ex, cue.lang), doc, [meeting], []) == [], ex


@pytest.mark.parametrize("ex", levels_data().examples, ids=lambda e: e.text[:40])
def test_level_examples(ex):
    assert action_level(ex.text).level == ex.level


@pytest.mark.parametrize("ex", deadline_data().examples, ids=lambda e: e.text[:40])
def test_deadline_examples(ex):
    found = find_deadline(ex.text, ex.doc_date)
    assert (found.value if found else None) == ex.deadline


@pytest.mark.parametrize("ex", numbers_data().examples, ids=lambda e: e.text)
def test_number_examples(ex):
    assert parse_number(ex.text, ex.lang) == pytest.approx(ex.value)


@pytest.mark.parametrize("ex", _units().examples, ids=lambda e: e.text[:40])
def test_figure_examples(ex):
    seg = Segment(0, len(ex.text), ex.text)
    assert [f.value for f in figures_in_segment(seg, ex.lang)] == pytest.approx(ex.values)


@pytest.mark.parametrize("ex", topics_data().examples, ids=lambda e: e.text[:40])
def test_topic_examples(ex):
    got = {t.id for t in find_topics(_ctx(ex.text), [])}
    assert got == set(ex.topics)


@pytest.mark.parametrize("ex", cases_data().examples, ids=lambda e: e.text[:40])
def test_case_examples(ex):
    assert [c.name for c in find_cases(_ctx(ex.text))] == ex.cases


@pytest.mark.parametrize("ex", instruments_data().examples, ids=lambda e: e.text[:40])
def test_instrument_examples(ex):
    assert [i.name for i in find_instruments(_ctx(ex.text), [])] == ex.names


def test_topic_ids_match_contract_groups():
    data = topics_data()
    assert {e.group for e in data.topics.values()} == {"human_rights", "security"}
    assert "torture" in data.topics and "cyber" in data.topics


@pytest.mark.parametrize("ex", actors_data().examples, ids=lambda e: e.text[:40])
def test_actor_metonym_examples(ex):
    acts = find_actions(
        _ctx(ex.text, "es" if "aportará" in ex.text else "en"), None, [Meeting(parties=["CO", "US"])], []
    )
    assert [a.actors for a in acts] == [ex.actors]


@pytest.mark.parametrize("ex", actors_data().subjects.examples, ids=lambda e: e.text[:40])
def test_subject_word_examples(ex):
    from dialogwatch.extract.actors import has_actor, is_cso_subject

    assert (has_actor(ex.text), is_cso_subject(ex.text)) == (ex.actor, ex.cso)


@pytest.mark.parametrize("ex", actors_data().cso_voice_examples, ids=lambda e: e.text[:40])
def test_cso_voice_examples(ex):
    from dialogwatch.extract.actors import cso_voice

    assert cso_voice(ex.text) is ex.cso


@pytest.mark.parametrize("ex", actors_data().intl_voice_examples, ids=lambda e: e.text[:40])
def test_intl_voice_examples(ex):
    from dialogwatch.extract.actors import intl_voice

    assert intl_voice(ex.text) is ex.cso


def test_a_un_experts_recommendations_are_asks_by_an_international_body():
    from dialogwatch.extract.pipeline import extract_text

    text = (
        "UN expert urges protection for defenders\n\n"
        "GENEVA (14 March 2025) – The UN Special Rapporteur on human rights defenders today concluded "
        "an official visit to Honduras.\n\n"
        "Recommendations\n\n"
        "The Special Rapporteur recommends that the Government:\n"
        "- Allocate sufficient budget to the National Protection System by mid-2026;\n"
        "- Adopt a protocol for the investigation of attacks against defenders.\n"
    )
    asks = [a for a in extract_text(text, language="en").actions if a.kind == "ask"]
    assert asks and all(a.actors == ["INTL"] for a in asks)


@pytest.mark.parametrize("ex", cues_data().addressee_line_examples, ids=lambda e: e.text[:40])
def test_addressee_line_examples(ex):
    from dialogwatch.extract.cues import addressee_line

    assert addressee_line(ex.text) == ex.who


@pytest.mark.parametrize("ex", cues_data().negation_examples, ids=lambda e: e.text[:40])
def test_negation_examples(ex):
    hits = find_cues(ex.text, "es")
    assert (hits[0].cue.kind if hits else None) == ex.kind


@pytest.mark.parametrize("ex", cues_data().next_meeting_examples, ids=lambda e: e.text[:40])
def test_next_meeting_examples(ex):
    from dialogwatch.extract.actions import MAX_TEXT
    from dialogwatch.extract.next_meeting import next_meeting_action

    action = next_meeting_action(Segment(0, len(ex.text), ex.text), ["EU", "MX"], ex.date, MAX_TEXT)
    assert (action is not None) == ex.match
    if action is not None:
        assert (action.kind, action.actors, action.level) == ("commitment", ["EU", "MX"], 5)


@pytest.mark.parametrize(
    "text",
    [
        "The United States continues to call on the Government of Vietnam to release political prisoners.",
        "La Unión Europea continúa instando a Honduras a levantar el estado de excepción.",
    ],
)
def test_continuing_to_ask_is_an_ask(text):
    hits = find_cues(text, "en" if text.startswith("The") else "es")
    assert hits and all(h.cue.kind == "ask" for h in hits)


def test_years_of_demanding_is_no_ask():
    assert find_cues("Las madres llevan quince años exigiendo verdad.", "es") == []
