"""What every data command shares: the ``--db`` option, opening the store, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dialogwatch.settings import Settings, get_settings
from dialogwatch.store.db import Store, StoreError, open_store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (default: $DIALOGWATCH_DB, else sqlite:///dialogwatch.db in the current folder).",
        show_default=False,
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` (one line) to stderr and exit with ``code``."""
    line = " ".join(str(message).split())
    typer.echo(f"error: {line}", err=True)
    raise typer.Exit(code)


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (SQLAlchemy appends SQL and links on later lines)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def settings_for(db: str | None = None, **overrides: object) -> Settings:
    """Settings with the command's flags applied over environment and defaults."""
    try:
        return get_settings(db=db, **overrides)
    except Exception as exc:  # pydantic ValidationError for a malformed DIALOGWATCH_* variable
        fail(f"invalid settings: {one_line(exc)}", 2)


def open_db(db: str | None) -> Store:
    """Open (and migrate) the database, turning failures into a one-line error."""
    url = settings_for(db).db
    try:
        return open_store(url)
    except StoreError as exc:
        fail(one_line(exc))


@contextmanager
def opened_store(db: str | None) -> Iterator[Store]:
    """The opened store for a command; database errors become one line, and it is always closed."""
    store = open_db(db)
    try:
        yield store
    except SQLAlchemyError as exc:
        fail(f"database error: {one_line(exc)}")
    finally:
        store.close()


@contextmanager
def db_session(db: str | None) -> Iterator[Session]:
    """One transaction on the command's database (committed on success)."""
    with opened_store(db) as store, store.session() as session:
        yield session
