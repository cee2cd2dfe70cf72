"""PDF files with a text layer (pypdf); pages are joined with form feeds for clean-up."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from dialogwatch.ingest.cleanup import is_heading_like
from dialogwatch.ingest.dates import is_date_line
from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.rawtext import RawText, quiet_logger

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_BULLETS = "•·▪◦‣●○■□-*"

# Producers put file names or placeholders into the Title field; those are not titles.
_BAD_TITLE = re.compile(r"^(?:untitled|microsoft word|document\d*|\S+\.(?:docx?|pdf|rtf|odt|txt))\b", re.I)


def read_pdf(raw: bytes, path: Path) -> RawText:
    """Extract the text of every page; refuse scanned, encrypted or damaged files clearly."""
    if b"%PDF-" not in raw[:1024]:
        raise IngestError(path, "not a PDF file (no %PDF header; binary junk or another format?)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    with quiet_logger("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(raw), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path)
            pages = [_page_text(page) for page in reader.pages]
        except IngestError:
            raise
        except (DependencyError, FileNotDecryptedError) as exc:
            raise IngestError(path, f"encrypted PDF, cannot be opened ({_one_line(exc)})") from exc
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
            raise IngestError(path, f"corrupt PDF ({type(exc).__name__}: {_one_line(exc)})") from exc
        except RecursionError as exc:
            raise IngestError(path, "corrupt PDF (object structure too deep)") from exc
        if not pages:
            raise IngestError(path, "corrupt PDF (no pages found)")
        if not any(p.strip() for p in pages):
            raise IngestError(
                path, f"no text layer (scanned PDF?): {len(pages)} page(s) without extractable text"
            )
        meta: dict[str, object] = {"pages": len(pages)}
        title = _metadata_title(reader, meta)
    return RawText(text="\f".join(pages), title=title, meta=meta)


def _decrypt(reader: PdfReader, path: Path) -> None:
    from pypdf.errors import DependencyError

    try:
        # Many "encrypted" PDFs only restrict printing: the user password is empty.
        ok = reader.decrypt("")
    except DependencyError as exc:
        raise IngestError(path, f"encrypted PDF, cannot be opened ({_one_line(exc)})") from exc
    except NotImplementedError as exc:
        raise IngestError(path, f"encrypted PDF with an unsupported scheme ({_one_line(exc)})") from exc
    if not ok:
        raise IngestError(path, "encrypted PDF (password required)")


def _page_text(page: PageObject) -> str:
    return restore_paragraphs(page.extract_text() or "")


def restore_paragraphs(page: str) -> str:
    """Put blank lines back where a page's paragraphs and headings end (pypdf gives only line breaks).

    A line that ends a sentence well short of the page's usual line width ends its paragraph;
    a short heading-like or date line followed by a capitalised line stands alone.
    """
    lines = page.split("\n")
    widths = sorted(len(x.strip()) for x in lines if len(x.strip()) >= 20)
    if len(lines) < 3 or not widths:
        return page
    typical = widths[int(len(widths) * 0.8)]
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        stripped = line.strip()
        if not stripped or not nxt:
            continue
        short = len(stripped) < 0.85 * typical
        starts_block = nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in _BULLETS
        ends_paragraph = (
            bool(_ENDS_SENTENCE.search(stripped)) or is_heading_like(stripped) or is_date_line(stripped)
        )
        if nxt[0] in _BULLETS or (short and starts_block and ends_paragraph):
            out.append("")
    return "\n".join(out)


def _metadata_title(reader: PdfReader, meta: dict[str, object]) -> str | None:
    try:
        info = reader.metadata
    except Exception:  # damaged Info dictionaries are common; the text is what matters
        return None
    if not info:
        return None
    if info.producer:
        meta["producer"] = str(info.producer)
    if info.creation_date_raw:
        meta["created"] = str(info.creation_date_raw)
    title = " ".join(str(info.title or "").split())
    if title and not _BAD_TITLE.match(title) and len(title.split()) >= 2:
        return title
    return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
