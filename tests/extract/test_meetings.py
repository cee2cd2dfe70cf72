"""Meetings: series, round, date, venue and parties."""

import pytest

from dialogwatch.extract.document import classify_document
from dialogwatch.extract.meetings import find_meetings, series_data
from dialogwatch.extract.pipeline import build_context
from dialogwatch.extract.schema import DocumentInfo
from dialogwatch.extract.series_names import find_series


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


# --- meetings reported in other genres (news, frameworks, fact sheets, NGO releases) ---


def test_lowercase_series_after_for_a_with_guatemala():
    text = (
        "Press Release\n\nWashington, August 9, 2022\n\nDiplomats from Guatemala and the United States "
        "met in Guatemala City on August 8 for a bilateral security dialogue on border crossings."
    )
    m = _meetings(text)[0]
    assert m.series == "bilateral security dialogue"
    assert (m.date, m.city, m.country, m.parties) == ("2022-08-08", "Guatemala City", "GT", ["GT", "US"])


def test_news_report_of_concluded_talks_on_a_weekday():
    text = (
        "Rights talks end without breakthrough\n\nBEIJING (AP) - American and Chinese officials "
        "wrapped up their annual human rights dialogue in Kunming on Thursday, a spokesman said."
    )
    m = _meetings(text, date="2015-08-15", doc_type="news")[0]
    assert m.series == "annual human rights dialogue"
    assert (m.date, m.city, m.country, m.parties) == ("2015-08-13", "Kunming", "CN", ["CN", "US"])


@pytest.mark.parametrize(
    ("text", "lang", "series"),
    [
        (
            "Action Plan\n\nThis plan was endorsed at the second session of the Border Implementation "
            "Group, held in Ottawa on 4 March 2021 by Canada and Mexico.",
            "en",
            "Border Implementation Group",
        ),
        (
            "Plan de acción\n\nEl plan fue aprobado en la segunda sesión del Grupo de Implementación "
            "Fronteriza, celebrada en Ottawa el 4 de marzo de 2021 por Canadá y México.",
            "es",
            "Grupo de Implementación Fronteriza",
        ),
    ],
)
def test_framework_adopted_at_a_session_of_a_group(text, lang, series):
    m = _meetings(text, lang, doc_type="framework")[0]
    assert m.series == series and m.round == 2
    assert (m.date, m.city, m.country, m.parties) == ("2021-03-04", "Ottawa", "CA", ["CA", "MX"])


def test_hyphenated_modifier_is_part_of_the_name_not_a_party_pair():
    text = (
        "After the fourth High-Level Economic Dialogue, held in Mexico City on June 2, "
        "Mexico and the U.S. agreed."
    )
    m = _meetings(text, date="2023-06-05")[0]
    assert m.series == "High-Level Economic Dialogue" and m.round == 4
    assert (m.date, m.city) == ("2023-06-02", "Mexico City")


def test_ngo_release_on_group_meeting_held_on_friday_in_guatemala_city():
    text = (
        "Organizaciones exigen transparencia\n\nLas organizaciones firmantes lamentan que la reunión del "
        "Grupo Binacional de Migración (GBM) celebrada el viernes en la Ciudad de Guatemala entre México y "
        "Guatemala no incluyera a la sociedad civil."
    )
    m = _meetings(text, "es", date="2022-02-14")[0]
    assert m.series == "Grupo Binacional de Migración"
    assert (m.date, m.city, m.country, m.parties) == ("2022-02-11", "Ciudad de Guatemala", "GT", ["GT", "MX"])


# --- relative dates and datelines ---


def test_yesterday_in_a_sentence_that_opens_with_an_agency_dateline():
    text = (
        "Publicado: 15/05/2022 10:02\n\nBOGOTÁ, 15 de mayo (Colprensa).- Colombia y la Unión Europea "
        "sostuvieron ayer el Diálogo de Derechos Humanos en la Casa de Nariño."
    )
    ctx = build_context(text, "es")
    doc = classify_document(ctx)
    assert doc.date == "2022-05-15"
    m = find_meetings(ctx, doc)[0]
    assert (m.date, m.city, m.country) == ("2022-05-14", "Bogotá", "CO")


