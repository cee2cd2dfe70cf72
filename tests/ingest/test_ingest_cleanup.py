"""Clean-up: joins, page furniture, boilerplate (EN and ES), and what must survive."""

from __future__ import annotations

import pytest

from dialogwatch.ingest.cleanup import clean_text, is_heading_like, join_broken_sentences, join_hyphenated


def test_page_break_join_with_digit() -> None:
    text = "Court records show that from 2006 to 2017, only\n\n\n\n14 sentences were handed down."
    assert (
        clean_text(text) == "Court records show that from 2006 to 2017, only 14 sentences were handed down."
    )


def test_page_break_join_with_lowercase_after_single_blank_line() -> None:
    text = "Two new laws passed last year create\n\nimportant mechanisms to address torture."
    assert clean_text(text) == "Two new laws passed last year create important mechanisms to address torture."


def test_page_break_join_after_a_line_of_capitalised_names() -> None:
    # the line before the page break reads like a heading, but stops on a lower-case word
    text = (
        "2. Garantizar que el Mecanismo Especial de la Comisión\n"
        "   Interamericana de Derechos Humanos (CIDH) para el caso Ayotzinapa tenga\n\n\n"
        "   acceso pleno al expediente."
    )
    assert "Ayotzinapa tenga acceso pleno al expediente." in clean_text(text)


def test_page_break_join_spanish() -> None:
    text = "Las organizaciones firmantes consideran que la\n\n\nbúsqueda de personas debe ser prioritaria."
    assert clean_text(text) == (
        "Las organizaciones firmantes consideran que la búsqueda de personas debe ser prioritaria."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The delegations met in Lima.\n\nthey agreed to meet again.",  # terminal punctuation before
        "Joint Statement on the Fifth Dialogue\n\nthe text follows",  # a heading before
        "Both countries pledge to:\n\na) share information;\n\nb) meet again.",  # a list follows a colon
        "The meeting covered the following issues and more\n\n1. Torture prevention",  # numbered item
        "Washington, DC\n\nOctober 27, 2016",  # uppercase start
        "Media Note\n\n2016 Human Rights Report released",  # label then digits
    ],
)
def test_no_join_when_the_line_is_complete(text: str) -> None:
    assert join_broken_sentences(text) == text


def test_hyphenation_join() -> None:
    assert join_hyphenated("the imple-\nmentation of the law") == "the implementation of the law"
    assert join_hyphenated("the imple-\n\n\nmentation of the law") == "the implementation of the law"


def test_hyphenation_keeps_real_compounds() -> None:
    assert join_hyphenated("the Inter-\nAmerican Commission") == "the Inter-American Commission"
    text = "a results-based dialogue and a results-\nbased approach"
    assert join_hyphenated(text) == "a results-based dialogue and a results-based approach"


def test_hyphenation_ignores_dashes() -> None:
    text = "the talks -\nwhich lasted two days - ended"
    assert join_hyphenated(text) == text


def test_lone_page_numbers_and_page_x_of_y_dropped() -> None:
    text = (
        "The delegations met in Lima.\n\n3\n\nThey agreed to meet again.\n\nPage 3 of 7\n\n"
        "Página 4 de 7\n\n- 5 -\n\nThey also discussed 2018 events."
    )
    assert (
        clean_text(text)
        == "The delegations met in Lima.\n\nThey agreed to meet again.\n\nThey also discussed 2018 events."
    )


def test_numbers_inside_text_survive() -> None:
    text = "Investigations opened:\n8,335\n\n2018\n\nThe year 2018 was difficult."
    assert clean_text(text) == text


def test_paged_text_drops_running_headers_and_footers() -> None:
    bodies = [
        "The delegations met in Lima and discussed the registry.\nThey agreed to publish it.",
        "Both sides reviewed the protection mechanism.\nIt will receive more funds.",
        "The next round will take place in Ottawa.\nCivil society will be consulted.",
    ]
    pages = [f"Ministry of Example\n{body}\nPage {n} of 3" for n, body in enumerate(bodies, start=1)]
    out = clean_text("\f".join(pages))
    assert "Ministry of Example" not in out
    assert "Page" not in out
    assert out == "\n\n".join(bodies)


