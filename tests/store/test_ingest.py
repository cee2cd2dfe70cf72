"""Ingestion: new, unchanged, versions, duplicates, bad input and rollback, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from dialogwatch.extract import pipeline
from dialogwatch.ingest.service import ingest_file, ingest_paths
from dialogwatch.settings import get_settings
from dialogwatch.store.models import Action, Document, Participation, TopicAssignment
from dialogwatch.store.persist import EXTRACTED_TABLES
from samples_core import (
    NEAR_DUPLICATE_FOOTER,
    ROUND_STATEMENT,
    SMALL_MAX_BYTES,
    bad_inputs,
    good_folder,
    write,
)


def _docs(store) -> list[Document]:
    with store.session() as s:
        return list(s.scalars(select(Document).order_by(Document.id)))


def _row_counts(store) -> dict[str, int]:
    with store.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in EXTRACTED_TABLES}


def _extracted_rows(store, doc_id: int) -> int:
    with store.session() as s:
        return sum(
            s.scalar(select(func.count()).select_from(m).where(m.document_id == doc_id))
            for m in EXTRACTED_TABLES
        )


def test_folder_is_ingested_then_unchanged(store, tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    first = ingest_paths(store, [folder])
    assert first.counts["new"] == 3 and first.ok
    docs = _docs(store)
    assert {d.filename for d in docs} == {"round4.txt", "seguridad.txt", "letter.md"}
    assert all(d.is_current and d.version_no == 1 and d.duplicate_of_id is None for d in docs)
    assert all(len(d.sha256) == 64 and len(d.raw_sha256) == 64 and d.minhash for d in docs)
    assert all(d.raw_extraction and d.raw_extraction["schema"] == "dialogwatch.extraction/1" for d in docs)
    before = _row_counts(store)

    second = ingest_paths(store, [folder])
    assert second.counts["unchanged"] == 3 and second.counts["new"] == 0
    assert len(_docs(store)) == 3
    assert _row_counts(store) == before


def test_changed_file_becomes_a_linked_version(store, tmp_path: Path) -> None:
    path = write(tmp_path, "statement.txt", ROUND_STATEMENT)
    original = ingest_file(store, path)
    assert original.status == "new"
    write(tmp_path, "statement.txt", ROUND_STATEMENT.replace("Monterrey", "Guadalajara"))
    second = ingest_file(store, path)
    write(tmp_path, "statement.txt", ROUND_STATEMENT.replace("Monterrey", "Puebla"))
    third = ingest_file(store, path)
    assert (second.status, third.status) == ("updated", "updated")
    docs = {d.id: d for d in _docs(store)}
    ids = (original.document_id, second.document_id, third.document_id)
    assert [docs[i].version_no for i in ids] == [1, 2, 3]
    assert docs[second.document_id].version_of_id == original.document_id
    assert docs[third.document_id].version_of_id == original.document_id
    assert [d.is_current for d in docs.values()] == [False, False, True]
    assert "Puebla" in docs[third.document_id].clean_text
    assert ingest_file(store, path).status == "unchanged"


def test_same_text_at_another_path_is_a_duplicate_pointer(store, tmp_path: Path) -> None:
    original = ingest_file(store, write(tmp_path / "a", "statement.txt", ROUND_STATEMENT))
    copy = ingest_file(store, write(tmp_path / "b", "copy-of-statement.txt", ROUND_STATEMENT))
    assert copy.status == "duplicate"
    assert (copy.duplicate_of_id, copy.duplicate_score) == (original.document_id, 1.0)
    assert _extracted_rows(store, copy.document_id) == 0  # never independent evidence
    dup = next(d for d in _docs(store) if d.id == copy.document_id)
    orig = next(d for d in _docs(store) if d.id == original.document_id)
    assert dup.sha256 == orig.sha256 and dup.language == orig.language
    # Re-running over the copy does nothing more.
    assert ingest_file(store, tmp_path / "b" / "copy-of-statement.txt").status == "unchanged"
    assert len(_docs(store)) == 2


def test_near_duplicate_is_linked_with_its_score(store, tmp_path: Path) -> None:
    original = ingest_file(store, write(tmp_path, "statement.txt", ROUND_STATEMENT))
    near = ingest_file(store, write(tmp_path, "reposted.txt", ROUND_STATEMENT + NEAR_DUPLICATE_FOOTER))
    assert near.status == "duplicate"
    assert near.duplicate_of_id == original.document_id
    assert 0.9 <= near.duplicate_score < 1.0
    assert _extracted_rows(store, near.document_id) == 0
    dup = next(d for d in _docs(store) if d.id == near.document_id)
    assert dup.raw_extraction is not None  # document fields are still known


def test_each_bad_input_fails_alone_and_the_batch_goes_on(store, tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    bad = bad_inputs(tmp_path)
    settings = get_settings(max_file_bytes=SMALL_MAX_BYTES)
    report = ingest_paths(store, [folder, *bad.values()], settings=settings)
    failed = {Path(r.path).name: r for r in report.failures}
    assert set(failed) == {p.name for p in bad.values()}, [r.line() for r in report.results]
    for result in failed.values():
        line = result.line()
        assert line.startswith("error: ") and "\n" not in line and result.path in line
        assert result.reason
    assert report.counts["new"] == 3 and not report.ok
    # Nothing half-written: exactly the good documents, each with its own rows only.
    docs = _docs(store)
    assert sorted(d.filename for d in docs) == ["letter.md", "round4.txt", "seguridad.txt"]
    with store.session() as s:
        stray = Action.document_id.not_in([d.id for d in docs])
        orphan = s.scalar(select(func.count()).select_from(Action).where(stray))
    assert orphan == 0


@pytest.mark.parametrize(
    "kind",
    [
        "empty",
        "too_large",
        "unsupported",
        "docx_not_zip",
        "bad_utf8",
        "encrypted_pdf",
        "scanned_pdf",
        "zip_bomb",
    ],
)
def test_bad_input_reason_is_specific(sqlite_store, tmp_path: Path, kind: str) -> None:
    bad = bad_inputs(tmp_path)
    result = ingest_file(sqlite_store, bad[kind], settings=get_settings(max_file_bytes=SMALL_MAX_BYTES))
    words = {
        "empty": ("empty",),
        "too_large": ("large", "limit", "bytes", "size"),
        "unsupported": ("unsupported", "extension", "format"),
        "docx_not_zip": ("docx", "zip", "word"),
        "bad_utf8": ("utf-8", "utf8", "encoding", "decode"),
        "encrypted_pdf": ("encrypted", "password"),
        "scanned_pdf": ("no text layer",),
        "zip_bomb": ("zip bomb",),
    }[kind]
    assert result.status == "failed"
    assert any(w in result.reason.lower() for w in words), result.reason


def test_failing_extraction_rolls_back_that_document_only(store, tmp_path: Path, monkeypatch) -> None:
    folder = good_folder(tmp_path)
    real = pipeline.extract_text

    def flaky(text: str, **kw):  # type: ignore[no-untyped-def]
        if "fronteriza" in text:
            raise RuntimeError("boom in a rule\nsecond line of detail")
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "extract_text", flaky)
    report = ingest_paths(store, [folder])
    assert report.counts["new"] == 2 and report.counts["failed"] == 1
    (failure,) = report.failures
    assert failure.path.endswith("seguridad.txt")
    assert "extraction failed" in failure.reason and "boom in a rule" in failure.reason
    assert "\n" not in failure.line()
    assert sorted(d.filename for d in _docs(store)) == ["letter.md", "round4.txt"]


def test_failed_update_keeps_the_previous_version_current(store, tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "statement.txt", ROUND_STATEMENT)
    first = ingest_file(store, path)
    write(tmp_path, "statement.txt", ROUND_STATEMENT + "\nA paragraph added later.\n")

    def broken(text: str, **kw):  # type: ignore[no-untyped-def]
        raise ValueError("cannot parse")

    monkeypatch.setattr(pipeline, "extract_text", broken)
    assert ingest_file(store, path).status == "failed"
    docs = _docs(store)
    assert [(d.id, d.is_current) for d in docs] == [(first.document_id, True)]


def test_force_re_extracts_the_same_row(store, tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "statement.txt", ROUND_STATEMENT)
    first = ingest_file(store, path)
    real = pipeline.extract_text
    calls = []

    def counting(text: str, **kw):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "extract_text", counting)
    assert ingest_file(store, path).status == "unchanged" and calls == []
    rows_before = _extracted_rows(store, first.document_id)
    forced = ingest_file(store, path, force=True)
    assert (forced.status, forced.document_id) == ("reextracted", first.document_id)
    assert len(calls) == 1
    assert len(_docs(store)) == 1
    assert _extracted_rows(store, first.document_id) == rows_before


def test_missing_path_is_one_failure(store, tmp_path: Path) -> None:
    report = ingest_paths(store, [tmp_path / "nowhere.txt"])
    assert report.counts["failed"] == 1
    assert "nowhere.txt" in report.failures[0].line()


def test_ingest_stores_rows_the_extractor_returns(store, tmp_path: Path, monkeypatch) -> None:
    from dialogwatch.extract import schema as x

    def fake(text: str, **kw):  # type: ignore[no-untyped-def]
        return x.Extraction(
            extractor="fake/1",
            document=x.DocumentInfo(doc_type="letter", language="en", date="2018-05-02"),
            participants=[x.Participant(name="Ana Ejemplo", role="signatory", side="CSO")],
            topics=[x.Topic(id="torture", score=0.7)],
        )

    monkeypatch.setattr(pipeline, "extract_text", fake)
    result = ingest_file(store, write(tmp_path, "letter.txt", "Dear Secretary, we write about torture."))
    (doc,) = _docs(store)
    assert (doc.doc_type, doc.issue_date, doc.extractor) == ("letter", "2018-05-02", "fake/1")
    with store.session() as s:
        assert s.scalars(select(Participation.name)).all() == ["Ana Ejemplo"]
        assert s.scalars(select(TopicAssignment.topic_id)).all() == ["torture"]
    assert result.status == "new"