@pytest.mark.parametrize(
    ("phrase", "issued", "iso"),
    [
        ("hoy", "2021-09-10", "2021-09-10"),
        ("este lunes", "2021-09-10", "2021-09-06"),
        ("el jueves pasado", "2021-09-09", "2021-09-02"),
        ("yesterday", "2021-09-10", "2021-09-09"),
        ("on Wednesday", "2021-09-10", "2021-09-08"),
        ("today", "2021-09-10", "2021-09-10"),
    ],
)
def test_relative_meeting_dates_resolve_against_issue_date(phrase, issued, iso):
    text = f"Canada and Mexico held {phrase} the Bilateral Dialogue on Migration."
    assert _meetings(text, date=issued)[0].date == iso


def test_explicit_held_date_beats_release_date():
    text = (
        "Media Note\n\nApril 22, 2020\n\nThe State Department released a summary of the U.S.-Vietnam "
        "Human Rights Dialogue, held on April 21 in Hanoi."
    )
    m = _meetings(text)[0]
    assert (m.date, m.city, m.parties) == ("2020-04-21", "Hanoi", ["US", "VN"])


# --- venues ---


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Bogotá, June 9, 2020 – Colombia and the EU held the Human Rights Dialogue virtually."),
        ("en", "Hanoi, June 9, 2020 – Vietnam and the EU held by videoconference the Human Rights Dialogue."),
        (
            "es",
            "Bogotá, 9 de junio de 2020 – Colombia y la UE celebraron de manera virtual el Diálogo Político.",
        ),
        (
            "es",
            "Lima, 9 de junio de 2020 – Perú y la UE celebraron por videoconferencia el Diálogo Político.",
        ),
        (
            "es",
            "Quito, 9 de junio de 2020 – La UE y Colombia sostuvieron en formato virtual el Diálogo "
            "Político.",
        ),
    ],
)
def test_online_meeting_has_no_venue_even_with_a_dateline(lang, text):
    m = _meetings(text, lang)[0]
    assert (m.city, m.country) == (None, None)
    assert m.rule.endswith(".virtual")


def test_virtually_as_an_adverb_of_degree_is_not_online():
    text = "Colombia and the EU held the Human Rights Dialogue in Bogotá, covering virtually every topic."
    m = _meetings(text, date="2020-06-09")[0]
    assert (m.city, m.country) == ("Bogotá", "CO")


def test_online_stated_in_the_next_sentence():
    text = (
        "Ottawa, May 4, 2021 - Canada and Mexico held the third round of the Bilateral Dialogue on "
        "Migration. The session was held by videoconference because of the pandemic."
    )
    m = _meetings(text)[0]
    assert (m.city, m.country, m.round) == (None, None, 3)


@pytest.mark.parametrize(
    ("text", "lang", "venue"),
    [
        (
            "Mexico and Honduras held the Security Dialogue at the National Palace.",
            "en",
            ("Mexico City", "MX"),
        ),
        (
            "México y Honduras celebraron en Palacio Nacional el Diálogo de Seguridad.",
            "es",
            ("Mexico City", "MX"),
        ),
        (
            "México y la Unión Europea sostuvieron en la sede del Servicio Europeo de Acción Exterior el "
            "Diálogo Político.",
            "es",
            ("Brussels", "BE"),
        ),
        (
            "The EU and Vietnam held the Human Rights Dialogue at the Ministry of Foreign Affairs in Hanoi.",
            "en",
            ("Hanoi", "VN"),
        ),
        (
            "China and the EU held the Human Rights Dialogue at the Chinese Foreign Ministry.",
            "en",
            ("Beijing", "CN"),
        ),
        (
            "El Salvador y Colombia realizaron el Diálogo de Seguridad en la Cancillería salvadoreña.",
            "es",
            ("San Salvador", "SV"),
        ),
    ],
)
def test_seats_and_landmarks_fix_the_city(text, lang, venue):
    m = _meetings(text, lang, date="2021-01-01")[0]
    assert (m.city, m.country) == venue


# --- series names and parties ---


@pytest.mark.parametrize(
    ("text", "lang", "series"),
    [
        (
            "Ambas delegaciones celebraron la Reunión del Grupo de Alto Nivel de Seguridad México-Honduras.",
            "es",
            "Grupo de Alto Nivel de Seguridad México-Honduras",
        ),
        (
            "Officials held the sixth meeting of the Joint Migration Group in Ottawa.",
            "en",
            "Joint Migration Group",
        ),
        (
            "Se celebró la Sesión del Grupo de Trabajo sobre Armas entre México y Estados Unidos.",
            "es",
            "Grupo de Trabajo sobre Armas",
        ),
        (
            "Ambas partes celebraron el Diálogo Político México-Unión Europea sobre Cooperación Judicial.",
            "es",
            "Diálogo Político México-Unión Europea sobre Cooperación Judicial",
        ),
        (
            "México y Estados Unidos celebraron el Diálogo de Alto Nivel sobre Seguridad "
            "en Palacio Nacional.",
            "es",
            "Diálogo de Alto Nivel sobre Seguridad",
        ),
    ],
)
def test_series_drops_meeting_heads_and_venues(text, lang, series):
    assert _meetings(text, lang, date="2022-01-01")[0].series == series