def test_repeated_standalone_lines_in_flat_text_dropped_but_title_kept() -> None:
    header = "Joint Framework on Security"
    text = "\n\n".join(
        [
            header,
            "First paragraph of the framework text.",
            header,
            "Second paragraph here.",
            header,
            "Third paragraph closes it.",
        ]
    )
    out = clean_text(text)
    assert out.count(header) == 1 and out.startswith(header)
    assert "Third paragraph closes it." in out


def test_blank_runs_collapse_to_one_blank_line() -> None:
    out = clean_text("First paragraph ends here.\n\n\n\n\nSecond paragraph starts Here.\n   \n \nThird.")
    assert out == "First paragraph ends here.\n\nSecond paragraph starts Here.\n\nThird."


def test_nfc_line_endings_spaces_controls() -> None:
    out = clean_text("Me\u0301xico\r\nand\u00a0Peru\u2003met\x07 in\tLima.\rDone.")
    assert out == "México\nand Peru met in Lima.\nDone."


def test_boilerplate_removed_in_english_text_keeps_title_and_date() -> None:
    text = (
        "Home | Columns, Commentary and News | Reports | Links | About/Contact\n\n"
        "You are viewing:\n\nARCHIVED CONTENT\n\n"
        "Information released online from January 20, 2001 to January 20, 2009.\n\n"
        "NOTE: Content in this archive site is NOT UPDATED, and links may not function.\n\n"
        "Joint Statement on the Fifth Dialogue\n\nMonday, May 2, 2013\n\n"
        "The delegations met in Lima and agreed to share information on missing persons.\n\n"
        "###\n\n"
        "From title: EXAMPLE OFFICE\nNews and Views: ExampleWatch.org\nEmail:[email protected]\n"
    )
    out = clean_text(text)
    assert out == (
        "Joint Statement on the Fifth Dialogue\n\nMonday, May 2, 2013\n\n"
        "The delegations met in Lima and agreed to share information on missing persons."
    )


def test_boilerplate_footer_block_removed() -> None:
    text = (
        "The delegations met in Lima.\n\nShare/Save/Bookmark Tell a Friend New Page 1\n\n"
        "FAIR USE NOTICE: In accordance with copyright law, this material is distributed\n"
        "without profit to those who have expressed a prior interest in receiving it.\n\n"
        "The Office of Website Management, Bureau of Public Affairs, manages this site as a portal.\n\n"
        "External links to other Internet sites should not be construed as an endorsement.\n\n"
        "Note: documents in Portable Document Format (PDF) require Adobe Acrobat Reader 5.0 or higher."
    )
    assert clean_text(text) == "The delegations met in Lima."


def test_boilerplate_removed_in_spanish_text() -> None:
    text = (
        "Inicio | Prensa | Comunicados | Contacto\n\nComunicado conjunto\n\n"
        "Ciudad de México, 3 de abril de 2014\n\n"
        "Las delegaciones acordaron compartir información sobre personas desaparecidas.\n\n"
        "Compartir en Facebook\n\nImprimir\n\nRegresar al inicio\n\n"
        "Este sitio web utiliza cookies para mejorar su experiencia.\n\n"
        "Aviso de privacidad\n\n© 2014 Secretaría de Ejemplo. Todos los derechos reservados."
    )
    assert clean_text(text) == (
        "Comunicado conjunto\n\nCiudad de México, 3 de abril de 2014\n\n"
        "Las delegaciones acordaron compartir información sobre personas desaparecidas."
    )


def test_long_statement_paragraph_mentioning_boilerplate_words_is_kept() -> None:
    para = (
        "Fair use notice requirements were not part of the agenda, but the delegations noted that "
        "all rights reserved to families under the law must be respected, and that the archive of "
        "the truth commission should be shared. " * 8
    ).strip()
    assert clean_text(para) == para


def test_heading_like() -> None:
    assert is_heading_like("Joint Statement on the Fifth Dialogue")
    assert is_heading_like("MEDIA NOTE")
    assert not is_heading_like("from 2006 to 2017, only")
    assert not is_heading_like("The delegations met.")


