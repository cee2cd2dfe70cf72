"""Document type, issue date and title."""

import pytest

from dialogwatch.extract.document import _data, _years_later, classify_document, year_hint
from dialogwatch.extract.pipeline import build_context


def _doc(text: str, lang: str = "en", title: str | None = None):
    return classify_document(build_context(text, lang), title=title)


@pytest.mark.parametrize("example", _data().examples, ids=lambda e: e.doc_type)
def test_doctypes_yaml_examples(example):
    assert _doc(example.text).doc_type == example.doc_type


def test_joint_statement_with_dateline_date():
    text = (
        "# Joint Statement on the Third Round\n\n"
        "Ottawa, May 9, 2019 – Canada and Mexico held the third round of talks today.\n"
    )
    d = _doc(text)
    assert (d.doc_type, d.date, d.title) == (
        "joint_statement",
        "2019-05-09",
        "Joint Statement on the Third Round",
    )
    assert d.date_rule == "date.dateline"


def test_republished_statement_is_joint_and_source_line_date_wins():
    text = (
        "Tuesday, June 10, 2014\n\nThe EU and Mexico hold talks\n\n"
        "The European Union and Mexico held the fourth dialogue in Brussels on June 2.\n\n"
        "Joint press release, Jun. 2, 2014, Ministry of Foreign Affairs\n"
    )
    d = _doc(text)
    assert d.doc_type == "joint_statement"
    assert d.date == "2014-06-02"


def test_spanish_communique_is_press_release():
    text = (
        "Comunicado No. 87\nSecretaría de Relaciones Exteriores\n\n"
        "Ciudad de México, 3 de mayo de 2022\n\nLa Cancillería informó hoy sobre la reunión con Guatemala."
    )
    d = _doc(text, "es")
    assert d.doc_type == "press_release" and d.date == "2022-05-03"


def test_spanish_joint_declaration():
    text = (
        "DECLARACIÓN CONJUNTA\n\nBogotá, 12 de octubre de 2021\n\n"
        "La Unión Europea y Colombia celebraron hoy su diálogo sobre derechos humanos."
    )
    d = _doc(text, "es")
    assert d.doc_type == "joint_statement" and d.date == "2021-10-12"


def test_letter_date_at_top_and_language_kept():
    text = (
        "12 de febrero de 2020\n\nEstimado Secretario:\n\nLe escribimos para pedirle que actúe.\n\n"
        "Atentamente,\n\nLucía Ramos\n"
    )
    d = _doc(text, "es")
    assert (d.doc_type, d.date, d.language) == ("letter", "2020-02-12", "es")


def test_news_with_agency_dateline():
    text = (
        "GUATEMALA CITY (AP) — Officials said on Monday that the talks with Mexico would continue next month."
    )
    assert _doc(text).doc_type == "news"


def test_archive_banner_date_is_not_the_issue_date():
    text = (
        "ARCHIVED CONTENT\n\nInformation released online from January 20, 2009 to January 20, 2017.\n\n"
        "Media Note\n\nOffice of the Spokesperson\n\nNovember 3, 2015\n\nThe United States hosted talks."
    )
    d = _doc(text)
    assert d.date == "2015-11-03"
    assert d.doc_type == "media_note"


def test_no_date_gives_null_and_given_title_wins():
    d = _doc("Joint Statement: Security Dialogue\n\nWe pledge to act together.", title="Given title")
    assert d.date is None and d.title == "Given title"


def test_memo_addressed_to_officials_is_correspondence():
    text = (
        "Para: Delegación de la Unión Europea\nDe: Centro de Derechos Humanos\nFecha: 5 de abril de 2021\n\n"
        "1. Persisten las desapariciones."
    )
    d = _doc(text, "es")
    assert d.doc_type == "letter" and d.date == "2021-04-05"
    titled = _doc("A report on disappearances\n\nIntroduction\n\nThe search continues.", "en")
    assert titled.doc_type == "report"


def test_published_month_label():
    d = _doc(
        "A study of the framework\n\nA report by a research group\nPublished March 2023\n\nIntroduction\n"
    )
    assert d.date == "2023-03"


def test_spanish_news_agency_and_weekday_cue():
    text = "CIUDAD DE MÉXICO (EFE) — El canciller dijo este lunes que el diálogo con Washington continuará."
    assert _doc(text, "es").doc_type == "news"