@pytest.mark.parametrize(
    ("text", "lang", "parties"),
    [
        ("The bloc and Colombia held their Human Rights Dialogue in Bogotá.", "en", ["CO", "EU"]),
        ("El bloque comunitario y Vietnam celebraron el Diálogo de Derechos Humanos.", "es", ["EU", "VN"]),
        ("Honduras and El Salvador held the Binational Security Dialogue.", "en", ["HN", "SV"]),
        ("Canadá y México celebraron el Diálogo de Alto Nivel sobre Migración.", "es", ["CA", "MX"]),
    ],
)
def test_non_us_mexico_parties(text, lang, parties):
    assert _meetings(text, lang, date="2022-01-01")[0].parties == parties


def test_headline_names_the_talks_and_body_gives_date_and_venue():
    text = (
        "# Canada and Honduras hold migration talks\n\n"
        "TEGUCIGALPA, July 8, 2021 (Reuters) - Officials from both governments met on Wednesday in "
        "Tegucigalpa to review labour mobility."
    )
    ctx = build_context(text, "en")
    doc = classify_document(ctx)
    assert (doc.doc_type, doc.date) == ("news", "2021-07-08")
    m = find_meetings(ctx, doc)[0]
    assert m.series == "migration talks" and m.rule == "meeting.title"
    assert (m.date, m.city, m.country, m.parties) == ("2021-07-07", "Tegucigalpa", "HN", ["CA", "HN"])


def test_trailing_date_is_not_part_of_the_series():
    text = "The United States and China held the Human Rights Dialogue on August 12 in Washington."
    m = _meetings(text, date="2015-08-14")[0]
    assert m.series == "Human Rights Dialogue" and m.date == "2015-08-12"


def test_unqualified_foreign_ministry_is_the_non_eu_partys():
    text = (
        "Lima (nov. 8/22). La Unión Europea y Perú celebraron el martes pasado en la Cancillería el "
        "VI Diálogo de Derechos Humanos."
    )
    ctx = build_context(text, "es")
    doc = classify_document(ctx)
    assert doc.date == "2022-11-08"
    m = find_meetings(ctx, doc)[0]
    assert (m.round, m.date, m.city, m.country, m.parties) == (6, "2022-11-01", "Lima", "PE", ["EU", "PE"])


def test_leading_ordinal_word_is_the_round_not_the_name():
    m = _meetings(
        "Mexico and Canada held the Second Bilateral Migration Dialogue in Ottawa.", date="2020-01-01"
    )[0]
    assert (m.series, m.round) == ("Bilateral Migration Dialogue", 2)


def test_held_round_with_a_future_clause_is_still_reported():
    text = (
        "Vietnam and the EU held the tenth Human Rights Dialogue in Hanoi on 3 May 2021 and agreed that "
        "the next round will take place in Brussels."
    )
    m = _meetings(text)
    assert len(m) == 1 and (m[0].round, m[0].city, m[0].date) == (10, "Hanoi", "2021-05-03")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The next round of the Security Dialogue will be held in Ottawa.", "en"),
        ("La próxima sesión del Grupo Bilateral de Seguridad se celebrará en Lima.", "es"),
    ],
)
def test_announced_meetings_are_not_reported(text, lang):
    assert _meetings(text, lang, date="2021-01-01") == []


def test_singular_spanish_reflexive_verb_and_landmark():
    text = "El Grupo Bilateral de Seguridad se reunió en la sede de la Cancillería en Tlatelolco."
    m = _meetings(text, "es", date="2021-01-01")[0]
    assert (m.series, m.city, m.country) == ("Grupo Bilateral de Seguridad", "Mexico City", "MX")


def test_body_co_chaired_by_officials_that_will_report_is_not_a_meeting():
    text = (
        "The Border Implementation Group, co-chaired by the two deputy ministers, will report to "
        "leaders every quarter."
    )
    assert _meetings(text, date="2022-01-01", doc_type="framework") == []


