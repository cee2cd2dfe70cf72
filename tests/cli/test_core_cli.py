"""The core commands through Typer's CliRunner, on both databases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogwatch.cli.app import app
from samples_core import ROUND_STATEMENT, SMALL_MAX_BYTES, bad_inputs, good_folder, write

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    """Invoke the CLI; stdout and stderr are kept apart."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_every_command_has_help() -> None:
    top = run("--help")
    assert top.exit_code == 0
    for command in ("ingest", "documents", "show", "stats", "demo", "extract"):
        assert command in top.stdout
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout
    assert "--db" in run("documents", "--help").stdout


def test_ingest_documents_show_stats(db_url: str, tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    first = run("ingest", folder, "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "Ingest summary" in first.stdout
    again = run("ingest", folder, "--db", db_url, "--format", "json")
    report = json.loads(again.stdout)
    assert report["counts"]["unchanged"] == 3 and report["counts"]["new"] == 0

    listed = json.loads(run("documents", "--db", db_url, "--format", "json").stdout)
    assert len(listed) == 3
    wanted = {"id", "title", "doc_type", "language", "date", "source_path", "version", "duplicate_of"}
    assert all(wanted <= set(row) for row in listed)
    table = list(csv.DictReader(io.StringIO(run("documents", "--db", db_url, "--format", "csv").stdout)))
    assert sorted(int(r["id"]) for r in table) == sorted(r["id"] for r in listed)
    assert {Path(r["source_path"]).name for r in table} == {"round4.txt", "seguridad.txt", "letter.md"}
    assert "Documents" in run("documents", "--db", db_url).stdout

    doc_id = next(r["id"] for r in listed if r["source_path"].endswith("round4.txt"))
    shown = run("show", doc_id, "--db", db_url, "--format", "json", "--text")
    detail = json.loads(shown.stdout)
    assert detail["id"] == doc_id and "Riverside Dialogue" in detail["text"]
    assert {"participants", "actions", "topics", "figures", "meetings"} <= set(detail)
    by_hash = run("show", detail["sha256"][:12], "--db", db_url)
    assert by_hash.exit_code == 0 and f"#{doc_id}" in by_hash.stdout

    stats = json.loads(run("stats", "--db", db_url, "--format", "json").stdout)
    assert stats["documents"]["current"] == 3
    assert "documents" in run("stats", "--db", db_url).stdout


def test_bad_batch_exits_non_zero_with_one_line_per_file(db_url: str, tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    bad = bad_inputs(tmp_path)
    result = run("ingest", folder, *bad.values(), "--db", db_url, "--max-file-bytes", SMALL_MAX_BYTES)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad), result.stderr
    for path in bad.values():
        assert sum(str(path) in line for line in errors) == 1
    assert "Traceback" not in result.output
    listed = json.loads(run("documents", "--db", db_url, "--format", "json").stdout)
    assert len(listed) == 3


def test_errors_are_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    missing = run("show", "42", "--db", db)
    assert missing.exit_code == 1 and missing.stderr.strip() == "error: no document with id 42"
    bad_url = run("documents", "--db", "nosuchdb://x")
    assert bad_url.exit_code == 1
    assert bad_url.stderr.startswith("error: ") and len(bad_url.stderr.strip().splitlines()) == 1
    unreachable = run("stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert unreachable.exit_code == 1 and len(unreachable.stderr.strip().splitlines()) == 1


def test_default_database_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    db_file = tmp_path / "from-env.db"
    monkeypatch.setenv("DIALOGWATCH_DB", f"sqlite:///{db_file}")
    assert run("ingest", write(tmp_path, "s.txt", ROUND_STATEMENT)).exit_code == 0
    assert db_file.exists()
    monkeypatch.delenv("DIALOGWATCH_DB")
    assert run("stats").exit_code == 0
    assert (tmp_path / "dialogwatch.db").exists()  # the default: dialogwatch.db in the working folder


def test_demo_builds_a_fresh_database(tmp_path: Path) -> None:
    examples = good_folder(tmp_path / "ex")
    write(examples, "README.md", "# Examples\n\nThis README describes the folder; it is no document.\n")
    db_file = tmp_path / "demo.db"
    db = f"sqlite:///{db_file}"
    first = run("demo", "--examples", examples, "--db", db)
    assert first.exit_code == 0, first.output
    assert "Ingest summary" in first.stdout and "dialogwatch serve" in first.stdout
    again = run("demo", "--examples", examples, "--db", db)
    assert again.exit_code == 0
    listed = json.loads(run("documents", "--db", db, "--format", "json").stdout)
    assert len(listed) == 3 and {d["id"] for d in listed} == {1, 2, 3}  # rebuilt, not appended

    other = write(tmp_path / "mine", "private.txt", "A note of my own about the dialogue, not an example.")
    assert run("ingest", other, "--db", db).exit_code == 0
    refused = run("demo", "--examples", examples, "--db", db)
    assert refused.exit_code == 1 and "not examples" in refused.stderr
    assert run("demo", "--examples", examples, "--db", db, "--replace").exit_code == 0


def test_demo_without_examples_is_an_error(tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    monkeypatch.setenv("DIALOGWATCH_EXAMPLES_DIR", str(empty))
    result = run("demo", "--db", f"sqlite:///{tmp_path / 'd.db'}")
    assert result.exit_code == 1 and "no example documents" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_empty_database_lists_nothing(tmp_path: Path, fmt: str) -> None:
    result = run("documents", "--db", f"sqlite:///{tmp_path / 'e.db'}", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout) == []
