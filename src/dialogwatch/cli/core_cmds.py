"""Core commands: ``ingest``, ``documents``, ``show`` and ``stats``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from dialogwatch.cli.common import DbOption, db_session, fail, opened_store, settings_for
from dialogwatch.cli.output import OutputFormat, console, dump_json, emit, err_console
from dialogwatch.ingest.service import STATUSES, FileResult, IngestReport, ingest_paths
from dialogwatch.store import queries
from dialogwatch.store.db import Store


class ShowFormat(StrEnum):
    """Formats of ``show``."""

    text = "text"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]


def run_ingest(
    store: Store, paths: list[Path], *, force: bool, max_file_bytes: int | None = None
) -> IngestReport:
    """Ingest with a progress bar on stderr (shown only on a terminal, for more than one file)."""
    settings = settings_for(store.url, max_file_bytes=max_file_bytes)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console(),
        transient=True,
    )
    task = progress.add_task("ingesting", total=None)

    def advance(result: FileResult, done: int, total: int) -> None:
        progress.update(task, total=total, completed=done, description=Path(result.path).name[:40])

    with progress:
        return ingest_paths(store, paths, force=force, settings=settings, progress=advance)


def print_report(report: IngestReport, *, verbose: bool = False) -> None:
    """Per-file lines (failures always, to stderr) and the summary table."""
    for r in report.results:
        if r.status == "failed":
            typer.echo(r.line(), err=True)
        elif verbose or r.status in ("updated", "duplicate", "skipped", "reextracted"):
            typer.echo(r.line())
        for conflict in r.conflicts:
            typer.echo(f"review conflict: {r.path}: {conflict}")
    counts = report.counts
    table = Table(title="Ingest summary", header_style="bold")
    shown = [s for s in STATUSES if counts[s] or s in ("new", "updated", "unchanged", "duplicate", "failed")]
    for status in shown:
        table.add_column(status, justify="right")
    table.add_row(*(str(counts[s]) for s in shown))
    console().print(table)


def register(app: typer.Typer) -> None:
    """Add the core commands to the app."""

    @app.command("ingest")
    def ingest(
        paths: Annotated[list[Path], typer.Argument(help="Files and folders (walked recursively).")],
        force: Annotated[
            bool, typer.Option("--force", help="Re-extract documents even when their file did not change.")
        ] = False,
        max_file_bytes: Annotated[
            int | None, typer.Option("--max-file-bytes", help="Refuse files larger than this many bytes.")
        ] = None,
        fmt: Annotated[
            OutputFormat, typer.Option("--format", "-f", help="table (summary) or json (report).")
        ] = OutputFormat.table,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line for every file.")] = False,
        db: DbOption = None,
    ) -> None:
        """Store documents (.txt .md .html .pdf .docx) and what is extracted from them.

        Unchanged files are skipped, changed files become new versions, and copies of
        a stored text are recorded as duplicates. Exits 1 when any file failed.
        """
        with opened_store(db) as store:
            report = run_ingest(store, paths, force=force, max_file_bytes=max_file_bytes)
        if fmt is OutputFormat.json:
            dump_json({"counts": report.counts, "files": [vars(r) for r in report.results]})
        else:
            print_report(report, verbose=verbose)
        if not report.ok:
            raise typer.Exit(1)

    @app.command("documents")
    def documents(
        doc_type: Annotated[
            str | None, typer.Option("--type", help="joint_statement, letter, news...")
        ] = None,
        language: Annotated[str | None, typer.Option("--language", help="en, es or other.")] = None,
        year: Annotated[int | None, typer.Option("--year", help="Issue year.")] = None,
        series: Annotated[
            str | None, typer.Option("--series", help="Part of a dialogue series' name.")
        ] = None,
        all_versions: Annotated[
            bool, typer.Option("--all-versions", help="Include superseded versions.")
        ] = False,
        limit: Annotated[int | None, typer.Option("--limit", min=1, help="Show at most this many.")] = None,
        fmt: FormatOption = OutputFormat.table,
        db: DbOption = None,
    ) -> None:
        """List stored documents with type, language, date, version and duplicate links."""
        with db_session(db) as session:
            rows = queries.list_documents(
                session,
                doc_type=doc_type,
                language=language,
                year=year,
                series=series,
                current_only=not all_versions,
                limit=limit,
            )
        columns = queries.DOCUMENT_COLUMNS
        if fmt is OutputFormat.table:
            columns = ["id", "date", "doc_type", "language", "title", "version", "duplicate_of"]
        emit(rows, columns, fmt, title="Documents")

    @app.command("show")
    def show(
        doc: Annotated[str, typer.Argument(help="Document id, or a prefix of its SHA-256.")],
        fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="text or json.")] = ShowFormat.text,
        text: Annotated[bool, typer.Option("--text", help="Include the clean text.")] = False,
        db: DbOption = None,
    ) -> None:
        """Show one document with everything extracted from it."""
        with db_session(db) as session:
            try:
                found = queries.get_document(session, doc)
            except queries.DocumentNotFound as exc:
                fail(str(exc))
            detail = queries.document_detail(session, found, include_text=text)
        if fmt is ShowFormat.json:
            dump_json(detail)
            return
        from dialogwatch.cli.show_render import render_detail

        render_detail(detail)

    @app.command("stats")
    def stats(fmt: FormatOption = OutputFormat.table, db: DbOption = None) -> None:
        """Counts of documents (by language, type, year) and of stored rows per table."""
        with db_session(db) as session:
            data = queries.stats(session)
        if fmt is OutputFormat.json:
            dump_json(data)
            return
        rows = [{"section": "documents", "key": k, "count": v} for k, v in data["documents"].items()]
        for section in ("by_language", "by_type", "by_year", "actions_by_kind", "tables"):
            rows += [{"section": section, "key": k, "count": v} for k, v in data[section].items()]
        emit(rows, ["section", "key", "count"], fmt, title="dialogwatch statistics")