def test_landmark_in_a_non_party_country_is_not_the_venue():
    text = "Honduras and El Salvador held the Binational Security Dialogue at the National Palace."
    m = _meetings(text, date="2022-06-03")[0]
    assert m.country != "MX" and m.parties == ["HN", "SV"]


def test_round_and_venue_from_a_later_sentence_about_the_dialogue():
    text = (
        "Rights talks end\n\n"
        "Jakarta and Washington concluded their annual human rights dialogue on Friday with "
        "appeals for the release of activists. The 7th round of the dialogue took place in "
        "Washington over two days.\n"
    )
    [m] = _meetings(text, date="2016-03-04")
    assert (m.round, m.city, m.country) == (7, "Washington", "US")


def test_spanish_later_reference_and_unrelated_meetings_are_not_merged():
    text = (
        "Concluye el Diálogo de Derechos Humanos Chile-Unión Europea\n\n"
        "Chile y la Unión Europea celebraron el Diálogo de Derechos Humanos. "
        "La quinta ronda del diálogo se llevó a cabo en Santiago.\n\n"
        "Por separado, ministros de otros países se reunieron en Lima el mismo día."
    )
    [m] = _meetings(text, "es", date="2019-05-10")
    assert m.round == 5 and m.city == "Santiago"


def test_agreements_announced_at_the_end_of_a_meeting_report_it():
    text = (
        "Comunicado de organizaciones\n\n"
        "Lima, 12 de mayo de 2022.\n\n"
        "Frente a los acuerdos anunciados al término de la reunión del Grupo de Alto Nivel de "
        "Seguridad en Quito, las organizaciones expresamos preocupación."
    )
    [m] = _meetings(text, "es", date="2022-05-12")
    assert m.series == "Grupo de Alto Nivel de Seguridad" and m.city == "Quito"
    assert _meetings("The next meeting of the Grupo de Alto Nivel de Seguridad will be held in Quito.") == []


@pytest.mark.parametrize(
    ("text", "series"),
    [
        (
            "El Grupo de Trabajo Bilateral Chile–Francia sobre Derechos Humanos se reunió en París.",
            "Grupo de Trabajo Bilateral Chile–Francia sobre Derechos Humanos",
        ),
        (
            "Se celebró en Madrid la VII edición del Mecanismo de Consultas en materia de Derechos Humanos.",
            "Mecanismo de Consultas en materia de Derechos Humanos",
        ),
        (
            "Los ministros celebraron en Tapachula la tercera Reunión Ministerial sobre Migración "
            "y Seguridad.",
            "Reunión Ministerial sobre Migración y Seguridad",
        ),
    ],
)
def test_spanish_series_heads_and_dashed_party_pairs(text, series):
    [m] = _meetings(text, "es", date="2024-11-20")
    assert m.series == series


def test_agreements_reached_during_a_meeting_report_it_but_not_a_future_one():
    text = (
        "Los gobiernos de Chile y Perú acordaron crear un mecanismo de intercambio de información durante "
        "la segunda Reunión Ministerial sobre Migración y Seguridad, celebrada en Arica."
    )
    [m] = _meetings(text, "es", date="2025-05-16")
    assert m.series == "Reunión Ministerial sobre Migración y Seguridad" and m.round == 2
    later = "Los gobiernos revisarán el mecanismo durante la próxima Reunión Ministerial sobre Migración."
    assert _meetings(later, "es", date="2025-05-16") == []


def test_a_readout_of_a_dialogue_that_wrapped_up_is_a_held_meeting_dated_by_the_day_after_the_verb():
    text = (
        "Washington, DC\nAugust 14, 2015\n\nWith us today is the Assistant Secretary, who will give a "
        "readout of the 19th U.S.-China Human Rights Dialogue, which wrapped up here in Washington yesterday."
    )
    m = _meetings(text, date="2015-08-14")[0]
    assert (m.round, m.date, m.city) == (19, "2015-08-13", "Washington")
    es = (
        "Hoy el canciller informará sobre el III Diálogo de Seguridad México-Guatemala, que concluyó ayer "
        "en Tapachula."
    )
    m = _meetings(es, date="2024-02-14")[0]
    assert (m.round, m.date, m.city) == (3, "2024-02-13", "Tapachula")


