"""Unit tests of the web helpers: message catalogue, highlight blocks, upload sniffing, charts."""

from __future__ import annotations

import io
import re
import zipfile
from importlib import resources

import pytest

from dialogwatch.api.services.upload import UploadError, safe_name, sniff
from dialogwatch.web.i18n import catalogue, pick_language, translate
from dialogwatch.web.pages import safe_next
from dialogwatch.web.reader import Mark, build_blocks

KEY_RE = re.compile(r"t\('([a-z_.]+)'\)")


def test_every_template_key_has_both_languages() -> None:
    cat = catalogue()
    folder = resources.files("dialogwatch.web").joinpath("templates")
    used = set()
    for item in folder.iterdir():
        if item.name.endswith(".html"):
            used |= {k for k in KEY_RE.findall(item.read_text("utf-8")) if "." in k or k in cat}
    missing = sorted(k for k in used if k not in cat)
    assert not missing, missing
    assert translate("nav.tracker", "es") == "Seguimiento" and translate("nav.tracker", "en") == "Tracker"
    assert translate("no.such.key", "es") == "no.such.key"


def test_pick_language() -> None:
    assert pick_language("es", "en-US") == "es"
    assert pick_language(None, "es-MX,es;q=0.9,en;q=0.8") == "es"
    assert pick_language("fr", "de-DE") == "en"


def test_blocks_nest_inner_marks_in_actions_and_drop_bad_spans() -> None:
    text = "Ana Ruiz said Mexico will hire 300 experts. Then lunch."
    action = Mark(0, 43, "action", "action-1", css="hl-commitment level-3")
    person = Mark(0, 8, "person", "person-1", css="hl-person")
    figure = Mark(31, 34, "figure", "figure-1", css="hl-figure")
    overlapping = Mark(2, 6, "person", "person-2", css="hl-person")
    invalid = Mark(40, 400, "case", "case-1", css="hl-case")
    blocks = build_blocks(text, [action], [person, figure, overlapping, invalid])
    assert "".join(p.text for b in blocks for p in b.pieces) == text
    assert blocks[0].outer is action and blocks[1].outer is None
    marked = [(p.text, p.mark.anchor) for p in blocks[0].pieces if p.mark]
    assert marked == [("Ana Ruiz", "person-1"), ("300", "figure-1")]


def _docx_bytes(with_document: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml" if with_document else "other.xml", "<w:document/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.pdf", b"GIF89a....", "not a PDF"),
        ("a.docx", b"plain text", "not a zip"),
        ("a.docx", _docx_bytes(False), "no word/document.xml"),
        ("a.txt", b"\x7fELF\x02\x01", "binary content"),
        ("a.html", b"<p>\x00\x00</p>", "binary content"),
        ("a.exe", b"MZ", "unsupported file type"),
        ("a.txt", b"", "empty"),
    ],
)
def test_sniff_rejects_mismatched_content(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UploadError, match=reason):
        sniff(name, data)


def test_sniff_accepts_real_content() -> None:
    assert sniff("a.pdf", b"%PDF-1.7\n...") == ".pdf"
    assert sniff("a.docx", _docx_bytes()) == ".docx"
    assert sniff("a.md", "# Título\n".encode()) == ".md"


def test_safe_name_and_redirects() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\docs\\Declaración conjunta.PDF") == "Declaraci_n_conjunta.pdf"
    assert safe_next("//evil.example/x") == "/" and safe_next("https://evil") == "/"
    assert safe_next("/tracker?kind=ask") == "/tracker?kind=ask"
