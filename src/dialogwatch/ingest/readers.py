"""Read a file of any supported format into clean text, or fail with one clear line.

``load_file`` checks the file (exists, regular, readable, not over the size
limit) before reading it, reads at most ``max_bytes + 1`` bytes, picks the
reader from the extension and the sniffed content (a PDF saved as .txt is
still read as a PDF), cleans the reader's text (``cleanup.clean_text``) and
settles title and language. Every failure is an ``IngestError`` whose text is
one line naming the file and the reason.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from dialogwatch.ingest.cleanup import clean_text
from dialogwatch.ingest.decode import DecodeError, decode_text
from dialogwatch.ingest.discover import SUPPORTED_EXTENSIONS
from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.language import detect_language
from dialogwatch.ingest.markdown import looks_like_markdown, markdown_headings, markdown_to_text
from dialogwatch.ingest.rawtext import RawText
from dialogwatch.ingest.title import choose_title

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_FORMAT_BY_EXT = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_TEXT_FORMATS = frozenset({"txt", "md", "html"})


@dataclass
class LoadedText:
    """A file's clean text plus what the reader learned about it."""

    path: Path
    format: str
    text: str
    title: str | None = None
    raw_bytes: bytes = b""
    meta: dict = field(default_factory=dict)
    raw_sha256: str = ""
    text_sha256: str = ""
    language: str = "other"


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Read and clean one file; raise IngestError with a one-line reason on bad input."""
    path = Path(path)
    raw = read_bounded(path, max_bytes)
    declared = _declared_format(path)
    fmt = _effective_format(declared, raw, path)
    if not raw.strip():
        raise IngestError(path, "empty document (only whitespace)" if raw else "empty document (0 bytes)")
    raw_text = _read(fmt, raw, path)
    text = clean_text(raw_text.text)
    if not text:
        reason = (
            "empty document"
            if not raw_text.text.strip()
            else "empty document (nothing left but page boilerplate)"
        )
        raise IngestError(path, reason)
    meta = dict(raw_text.meta)
    if fmt != declared:
        meta["sniffed_format"] = fmt
        meta["declared_format"] = declared
    return LoadedText(
        path=path,
        format=fmt,
        text=text,
        title=choose_title(raw_text.title, text, raw_text.headings),
        raw_bytes=raw,
        meta=meta,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        language=detect_language(text),
    )


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing directories, devices, unreadable and oversized files first."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        reason = "broken symbolic link (target does not exist)" if path.is_symlink() else "no such file"
        raise IngestError(path, reason) from exc
    except PermissionError as exc:
        raise IngestError(path, "permission denied") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise IngestError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(path, "not a regular file (device, pipe or socket)")
    if st.st_size > max_bytes:
        raise IngestError(path, _too_large(st.st_size, max_bytes))
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise IngestError(path, "permission denied") from exc
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise IngestError(path, "is a directory, not a file") from exc
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:  # the file grew after stat(), or stat() lied
        raise IngestError(path, _too_large(len(raw), max_bytes))
    return raw


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_size(size)} > {_size(limit)} limit)"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _declared_format(path: Path) -> str:
    ext = path.suffix.lower()
    if ext not in _FORMAT_BY_EXT:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        shown = f"'{ext}'" if ext else "(no extension)"
        raise IngestError(path, f"unsupported file type {shown} (supported: {supported})")
    return _FORMAT_BY_EXT[ext]


def sniff_format(raw: bytes) -> str | None:
    """The format the bytes themselves announce: 'pdf', 'docx', 'zip', 'html' or None."""
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in raw[:65536] or b"[Content_Types].xml" in raw[:65536] else "zip"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _effective_format(declared: str, raw: bytes, path: Path) -> str:
    """Trust binary magic over a text extension; a binary extension must match its content."""
    sniffed = sniff_format(raw)
    if raw.lstrip().startswith(b"{\\rtf"):
        raise IngestError(path, "an RTF document, which is not supported (save it as .docx or .txt)")
    if declared in _TEXT_FORMATS:
        if sniffed in ("pdf", "docx"):
            return sniffed
        if sniffed == "zip":
            raise IngestError(path, f"not a text file (zip archive named .{declared})")
        if sniffed == "html" and declared != "html":
            return "html"
        return declared
    if declared == "docx" and sniffed == "pdf":
        raise IngestError(path, "not a valid .docx (the file is a PDF)")
    if declared == "pdf" and sniffed in ("docx", "zip"):
        raise IngestError(path, "not a PDF file (the file is a zip archive)")
    return declared


def _read(fmt: str, raw: bytes, path: Path) -> RawText:
    try:
        if fmt == "pdf":
            from dialogwatch.ingest.pdf_reader import read_pdf

            return read_pdf(raw, path)
        if fmt == "docx":
            from dialogwatch.ingest.docx_reader import read_docx

            return read_docx(raw, path)
        if fmt == "html":
            from dialogwatch.ingest.html_reader import read_html

            return read_html(raw, path)
        return _read_plain(fmt, raw, path)
    except IngestError:
        raise
    except Exception as exc:  # a reader library failing in an unforeseen way is still bad input
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise IngestError(path, f"cannot read {fmt.upper()} file ({type(exc).__name__}: {detail})") from exc


def _read_plain(fmt: str, raw: bytes, path: Path) -> RawText:
    try:
        text, encoding = decode_text(raw)
    except DecodeError as exc:
        raise IngestError(path, str(exc)) from exc
    meta: dict[str, object] = {"encoding": encoding}
    if fmt == "md" or looks_like_markdown(text):
        meta["markdown"] = True
        return RawText(text=markdown_to_text(text), meta=meta, headings=markdown_headings(text))
    return RawText(text=text, meta=meta)
