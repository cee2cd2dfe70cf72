"""Ingest files into the database: read, deduplicate, version, extract, store.

Each file is handled in its own transaction, so a bad file (or a crash in
extraction) rolls back that file only and the batch goes on. Outcomes:

- ``unchanged``: the same bytes are already stored at this source path
  (nothing is written; ``force`` re-extracts it instead: ``reextracted``);
- ``updated``: the path is known but its bytes changed, so a new version is
  stored, linked to the first version, and the previous one stops being current;
- ``duplicate``: the clean text equals (SHA-256) or nearly equals (MinHash at or
  above the threshold) a current document from another path. It is stored as a
  pointer (``duplicate_of_id``, ``duplicate_score``) with its document fields but
  without extracted rows, so it never counts as independent evidence;
- ``new``: stored and extracted; ``failed``: one line naming the reason.

Near-duplicate search compares against every current original's signature (brute
force), which is fast enough for thousands of documents; an LSH index is the next
step beyond that.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.extract import pipeline
from dialogwatch.ingest import dedupe, readers
from dialogwatch.ingest.discover import discover
from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.readers import LoadedText, load_file
from dialogwatch.settings import Settings, get_settings
from dialogwatch.store.db import Store
from dialogwatch.store.models import Document
from dialogwatch.store.persist import save_extraction
from dialogwatch.track.suggestions import suggest_evidence

Status = Literal["new", "updated", "unchanged", "reextracted", "duplicate", "failed", "skipped"]
STATUSES: tuple[Status, ...] = (
    "new",
    "updated",
    "unchanged",
    "reextracted",
    "duplicate",
    "failed",
    "skipped",
)


@dataclass
class FileResult:
    """What happened to one input file."""

    path: str
    status: Status
    document_id: int | None = None
    reason: str = ""
    duplicate_of_id: int | None = None
    duplicate_score: float | None = None
    conflicts: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the terminal: ``error: FILE: reason`` for failures."""
        if self.status == "failed":
            return f"error: {self.path}: {self.reason}"
        if self.status == "skipped":
            return f"skipped: {self.path}: {self.reason}"
        extra = (
            f" (duplicate of #{self.duplicate_of_id}, score {self.duplicate_score:.2f})"
            if (self.status == "duplicate" and self.duplicate_of_id is not None)
            else ""
        )
        return f"{self.status}: {self.path} -> #{self.document_id}{extra}"


