"""Small documents written for these tests (our own words), and a bad-input kit."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

ROUND_STATEMENT = """Joint Statement on the Fourth Round of the Riverside Dialogue on Rights

The governments of the United States and Mexico held the fourth round of their bilateral
dialogue on human rights in Monterrey on March 3, 2019. The U.S. delegation was led by
Assistant Secretary Jane Example of the Department of State, and the Mexican delegation
was headed by Undersecretary Carlos Muestra of the Ministry of Foreign Affairs (SRE).

Both delegations reviewed progress on the search for disappeared persons, on the
prevention of torture in detention centres, and on the protection of journalists who
cover organised crime. The delegations agreed to convene a technical working group on
forensic identification before the end of 2020 and to share information on missing
persons registries every six months. Mexico will publish an annual report on the
implementation of its national search programme, and the United States will fund
training for two hundred forensic specialists in the northern border states.

The delegations also met with representatives of civil society organisations, who
described the obstacles that families of victims still face when they seek justice.
Both governments will hold the fifth round of the dialogue in Washington next year.
"""

SPANISH_RELEASE = """Comunicado de prensa sobre la reunión de seguridad fronteriza

La Secretaría de Seguridad informó que el 12 de mayo de 2021 se reunió con autoridades
del gobierno de Estados Unidos para revisar los avances en la lucha contra el tráfico de
armas. Ambos gobiernos se comprometieron a intercambiar datos sobre rastreo de armas de
fuego y a capacitar a cuarenta agentes aduanales antes de diciembre de 2022.
"""

NGO_LETTER = """Open letter to the Secretary of State

We, the undersigned human rights organisations, write ahead of the next bilateral
dialogue. Reports of torture by security forces remain frequent, and fewer than five
percent of complaints reach a court. We urge the Secretary to raise these cases and to
ask for a timetable for the new forensic institute.
"""

NEAR_DUPLICATE_FOOTER = "\nReposted by a community news site with permission.\n"


def write(folder: Path, name: str, text: str) -> Path:
    """Write UTF-8 text to folder/name and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_folder(root: Path) -> Path:
    """A folder (with a subfolder) of three valid documents in English and Spanish."""
    folder = root / "docs"
    write(folder, "round4.txt", ROUND_STATEMENT)
    write(folder / "es", "seguridad.txt", SPANISH_RELEASE)
    write(folder, "letter.md", NGO_LETTER)
    return folder


def _pdf(text: str | None, password: str | None = None) -> bytes:
    """A one-page PDF with a line of text, or with only a drawing (like a scan), optionally encrypted."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 120, 160, style="F")
    else:
        pdf.set_font("helvetica", size=12)
        pdf.cell(text=text)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    return bytes(pdf.output())


def bad_inputs(root: Path) -> dict[str, Path]:
    """One file per kind of bad input named in issue 2, keyed by kind."""
    folder = root / "bad"
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    files["empty"] = folder / "empty.txt"
    files["empty"].write_bytes(b"")
    files["junk_pdf"] = folder / "junk.pdf"
    files["junk_pdf"].write_bytes(random.Random(7).randbytes(4096))
    files["corrupt_pdf"] = folder / "corrupt.pdf"
    truncated = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n"
    files["corrupt_pdf"].write_bytes(truncated + b"\x00\x13" * 64)
    files["docx_not_zip"] = folder / "notazip.docx"
    files["docx_not_zip"].write_bytes(b"This is plain text pretending to be a Word document.\n")
    files["bad_utf8"] = folder / "latin.txt"
    files["bad_utf8"].write_bytes(b"Declaraci\xf3n conjunta \xc3\x28 sobre derechos \xa0\xa1 humanos\n")
    files["unsupported"] = folder / "table.xlsx"
    files["unsupported"].write_bytes(b"PK\x03\x04 spreadsheet")
    files["too_large"] = folder / "huge.txt"
    files["too_large"].write_text("The dialogue continued. " * 800, encoding="utf-8")
    files["encrypted_pdf"] = folder / "locked-statement.pdf"
    files["encrypted_pdf"].write_bytes(_pdf("A statement behind a password.", password="secret"))
    files["scanned_pdf"] = folder / "scan.pdf"
    files["scanned_pdf"].write_bytes(_pdf(None))
    files["zip_bomb"] = folder / "bomb.docx"
    with zipfile.ZipFile(files["zip_bomb"], "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("word/document.xml", b"\0" * (6 * 1024 * 1024))  # ~6 KB deflated
    files["unreadable"] = folder / "locked.txt"
    if os.geteuid() == 0:
        # root reads any file whatever its mode: a symlink loop is unreadable for everyone.
        other = folder / "locked2.txt"
        files["unreadable"].symlink_to(other)
        other.symlink_to(files["unreadable"])
    else:
        files["unreadable"].write_text("secret", encoding="utf-8")
        files["unreadable"].chmod(0)
    return files


# A limit above every good document and below ``too_large``.
SMALL_MAX_BYTES = 8000
