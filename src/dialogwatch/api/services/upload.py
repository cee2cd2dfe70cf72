"""Uploads: size limit, content sniffing (not just the extension), then the normal ingestion."""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from dialogwatch.ingest.service import FileResult, ingest_file
from dialogwatch.settings import Settings
from dialogwatch.store.db import Store
from dialogwatch.store.models import Document

ALLOWED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UploadError(ValueError):
    """An upload refused before ingestion, with a one-line reason."""

    def __init__(self, reason: str, status: int = 415) -> None:
        super().__init__(reason)
        self.status = status


def safe_name(filename: str | None) -> str:
    """A harmless file name: last path component, plain characters, bounded length."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    stem = _SAFE.sub("_", stem if dot else base).strip("._")[:80] or "upload"
    return f"{stem}.{ext.lower()}" if dot and ext else stem


def sniff(name: str, data: bytes) -> str:
    """Check that the bytes are what the extension claims; return the extension or raise UploadError."""
    ext = Path(name).suffix.lower()
    if ext not in ALLOWED:
        raise UploadError(f"{name}: unsupported file type {ext or '(none)'}; use {', '.join(ALLOWED)}")
    if not data:
        raise UploadError(f"{name}: the file is empty", 400)
    if ext == ".pdf":
        if not data[:1024].lstrip().startswith(b"%PDF-"):
            raise UploadError(f"{name}: not a PDF (no %PDF- header)")
        return ext
    if ext == ".docx":
        if not data.startswith(b"PK\x03\x04"):
            raise UploadError(f"{name}: not a .docx (not a zip archive)")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" not in zf.namelist():
                    raise UploadError(f"{name}: not a .docx (no word/document.xml)")
        except zipfile.BadZipFile as exc:
            raise UploadError(f"{name}: not a .docx (corrupt zip)") from exc
        return ext
    head = data[:65536]
    if b"\x00" in head or head.startswith(
        (b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\x89PNG", b"\xff\xd8")
    ):
        raise UploadError(f"{name}: binary content in a {ext} file")
    return ext


@dataclass
class Upload:
    """A received file: its safe name and bytes."""

    name: str
    data: bytes


def read_limited(stream: io.BufferedIOBase | object, limit: int) -> bytes:
    """Read at most ``limit`` bytes from a file object, refusing larger files."""
    data = stream.read(limit + 1)  # type: ignore[attr-defined]
    if len(data) > limit:
        raise UploadError(f"file larger than the upload limit of {limit} bytes", 413)
    return data


def upload_dir() -> Path:
    """Where uploaded files are kept (by content hash, so a re-upload is recognised as unchanged)."""
    return Path(tempfile.gettempdir()) / "dialogwatch-uploads"


def ingest_upload(store: Store, settings: Settings, upload: Upload, private: bool = False) -> FileResult:
    """Sniff, save and ingest one uploaded file; returns the ingestion result."""
    name = safe_name(upload.name)
    sniff(name, upload.data)
    folder = upload_dir() / hashlib.sha256(upload.data).hexdigest()[:20]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(upload.data)
    limit = min(settings.max_file_bytes, settings.upload_max_bytes)
    result = ingest_file(store, path, settings=settings.model_copy(update={"max_file_bytes": limit}))
    if result.document_id is not None and private and result.status in ("new", "updated"):
        with store.session() as session:
            doc = session.get(Document, result.document_id)
            if doc is not None:
                doc.visibility = "private"
    return result