@dataclass
class IngestReport:
    """Outcome of one ingest run: a result per file and counts per status."""

    results: list[FileResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Number of files per status (every status present, zero when none)."""
        c = Counter(r.status for r in self.results)
        return {s: c.get(s, 0) for s in STATUSES}

    @property
    def failures(self) -> list[FileResult]:
        """The files that could not be ingested."""
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failures


Progress = Callable[[FileResult, int, int], None]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _current_at(session: Session, source_path: str) -> Document | None:
    stmt = (
        select(Document)
        .where(Document.source_path == source_path, Document.is_current.is_(True))
        .order_by(Document.id.desc())
    )
    return session.scalars(stmt).first()


def _peek_unchanged(session: Session, path: Path, source_path: str, max_bytes: int) -> Document | None:
    """The stored current document at this path when the file's bytes did not change."""
    current = _current_at(session, source_path)
    if current is None:
        return None
    try:
        # read_bounded refuses pipes, devices and oversized files instead of blocking on them
        raw = readers.read_bounded(path, max_bytes)
    except (OSError, IngestError):
        return None  # load_file reports the reason
    return current if _sha256(raw) == current.raw_sha256 else None


def _exact_original(session: Session, text_hash: str, exclude_path: str) -> Document | None:
    stmt = (
        select(Document)
        .where(
            Document.sha256 == text_hash,
            Document.is_current.is_(True),
            Document.duplicate_of_id.is_(None),
            Document.source_path != exclude_path,
        )
        .order_by(Document.id)
    )
    return session.scalars(stmt).first()


def _near_original(
    session: Session, signature: list[int], exclude_path: str, threshold: float
) -> tuple[Document, float] | None:
    stmt = select(Document.id, Document.minhash).where(
        Document.is_current.is_(True),
        Document.duplicate_of_id.is_(None),
        Document.source_path != exclude_path,
    )
    best: tuple[int, float] | None = None
    for doc_id, other in session.execute(stmt):
        score = dedupe.signature_similarity(signature, other)
        if score >= threshold and (best is None or score > best[1]):
            best = (doc_id, score)
    if best is None:
        return None
    return session.get_one(Document, best[0]), best[1]


def _new_document(loaded: LoadedText, source_path: str, text_hash: str, signature: list[int]) -> Document:
    raw = loaded.raw_bytes
    return Document(
        source_path=source_path,
        filename=loaded.path.name[:300],
        format=loaded.format[:10],
        raw_sha256=_sha256(raw),
        sha256=text_hash,
        size_bytes=len(raw),
        title=(loaded.title or None) and loaded.title[:500],
        clean_text=loaded.text,
        language=loaded.language,
        minhash=signature,
        meta=loaded.meta or None,
    )


def _extract_into(session: Session, document: Document, *, rows: bool = True) -> list[str]:
    """Extract the stored text into rows (or, with ``rows=False``, document fields only); return conflicts."""
    try:
        # the reader already detected the language; the pipeline detects it only when unknown
        extraction = pipeline.extract_text(
            document.clean_text, language=document.language, title=document.title
        )
    except Exception as exc:
        raise IngestError(document.source_path, f"extraction failed: {_one_line(exc)}") from exc
    document.language = extraction.document.language
    if rows:
        conflicts = save_extraction(session, document, extraction)
        # propose this document as evidence for open actions elsewhere (a reviewer decides)
        suggest_evidence(session, document)
        return conflicts
    info = extraction.document
    document.title = (info.title or document.title or "")[:500] or None
    document.doc_type = info.doc_type
    document.issue_date = info.date
    document.extractor = extraction.extractor[:80]
    document.raw_extraction = extraction.to_json_dict()
    return []


def _ingest_in_session(session: Session, path: Path, force: bool, settings: Settings) -> FileResult:
    source_path = str(path.resolve())
    shown = str(path)
    unchanged = _peek_unchanged(session, path, source_path, settings.max_file_bytes)
    if unchanged is not None:
        if not force or unchanged.duplicate_of_id is not None:
            return FileResult(shown, "unchanged", unchanged.id)
        conflicts = _extract_into(session, unchanged)
        return FileResult(shown, "reextracted", unchanged.id, conflicts=conflicts)

    loaded = load_file(path, max_bytes=settings.max_file_bytes)
    if "\x00" in loaded.text:
        # A backstop for readers: PostgreSQL text cannot hold NUL, and real documents never do.
        raise IngestError(path, "text contains NUL bytes (binary data, not a document)")
    text_hash = dedupe.text_sha256(loaded.text)
    signature = dedupe.minhash_signature(loaded.text)
    document = _new_document(loaded, source_path, text_hash, signature)

    previous = _current_at(session, source_path)
    if previous is not None:
        # A changed file at a known path: a new version of the same lineage.
        previous.is_current = False
        document.version_of_id = previous.version_of_id or previous.id
        document.version_no = previous.version_no + 1
        session.add(document)
        session.flush()
        conflicts = _extract_into(session, document)
        return FileResult(shown, "updated", document.id, conflicts=conflicts)

    original = _exact_original(session, text_hash, source_path)
    score = 1.0
    if original is None:
        near = _near_original(session, signature, source_path, dedupe.NEAR_DUPLICATE_THRESHOLD)
        if near is not None:
            original, score = near
    if original is not None:
        document.duplicate_of_id = original.id
        document.duplicate_score = score
        session.add(document)
        session.flush()
        if score >= 1.0 and text_hash == original.sha256:
            for name in ("title", "doc_type", "language", "issue_date", "extractor", "raw_extraction"):
                setattr(document, name, getattr(original, name))
        else:
            _extract_into(session, document, rows=False)
        return FileResult(shown, "duplicate", document.id, duplicate_of_id=original.id, duplicate_score=score)

    session.add(document)
    session.flush()
    return FileResult(shown, "new", document.id, conflicts=_extract_into(session, document))


def ingest_file(
    store: Store, path: Path, *, force: bool = False, settings: Settings | None = None
) -> FileResult:
    """Ingest one file in one transaction; any failure rolls it back and is returned as ``failed``."""
    settings = settings or get_settings()
    try:
        with store.session() as session:
            return _ingest_in_session(session, Path(path), force, settings)
    except IngestError as exc:
        return FileResult(str(path), "failed", reason=" ".join(exc.reason.split()))
    except Exception as exc:
        return FileResult(str(path), "failed", reason=f"{type(exc).__name__}: {_one_line(exc)}")


def ingest_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    force: bool = False,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively); ``progress(result, done, total)`` is called per file."""
    settings = settings or get_settings()
    found = discover([Path(p) for p in paths])
    report = IngestReport()
    for err in found.errors:
        report.results.append(FileResult(err.path, "failed", reason=err.reason))
    for skipped in found.skipped:
        report.results.append(FileResult(str(skipped), "skipped", reason="unsupported extension"))
    total = len(found.files)
    for done, file in enumerate(found.files, start=1):
        result = ingest_file(store, file, force=force, settings=settings)
        report.results.append(result)
        if progress is not None:
            progress(result, done, total)
    return report


def reextract_document(session: Session, document: Document) -> list[str]:
    """Re-run extraction on a stored document (same row, rows replaced); return review conflicts."""
    return _extract_into(session, document)
