"""Named cases and instruments: ``dialogwatch cases`` and ``dialogwatch instruments``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from dialogwatch import analytics
from dialogwatch.analytics import UnknownSeriesError
from dialogwatch.cli.common import DbOption, db_session, fail
from dialogwatch.cli.output import OutputFormat, dump_json, emit

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]
SeriesOption = Annotated[
    str | None,
    typer.Option(
        "--series", "-s", help="Only documents of this series (id, key, or part of its name or an alias)."
    ),
]

LIST_COLUMNS = ["id", "name", "documents", "first_date", "last_date", "names"]
DETAIL_COLUMNS = [
    "id",
    "entity",
    "date",
    "doc_type",
    "language",
    "document_id",
    "title",
    "series",
    "round",
    "name",
    "start",
    "end",
    "snippet",
]


def _flatten(details: list[dict]) -> list[dict]:
    """One row per (entity, document) for table and CSV output; the snippet becomes plain text."""
    return [
        {
            **{k: v for k, v in e.items() if k not in ("snippet", "names")},
            "id": d["id"],
            "entity": d["name"],
            "names": e["names"],
            "snippet": e["snippet"]["text"],
        }
        for d in details
        for e in d["timeline"]
    ]


def _show(
    session: Session,
    found: list[dict],
    detail: Callable[[Session, int], dict | None],
    label: str,
    name: str | None,
) -> list[dict]:
    if not name:
        return found
    if not found:
        fail(f"no {label} matches {name!r}")
    return [d for d in (detail(session, s["id"]) for s in found) if d is not None]


def register(app: typer.Typer) -> None:
    """Add the cases and instruments commands to the app."""

    @app.command("cases")
    def cases_cmd(
        name: Annotated[
            str | None,
            typer.Argument(help="Id or part of a case's name in any language (accents optional)."),
        ] = None,
        series: SeriesOption = None,
        db: DbOption = None,
        format: FormatOption = OutputFormat.table,
    ) -> None:
        """Named cases with the names used and their documents; with NAME, each document over time."""
        with db_session(db) as session:
            try:
                found = analytics.cases(session, name, series)
                rows = _show(session, found, lambda s, i: analytics.case_detail(s, i, series), "case", name)
            except UnknownSeriesError as exc:
                fail(str(exc))
        _emit(rows, bool(name), format, "Cases", LIST_COLUMNS, DETAIL_COLUMNS)

    @app.command("instruments")
    def instruments_cmd(
        name: Annotated[
            str | None,
            typer.Argument(help="Id or part of an instrument's name in any language (accents optional)."),
        ] = None,
        series: SeriesOption = None,
        kind: Annotated[
            str | None,
            typer.Option(
                "--kind", "-k", help="law, programme, mechanism, working_group, agreement, framework, ..."
            ),
        ] = None,
        db: DbOption = None,
        format: FormatOption = OutputFormat.table,
    ) -> None:
        """Laws, programmes, working groups, frameworks; with NAME, what each document said of it."""
        with db_session(db) as session:
            try:
                found = analytics.instruments(session, name, series, kind)
                rows = _show(
                    session,
                    found,
                    lambda s, i: analytics.instrument_detail(s, i, series),
                    "instrument",
                    name,
                )
            except UnknownSeriesError as exc:
                fail(str(exc))
        list_cols = [*LIST_COLUMNS[:2], "kind", *LIST_COLUMNS[2:]]
        detail_cols = [*DETAIL_COLUMNS[:10], "kind", "text", *DETAIL_COLUMNS[10:]]
        _emit(rows, bool(name), format, "Instruments", list_cols, detail_cols)


def _emit(
    rows: list[dict],
    detail: bool,
    fmt: OutputFormat,
    title: str,
    list_cols: list[str],
    detail_cols: list[str],
) -> None:
    """JSON: whole entries (with their timeline); table/CSV: the list, or one row per document."""
    if fmt is OutputFormat.json:
        dump_json(rows)
    elif detail:
        emit(_flatten(rows), detail_cols, fmt, title=title)
    else:
        emit(rows, list_cols, fmt, title=title)
