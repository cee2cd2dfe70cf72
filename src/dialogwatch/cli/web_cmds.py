"""``dialogwatch serve``: the web app and REST API over the same database the CLI uses."""

from __future__ import annotations

import typer

from dialogwatch.settings import get_settings


def serve(
    host: str = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, "--port", help="Port to listen on (default 8000)."),
    db: str = typer.Option(None, "--db", help="Database URL (default: DIALOGWATCH_DB or ./dialogwatch.db)."),
) -> None:
    """Start the web application and REST API (docs at /api/docs)."""
    import uvicorn

    from dialogwatch.store.db import StoreError
    from dialogwatch.web.app import create_app

    settings = get_settings(host=host, port=port, db=db)
    try:
        app = create_app(settings)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"dialogwatch on http://{settings.host}:{settings.port}/ (API docs: /api/docs)")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the CLI."""
    app.command("serve")(serve)
