"""The ``dialogwatch`` command: a thin Typer layer over the services.

Each domain registers its commands from its own module (cli/<domain>.py).
"""

from __future__ import annotations

import typer

from dialogwatch.cli import extract_cmd

app = typer.Typer(
    name="dialogwatch",
    help="Keep the record of bilateral government dialogues and hold them to their word.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _root() -> None:
    """Keep the record of bilateral government dialogues and hold them to their word."""


for module in (extract_cmd,):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
