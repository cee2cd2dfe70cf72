"""Meetings: series, round, date, venue and parties."""

import pytest

from dialogwatch.extract.document import classify_document
from dialogwatch.extract.meetings import find_meetings, find_series, series_data
from dialogwatch.extract.pipeline import build_context
from dialogwatch.extract.schema import DocumentInfo


def _meetings(text: str, lang: str = "en", date: str | None = None, doc_type: str | None = None):
    ctx = build_context(text, lang)
    doc = classify_document(ctx)
    if date:
        doc.date = date
    if doc_type:
        doc.doc_type = doc_type
    return find_meetings(ctx, doc)


@pytest.mark.parametrize("example", series_data().examples, ids=lambda e: e.series)
def test_series_yaml_examples(example):
    m = _meetings(example.text, date="2019-03-01")[0]
    assert m.series == example.series
    assert m.round == example.round
    assert m.city == example.city and m.country == example.country
    assert m.parties == example.parties


def test_dateline_is_not_the_venue_but_held_in_is():
    text = (
        "Washington, DC, May 2, 2017 – The United States and Mexico held the 9th round of the Bilateral "
        "Dialogue on Human Rights today in Mexico City."
    )
    m = _meetings(text)[0]
    assert (m.city, m.country, m.date, m.round) == ("Mexico City", "MX", "2017-05-02", 9)
    assert m.rule == "meeting.held_sentence" and "held the 9th round" in text[m.start : m.end]


def test_dateline_alone_gives_no_venue():
    text = "Washington, DC, May 2, 2017 – The United States and Mexico held the Dialogue on Security today."
    m = _meetings(text)[0]
    assert m.city is None and m.country is None and m.date == "2017-05-02"


def test_host_ministry_gives_country_only():
    text = (
        "Today the Colombian Ministry of Foreign Affairs hosted the fifth EU-Colombia Human Rights Dialogue."
    )
    m = _meetings(text, date="2020-11-05")[0]
    assert (m.city, m.country, m.round, m.date) == (None, "CO", 5, "2020-11-05")
    assert m.parties == ["CO", "EU"]


def test_spanish_roman_round_and_cancilleria_venue():
    text = (
        "El 3 de marzo de 2016 se llevó a cabo en la Cancillería la XII Reunión del Diálogo de Alto Nivel "
        "sobre Seguridad entre México y Estados Unidos."
    )
    m = _meetings(text, "es")[0]
    assert m.round == 12
    assert m.date == "2016-03-03"
    assert (m.city, m.country) == ("Mexico City", "MX")
    assert m.parties == ["MX", "US"]


def test_spanish_capital_phrase_and_weekday():
    text = (
        "CIUDAD DE MÉXICO (EFE) — El diálogo se cerró con acuerdos.\n\nLa octava edición del Diálogo "
        "sobre Migración se celebró el jueves en la capital estadounidense."
    )
    m = _meetings(text, "es", date="2024-04-20")[0]
    assert (m.city, m.country, m.round) == ("Washington", "US", 8)
    assert m.date == "2024-04-18"


def test_title_only_statement_yields_series_without_details():
    text = "Joint Statement: U.S.-Mexico High-Level Economic Dialogue\n\nWe pledge to grow trade."
    m = _meetings(text, doc_type="joint_statement")[0]
    assert m.series.endswith("High-Level Economic Dialogue")
    assert m.round is None and m.city is None and m.parties == ["MX", "US"]


def test_future_meeting_and_letters_give_nothing():
    assert (
        _meetings("Both sides will hold the next round of the Dialogue on Human Rights in Geneva in 2025.")
        == []
    )
    letter = (
        "Dear Minister,\n\nOn the occasion of your visit to Beijing for the Human Rights Dialogue "
        "we urge you "
        "to raise these cases.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert _meetings(letter) == []


def test_find_series_prefers_dialogue_names():
    hits = find_series("The Fifth Meeting of the Mexico–United States Bilateral Dialogue on Human Rights")
    assert hits[0][2].endswith("Bilateral Dialogue on Human Rights")


def test_report_about_a_dialogue_is_not_a_meeting():
    doc = DocumentInfo(doc_type="report", language="en")
    ctx = build_context("One Year of the High-Level Security Dialogue\n\nThis report reviews progress.", "en")
    assert find_meetings(ctx, doc) == []


def test_lowercase_spanish_meeting_name_headed_today():
    text = (
        "Comunicado 88 | Secretaría de Relaciones Exteriores | 14 de junio de 2023\n\n"
        "La canciller encabezó hoy en la Cancillería la reunión de alto nivel sobre migración con la "
        "delegación de Guatemala."
    )
    m = _meetings(text, "es")[0]
    assert m.series == "reunión de alto nivel sobre migración"
    assert (m.date, m.city, m.country) == ("2023-06-14", "Mexico City", "MX")
    assert m.parties == ["GT", "MX"]


def test_spanish_dateline_is_not_the_venue():
    text = (
        "Ciudad de México, 8 de octubre de 2021. Los gobiernos de México y Estados Unidos celebraron hoy "
        "el Diálogo de Alto Nivel sobre Seguridad en Washington."
    )
    m = _meetings(text, "es")[0]
    assert (m.city, m.country, m.date) == ("Washington", "US", "2021-10-08")


def test_spanish_dateline_alone_gives_no_venue():
    text = (
        "Bogotá, 2 de mayo de 2019. La Unión Europea y Colombia sostuvieron hoy su Diálogo sobre "
        "Derechos Humanos."
    )
    m = _meetings(text, "es")[0]
    assert (m.city, m.country) == (None, None)
    assert m.parties == ["CO", "EU"] and m.date == "2019-05-02"


def test_spanish_ordinal_words_and_future_round():
    text = (
        "México y la Unión Europea llevaron a cabo la séptima reunión del Diálogo Político de Alto Nivel. "
        "La octava reunión se celebrará en Bruselas."
    )
    m = _meetings(text, "es")
    assert len(m) == 1 and m[0].round == 7 and m[0].city is None


def test_spanish_series_name_keeps_accented_party_suffix():
    text = (
        "Bruselas, 12 de marzo de 2024\n\n"
        "Funcionarios de ambas partes celebraron en Bruselas la quinta edición del Diálogo de Alto "
        "Nivel México-Unión Europea sobre Derechos Humanos."
    )
    ctx = build_context(text, "es")
    meetings = find_meetings(ctx, classify_document(ctx))
    assert meetings and meetings[0].series.startswith("Diálogo de Alto Nivel México-Unión Europea")
    assert meetings[0].round == 5
