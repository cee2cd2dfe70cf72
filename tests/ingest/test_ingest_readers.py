"""Every reader turns its format into clean text with a title, and the sniffing works."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from ingest_builders import (
    STATEMENT_EN,
    STATEMENT_EN_2,
    STATEMENT_ES,
    encrypt_pdf,
    make_docx,
    make_pdf,
)

from dialogwatch.ingest.readers import load_file, sniff_format


def test_txt_utf8_keeps_paragraphs_and_hashes(tmp_path: Path) -> None:
    body = f"Joint Statement on the Fifth Dialogue\n\nMay 2, 2013\n\n{STATEMENT_EN}\n\n{STATEMENT_EN_2}\n"
    f = tmp_path / "a.txt"
    f.write_text(body, encoding="utf-8")
    loaded = load_file(f)
    assert loaded.format == "txt"
    assert loaded.text == body.strip()
    assert loaded.title == "Joint Statement on the Fifth Dialogue"
    assert loaded.language == "en"
    assert loaded.raw_bytes == body.encode()
    assert loaded.raw_sha256 == hashlib.sha256(body.encode()).hexdigest()
    assert loaded.text_sha256 == hashlib.sha256(loaded.text.encode()).hexdigest()
    assert loaded.meta["encoding"] == "utf-8"


def test_txt_utf8_bom_and_crlf(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + STATEMENT_ES.encode("utf-8").replace(b". ", b".\r\n"))
    loaded = load_file(f)
    assert not loaded.text.startswith("\ufeff")
    assert "\r" not in loaded.text
    assert "Perú" in loaded.text
    assert loaded.meta["encoding"] == "utf-8-sig"
    assert loaded.language == "es"


def test_txt_cp1252_fallback(tmp_path: Path) -> None:
    text = "Declaración conjunta\n\n“" + STATEMENT_ES + "” — fin."
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1252"))
    loaded = load_file(f)
    assert loaded.meta["encoding"] == "cp1252"
    assert "Perú" in loaded.text and "“" in loaded.text and "diálogo" in loaded.text


def test_txt_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(STATEMENT_ES.encode("utf-16"))
    assert "Perú" in load_file(f).text


def test_txt_nfc_and_odd_spaces(tmp_path: Path) -> None:
    f = tmp_path / "nfd.txt"
    f.write_text("Cancu\u0301n\u00a0and\u2009Me\u0301xico\u200b agreed.", encoding="utf-8")
    assert load_file(f).text == "Cancún and México agreed."


def test_markdown_conversion(tmp_path: Path) -> None:
    md = (
        "# Joint Statement on the **Third** Dialogue\n\n"
        "Held on the 3<sup>rd</sup> of May.\n\n"
        "---\n\n"
        "The _delegations_ met in [Lima](https://example.org/lima) and agreed on **two** points:\n\n"
        "* exchange information\n"
        "* meet again in 2022\n\n"
        "| Name | Agency |\n|---|---|\n| Ana Torres | Ministry of Justice |\n\n"
        "Contact: ana_torres@example.org\n"
    )
    f = tmp_path / "s.md"
    f.write_text(md, encoding="utf-8")
    loaded = load_file(f)
    text = loaded.text
    assert loaded.format == "md"
    assert loaded.title == "Joint Statement on the Third Dialogue"
    assert text.startswith("Joint Statement on the Third Dialogue\n\nHeld on the 3rd of May.")
    assert "The delegations met in Lima and agreed on two points:" in text
    assert "• exchange information\n• meet again in 2022" in text
    assert "Ana Torres | Ministry of Justice" in text
    assert "ana_torres@example.org" in text  # underscores inside words are not emphasis
    for markup in ("#", "**", "](", "<sup>", "---", "|---"):
        assert markup not in text
    assert "\n\n\n" not in text


def test_txt_with_markdown_markup_is_converted(tmp_path: Path) -> None:
    f = tmp_path / "saved_page.txt"
    f.write_text(
        "You are viewing:\n\n## ARCHIVED CONTENT\n\n### Joint Statement on the Fifth Dialogue\n\n"
        f"October 27, 2016\n\nThe 8<sup>th</sup> round took place. {STATEMENT_EN}\n",
        encoding="utf-8",
    )
    loaded = load_file(f)
    assert loaded.title == "Joint Statement on the Fifth Dialogue"
    assert loaded.text.startswith(
        "Joint Statement on the Fifth Dialogue\n\nOctober 27, 2016\n\nThe 8th round"
    )
    assert "ARCHIVED" not in loaded.text and "viewing" not in loaded.text


HTML_PAGE = "\n".join(
    [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        "<title>Joint Statement on the Fifth Security Dialogue | Example Ministry</title></head><body>",
        '<div id="top"><a href="/">Home</a> | <a href="/r">Reports</a> | <a href="/l">Links</a> |',
        ' <a href="/c">About/Contact</a></div>',
        '<div class="archive">You are viewing: ARCHIVED CONTENT</div>',
        '<p class="note"><b>NOTE:</b> Content in this archive site is NOT UPDATED, and links may',
        " not function.</p>",
        '<div class="content"><h1>Joint Statement on the Fifth Security Dialogue</h1>',
        '<div class="date">June 3, 2019</div>',
        "<p>{p1}</p><p>{p2}</p>",
        "<p>Share/Save/Bookmark Tell a Friend</p></div>",
        '<div class="comments"><h3>Comments</h3>',
        "<p>A reader wrote that this dialogue was a waste of everyone's time and money.</p></div>",
        '<div class="footer"><p>FAIR USE NOTICE: This material is distributed without profit to those',
        " who have expressed a prior interest in receiving it for research and educational purposes.</p>",
        "<p>The Office of Website Management, Bureau of Public Affairs, manages this site as a portal.</p>",
        "<p>External links to other Internet sites should not be construed as an endorsement.</p>",
        "<p>© 2019 Example Ministry. All rights reserved.</p></div></body></html>",
    ]
)


def test_html_keeps_statement_title_and_date_drops_furniture(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE.format(p1=STATEMENT_EN, p2=STATEMENT_EN_2), encoding="utf-8")
    loaded = load_file(f)
    text = loaded.text
    assert loaded.format == "html"
    assert loaded.title == "Joint Statement on the Fifth Security Dialogue"
    assert text.startswith("Joint Statement on the Fifth Security Dialogue\n\nJune 3, 2019\n\n")
    assert STATEMENT_EN in text and STATEMENT_EN_2 in text
    for junk in (
        "Home |",
        "ARCHIVED",
        "NOT UPDATED",
        "Share/Save",
        "Tell a Friend",
        "FAIR USE",
        "reader wrote",
        "Website Management",
        "External links",
        "All rights reserved",
        "Comments",
    ):
        assert junk not in text, junk


def test_html_spanish_page(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Comunicado conjunto</title></head><body><nav>Inicio | Prensa | Contacto</nav>"
        f"<article><h1>Comunicado conjunto</h1><p>Lima, 3 de junio de 2021</p><p>{STATEMENT_ES}</p>"
        "<p>Compartir en Facebook</p><p>Imprimir</p></article>"
        "<footer><p>Aviso de privacidad</p><p>Todos los derechos reservados</p></footer></body></html>"
    )
    f = tmp_path / "es.htm"
    f.write_text(page, encoding="utf-8")
    loaded = load_file(f)
    assert loaded.language == "es"
    assert STATEMENT_ES in loaded.text
    assert "Lima, 3 de junio de 2021" in loaded.text
    for junk in ("Compartir", "Imprimir", "Aviso de privacidad", "derechos reservados", "Inicio"):
        assert junk not in loaded.text, junk


@pytest.mark.parametrize(
    "byline",
    [
        "Por Mariana Robles | Ciudad de México | 6 de octubre de 2023",
        "By Jane Roe · Washington · October 6, 2023",
        "Tegucigalpa, 26.10.2023 · 4 min read",
        "Embajada de Estados Unidos en México | Oficina de Prensa | 7 de marzo, 2024 | Temas: Migración",
    ],
)
def test_html_news_byline_with_the_date_is_kept(tmp_path: Path, byline: str) -> None:
    page = (
        "<html><head><title>Acuerdan frenar el tráfico de armas</title></head><body>"
        "<header><nav>Nacional | Internacional | Opinión</nav></header><article>"
        f'<h1>Acuerdan frenar el tráfico de armas</h1><p class="byline">{byline}</p>'
        f"<p>{STATEMENT_ES}</p></article></body></html>"
    )
    f = tmp_path / "news.html"
    f.write_text(page, encoding="utf-8")
    text = load_file(f).text
    assert byline in text
    assert text.index(byline) < text.index(STATEMENT_ES)
    assert "Opinión" not in text


def test_pdf_text_pages_title_and_furniture(tmp_path: Path) -> None:
    first = STATEMENT_EN + " From 2006 to 2017 the registry counted only"
    pages = [
        [STATEMENT_ES.replace("Lima.", "Lima."), first],
        ["14 cases that reached a court. " + STATEMENT_EN_2],
    ]
    f = make_pdf(
        tmp_path / "s.pdf",
        pages,
        title="Joint Statement on the Third Dialogue",
        header="Ministry of Example - Press Office",
        page_numbers=True,
    )
    loaded = load_file(f)
    assert loaded.format == "pdf"
    assert loaded.title == "Joint Statement on the Third Dialogue"
    assert loaded.meta["pages"] == 2
    text = loaded.text
    assert "only 14 cases that reached a court" in text  # joined across the page break
    assert "Press Office" not in text  # running header
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text
    assert "Santiago" in text and "Deputy Minister of Public Safety" in text


def test_pdf_owner_password_only_is_readable(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plain.pdf", [[STATEMENT_EN]])
    f = encrypt_pdf(src, tmp_path / "restricted.pdf", password="", owner="owner-secret")
    assert "Santiago" in load_file(f).text


def test_docx_paragraphs_lists_tables_and_title(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "s.docx")
    loaded = load_file(f)
    text = loaded.text
    assert loaded.format == "docx"
    assert loaded.title == "Joint Statement on the Third Dialogue"  # first heading
    assert text.startswith("Joint Statement on the Third Dialogue\n\nLima, 12 March 2021\n\n")
    assert "• Strengthen forensic cooperation\n• Protect journalists and human rights defenders" in text
    assert "Name | Title | Agency\nAna Torres | Director General | Ministry of Justice" in text
    assert text.endswith(STATEMENT_EN_2)


def test_docx_core_title_wins(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "t.docx", core_title="Framework for Security Cooperation")
    assert load_file(f).title == "Framework for Security Cooperation"


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "x.pdf", [[STATEMENT_EN]])
    f = tmp_path / "mislabelled.txt"
    f.write_bytes(src.read_bytes())
    loaded = load_file(f)
    assert loaded.format == "pdf"
    assert loaded.meta["declared_format"] == "txt"
    assert "Santiago" in loaded.text


def test_sniff_format() -> None:
    assert sniff_format(b"%PDF-1.7\n...") == "pdf"
    assert sniff_format(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff_format(b"PK\x03\x04....word/document.xml") == "docx"
    assert sniff_format(b"PK\x03\x04....other") == "zip"
    assert sniff_format(b"plain words") is None


def test_title_falls_back_to_first_heading_like_line(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text(
        "Media 041414 Human Rights\n\nMonday, April 14, 2014\n\n"
        f"Talks on Rights Held in Lima\n\n{STATEMENT_EN}"
    )
    assert load_file(f).title == "Talks on Rights Held in Lima"


def test_letter_has_no_title_from_address_block(tmp_path: Path) -> None:
    f = tmp_path / "letter.txt"
    f.write_text(
        "July 1, 2019\n\nMinister Jane Example\nMinistry of Foreign Affairs\n10 Main Street\n\n"
        f"Dear Minister Example,\n\n{STATEMENT_EN}\n\nSincerely,\n\nExample Rights Network"
    )
    assert load_file(f).title is None


def test_pdf_paragraphs_and_heading_lines_are_separated(tmp_path: Path) -> None:
    f = make_pdf(
        tmp_path / "p.pdf",
        [["Joint Statement on Security", "Lima, 12 March 2021", STATEMENT_EN, STATEMENT_EN_2]],
    )
    blocks = load_file(f).text.split("\n\n")
    assert blocks[0] == "Joint Statement on Security"
    assert blocks[1] == "Lima, 12 March 2021"
    assert " ".join(blocks[2].split()) == STATEMENT_EN
    assert " ".join(blocks[3].split()) == STATEMENT_EN_2


def test_html_meta_block_split_into_spans_is_kept_whole(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Se reúne la SSPC con funcionarios | gob.mx</title></head><body><article>"
        "<h1>Se reúne la SSPC con funcionarios</h1>"
        '<div class="meta">\n  <span>Secretaría de Seguridad</span> |\n  <span>4 de mayo de 2022</span> |\n'
        "  <span>Comunicado 91/2022</span>\n</div>"
        f"<p>{STATEMENT_ES}</p></article></body></html>"
    )
    f = tmp_path / "comunicado.html"
    f.write_text(page, encoding="utf-8")
    text = load_file(f).text
    line = "Secretaría de Seguridad | 4 de mayo de 2022 | Comunicado 91/2022"
    assert line in text
    assert text.index(line) < text.index(STATEMENT_ES)


def test_html_in_windows_1252(tmp_path: Path) -> None:
    f = tmp_path / "cp.html"
    page = (
        '<html><head><meta charset="windows-1252"><title>Comunicado</title></head><body>'
        f"<h1>Comunicado conjunto</h1><p>{STATEMENT_ES}</p></body></html>"
    )
    f.write_bytes(page.encode("cp1252"))
    loaded = load_file(f)
    assert loaded.title == "Comunicado conjunto"
    assert STATEMENT_ES in loaded.text


def test_markdown_cloudflare_email_line_dropped(tmp_path: Path) -> None:
    f = tmp_path / "cf.md"
    f.write_text(f"{STATEMENT_EN}\n\nEmail: [[email protected]](/cdn-cgi/l/email-protection#a1b2c3)\n")
    assert load_file(f).text == STATEMENT_EN


def test_html_list_of_recommendations_is_not_lost(tmp_path: Path) -> None:
    items = [
        "Recomendó al Estado excluir de manera efectiva cualquier prueba obtenida mediante tortura.",
        "Instó a las autoridades a eliminar la prisión preventiva oficiosa en todos los casos.",
        "Consideró que el Estado debería dotar al mecanismo de autonomía presupuestaria.",
        "Pidió a la fiscalía depurar y actualizar el registro nacional del delito de tortura.",
    ]
    page = (
        '<html lang="es"><head><meta charset="utf-8"><title>Relatora concluye su visita - ONU</title></head>'
        "<body><header><p>Oficina de las Naciones Unidas para los Derechos Humanos</p>"
        '<nav>Inicio · Comunicados · Contacto</nav></header><section class="comunicado">'
        "<h2>Relatora concluye su visita oficial y presenta observaciones preliminares</h2>"
        "<p><em>Ciudad de México, 5 de diciembre de 2025</em></p>"
        f"<p>{STATEMENT_ES}</p><p>Entre sus recomendaciones preliminares, la Relatora Especial:</p>\n<ul>\n"
        + "".join(f"<li>{x}" + ("</li>" if i != 2 else "") + "\n" for i, x in enumerate(items))
        + "</ul>\n<p>Las autoridades se comprometieron a dar seguimiento a estas recomendaciones por medio "
        "de una mesa interinstitucional.</p></section></body></html>"
    )
    f = tmp_path / "visit.html"
    f.write_text(page, encoding="utf-8")
    text = load_file(f).text
    for item in items:
        assert item in text
    assert "Inicio" not in text


def test_html_byline_with_a_time_element_is_kept_whole(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Crean un grupo de seguridad | El Diario</title></head><body><article>"
        "<h1>Crean un grupo de seguridad</h1>"
        '<div class="byline">Elena Reyes · Ciudad de México · <time datetime="2025-09-05">05 sept 2025 - '
        "05:30 CEST</time></div>"
        f"<p>{STATEMENT_ES}</p></article></body></html>"
    )
    f = tmp_path / "nota.html"
    f.write_text(page, encoding="utf-8")
    text = load_file(f).text
    line = "Elena Reyes · Ciudad de México · 05 sept 2025 - 05:30 CEST"
    assert line in text.splitlines()  # a line of its own, not run into the headline
    assert text.index("Crean un grupo de seguridad") < text.index(line) < text.index(STATEMENT_ES)
