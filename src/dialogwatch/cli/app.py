"""The ``dialogwatch`` command: a thin Typer layer over the services.

Each domain registers its commands from its own module (``cli/<domain>_cmds.py``
exposing ``register(app)``). Domain modules that do not exist yet are skipped,
so the CLI works while the domains are built; an import error *inside* an
existing module is not hidden.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from dialogwatch.cli import core_cmds, demo_cmd, extract_cmd

app = typer.Typer(
    name="dialogwatch",
    help="Keep the record of bilateral government dialogues and hold them to their word.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Optional domain modules, registered in this order when present.
DOMAIN_MODULES = ("link_cmds", "named_cmds", "track_cmds", "web_cmds")


@app.callback()
def _root() -> None:
    """Keep the record of bilateral government dialogues and hold them to their word."""


def _register_domains(target: typer.Typer) -> list[str]:
    """Register every optional domain module that exists; return the names registered."""
    registered = []
    for name in DOMAIN_MODULES:
        qualified = f"dialogwatch.cli.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name == qualified:
                continue
            raise
        module.register(target)
        registered.append(name)
    return registered


for _module in (core_cmds, demo_cmd, extract_cmd):
    _module.register(app)
_register_domains(app)


def main() -> None:
    """Console-script entry point; unexpected errors become one line (DIALOGWATCH_DEBUG=1: traceback)."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("error: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("DIALOGWATCH_DEBUG") == "1":
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        typer.echo(f"error: {type(exc).__name__}: {message[:300]}", err=True)
        sys.exit(2)