def test_spanish_framework_title():
    text = (
        "Plan de Acción del Entendimiento Bicentenario\nDocumento acordado por ambos gobiernos\n\n"
        "Fecha: 9 de enero de 2024\n"
    )
    d = _doc(text, "es")
    assert d.doc_type == "framework" and d.date == "2024-01-09"


def test_spanish_republished_release_with_source_line():
    text = (
        "Lunes 14 de abril de 2014\n\nMéxico y EE. UU. dialogan\n\n"
        "México y Estados Unidos celebraron el 3 de abril la reunión anual sobre derechos humanos.\n\n"
        "Comunicado conjunto, 3 de abril de 2014, Secretaría de Relaciones Exteriores\n"
    )
    d = _doc(text, "es")
    assert d.doc_type == "joint_statement" and d.date == "2014-04-03"


def test_spanish_byline_is_day_first():
    text = (
        "Cancillería firma acuerdo\n\nPublicado: 04/11/2022 18:20\n\n"
        "La Cancillería informó que firmó un acuerdo."
    )
    assert _doc(text, "es").date == "2022-11-04"


def test_agency_dateline_takes_its_year_from_the_byline():
    text = (
        "Reunión bilateral\n\nActualizado 11/03/2021 | 08:15\n\n"
        "MONTERREY, 10 de marzo (Agencia).- Los gobiernos acordaron revisar el tratado."
    )
    d = _doc(text, "es")
    assert d.date == "2021-03-10" and d.date_rule == "date.dateline"


def test_abbreviated_dateline_in_parentheses():
    d = _doc("Cali (ago. 21/19). La delegación europea llegó a la ciudad.", "es")
    assert (d.date, d.date_rule) == ("2019-08-21", "date.dateline")


def test_dotted_european_date_line():
    text = "EU and Vietnam hold talks\n\nPress team of the Delegation, 05.12.2022\n\nThe EU and Vietnam met."
    assert _doc(text).date == "2022-12-05"


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        (
            "Monterrey, a 4 de febrero de 2020.- Autoridades de ambos países firmaron hoy un convenio.",
            "es",
            "2020-02-04",
        ),
        (
            "Medellín, jueves 6 de febrero de 2020 - Las autoridades revisaron los acuerdos.",
            "es",
            "2020-02-06",
        ),
        ("OTTAWA, Feb. 5, 2020 /CNW/ -- Rights groups asked the minister to act.", "en", "2020-02-05"),
        ("Ottawa — Wednesday, February 5, 2020 — The minister convened officials.", "en", "2020-02-05"),
    ],
)
def test_dateline_variants(text, lang, iso):
    d = _doc(text, lang)
    assert (d.date, d.date_rule) == (iso, "date.dateline")


def test_date_in_running_text_is_not_a_dateline():
    d = _doc(
        "The groups recalled that on May 3, 2019 - a Friday - the talks had collapsed "
        "in Lima and other cities."
    )
    assert d.date_rule != "date.dateline"


def test_untitled_letters_are_titled_by_their_addressees():
    from dialogwatch.extract.pipeline import extract_text

    en = extract_text(
        "March 2, 2024\n\nSecretary Ana Ruiz\nMinistry of Foreign Affairs\n\nDear Secretary Ruiz,\n\n"
        "We write to urge you to publish the search plan.\n\nSincerely,\n\nCentro Prodh",
        language="en",
    )
    assert en.document.doc_type == "letter" and en.document.title == "Letter to Ana Ruiz"
    es = extract_text(
        "2 de marzo de 2024\n\nLic. Ana Ruiz\nSecretaria de Gobernación\n\nEstimada Secretaria Ruiz:\n\n"
        "Le pedimos que publique el plan de búsqueda.\n\nAtentamente,\n\nCentro Prodh",
        language="es",
    )
    assert es.document.title == "Carta a Ana Ruiz"