def test_a_meeting_only_planned_in_a_relative_clause_is_not_held():
    text = "The two sides will hold the 5th Human Rights Dialogue, which will be held in Hanoi."
    assert _meetings(text) == []


@pytest.mark.parametrize(
    ("text", "series", "country", "date"),
    [
        (
            "GENEVA (14 March 2025) – The UN Special Rapporteur on human rights defenders today concluded an "
            "official visit to Honduras, carried out from 3 to 14 March 2025.",
            "official visit to Honduras",
            "HN",
            "2025-03-14",
        ),
        (
            "Ciudad de México, 5 de diciembre de 2025\n\nLa Relatora Especial de la ONU sobre la tortura "
            "concluyó hoy su visita oficial a México, que realizó por invitación del Gobierno.",
            "visita oficial a México",
            "MX",
            "2025-12-05",
        ),
        (
            "Concluye Comité de la ONU visita a Guatemala\n\nEl Comité contra la Tortura concluyó el 3 de "
            "mayo de 2024 su visita oficial a Guatemala, la primera al país.",
            "visita oficial a Guatemala",
            "GT",
            "2024-05-03",
        ),
    ],
)
def test_an_international_bodys_country_visit_is_the_meeting(text, series, country, date):
    m = _meetings(text, date=date)[0]
    assert (m.series, m.parties, m.country, m.round, m.date) == (series, [country], country, None, date)
    assert m.rule == "meeting.visit" and series in text[m.start : m.end]


@pytest.mark.parametrize(
    "text",
    [
        "The Secretary of State concluded a visit to Mexico, where she met the President.",
        "The UN Working Group on Enforced Disappearances will conduct an official visit to Mexico next year.",
        "La Relatora Especial realizará una visita oficial a Honduras en 2026.",
    ],
)
def test_other_visits_are_not_meetings(text):
    assert _meetings(text, date="2025-01-10") == []


def test_languages_venue_countries_and_eu_nicknames_are_not_parties():
    text = (
        "Mexico and Guatemala held a meeting of the High-Level Border Security Group, known by its Spanish "
        "acronym GANSEF, in the border city of Tapachula."
    )
    m = _meetings(text, date="2024-02-08")[0]
    assert (m.parties, m.city, m.country) == (["GT", "MX"], "Tapachula", "MX")
    es = (
        "Se celebró en Bruselas, Bélgica, el Duodécimo Diálogo de Alto Nivel sobre Derechos Humanos entre "
        "México y la Unión Europea, conocido en español por sus siglas."
    )
    m = _meetings(es, date="2024-10-02")[0]
    assert (m.parties, m.round, m.city, m.country) == (["EU", "MX"], 12, "Bruselas", "BE")
    en = "The United States and Vietnam held the twenty-seventh U.S.-Vietnam Human Rights Dialogue in Hanoi."
    m = _meetings(en, date="2024-11-20")[0]
    assert (m.parties, m.round) == (["US", "VN"], 27)


def test_traveled_to_gives_the_venue_and_a_news_lead_gives_the_day():
    text = (
        "WASHINGTON, Sept. 3, 2025 - Secretary Rubio traveled to Mexico City today, where he co-chaired the "
        "fourth meeting of the U.S.-Mexico High-Level Security Dialogue."
    )
    m = _meetings(text, date="2025-09-03")[0]
    assert (m.city, m.country, m.round) == ("Mexico City", "MX", 4)
    news = (
        "MEXICO CITY, Feb 8 (Wire) - Mexico and Guatemala agreed on Wednesday to open a joint center.\n\n"
        "The agreement came out of a meeting of the Mexico-Guatemala High-Level Border Security Group, held "
        "in Tapachula."
    )
    assert _meetings(news, date="2024-02-08")[0].date == "2024-02-07"


def test_more_ways_of_reporting_a_meeting_and_a_lead_sentence_venue():
    news = (
        "MEXICO CITY, Oct 17 (Wire) - Mexico and the United States agreed to create a joint unit after a day "
        "of talks in Washington.\n\nThe meeting of the bilateral Security Implementation Group brought "
        "together Mexico's Security Minister and the U.S. Deputy Homeland Security Secretary."
    )
    m = _meetings(news)[0]
    assert (m.series, m.parties, m.city, m.country) == (
        "Security Implementation Group",
        ["MX", "US"],
        "Washington",
        "US",
    )
    es = (
        "La Unión Europea y el Gobierno colombiano se sentaron ayer en Bogotá para la decimocuarta edición "
        "del Diálogo de Derechos Humanos UE-Colombia."
    )
    m = _meetings(es, date="2026-03-06")[0]
    assert (m.round, m.date, m.city, m.parties) == (14, "2026-03-05", "Bogotá", ["CO", "EU"])


