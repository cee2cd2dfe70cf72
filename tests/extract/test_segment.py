"""Segmentation keeps abbreviations whole and offsets exact."""

import pytest

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.segment import _Abbreviations, segment


@pytest.mark.parametrize("sentence", load_data("abbreviations.yaml", _Abbreviations).examples)
def test_abbreviation_examples_stay_whole(sentence):
    segs = segment(sentence)
    assert len(segs) == 1 and segs[0].text == sentence


def test_spanish_ee_uu_inside_compound():
    text = "Los gobiernos de México y de los EE. UU. celebraron la ronda. El diálogo siguió en la tarde."
    assert [s.text for s in segment(text)] == [
        "Los gobiernos de México y de los EE. UU. celebraron la ronda.",
        "El diálogo siguió en la tarde.",
    ]
    text2 = "Diálogo México-EE. UU. sobre migración. Hubo acuerdos."
    assert len(segment(text2)) == 2


def test_items_and_headings_with_offsets():
    text = "## Delegación de México\n\nLa delegación incluyó:\n- Ana Pérez, directora\n- Luis Soto, asesor\n"
    segs = segment(text)
    kinds = [s.kind for s in segs]
    assert kinds == ["heading", "sentence", "item", "item"]
    for s in segs:
        assert text[s.start : s.end] == s.text


def test_upper_case_roman_numerals_start_list_items():
    text = (
        "Las Partes se comprometen a:\n\n"
        "I. Crear un registro común de armas aseguradas.\n"
        "II. Intercambiar cada mes los datos de rastreo.\n"
        "III. Capacitar a cien peritos en balística."
    )
    items = [s for s in segment(text) if s.kind == "item"]
    assert [s.text.split()[0] for s in items] == ["Crear", "Intercambiar", "Capacitar"]
    assert all(text[s.start : s.end] == s.text for s in items)


def test_the_pronoun_i_does_not_start_a_list_item():
    kinds = [s.kind for s in segment("I will attend the meeting in Geneva. I. e. the next one.")]
    assert "item" not in kinds


def test_hard_wrapped_numbered_paragraphs_split_into_whole_sentences():
    text = (
        "3. Both delegations welcomed the progress of the Special Jurisdiction\n"
        "for Peace. The Colombian side reported that the search unit\n"
        "recovered 1,213 bodies in 2023.\n"
        "4. A short item.\n"
        "- a bullet that wraps\n"
        "  onto an indented line"
    )
    segs = segment(text)
    assert [s.kind for s in segs] == ["sentence", "sentence", "item", "item"]
    assert segs[0].text.endswith("Special Jurisdiction\nfor Peace.")
    assert segs[1].text.startswith("The Colombian side") and segs[1].text.endswith("in 2023.")
    assert segs[3].text == "a bullet that wraps\n  onto an indented line"
