"""Expand the paths a user gave (files and folders) into the files to ingest.

A folder is walked recursively; hidden entries and operating-system junk are
skipped, and so are files whose extension no reader handles (they are listed
in ``skipped``). A file named explicitly is always returned, whatever its
extension, so that ``load_file`` can report why it cannot be read. A path
that does not exist becomes an error entry: the rest of the batch goes on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dialogwatch.ingest.errors import IngestError

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
)

# Files that operating systems and editors leave in folders; never documents.
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r", "__macosx"})
_JUNK_SUFFIXES = (".tmp", ".swp", ".swo", ".bak", ".part", ".crdownload", "~")


@dataclass
class Discovered:
    """What ``discover`` found: files to ingest, per-path errors, and skipped files."""

    files: list[Path] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def is_junk(name: str) -> bool:
    """True for hidden names and OS/editor leftovers (``.DS_Store``, ``~$x.docx``, ``Thumbs.db``)."""
    low = name.lower()
    return name.startswith(".") or name.startswith("~$") or low in _JUNK_NAMES or low.endswith(_JUNK_SUFFIXES)


def discover(paths: list[Path]) -> Discovered:
    """Expand files and folders (recursively) into a sorted, de-duplicated list of files."""
    found = Discovered()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, found):
                add(file)
        elif path.exists():
            add(path)
        elif path.is_symlink():
            found.errors.append(IngestError(path, "broken symbolic link (target does not exist)"))
        else:
            found.errors.append(IngestError(path, "no such file or directory"))
    found.files.sort(key=lambda p: str(p))
    found.skipped.sort(key=lambda p: str(p))
    return found


def _walk(root: Path, found: Discovered) -> list[Path]:
    files: list[Path] = []

    def on_error(exc: OSError) -> None:
        found.errors.append(IngestError(exc.filename or root, f"cannot list folder ({exc.strerror})"))

    # followlinks=False: a symlinked folder pointing upwards must not loop forever.
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not is_junk(d))
        for name in sorted(filenames):
            if is_junk(name):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                found.skipped.append(path)
            elif path.is_file():
                files.append(path)
            elif path.is_symlink() and not path.exists():
                found.errors.append(IngestError(path, "broken symbolic link (target does not exist)"))
            else:
                # Reading a named pipe would block the whole batch.
                found.errors.append(IngestError(path, "not a regular file (device, pipe or socket)"))
    return files