def test_a_visit_by_a_named_body_is_the_meeting_even_when_the_body_looks_like_a_series():
    text = (
        "Geneva, 28 November 2025\n\nThe United Nations Working Group on Enforced or Involuntary "
        "Disappearances today concluded an official visit to Peru, carried out from 18 to 28 November 2025."
    )
    m = _meetings(text, date="2025-11-28")[0]
    assert (m.series, m.parties, m.rule) == ("official visit to Peru", ["PE"], "meeting.visit")
    es = "La CIDH presenta las observaciones de la visita in loco que realizó a la República del Ecuador."
    m = _meetings(es, date="2026-02-20")[0]
    assert (m.series, m.country) == ("visita in loco a Ecuador", "EC")


def test_venue_at_a_ministry_seat_or_a_described_city_and_regional_parties():
    es = (
        "Los Gobiernos de Chile y de México celebraron hoy, en la sede del Ministerio de Relaciones "
        "Exteriores de Chile, la Tercera Reunión del Diálogo Bilateral sobre Derechos Humanos."
    )
    m = _meetings(es, date="2025-06-18")[0]
    assert (m.round, m.city, m.country) == (3, "Santiago", "CL")
    news = (
        "Los gobiernos de México, Guatemala, Honduras y El Salvador acordaron este jueves en la ciudad "
        "fronteriza de Tapachula crear un mecanismo, durante la tercera Reunión Ministerial "
        "México-Centroamérica sobre Migración y Seguridad."
    )
    m = _meetings(news, date="2025-05-16")[0]
    assert (m.parties, m.city, m.round) == (["GT", "HN", "MX", "SV"], "Tapachula", 3)
    en = (
        "The United States and Kazakhstan convened their Working Group on Human Rights in Astana on "
        "March 12, 2024."
    )
    assert _meetings(en)[0].city == "Astana"


def test_a_clause_about_the_first_round_gives_neither_date_nor_venue():
    text = (
        "JOINT COMMUNIQUÉ\n\nBOGOTÁ, May 20, 2025 — The Governments of Canada and Colombia held today "
        "the second round of their Dialogue on Security and Human Rights, one year after the first "
        "round took place in Ottawa in May 2024. The Ministry of Foreign Affairs of Colombia hosted "
        "the meeting."
    )
    m = _meetings(text)[0]
    assert (m.round, m.date) == (2, "2025-05-20")
    # the host is stated; the dateline then names the city in the host country
    assert (m.city, m.country) == ("Bogotá", "CO")


def test_spanish_clause_about_the_previous_meeting():
    text = (
        "CIUDAD DE GUATEMALA, 3 de marzo de 2025.— Los gobiernos de México y Guatemala celebraron hoy "
        "la VII Reunión de la Comisión Binacional, tras la reunión anterior celebrada en Tapachula en "
        "2023. La Cancillería guatemalteca fue anfitriona del encuentro."
    )
    m = _meetings(text, "es")[0]
    assert (m.round, m.date, m.country) == (7, "2025-03-03", "GT")
    assert m.city != "Tapachula"


@pytest.mark.parametrize("example", series_data().travel.examples, ids=lambda e: e.series)
def test_a_trip_announced_in_headline_and_lead_is_the_meeting(example):
    m = _meetings(example.text, "es" if "visita" in example.series else "en")[0]
    assert (m.series, m.city, m.country, m.parties) == (
        example.series,
        example.city,
        example.country,
        example.parties,
    )
    assert m.rule == "meeting.travel" and m.round is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Officials met on Thursday in Washington, the first meeting of the U.S.-China Human Rights "
            "Dialogue in two years. The 19th round of the dialogue was held at the State Department.",
            "en",
        ),
        (
            "Los funcionarios se reunieron el jueves en Bruselas, el primer encuentro del Diálogo de "
            "Derechos Humanos UE–Cuba desde 2019. La cuarta sesión del diálogo se celebró en la sede "
            "del SEAE.",
            "es",
        ),
    ],
)
def test_first_meeting_in_years_is_not_the_first_round(text, lang):
    m = _meetings(text, lang, date="2015-08-14")[0]
    assert m.round != 1


