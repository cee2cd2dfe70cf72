"""Readable terminal rendering of one document's detail (``dialogwatch show``)."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from dialogwatch.cli.output import console

# Per section: (columns to show, header labels).
SECTION_COLUMNS: dict[str, list[str]] = {
    "meetings": ["series_name", "round", "date", "city", "country", "parties", "meeting_id"],
    "participants": ["name", "role", "side", "title", "organization_name", "review_state"],
    "delegations": ["side", "organization_name"],
    "acronyms": ["acronym", "expansion"],
    "topics": ["topic_id", "label_en", "score"],
    "actions": ["id", "kind", "level", "actors", "addressee", "deadline", "status", "text"],
    "figures": ["value", "unit", "period", "text"],
    "cases": ["name", "aliases"],
    "instruments": ["name", "kind"],
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return escape(str(value))


def render_detail(detail: dict[str, Any]) -> None:
    """Print the document header, then one table per non-empty section, then the text if included."""
    out = console()
    out.print(f"[bold]#{detail['id']} {escape(detail.get('title') or detail.get('filename') or '')}[/bold]")
    facts = [
        ("type", detail.get("doc_type")),
        ("language", detail.get("language")),
        ("date", detail.get("date")),
        ("source", detail.get("source_path")),
        ("version", f"{detail.get('version')} of {len(detail.get('versions') or []) or 1}"),
        ("sha256", (detail.get("sha256") or "")[:16]),
        ("extractor", detail.get("extractor")),
    ]
    if detail.get("duplicate_of"):
        score = detail.get("duplicate_score") or 0
        facts.append(("duplicate of", f"#{detail['duplicate_of']} (score {score:.2f})"))
    if detail.get("duplicates"):
        facts.append(("duplicates", ", ".join(f"#{d}" for d in detail["duplicates"])))
    for label, value in facts:
        if value:
            out.print(f"  [dim]{label}:[/dim] {escape(str(value))}")
    if detail.get("extracted_from") != detail["id"]:
        out.print(f"  [dim]extracted rows below belong to the original #{detail['extracted_from']}[/dim]")
    for section, columns in SECTION_COLUMNS.items():
        rows = detail.get(section) or []
        if not rows:
            continue
        table = Table(title=f"{section} ({len(rows)})", title_justify="left", header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        out.print(table)
    if detail.get("text") is not None:
        out.rule("text")
        out.print(escape(detail["text"]), highlight=False)
