"""Word .docx files (python-docx): paragraphs and tables in document order.

A .docx is a zip archive. Before python-docx inflates anything, the zip's
central directory is checked: a member list whose declared uncompressed size
(or compression ratio) is absurd is a zip bomb and is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.rawtext import RawText

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # deflate of real XML rarely passes 20:1
RATIO_MIN_BYTES = 5 * 1024 * 1024  # small members may compress extremely well without harm
MAX_MEMBERS = 10_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and encrypted OOXML containers
_HEADING_STYLE = re.compile(r"^(?:title|heading\s*\d|título|titulo|encabezado\s*\d)", re.I)
_LIST_STYLE = re.compile(r"list|lista|vi[ñn]eta", re.I)


def check_zip(raw: bytes, path: Path, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES) -> zipfile.ZipFile:
    """Open the zip and refuse bombs from the declared sizes alone (nothing is inflated)."""
    if raw.startswith(_OLE_MAGIC):
        raise IngestError(path, "not a valid .docx (an old .doc or a password-protected Word file)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(path, f"not a valid .docx (not a zip archive: {exc})") from exc
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise IngestError(path, f"zip bomb guard: {len(infos)} archive members (limit {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed:
        raise IngestError(
            path,
            f"zip bomb guard: declared uncompressed size {_mb(total)} > {_mb(max_uncompressed)} limit",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > MAX_MEMBER_RATIO:
            raise IngestError(
                path,
                f"zip bomb guard: member {info.filename!r} expands {ratio:.0f}x to {_mb(info.file_size)}",
            )
    if "word/document.xml" not in archive.namelist():
        raise IngestError(path, "not a valid .docx (zip archive without word/document.xml)")
    return archive


def read_docx(raw: bytes, path: Path, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES) -> RawText:
    """Read paragraphs (headings and list items marked) and table rows in document order."""
    check_zip(raw, path, max_uncompressed)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks: list[str] = []
        headings: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text, is_heading = _paragraph(item)
                if text:
                    blocks.append(text)
                    if is_heading:
                        headings.append(text)
            elif isinstance(item, Table):
                blocks.append(_table(item))
        core_title = (document.core_properties.title or "").strip()
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many types on malformed parts
        raise IngestError(
            path, f"not a valid .docx ({type(exc).__name__}: {' '.join(str(exc).split())})"
        ) from exc
    title = core_title if len(core_title.split()) >= 2 else (headings[0] if headings else None)
    return RawText(
        text=_join_blocks(blocks), title=title, meta={"paragraphs": len(blocks)}, headings=headings
    )


def _paragraph(par: Paragraph) -> tuple[str, bool]:
    text = par.text.replace("\t", " ")
    # Soft line breaks (Shift+Enter) are real line breaks inside an address block.
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    style = (par.style.name if par.style is not None else "") or ""
    if not text:
        return "", False
    if _LIST_STYLE.search(style) and not _HEADING_STYLE.match(style):
        return f"• {text}", False
    return text, bool(_HEADING_STYLE.match(style))


def _table(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                cells.append(value)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _join_blocks(blocks: list[str]) -> str:
    """One blank line between blocks; consecutive list items stay on adjacent lines."""
    out: list[str] = []
    for block in blocks:
        if out and not (block.startswith("• ") and out[-1].startswith("• ")):
            out.append("")
        out.append(block)
    return "\n".join(out)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