def test_news_lead_on_a_round_of_lower_case_talks():
    text = (
        "Officials pledge push on guns after talks\n\n"
        "MONTERREY, Sept 18 (CPA) - Canadian and Mexican officials agreed on Tuesday to share firearms "
        "data, in what both sides described as the last round of high-level security talks before the "
        "change of government on Oct. 1.\n\n"
        "The Canadian delegation to the meeting in Monterrey was led by White House liaison Ann Lee."
    )
    ctx = build_context(text, "en")
    doc = classify_document(ctx)
    assert doc.doc_type == "news"  # an agency's credit after a dated capital dateline
    doc.date = "2024-09-18"
    m = find_meetings(ctx, doc)[0]
    assert m.series == "security talks"
    assert m.date == "2024-09-17"  # "on Tuesday", not the other event "on Oct. 1"
    assert (m.city, m.country) == ("Monterrey", "MX")  # not the White House's Washington


def test_a_pronouncement_titled_after_an_upcoming_round_reports_that_round():
    text = (
        "Colectivos ante la IX Reunión del Diálogo sobre Derechos Humanos entre México y Estados Unidos\n\n"
        "Ciudad de México, a 8 de marzo de 2022\n\n"
        "Los colectivos firmantes nos dirigimos a ambos gobiernos ante la IX Reunión del Diálogo sobre "
        "Derechos Humanos, que tendrá lugar el próximo jueves en la Cancillería.\n\n"
        "Exigimos que se publiquen los acuerdos.\n"
    )
    [m] = _meetings(text, "es")
    assert (m.round, m.date, m.parties) == (9, "2022-03-10", ["MX", "US"])


def test_a_letter_titled_after_an_upcoming_round_reports_it_but_an_untitled_plan_does_not():
    titled = (
        "Ahead of the 10th EU-Vietnam Human Rights Dialogue\n\n"
        "Brussels, 3 May 2021\n\n"
        "We write as the EU and Vietnam prepare for the 10th Human Rights Dialogue, which will take "
        "place next Monday in Hanoi.\n\n"
        "We urge the EU to raise the cases of detained bloggers.\n"
    )
    [m] = _meetings(titled)
    assert (m.round, m.date) == (10, "2021-05-10")
    assert (
        _meetings(
            "We urge the EU to act. The EU and Vietnam will hold the 10th Human Rights Dialogue next week."
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "lang", "series", "city"),
    [
        (
            "Joint Statement on U.S.-Guatemala Cooperation on Border Security\n\n"
            "On March 4, 2024, President Bernardo Arévalo received a senior U.S. delegation in "
            "Guatemala City to review border cooperation.\n\n"
            "The two governments will share information on smuggling networks.\n",
            "en",
            "U.S.-Guatemala Cooperation on Border Security",
            "Guatemala City",
        ),
        (
            "Declaración conjunta sobre cooperación migratoria entre México y Honduras\n\n"
            "El 9 de mayo de 2023, la canciller recibió a una delegación hondureña en Tegucigalpa "
            "para revisar los flujos migratorios.\n\n"
            "Ambos gobiernos acordaron reforzar la atención consular.\n",
            "es",
            "cooperación migratoria entre México y Honduras",
            "Tegucigalpa",
        ),
    ],
)
def test_a_statement_titled_after_its_subject_names_the_meeting_it_reports(text, lang, series, city):
    [m] = _meetings(text, lang, doc_type="joint_statement")
    assert (m.series, m.city, m.rule) == (series, city, "meeting.title_subject")


def test_a_title_subject_names_no_meeting_when_the_text_reports_none():
    text = (
        "Joint Statement on U.S.-Guatemala Cooperation on Border Security\n\n"
        "The two governments will share information on smuggling networks.\n"
    )
    assert _meetings(text, doc_type="joint_statement") == []


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        (
            "Ciudad de México, 3 de mayo de 2023.- México y la Unión Europea celebraron hoy en la Ciudad de "
            "México el XI Diálogo de Alto Nivel sobre Derechos Humanos.",
            "es",
            "Ciudad de México",
        ),
        (
            "Mexico City, May 3, 2023 - Mexico and the European Union held the 11th High-Level Dialogue on "
            "Human Rights today in Mexico City.",
            "en",
            "Mexico City",
        ),
    ],
)
def test_the_venue_is_given_as_the_text_spells_it(text, lang, city):
    [m] = _meetings(text, lang)
    assert (m.city, m.country) == (city, "MX")


