"""Render rows as a Rich table, JSON or CSV: the one output helper every command uses."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    """Formats of list commands."""

    table = "table"
    json = "json"
    csv = "csv"


def console() -> Console:
    """A console on the current stdout (resolved per call so test runners can capture it)."""
    return Console(file=sys.stdout, soft_wrap=False)


def err_console() -> Console:
    """A console on the current stderr, for progress bars and warnings."""
    return Console(file=sys.stderr)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def dump_json(data: Any) -> None:
    """Write JSON (UTF-8, indented) to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def emit(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str] | None,
    fmt: OutputFormat | str,
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Print rows: ``table`` and ``csv`` show ``columns`` (all keys if None); ``json`` prints whole rows."""
    fmt = OutputFormat(fmt)
    rows = list(rows)
    cols = list(columns) if columns else list(dict.fromkeys(k for r in rows for k in r))
    if fmt is OutputFormat.json:
        dump_json([dict(r) for r in rows])
        return
    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([_csv_cell(r.get(c)) for c in cols])
        return
    headers = headers or {}
    table = Table(title=title, show_lines=False, header_style="bold")
    for c in cols:
        table.add_column(headers.get(c, c), overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in cols))
    out = console()
    if not rows:
        out.print(f"[dim]{title + ': ' if title else ''}nothing to show[/dim]")
        return
    out.print(table)
