"""Speakers: transcripts, speeches and quotations give first-person pledges to one side."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogwatch.extract.pipeline import extract_text
from dialogwatch.extract.segment import segment
from dialogwatch.extract.voices import first_person, is_speech_title, joint_voice, voices_data

EX = voices_data().examples
TEXTS = Path(__file__).parent / "texts"


def _text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("line", EX.speech_titles)
def test_speech_title_examples(line):
    assert is_speech_title(line)


@pytest.mark.parametrize("line", EX.not_speech_titles)
def test_not_speech_title_examples(line):
    assert not is_speech_title(line)


@pytest.mark.parametrize("text", EX.first_person)
def test_first_person_examples(text):
    assert first_person(text)


@pytest.mark.parametrize("text", EX.not_first_person)
def test_not_first_person_examples(text):
    assert not first_person(text)


@pytest.mark.parametrize("text", EX.joint)
def test_joint_examples(text):
    assert joint_voice(text)


TRANSCRIPT = _text("press_availability_en.txt")


def _by_quote(ex, start):
    return next(a for a in ex.actions if a.text.startswith(start))


def test_speaker_labels_are_headings_of_their_own():
    segs = segment("SECRETARY RUBIO: Thank you. We will meet again.\nMEXICO: Undersecretary Ana Ruiz.")
    assert (segs[0].kind, segs[0].text) == ("heading", "SECRETARY RUBIO:")
    assert segs[1].text == "Thank you."
    assert segs[-1].text.startswith("MEXICO:")  # a side's list, not a speaker


def test_transcript_turns_give_pledges_to_the_speaker_side():
    ex = extract_text(TRANSCRIPT)
    people = {p.name: p for p in ex.participants}
    assert people["Emilio Rangel"].side == "MX"
    assert people["Lydia Harmon"].side == "US"  # opposite the counterpart she thanks
    assert {people["Lydia Harmon"].role, people["Emilio Rangel"].role} == {"head"}
    assert _by_quote(ex, "We committed today").actors == ["US"]
    assert _by_quote(ex, "Our government will present").actors == ["MX"]
    agreed = _by_quote(ex, "We also agreed")
    assert sorted(agreed.actors) == ["MX", "US"]  # an agreement binds both, whoever reports it
    urged = _by_quote(ex, "I can say that we raised")
    assert (urged.kind, urged.actors) == ("ask", ["US"])


def test_transcript_meeting_venue_and_our_side_delegation():
    ex = extract_text(TRANSCRIPT)
    assert ex.meetings and ex.meetings[0].city == "Mexico City"
    us = next(d for d in ex.delegations if d.side == "US")
    assert "Department of Homeland Security" in us.organizations


SPEECH_ES = _text("palabras_subsecretario_es.txt")


def test_spanish_speech_speaker_side_agency_and_pledges():
    ex = extract_text(SPEECH_ES)
    velasco = next(p for p in ex.participants if p.name.startswith("Roberto Velasco"))
    assert (velasco.side, velasco.role) == ("MX", "head")
    assert velasco.organization == "Secretaría de Relaciones Exteriores"  # his post's ministry
    assert all(a.actors == ["MX"] for a in ex.actions), [(a.text[:30], a.actors) for a in ex.actions]
    ask = next(a for a in ex.actions if a.kind == "ask")
    assert "Estados Unidos" in (ask.addressee or "")
    m = ex.meetings[0]
    assert (m.round, m.city) == (3, "Ciudad de México")


def test_mexican_agencies_beside_the_us_delegation_stay_mexican():
    ex = extract_text(SPEECH_ES)
    sides = {d.side: d.organizations for d in ex.delegations}
    assert "Fiscalía General de la República" in sides.get("MX", [])
    assert "Fiscalía General de la República" not in sides.get("US", [])


NEWS_QUOTE = _text("wire_quote_en.txt")

NEWS_QUOTE_ES = _text("nota_cita_es.txt")


def test_quoted_first_person_pledges_belong_to_the_quoted_official():
    ex = extract_text(NEWS_QUOTE)
    agents = next(a for a in ex.actions if "forty additional agents" in a.text)
    assert agents.actors == ["US"]
    ports = next(a for a in extract_text(NEWS_QUOTE_ES).actions if "contenedores" in a.text)
    assert ports.actors == ["MX"]


def test_joint_statement_first_person_stays_joint():
    text = (
        "Joint Statement on the Bilateral Dialogue on Human Rights\n\n"
        "The United States and Mexico held the ninth round of the Bilateral Dialogue on Human Rights "
        "in Washington on March 3, 2026. We will publish a joint work plan by June 2026."
    )
    ex = extract_text(text)
    assert sorted(_by_quote(ex, "We will publish").actors) == ["MX", "US"]


def test_host_speech_names_its_guests_and_keeps_its_own_side():
    ex = extract_text(_text("opening_remarks_en.md"))
    people = {p.name: p for p in ex.participants}
    park = people["Helen Park"]
    assert (park.side, park.role) == ("CA", "head")  # not the side of "colleagues from Colombia"
    restrepo = people["Andrés Restrepo Ochoa"]
    assert restrepo.side == "CO"
    assert restrepo.organization == "Colombia's Ministry of Foreign Affairs"  # the clause after is cut
    assert people["Anita Anand"].title == "Minister"  # "When" opens the sentence, not the title
    m = ex.meetings[0]
    assert m.series == "Peace and Security Dialogue"
    assert (m.round, m.city, m.country) == (2, "Ottawa", "CA")  # the place line, not the next venue
    pledges = [a for a in ex.actions if a.kind == "commitment"]
    assert pledges and all(a.actors == ["CA"] for a in pledges)
    canada = next(d for d in ex.delegations if d.side == "CA")
    assert "Department of Justice" in canada.organizations  # goes with the rest of its list


def test_transcript_with_yearless_date_line_and_members_joining_the_speaker():
    ex = extract_text(_text("transcript_press_availability_en.txt"))
    assert ex.document.date == "2024-06-12"  # the year the text lives in: past 2019, "in 2024"
    people = {p.name: p for p in ex.participants}
    assert not any("Department" in name for name in people)  # "the Justice Department's Criminal ..."
    assert (people["Tobin Bradley"].role, people["Tobin Bradley"].side) == ("member", "US")
    assert (people["Claudia Palencia Ruiz"].role, people["Claudia Palencia Ruiz"].side) == ("member", "GT")
    m = ex.meetings[0]
    assert (m.round, m.city, m.date) == (4, "Washington", "2024-06-12")
    assert next(a for a in ex.actions if a.text.startswith("We committed")).actors == ["US"]
    assert next(a for a in ex.actions if a.text.startswith("Our government")).actors == ["GT"]


def test_spanish_speech_greeting_the_other_head():
    ex = extract_text(_text("palabras_viceministra_es.txt"))
    people = {p.name: p for p in ex.participants}
    assert (people["Anne Moreau"].side, people["Anne Moreau"].role) == ("CA", "head")
    arango = people["Lucía Arango Peña"]
    assert (arango.side, arango.role) == ("CO", "head")  # opposite the guest she greets
    assert {a.kind: a.actors for a in ex.actions} == {"commitment": ["CO"], "ask": ["CO"]}


def test_memo_addressee_org_with_commas_preparer_and_ask_list():
    ex = extract_text(_text("memo_ngo_en.txt"))
    people = {p.name: p for p in ex.participants}
    to = people["Laura Whitcombe"]
    assert (to.role, to.title) == ("addressee", "Assistant Secretary")
    assert to.organization == "Bureau of Democracy, Human Rights, and Labor"
    by = people["Daniel Ortega Ruiz"]
    assert (by.role, by.side, by.organization) == ("signatory", "CSO", "WOLA")
    assert people["Peña Nieto"].role == "mentioned"  # named in an ask, not a delegation member
    assert ex.meetings == []  # "concluded that" reports a finding, not a meeting


def test_a_speaker_asking_in_the_first_person_singular_asks_for_their_side():
    text = (
        "Transcript\n\nASSISTANT SECRETARY LEE: Good morning. The United States and China held their human "
        "rights dialogue. I asked the Chinese government to release them and everyone else held for "
        "their views.\n\nQUESTION: Thank you.\n\nASSISTANT SECRETARY LEE: Yes.\n"
    )
    asks = [a for a in extract_text(text, language="en").actions if a.kind == "ask"]
    assert [a.text[:8] for a in asks] == ["I asked "]