@pytest.mark.parametrize(
    ("text", "lang", "series", "country"),
    [
        (
            "Declaración de fin de misión de la Relatora Especial sobre la independencia judicial\n\n"
            "Ciudad de Guatemala, 28 de febrero de 2025\n\n"
            "Buenos días. Del 17 al 28 de febrero de 2025 realicé una visita oficial a Guatemala por "
            "invitación del Gobierno.",
            "es",
            "visita oficial a Guatemala",
            "GT",
        ),
        (
            "End of mission statement by the Special Rapporteur on the rights of migrants\n\n"
            "Tegucigalpa, 14 March 2024\n\n"
            "From 4 to 14 March 2024 I conducted an official visit to Honduras at the invitation of the "
            "Government.",
            "en",
            "official visit to Honduras",
            "HN",
        ),
    ],
)
def test_a_mandate_holders_own_account_of_a_visit_is_the_meeting(text, lang, series, country):
    [m] = _meetings(text, lang)
    assert (m.series, m.country, m.parties, m.rule) == (series, country, [country], "meeting.visit")


def test_a_first_person_visit_needs_a_visitor_in_the_heading():
    text = (
        "Palabras del canciller\n\nLa semana pasada realicé una visita oficial a Guatemala con empresarios."
    )
    assert all(m.rule != "meeting.visit" for m in _meetings(text, "es"))


@pytest.mark.parametrize(
    ("text", "lang", "series", "round_"),
    [
        (
            "WASHINGTON, May 4 (Reuters) - Officials agreed on Friday to speed up a task force. The talks at "
            "the State Department were the first meeting of the bilateral Security Implementation Group that "
            "the United States and Mexico set up last month.",
            "en",
            "Security Implementation Group",
            1,
        ),
        (
            "WASHINGTON, 4 may (EFE).- La reunión en el Departamento de Estado fue la primera sesión "
            "del Grupo "
            "de Implementación de Seguridad que México y Estados Unidos crearon el mes pasado.",
            "es",
            "Grupo de Implementación de Seguridad",
            1,
        ),
    ],
)
def test_talks_that_were_the_first_meeting_of_a_group_report_it(text, lang, series, round_):
    [m] = _meetings(text, lang, date="2025-05-04")
    assert (m.series, m.round, m.parties) == (series, round_, ["MX", "US"])


def test_the_first_session_since_an_event_is_no_round():
    text = (
        "Mexico and Guatemala met in Tapachula for the High-Level Border Security Group. It was the first "
        "session of the group since President Arévalo took office."
    )
    assert all(m.round != 1 for m in _meetings(text, date="2024-02-08"))


@pytest.mark.parametrize(
    ("dateline", "city"),
    [("Ciudad de México, 17 de julio de 2025\n\n", "Ciudad de México"), ("", "Mexico City")],
)
def test_a_meeting_at_a_national_ministry_is_in_its_capital(dateline, city):
    text = dateline + (
        "Los días 15 y 16 de julio, en las instalaciones de la Secretaría de Seguridad y Protección "
        "Ciudadana (SSPC), México y la Unión Europea celebraron el III Diálogo de Alto Nivel sobre "
        "Seguridad y Justicia."
    )
    [m] = _meetings(text, "es", date="2025-07-17")
    assert (m.city, m.country, m.round) == (city, "MX", 3)


@pytest.mark.parametrize(
    ("text", "lang", "date", "city"),
    [
        (
            "28th U.S.–Vietnam Human Rights Dialogue\n\nMedia Note\n\nMay 8, 2025\n\nThe United States and "
            "Vietnam will hold the 28th round of their annual Human Rights Dialogue "
            "in Hanoi on May 20, 2025.",
            "en",
            "2025-05-20",
            "Hanoi",
        ),
        (
            "Asunto: el V Diálogo de Alto Nivel sobre Seguridad México–Estados Unidos\n\n"
            "Ciudad de México, 22 de "
            "septiembre de 2025\n\nLe escribimos con motivo del V Diálogo de Alto Nivel sobre Seguridad, que "
            "se celebrará el 9 de octubre en Washington.",
            "es",
            "2025-10-09",
            "Washington",
        ),
    ],
)
def test_an_upcoming_round_takes_the_day_and_place_its_announcement_gives(text, lang, date, city):
    meetings = _meetings(text, lang, date=date[:5] + ("05-08" if lang == "en" else "09-22"))
    assert meetings
    assert (meetings[0].date, meetings[0].city) == (date, city)
