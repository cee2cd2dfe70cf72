"""Runs of capitals read in title case for the people finder."""

import pytest

from dialogwatch.extract.casing import recase
from dialogwatch.extract.names import people_data
from dialogwatch.extract.pipeline import extract_text


@pytest.mark.parametrize("ex", people_data().recase.examples, ids=lambda e: e.text[:40])
def test_recase_examples(ex):
    assert recase(ex.text) == ex.recased


def test_recasing_keeps_every_offset():
    text = "Intro.\nRUEDA DE PRENSA DE LA CANCILLER ALICIA BÁRCENA IBARRA\nTexto."
    assert len(recase(text)) == len(text)
    assert recase(text).index("Alicia Bárcena Ibarra") == text.index("ALICIA BÁRCENA IBARRA")


TRANSCRIPT = (
    "Transcript\n\n"
    "PRESS AVAILABILITY WITH AMBASSADOR KEN SALAZAR AND FOREIGN SECRETARY MARCELO EBRARD\n\n"
    "AMBASSADOR SALAZAR: Good afternoon. Secretary Ebrard and I co-chaired the first meeting of the "
    "working group today.\n\n"
    "SECRETARY EBRARD: Thank you, Ambassador.\n\n"
    "AMBASSADOR SALAZAR: Thank you all.\n"
)


def test_names_in_a_transcript_title_in_capitals_are_people():
    ex = extract_text(TRANSCRIPT, language="en")
    people = {p.name: p for p in ex.participants}
    assert set(people) == {"Ken Salazar", "Marcelo Ebrard"}
    salazar = people["Ken Salazar"]
    assert (salazar.title, salazar.side) == ("Ambassador", "US")
    assert TRANSCRIPT[salazar.start : salazar.end] == "KEN SALAZAR"  # offsets point at the clean text


def test_a_headline_verb_after_a_surname_is_no_name():
    text = (
        "ASSISTANT SECRETARY MALINOWSKI TRAVELS TO MEXICO\n\n"
        "Assistant Secretary Tom Malinowski will travel to Mexico City on March 3 for talks.\n"
    )
    names = [p.name for p in extract_text(text, language="en").participants]
    assert names == ["Tom Malinowski"]
