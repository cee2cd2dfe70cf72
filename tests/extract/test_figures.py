"""Figures: counted outcomes, not dates, ordinals, labels or vague quantities."""

from __future__ import annotations

import pytest

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.figures import find_figures
from dialogwatch.extract.segment import segment


def _figs(text, lang="en"):
    return find_figures(DocContext(text=text, language=lang, segments=segment(text)))


def test_english_counts_rates_and_money():
    text = (
        "Between 2015 and 2019, prosecutors opened 4,210 torture investigations and secured convictions in only 12. "  # noqa: E501
        "Fewer than two percent of complaints reached a court. "
        "Eleven activists were murdered last year. "
        "The programme received $3.4 million in new funding."
    )
    figs = _figs(text)
    assert [f.value for f in figs] == pytest.approx([4210, 12, 2, 11, 3_400_000])
    assert figs[0].unit == "investigations" and figs[0].period == "2015-2019"
    assert figs[2].unit == "percent"
    assert figs[3].unit == "activists"
    assert figs[4].unit == "USD"
    assert "opened 4,210 torture investigations" in figs[0].text
    assert text[figs[0].start : figs[0].end] == "4,210"


def test_spanish_counts_with_separators_and_words():
    text = (
        "En 2021 fueron asesinados nueve periodistas y doce defensoras. "
        "La fiscalía abrió 15.320 carpetas de investigación. "
        "Solo el 3,5 % de los casos terminó en sentencia. "
        "El fondo contará con 45 millones de pesos."
    )
    figs = _figs(text, "es")
    assert [f.value for f in figs] == pytest.approx([9, 12, 15320, 3.5, 45_000_000])
    assert figs[0].unit == "periodistas" and figs[0].period == "2021"
    assert figs[2].unit == "carpetas"
    assert figs[3].unit == "percent"
    assert figs[4].unit == "MXN"


def test_not_figures_dates_ordinals_labels_vague():
    text = (
        "The 9th round was held on March 4, 2019 in Mexico City. "
        "Under Section 230 of Title 47, thousands of people protested. "
        "The two governments celebrate 200 years of relations. "
        "Contact us at 10:30 or write to info2019@example.org."
    )
    assert _figs(text) == []
    es = (
        "La 8a. reunión se celebró el 4 de marzo de 2019. "
        "Miles de familias marcharon conforme al artículo 21. "
        "Los dos países celebran 200 años de relaciones."
    )
    assert _figs(es, "es") == []


def test_subject_count_without_unit():
    figs = _figs("Seven have disappeared since January, and 14 remain missing.")
    assert [f.value for f in figs] == [7, 14]
    figs = _figs("Siete han desaparecido desde enero.", "es")
    assert [f.value for f in figs] == [7]


def test_a_number_in_a_case_name_is_not_a_figure_and_mexican_thousands_join():
    from dialogwatch.extract.pipeline import extract_text

    e = extract_text(
        'Authorities launched the "709 crackdown," in which more than 300 lawyers were detained.',
        language="en",
    )
    assert [c.name for c in e.cases] == ["709 crackdown"]
    assert [f.value for f in e.figures] == [300.0]
    es = extract_text(
        "La FGR abrió 4 mil 800 carpetas de investigación y aseguró bienes por mil 500 millones de pesos.",
        language="es",
    )
    assert sorted(f.value for f in es.figures) == [4800.0, 1_500_000_000.0]
