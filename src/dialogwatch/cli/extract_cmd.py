"""``dialogwatch extract``: run extraction on one file, no database needed."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from dialogwatch.extract.pipeline import extract_text
from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.readers import load_file


class ExtractFormat(StrEnum):
    """Output formats of ``extract``."""

    json = "json"
    text = "text"


def register(app: typer.Typer) -> None:
    """Add the extract command to the app."""

    @app.command("extract")
    def extract(
        file: Path = typer.Argument(..., help="A .txt, .md, .html, .pdf or .docx document."),
        format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="json or text."),
        explain: bool = typer.Option(False, "--explain", help="Show each item's rule and evidence span."),
    ) -> None:
        """Extract meetings, people, actions, topics, figures, cases and instruments from FILE."""
        try:
            loaded = load_file(file)
        except IngestError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        result = extract_text(loaded.text, title=loaded.title, language=loaded.language)
        if format is ExtractFormat.json and not explain:
            json.dump(result.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        from dialogwatch.extract.explain import render_explanation

        typer.echo(render_explanation(result, loaded.text, explain=explain))
