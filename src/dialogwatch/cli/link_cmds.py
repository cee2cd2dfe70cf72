"""Linking and analytics commands: series, meetings, people, organizations, topics, attendance, link."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from dialogwatch import analytics
from dialogwatch.analytics import UnknownSeriesError
from dialogwatch.cli.common import DbOption, db_session, fail
from dialogwatch.cli.output import OutputFormat, dump_json, emit

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]
SeriesOption = Annotated[
    str | None, typer.Option("--series", "-s", help="Series id, key, or part of its name or an alias.")
]


def _heads(heads: dict[str, list[str]]) -> str:
    return "; ".join(f"{side}: {', '.join(names)}" for side, names in heads.items())


def _emit_matrices(matrices: list[analytics.Matrix], fmt: OutputFormat, fixed: list[str], title: str) -> None:
    if fmt is OutputFormat.json:
        dump_json([m.as_dict() for m in matrices])
        return
    for m in matrices:
        cols = [*fixed, *(c["label"] for c in m.meetings)]
        emit(m.flat(), cols, fmt, title=f"{title}: {m.series}")


def register(app: typer.Typer) -> None:
    """Add the linking and analytics commands to the app."""

    @app.command("series")
    def series_cmd(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
        """List dialogue series with their parties, theme, rounds and dates."""
        with db_session(db) as session:
            rows = analytics.series_list(session)
        emit(
            rows,
            ["id", "name", "parties", "theme", "meetings", "rounds", "first_date", "last_date"],
            format,
            title="Series",
        )

    @app.command("meetings")
    def meetings_cmd(
        series: SeriesOption = None, db: DbOption = None, format: FormatOption = OutputFormat.table
    ) -> None:
        """The timeline of rounds: dates, venues, heads of delegation and documents."""
        with db_session(db) as session:
            try:
                rows = analytics.meetings_timeline(session, series)
            except UnknownSeriesError as exc:
                fail(str(exc))
        if format is not OutputFormat.json:
            rows = [
                {
                    **r,
                    "heads": _heads(r["heads"]),
                    "conflicts": "CONFLICT " + ", ".join(r["conflicts"]) if r["flagged"] else "",
                    "documents": [f"{d['id']}:{d['role']}" for d in r["documents"]],
                }
                for r in rows
            ]
        emit(
            rows,
            ["id", "series", "round", "date", "city", "country", "heads", "documents", "conflicts"],
            format,
            title="Meetings",
        )

    @app.command("people")
    def people_cmd(
        name: Annotated[str | None, typer.Argument(help="Part of a name (accents optional).")] = None,
        db: DbOption = None,
        format: FormatOption = OutputFormat.table,
    ) -> None:
        """People with their meetings and titles over time."""
        with db_session(db) as session:
            people = analytics.people(session, name)
        if format is OutputFormat.json:
            dump_json(people)
            return
        rows = [
            {
                "id": p["id"],
                "name": p["name"],
                "date": e["date"],
                "series": e["series"],
                "round": e["round"],
                "side": e["side"],
                "role": e["role"],
                "title": e["title"],
                "organization": e["organization"],
            }
            for p in people
            for e in p["participations"]
        ]
        emit(rows, None, format, title="People")

    @app.command("organizations")
    def organizations_cmd(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
        """Organisations with country, acronyms, aliases and meetings attended."""
        with db_session(db) as session:
            rows = analytics.organizations(session)
        emit(rows, ["id", "name", "country", "kind", "acronyms", "meetings"], format, title="Organizations")

    @app.command("topics")
    def topics_cmd(
        matrix: Annotated[
            bool, typer.Option("--matrix/--list", help="Topic x meeting matrix (default), or a plain list.")
        ] = True,
        series: SeriesOption = None,
        db: DbOption = None,
        format: FormatOption = OutputFormat.table,
    ) -> None:
        """Topics of each round of a series, marked new, continued or dropped."""
        with db_session(db) as session:
            try:
                matrices = analytics.topic_matrix(session, series)
            except UnknownSeriesError as exc:
                fail(str(exc))
        if not matrix:
            rows = [
                {"series": m.series, "topic": r["topic"], "rounds": r["rounds"]}
                for m in matrices
                for r in m.rows
            ]
            emit(rows, None, format, title="Topics")
            return
        _emit_matrices(matrices, format, ["topic", "rounds"], "Topics")

    @app.command("attendance")
    def attendance_cmd(
        series: SeriesOption = None, db: DbOption = None, format: FormatOption = OutputFormat.table
    ) -> None:
        """Which agencies each side brought to each round."""
        with db_session(db) as session:
            try:
                matrices = analytics.attendance_matrix(session, series)
            except UnknownSeriesError as exc:
                fail(str(exc))
        _emit_matrices(matrices, format, ["side", "organization", "rounds"], "Attendance")

    @app.command("link")
    def link_cmd(
        rebuild: Annotated[
            bool, typer.Option("--rebuild", help="Forget every linked entity first, then link all documents.")
        ] = False,
        db: DbOption = None,
        format: FormatOption = OutputFormat.table,
    ) -> None:
        """Re-run linking over all documents (series, meetings, people, agencies, cases, action links)."""
        from dialogwatch.link.service import link_all

        with db_session(db) as session:
            summary = link_all(session, rebuild=rebuild)
        emit([asdict(summary)], None, format, title="Linking")
