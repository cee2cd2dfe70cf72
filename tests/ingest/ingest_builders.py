"""Build small PDF, DOCX and zip fixtures for the ingestion tests (in tmp_path, never shared data)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

STATEMENT_EN = (
    "The governments of Canada and Chile held the fifth round of their security dialogue in Santiago. "
    "The delegations agreed to exchange information on arms trafficking and to convene a working group "
    "on cybercrime by the end of 2020."
)
STATEMENT_EN_2 = (
    "The Chilean delegation was headed by the Undersecretary of the Interior, and the Canadian delegation "
    "was led by the Deputy Minister of Public Safety. Both sides welcomed the participation of civil "
    "society organisations in the preparatory meetings."
)
STATEMENT_ES = (
    "Los gobiernos de Colombia y Perú celebraron la tercera ronda de su diálogo sobre derechos humanos en "
    "Lima. Las delegaciones acordaron intercambiar información sobre personas desaparecidas y crear un "
    "grupo de trabajo sobre protección de periodistas antes de finales de 2021."
)


def make_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    title: str | None = None,
    header: str | None = None,
    page_numbers: bool = False,
) -> Path:
    """Write a text PDF with fpdf2: one list of paragraphs per page, optional running header/footer."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for n, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        for para in paragraphs:
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        if page_numbers:
            pdf.set_auto_page_break(False)
            pdf.set_y(-20)
            pdf.cell(0, 8, f"Page {n} of {len(pages)}")
            pdf.set_auto_page_break(True, margin=20)
    path.write_bytes(bytes(pdf.output()))
    return path


def make_blank_pdf(path: Path) -> Path:
    """A PDF whose page has only graphics: what a scan without OCR looks like to a text extractor."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160, style="F")
    path.write_bytes(bytes(pdf.output()))
    return path


def encrypt_pdf(source: Path, target: Path, password: str = "secret", owner: str | None = None) -> Path:
    """Write an RC4-encrypted copy of ``source`` (pypdf needs no extra package for RC4)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=owner, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    target.write_bytes(buf.getvalue())
    return target


def make_docx(path: Path, *, core_title: str | None = None) -> Path:
    """A .docx with a heading, paragraphs, a bulleted list and a table."""
    import docx

    document = docx.Document()
    if core_title:
        document.core_properties.title = core_title
    document.add_heading("Joint Statement on the Third Dialogue", level=1)
    document.add_paragraph("Lima, 12 March 2021")
    document.add_paragraph(STATEMENT_EN)
    document.add_paragraph("Strengthen forensic cooperation", style="List Bullet")
    document.add_paragraph("Protect journalists and human rights defenders", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate(
        [("Name", "Title", "Agency"), ("Ana Torres", "Director General", "Ministry of Justice")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(STATEMENT_EN_2)
    document.save(str(path))
    return path


def patch_declared_size(raw: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size in the zip central directory (a lying header)."""
    name = member.encode()
    pos = 0
    out = bytearray(raw)
    while True:
        pos = raw.find(b"PK\x01\x02", pos)
        if pos < 0:
            raise ValueError(f"{member} not in central directory")
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos += 4


def make_bomb_zip(path: Path, member_bytes: int) -> Path:
    """A zip shaped like a .docx whose document.xml inflates from a few KB to ``member_bytes``."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * member_bytes)
    return path