def test_repeated_date_lines_of_a_digest_are_not_headers() -> None:
    text = "\n\n".join(
        f"October {d}, 2016\n\nThe delegations met again on day {d} and agreed on more steps."
        for d in (3, 4, 5)
    )
    assert clean_text(text) == text


def test_ligatures_and_typographic_hyphens() -> None:
    assert clean_text("the ﬁnal ofﬁcial text of the non\u2011binding plan") == (
        "the final official text of the non-binding plan"
    )


def test_a_headline_and_its_date_stamp_stay_apart():
    text = "Governments agree on a new mechanism for migrants\n\n16/05/2025 14:32\n\nMexico City, May 16."
    assert clean_text(text).startswith("Governments agree on a new mechanism for migrants\n\n16/05/2025")
    # a sentence cut by a page gap is still joined
    assert "only 14 sentences" in clean_text("The courts handed down only\n\n14 sentences in 2019.")


def test_running_header_beside_two_page_numbers_is_dropped() -> None:
    text = (
        "COMUNICADO CONJUNTO\n\nLas delegaciones se reunieron en Lima.\n\nPágina 1 de 3\n\n"
        "Secretaría de Relaciones Exteriores | Comunicado\n\n\nAcordaron reunirse de nuevo.\n\n"
        "Página 2 de 3\n\nSecretaría de Relaciones Exteriores | Comunicado\n\n\nFin del texto."
    )
    cleaned = clean_text(text)
    assert "Secretaría de Relaciones Exteriores | Comunicado" not in cleaned
    assert "Acordaron reunirse de nuevo." in cleaned and cleaned.startswith("COMUNICADO CONJUNTO")


def test_a_line_beside_one_page_number_only_is_kept() -> None:
    text = "Report\n\nPage 1 of 2\n\nU.S. Embassy | Media Note\n\nBody text.\n\nU.S. Embassy | Media Note"
    assert "U.S. Embassy | Media Note" in clean_text(text)


_WRAPPED_ES = (
    "CIUDAD DE MÉXICO, 12 de mayo.— Los gobiernos de México y de Chile celebraron\n"
    "hoy, en la sede de la Cancillería, la tercera reunión del Diálogo Bilateral\n"
    "sobre Derechos Humanos, en seguimiento a los acuerdos del canciller Juan Ramón de\n"
    "la Fuente y del ministro de Relaciones Exteriores de Chile, Alberto van Klaveren,\n"
    "durante su último encuentro en Santiago.\n\n"
    "Por México participaron el subsecretario de Relaciones Exteriores, Rodrigo\n"
    "Salcedo Ibarra, quien presidió la reunión; la titular de la Comisión Nacional de\n"
    "Búsqueda de Personas, y funcionarios de la Secretaría de Seguridad y Protección\n"
    "Ciudadana, de la Guardia Nacional y de la Fiscalía General de la República.\n\n"
    "Atentamente,\n\n"
    "Instituto para las Mujeres en la Migración (IMUMI) y Centro Prodh\n"
    "Citlali Ramírez Oyervides, Coordinadora de Incidencia del programa regional\n"
)


def test_hard_wrapped_paragraphs_are_joined_with_offsets_kept() -> None:
    cleaned = clean_text(_WRAPPED_ES)
    assert "Juan Ramón de la Fuente" in cleaned and "Rodrigo Salcedo Ibarra" in cleaned
    assert len(cleaned) == len(_WRAPPED_ES.strip())  # each joined newline became one space
    # the signature block under the closing keeps its lines
    assert "(IMUMI) y Centro Prodh\nCitlali" in cleaned


def test_one_sentence_per_line_is_left_alone() -> None:
    line = "The delegations met in Lima and agreed on a plan for the search of missing persons."
    text = "\n".join([line] * 9)
    assert clean_text(text) == text


def test_runs_of_spaces_inside_a_justified_line_become_one() -> None:
    text = "The    Financial       Intelligence Unit will report.\n\nFor Immediate Release        Media Note"
    assert (
        clean_text(text) == "The Financial Intelligence Unit will report.\n\nFor Immediate Release Media Note"
    )
