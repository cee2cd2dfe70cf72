"""Read-side queries: lists with filters, lookup by id or hash prefix, detail, stats."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogwatch.extract import pipeline
from dialogwatch.extract import schema as x
from dialogwatch.ingest.service import ingest_file, ingest_paths
from dialogwatch.store import queries
from samples_core import ROUND_STATEMENT, good_folder, write


def _fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deterministic document fields so filters can be asserted whatever the rules do."""

    def fake(text: str, **kw):  # type: ignore[no-untyped-def]
        spanish = "Secretaría" in text
        return x.Extraction(
            extractor="fake/1",
            document=x.DocumentInfo(
                doc_type="press_release" if spanish else "joint_statement",
                language="es" if spanish else "en",
                date="2021-05-12" if spanish else "2019-03-03",
                title=text.splitlines()[0],
            ),
            meetings=[x.Meeting(series="Riverside Dialogue on Rights", round=4)] if not spanish else [],
            actions=[x.Action(kind="commitment", text=text[:40], start=0, end=40, level=4)],
        )

    monkeypatch.setattr(pipeline, "extract_text", fake)


def test_filters_and_lookup(store, tmp_path: Path, monkeypatch) -> None:
    _fake_extractor(monkeypatch)
    ingest_paths(store, [good_folder(tmp_path)])
    with store.session() as s:
        everything = queries.list_documents(s)
        assert len(everything) == 3
        assert [d["date"] for d in everything] == ["2019-03-03", "2019-03-03", "2021-05-12"]
        assert {d["language"] for d in queries.list_documents(s, language="es")} == {"es"}
        assert len(queries.list_documents(s, doc_type="joint_statement")) == 2
        assert len(queries.list_documents(s, year=2021)) == 1
        assert len(queries.list_documents(s, series="riverside")) == 2
        assert len(queries.list_documents(s, limit=1, offset=2)) == 1
        first = everything[0]
        assert set(queries.DOCUMENT_COLUMNS) <= set(first)
        doc = queries.get_document(s, first["sha256"][:10])
        assert doc.id == first["id"]
        assert queries.get_document(s, str(first["id"])).id == first["id"]
        with pytest.raises(queries.DocumentNotFound, match="no document with id 999"):
            queries.get_document(s, "999")
        with pytest.raises(queries.DocumentNotFound, match="not a document id"):
            queries.get_document(s, "hello")
        detail = queries.document_detail(s, doc, include_text=True)
        assert set(queries.DETAIL_SECTIONS) <= set(detail)
        assert detail["actions"][0]["level"] == 4 and detail["actions"][0]["identity_key"]
        assert detail["text"].startswith(detail["title"])
        assert detail["versions"] == [
            {"id": doc.id, "version": 1, "is_current": True, "ingested_at": detail["ingested_at"]}
        ]


def test_duplicate_detail_shows_the_original_rows(store, tmp_path: Path, monkeypatch) -> None:
    _fake_extractor(monkeypatch)
    original = ingest_file(store, write(tmp_path / "a", "s.txt", ROUND_STATEMENT))
    copy = ingest_file(store, write(tmp_path / "b", "s.txt", ROUND_STATEMENT))
    with store.session() as s:
        detail = queries.document_detail(s, queries.get_document(s, copy.document_id))
        assert detail["duplicate_of"] == original.document_id
        assert detail["extracted_from"] == original.document_id and len(detail["actions"]) == 1
        assert queries.document_detail(s, queries.get_document(s, original.document_id))["duplicates"] == [
            copy.document_id
        ]
        stats = queries.stats(s)
    expected = {"stored": 2, "current": 2, "originals": 1, "duplicates": 1, "older_versions": 0}
    assert stats["documents"] == expected


def test_stats_counts(store, tmp_path: Path, monkeypatch) -> None:
    _fake_extractor(monkeypatch)
    ingest_paths(store, [good_folder(tmp_path)])
    with store.session() as s:
        stats = queries.stats(s)
    assert stats["by_language"] == {"en": 2, "es": 1}
    assert stats["by_type"] == {"joint_statement": 2, "press_release": 1}
    assert stats["by_year"] == {"2019": 2, "2021": 1}
    assert stats["tables"]["documents"] == 3 and stats["tables"]["actions"] == 3
    assert stats["actions_by_kind"] == {"commitment": 3}
