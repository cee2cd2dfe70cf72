"""Generate the PDF and DOCX documents of ``examples/`` from the texts in this file.

    python scripts/make_examples.py [--out examples]

Writes ``04_security_framework_2025.pdf`` (fpdf2; a text PDF with a running header and
page footer, one sentence broken across the page break, as real statements are) and
``06_round12_joint_statement_en.docx`` (python-docx; headings, paragraphs and a bulleted
delegation list). Output is reproducible byte for byte: fixed creation dates and zip
timestamps, so re-running the script does not turn the examples into "changed" files.
Needs the dev extra (fpdf2, python-docx).
"""

from __future__ import annotations

import argparse
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from fpdf import FPDF

FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PDF_NAME = "04_security_framework_2025.pdf"
PDF_TITLE = "U.S.-Mexico Security Cooperation Framework 2025-2027"
# Two pages; the first ends mid-sentence so ingestion must join it across the page furniture.
PDF_PAGES = [
    [
        PDF_TITLE,
        "Agreed at the High-Level Security Dialogue, Washington, D.C., January 28, 2025",
        "The United States and Mexico adopt this framework to protect their people from violence, stop "
        "the trafficking of arms and synthetic drugs, and dismantle criminal networks. The participating "
        "agencies are the U.S. Department of Homeland Security (DHS), the Department of Justice (DOJ), "
        "the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF), Mexico's Secretariat of Security "
        "and Citizen Protection (SSPC), the Attorney General's Office (FGR) and the Financial "
        "Intelligence Unit (UIF).",
        "Pledges",
        "1. The two governments will stand up a Binational Arms Tracing Unit by June 2025.",
        "2. The United States will inspect at least 20 percent of southbound rail cargo at the ports of",
    ],
    [
        "entry by the end of next year.",
        "3. Mexico will deploy 1,200 additional customs officers to its northern ports of entry by 2026.",
        "4. We will explore joint training of forensic ballistics experts.",
        "5. The UIF and the Treasury will sign a memorandum of understanding on the exchange of financial "
        "intelligence in 2025.",
        "6. Both governments will continue to share information on extradition requests.",
        "Background",
        "In 2024, authorities in both countries seized more than 31,000 firearms and 27 million fentanyl "
        "pills. Homicides in Mexico fell by nine percent, but remained above 25,000.",
        "The Security Implementation Group will review progress every six months and report to the "
        "High-Level Security Dialogue.",
    ],
]
PDF_HEADINGS = {PDF_TITLE, "Pledges", "Background"}

DOCX_NAME = "06_round12_joint_statement_en.docx"
DOCX_TITLE = "Joint Statement on the Twelfth Round of the U.S.-Mexico Bilateral Dialogue on Human Rights"
DOCX_BLOCKS: list[tuple[str, str]] = [
    ("p", "Washington, April 23, 2026"),
    (
        "p",
        "The United States and Mexico held the twelfth round of the Bilateral Dialogue on Human Rights "
        "at the Department of State in Washington on April 22, 2026.",
    ),
    (
        "p",
        "The U.S. delegation was led by Daniel Whitaker, Assistant Secretary of State for Western "
        "Hemisphere Affairs. The Mexican delegation was led by Laura Mendoza Ríos, Undersecretary for "
        "Multilateral Affairs and Human Rights, and was made up of:",
    ),
    (
        "li",
        "Tomás Aguirre Villanueva, Head of the Human Rights Unit of the Secretariat of the Interior (SEGOB);",
    ),
    ("li", "officials of the National Search Commission (CNB) and the Attorney General's Office (FGR)."),
    ("h", "Follow-up"),
    (
        "p",
        "The Binational Forensic Identification Working Group, established in November 2025 as agreed at "
        "the eleventh round, has met three times. So far 140 forensic specialists have completed "
        "U.S.-funded training.",
    ),
    (
        "p",
        "In response to proposals from families of the disappeared, the two governments agreed to hold a "
        "consultation with families and civil society organizations before each round. They also "
        "committed to publish a public report on the implementation of the Dialogue's commitments by "
        "March 2027. The United States will provide an additional $2 million to the Mechanism to "
        "Protect Human Rights Defenders and Journalists.",
    ),
    ("p", "The thirteenth round will take place in Mexico City in 2027."),
]


class _FrameworkPDF(FPDF):
    """A PDF whose pages carry the page furniture real statements have."""

    font_name = "Helvetica"

    def header(self) -> None:
        """Running header on every page."""
        self.set_font(self.font_name, size=8)
        self.cell(0, 6, f"{PDF_TITLE} | UNCLASSIFIED", align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        """Page number on every page."""
        self.set_y(-15)
        self.set_font(self.font_name, size=8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def build_pdf() -> bytes:
    """Render the framework as a text PDF and return its bytes."""
    pdf = _FrameworkPDF()
    if DEJAVU.is_file():  # accents render everywhere; Helvetica only covers latin-1
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.font_name = "DejaVu"
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(PDF_TITLE)
    pdf.set_author("dialogwatch examples")
    pdf.alias_nb_pages()
    for page in PDF_PAGES:
        pdf.add_page()
        for para in page:
            pdf.set_font(pdf.font_name, size=13 if para in PDF_HEADINGS else 11)
            pdf.multi_cell(0, 6, para, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def build_docx() -> bytes:
    """Render the round-12 joint statement as a .docx and return its bytes."""
    doc = Document()
    doc.add_heading(DOCX_TITLE, level=1)
    for kind, text in DOCX_BLOCKS:
        if kind == "h":
            doc.add_heading(text, level=2)
        elif kind == "li":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
    props = doc.core_properties
    props.author = "dialogwatch examples"
    props.title = DOCX_TITLE
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = "dialogwatch examples"
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with constant member timestamps so identical input gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    """Write the generated examples into the output folder."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "examples")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in ((PDF_NAME, build_pdf()), (DOCX_NAME, build_docx())):
        (args.out / name).write_bytes(data)
        print(f"wrote {args.out / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