def test_dates_in_page_metadata_lines():
    # a pipe-separated byline: the date cell is short even when the line is long
    d = _doc(
        "Comunicado\n\nSecretaría de Relaciones Exteriores de México | 16 de abril de 2024 | "
        "Comunicado No. 198\n\n"
        "Los gobiernos se reunieron.",
        "es",
    )
    assert d.date == "2024-04-16"
    # an update stamp after the date does not hide the publication date before it
    d = _doc(
        "Pactan acuerdo 10/10/2021 | Actualizado 11/10/2021 09:12\n\nWASHINGTON.— Los gobiernos firmaron.",
        "es",
    )
    assert d.date == "2021-10-10"
    # but a date after an update cue is never the issue date
    d = _doc("Talks held\n\nLast updated 03/04/2024\n\nOfficials met to review the plan.", "en")
    assert d.date is None
    # U.S. month-first numbers in a dateline
    assert _doc("PRESS RELEASE\nHANOI, 05/26/2017\n\nThe two sides held talks.", "en").date == "2017-05-26"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "CIUDAD DE MÉXICO, 12 de mayo.— La Cancillería informó que ayer se reunió el Grupo de "
            "Seguridad. Ambos gobiernos presentarán un informe antes de que concluya 2025.",
            "2025-05-12",
        ),
        (
            "HANOI, May 14 (Asia Wire) - The two sides wrapped up their talks. At least 29 bloggers "
            "were convicted in 2014 alone. Both agreed to hold the next dialogue in Hanoi in 2016.",
            "2015-05-14",
        ),
        (
            "WASHINGTON, March 4 (Reuters) - Officials agreed on Tuesday to set up a task force, "
            "weeks after the two countries signed a framework in February 2025.",
            "2025-03-04",
        ),
    ],
)
def test_dateline_without_a_year_takes_the_year_the_text_lives_in(text, iso):
    doc = classify_document(build_context(text))
    assert doc.date == iso


def test_dateline_without_any_year_stays_undated():
    doc = classify_document(build_context("BOGOTÁ, 3 de junio.— El diálogo concluyó sin acuerdos."))
    assert doc.date is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "GUATEMALA CITY, June 12 — The governments held today the second round of their dialogue, "
            "one year after the first round took place in Washington in June 2024.",
            "2025-06-12",
        ),
        (
            "Washington, D.C., 5 de octubre\n\nVenimos de una jornada larga, a dos años de que México y "
            "Estados Unidos adoptaran el Entendimiento Bicentenario en octubre de 2021.",
            "2023-10-05",
        ),
    ],
)
def test_a_year_borrowed_from_an_earlier_event_is_moved_forward(text, iso):
    assert classify_document(build_context(text)).date == iso


@pytest.mark.parametrize("example", _data().year_inference.examples, ids=lambda e: e.text[:30])
def test_year_hint_yaml_examples(example):
    assert year_hint(example.text) == example.year


@pytest.mark.parametrize("example", _data().year_inference.years_after_examples, ids=lambda e: e.text[:30])
def test_years_after_yaml_examples(example):
    expected = None if example.year is None else (example.year, example.years)
    assert _years_later(example.text) == expected


def test_years_after_phrase_needs_one_number_slot():
    from pydantic import ValidationError

    from dialogwatch.extract.document import _YearInference

    with pytest.raises(ValidationError, match="exactly one"):
        _YearInference(
            ahead_before=[],
            ahead_clause=[],
            years_after=["years after"],
            examples=[],
            years_after_examples=[],
        )


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        # 31 January fell on a Wednesday in 2024, not in 2023, the last year the text names
        (
            "Washington, 31 ene (EFE).- México y Estados Unidos acordaron reforzar la vigilancia, "
            "informaron este miércoles fuentes oficiales. La COMAR recibió 140.982 solicitudes durante 2023.",
            "es",
            "2024-01-31",
        ),
        (
            "WASHINGTON, Jan 31 (Reuters) - The two governments agreed on new measures, officials said "
            "this Wednesday. Crossings hit a record in 2023.",
            "en",
            "2024-01-31",
        ),
        # no weekday named: the last year named stands
        (
            "Washington, 31 ene (EFE).- México y Estados Unidos acordaron reforzar la vigilancia. "
            "La COMAR recibió 140.982 solicitudes durante 2023.",
            "es",
            "2023-01-31",
        ),
    ],
)
def test_a_weekday_of_the_writing_settles_a_dateline_year(text, lang, date):
    assert _doc(text, lang).date == date
