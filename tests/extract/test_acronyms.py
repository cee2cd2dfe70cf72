"""Acronyms defined in the text, EN and ES."""

import pytest

from dialogwatch.extract.acronyms import _data, find_acronyms, paren_acronyms
from dialogwatch.extract.context import DocContext


def _acr(text: str, lang: str = "en") -> dict[str, str | None]:
    return {a.acronym: a.expansion for a in find_acronyms(DocContext(text, lang))}


@pytest.mark.parametrize("example", _data().examples, ids=lambda e: e.acronym)
def test_acronyms_yaml_examples(example):
    assert _acr(example.text).get(example.acronym) == example.expansion


def test_letters_matched_with_skipped_function_words():
    found = _acr("Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) traced the guns.")
    assert found["ATF"].endswith("Alcohol, Tobacco, Firearms and Explosives")


def test_spanish_acronym_after_english_name_uses_lexicon():
    found = _acr("Officials of the Interior Ministry (SEGOB) and the Navy (SEMAR) attended.")
    assert found == {"SEGOB": "Interior Ministry", "SEMAR": "Navy"}


def test_two_ministries_in_one_phrase():
    found = _acr("staff from the Ministries of National Defense (SEDENA) and Navy (SEMAR)")
    assert found["SEDENA"] == "Ministries of National Defense"
    assert found["SEMAR"] == "Navy"


def test_acronym_list_without_expansion_is_not_a_definition():
    assert _acr("representatives of the armed forces (SEDENA and SEMAR) were present") == {}
    assert paren_acronyms("SEDENA and SEMAR") == ["SEDENA", "SEMAR"]
    assert paren_acronyms("SEDENA y la Marina") == []


def test_ordinary_parentheses_are_ignored():
    text = "The case (Iguala) was raised (twice) in 2015 (see annex). MEXICO CITY (AP) — Talks ended."
    assert _acr(text) == {}


def test_spanish_names_and_glosses():
    found = _acr(
        "La Fiscalía General de la República (FGR) y la Oficina de las Naciones Unidas "
        "contra la Droga y el Delito "
        "(UNODC, por sus siglas en inglés) firmaron un acuerdo.",
        "es",
    )
    assert found["FGR"] == "Fiscalía General de la República"
    assert found["UNODC"] == "Oficina de las Naciones Unidas contra la Droga y el Delito"


def test_unknown_spanish_acronym_by_letters():
    found = _acr("el Instituto Nacional de las Mujeres (INMUJERES) presentó su informe", "es")
    assert found["INMUJERES"] == "Instituto Nacional de las Mujeres"


def test_acronym_defined_twice_reported_once_with_first_span():
    text = "The Open Government Partnership (OGP) met. Later the Open Government Partnership (OGP) met again."
    acrs = find_acronyms(DocContext(text, "en"))
    assert [a.acronym for a in acrs] == ["OGP"]
    assert acrs[0].start == 4 and acrs[0].rule.startswith("acronym.")


def test_multi_word_upper_case_acronym():
    found = _acr("the Directorate-General for International Partnerships (DG INTPA) of the Commission")
    assert found["DG INTPA"] == "Directorate-General for International Partnerships"


def test_acronyms_taken_from_another_language():
    from dialogwatch.extract.acronyms import find_acronyms
    from dialogwatch.extract.pipeline import build_context

    cases = [
        (
            "The Special Jurisdiction for Peace (JEP) and the Truth Commission met.",
            "en",
            "JEP",
            "Special Jurisdiction for Peace",
        ),
        (
            "Pidió el Estatus de Protección Temporal (TPS, por sus siglas en inglés) para sus nacionales.",
            "es",
            "TPS",
            "Estatus de Protección Temporal",
        ),
    ]
    for text, lang, acr, expansion in cases:
        got = {a.acronym: a.expansion for a in find_acronyms(build_context(text, lang))}
        assert got == {acr: expansion}
    # a parenthesis after a name whose words share too few of its letters is no definition
    assert find_acronyms(build_context("Reporters met Gloria Dávila Soto (SSPC) at noon.", "en")) == []
