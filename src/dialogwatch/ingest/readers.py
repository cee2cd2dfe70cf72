"""Read a file of any supported format into clean text (placeholder: txt only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dialogwatch.ingest.errors import IngestError


@dataclass
class LoadedText:
    """A file's clean text plus what the reader learned about it."""

    path: Path
    format: str
    text: str
    title: str | None = None
    raw_bytes: bytes = b""
    meta: dict = field(default_factory=dict)


def load_file(path: Path, max_bytes: int = 50 * 1024 * 1024) -> LoadedText:
    """Read and clean one file; raise IngestError with a one-line reason on bad input."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror})") from exc
    return LoadedText(path=path, format="txt", text=raw.decode("utf-8"), raw_bytes=raw)
