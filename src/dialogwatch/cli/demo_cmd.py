"""``dialogwatch demo``: build a database from the bundled example documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

import dialogwatch
from dialogwatch.cli.common import DbOption, fail, one_line, opened_store, settings_for
from dialogwatch.cli.core_cmds import print_report, run_ingest
from dialogwatch.cli.output import console, emit
from dialogwatch.ingest.discover import discover
from dialogwatch.store import queries
from dialogwatch.store.db import StoreError, open_store
from dialogwatch.store.models import Document


def example_candidates(explicit: Path | None = None) -> list[Path]:
    """Where examples may live: flag, $DIALOGWATCH_EXAMPLES_DIR, the package, the repository checkout."""
    package = Path(dialogwatch.__file__).resolve().parent
    configured = settings_for().examples_dir
    found = [explicit, configured, package / "examples", package.parents[1] / "examples"]
    return [p for p in found if p is not None]


def find_examples(explicit: Path | None = None) -> Path:
    """The first folder of examples that exists and holds files, or a one-line error."""
    candidates = example_candidates(explicit)
    if explicit is not None or settings_for().examples_dir is not None:
        candidates = candidates[:1]
    for folder in candidates:
        if folder.is_dir() and any(p.is_file() for p in folder.rglob("*")):
            return folder
    fail(f"no example documents found (looked in {', '.join(str(c) for c in candidates)})")


def example_files(folder: Path) -> list[Path]:
    """The example documents in ``folder``, without its README (which describes them)."""
    found = discover([folder])
    return [p for p in found.files if p.stem.upper() != "README"]


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _foreign_documents(url: str, examples: Path) -> int:
    """How many stored documents do not come from the examples folder."""
    store = open_store(url)
    try:
        with store.session() as session:
            prefix = str(examples.resolve())
            return (
                session.scalar(
                    select(func.count()).where(~Document.source_path.startswith(prefix, autoescape=True))
                )
                or 0
            )
    finally:
        store.close()


def _reset_sqlite(url: str, examples: Path, replace: bool) -> None:
    """Delete an existing SQLite demo database so the demo starts fresh; refuse to drop real data."""
    path = _sqlite_file(url)
    if path is None or not path.exists():
        return
    if not replace:
        try:
            foreign = _foreign_documents(url, examples)
        except StoreError as exc:
            fail(
                f"{path} exists and cannot be opened as a dialogwatch database ({one_line(exc)}); "
                "pass --replace to overwrite it or choose another --db"
            )
        if foreign:
            fail(
                f"{path} already holds {foreign} documents that are not examples; "
                "pass --replace to overwrite it or choose another --db"
            )
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def register(app: typer.Typer) -> None:
    """Add the demo command to the app."""

    @app.command("demo")
    def demo(
        examples: Annotated[
            Path | None,
            typer.Option("--examples", help="Folder of documents to use instead of the bundled examples."),
        ] = None,
        replace: Annotated[
            bool, typer.Option("--replace", help="Overwrite an SQLite database that holds other documents.")
        ] = False,
        db: DbOption = None,
    ) -> None:
        """Build a fresh database from the bundled example documents and print what it holds.

        On SQLite the database file is rebuilt from scratch; on PostgreSQL the examples
        are ingested into the given database. Afterwards try `dialogwatch documents`,
        `dialogwatch show 1` or `dialogwatch serve`.
        """
        folder = find_examples(examples)
        files = example_files(folder)
        if not files:
            fail(f"no example documents in {folder}")
        url = settings_for(db).db
        _reset_sqlite(url, folder, replace)
        with opened_store(url) as store:
            report = run_ingest(store, files, force=False)
            with store.session() as session:
                rows = queries.list_documents(session)
                numbers = queries.stats(session)
        print_report(report)
        emit(rows, ["id", "date", "doc_type", "language", "title"], "table", title=f"Documents in {url}")
        tables = numbers["tables"]
        summary = ", ".join(
            f"{tables.get(t, 0)} {label}"
            for t, label in (
                ("participations", "participants"),
                ("actions", "actions"),
                ("topic_assignments", "topic assignments"),
                ("figures", "figures"),
                ("meetings", "meetings"),
                ("people", "people"),
            )
        )
        out = console()
        out.print(f"Extracted: {summary}.")
        out.print(f"Explore it: dialogwatch documents --db {url}  |  dialogwatch serve --db {url}")
        if not report.ok:
            raise typer.Exit(1)
