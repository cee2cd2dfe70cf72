"""Cases and instruments."""

from __future__ import annotations

import pytest

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.named import find_cases, find_instruments
from dialogwatch.extract.segment import segment


def _ctx(text, lang="en"):
    return DocContext(text=text, language=lang, segments=segment(text))


def test_case_aliases_merge_into_one_item():
    text = (
        "Families of the 43 students still seek the truth. The Iguala case is unresolved. "
        "El caso Ayotzinapa sigue abierto, como la masacre de Tlatlaya."
    )
    cases = {c.name: c for c in find_cases(_ctx(text))}
    assert set(cases) == {"Ayotzinapa", "Tlatlaya"}
    assert "Iguala case" in cases["Ayotzinapa"].aliases
    assert cases["Ayotzinapa"].rule == "case.gazetteer"


def test_case_patterns_find_unlisted_cases():
    names = [
        c.name
        for c in find_cases(_ctx("The Villas del Sol massacre and the Rancho Viejo case shocked the region."))
    ]
    assert names == ["Villas del Sol", "Rancho Viejo"]
    names = [c.name for c in find_cases(_ctx("La masacre de Santa Rita quedó impune.", "es"))]
    assert names == ["Santa Rita"]


def test_instruments_en():
    text = (
        "The two governments launched the Binational Strategy against Arms Trafficking. "
        "They will convene our joint task force on border violence in 2025. "
        "Officials of the Ministry of Foreign Affairs and the Department of Justice attended. "
        "They discussed international human rights mechanisms."
    )
    got = {i.name: i.kind for i in find_instruments(_ctx(text), [])}
    assert got == {
        "Binational Strategy against Arms Trafficking": "framework",
        "joint task force on border violence": "working_group",
    }


def test_instruments_es_and_merging():
    text = (
        "México publicó la Ley General contra la Trata de Personas. "
        "Ambos países firmarán un memorándum de entendimiento en materia de ciberseguridad. "
        "La Ley General contra la Trata de Personas requiere presupuesto."
    )
    names = [i.name for i in find_instruments(_ctx(text, "es"), [])]
    assert names == [
        "Ley General contra la Trata de Personas",
        "memorándum de entendimiento en materia de ciberseguridad",
    ]


def test_signature_block_is_not_scanned():
    text = "We urge you to act.\n\nSincerely,\n\nBorder Rights Working Group, Jane Roe, Director"
    assert find_instruments(_ctx(text), []) == []


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Colombia reported on the National Protection Unit (Unidad Nacional de Protección, UNP) "
            "and its budget.",
            "National Protection Unit",
            "Unidad Nacional de Protección",
        ),
        (
            "México presentó el Mecanismo Nacional de Prevención de la Tortura "
            "(National Preventive Mechanism) "
            "a la delegación.",
            "Mecanismo Nacional de Prevención de la Tortura",
            "National Preventive Mechanism",
        ),
    ],
)
def test_an_instruments_name_in_the_other_language_beside_it_is_an_alias(text, name, alias):
    found = {i.name: i for i in find_instruments(_ctx(text))}
    assert alias not in found
    assert found[name].aliases == [alias]
