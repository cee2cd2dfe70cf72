"""The one error type ingestion raises for bad input."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file cannot be read; ``str()`` is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        # Library messages may span lines; the report is always a single line.
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")
