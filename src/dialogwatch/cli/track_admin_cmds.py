"""Account and merge commands: ``users ...``, ``token ...`` and ``merges ...``.

The CLI acts as the local user named by ``DIALOGWATCH_USER`` (default ``local``);
on a database without users that user is created as admin on first use.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dialogwatch.cli.common import DbOption
from dialogwatch.cli.output import OutputFormat, emit
from dialogwatch.cli.track_cmds import FormatOption, me, tx
from dialogwatch.track import auth, merges, users

StdinOption = Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")]
PromptOption = Annotated[bool, typer.Option("--password", help="Prompt for a password.")]


def _read_password(from_stdin: bool, prompt: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if prompt:
        return typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return None


def _user_cmds(app: typer.Typer) -> None:
    us = typer.Typer(
        help="Local accounts (admins): add, list, set-role, remove, password.", no_args_is_help=True
    )
    app.add_typer(us, name="users")

    @us.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="User name.")],
        role: Annotated[str, typer.Option("--role", help="viewer, editor or admin.")] = "viewer",
        password_stdin: StdinOption = False,
        password: PromptOption = False,
        db: DbOption = None,
    ) -> None:
        """Add a user (a password is needed only to sign in to the web app)."""
        secret = _read_password(password_stdin, password)
        with tx(db) as session:
            user = users.add_user(session, me(session), name, role, secret)
            typer.echo(f"user {user.name}: {user.role}")

    @us.command("list")
    def list_(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
        """List users with their roles."""
        with tx(db) as session:
            rows = [
                {
                    "name": u.name,
                    "role": u.role,
                    "active": u.active,
                    "password": bool(u.password_hash),
                    "created": u.created_at.date().isoformat() if u.created_at else None,
                }
                for u in users.list_users(session)
            ]
        emit(rows, None, fmt, title="Users")

    @us.command("set-role")
    def set_role(
        name: Annotated[str, typer.Argument(help="User name.")],
        role: Annotated[str, typer.Argument(help="viewer, editor or admin.")],
        db: DbOption = None,
    ) -> None:
        """Change a user's role."""
        with tx(db) as session:
            user = users.set_role(session, me(session), name, role)
            typer.echo(f"user {user.name}: {user.role}")

    @us.command("remove")
    def remove(name: Annotated[str, typer.Argument(help="User name.")], db: DbOption = None) -> None:
        """Remove a user (their past changes keep their name)."""
        with tx(db) as session:
            users.remove_user(session, me(session), name)
        typer.echo(f"user {name}: removed")

    @us.command("password")
    def password_cmd(
        name: Annotated[str, typer.Argument(help="User name.")],
        password_stdin: StdinOption = False,
        db: DbOption = None,
    ) -> None:
        """Set a user's password (yourself, or anyone as admin)."""
        secret = _read_password(password_stdin, not password_stdin) or ""
        with tx(db) as session:
            auth.set_password(session, me(session), name, secret)
        typer.echo(f"user {name}: password set")


def _token_cmds(app: typer.Typer) -> None:
    tk = typer.Typer(help="API tokens for scripts: create (shown once), list, revoke.", no_args_is_help=True)
    app.add_typer(tk, name="token")

    @tk.command("create")
    def create(
        user: Annotated[
            str | None, typer.Option("--user", help="For this user (admins; default: you).")
        ] = None,
        label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "",
        db: DbOption = None,
    ) -> None:
        """Create an API token and print it once; only its hash is stored."""
        with tx(db) as session:
            row, plaintext = auth.create_token(session, me(session), user, label)
            token_id = row.id
        typer.echo(f"token {token_id}: {plaintext}")
        typer.echo("store it now: it cannot be shown again", err=True)

    @tk.command("list")
    def list_(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
        """List your tokens (all tokens for admins), without their secrets."""
        with tx(db) as session:
            actor = me(session)
            names = {u.id: u.name for u in users.list_users(session)}
            rows = [
                {
                    "id": t.id,
                    "user": names.get(t.user_id),
                    "label": t.label,
                    "prefix": t.prefix,
                    "created": t.created_at.isoformat(timespec="seconds") if t.created_at else None,
                    "revoked": t.revoked_at is not None,
                }
                for t in auth.list_tokens(session, actor)
            ]
        emit(rows, None, fmt, title="API tokens")

    @tk.command("revoke")
    def revoke(token: Annotated[int, typer.Argument(help="Token id.")], db: DbOption = None) -> None:
        """Revoke a token."""
        with tx(db) as session:
            auth.revoke_token(session, me(session), token)
        typer.echo(f"token {token}: revoked")


def _merge_cmds(app: typer.Typer) -> None:
    mg = typer.Typer(help="Merges of people proposed by linking: list, accept, reject, or merge by hand.")
    app.add_typer(mg, name="merges")

    @mg.callback(invoke_without_command=True)
    def listing(
        ctx: typer.Context,
        status: Annotated[
            str, typer.Option("--status", help="proposed, accepted, rejected or all.")
        ] = "proposed",
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """List merge proposals (proposed by default)."""
        if ctx.invoked_subcommand is not None:
            return
        with tx(db) as session:
            found = merges.proposals(session, None if status == "all" else status)
            rows = [merges.proposal_row(session, p) for p in found]
        emit(rows, None, fmt, title="Merge proposals")

    @mg.command("accept")
    def accept(
        proposal: Annotated[int, typer.Argument(help="Proposal id.")],
        note: Annotated[str, typer.Option("--note", help="Why.")] = "",
        db: DbOption = None,
    ) -> None:
        """Accept a proposal: the two records become one person (editors)."""
        with tx(db) as session:
            person = merges.accept_proposal(session, me(session), proposal, note)
            typer.echo(f"merged into person {person.id}: {person.name}")

    @mg.command("reject")
    def reject(
        proposal: Annotated[int, typer.Argument(help="Proposal id.")],
        note: Annotated[str, typer.Option("--note", help="Why.")] = "",
        db: DbOption = None,
    ) -> None:
        """Reject a proposal: the two stay separate people (editors)."""
        with tx(db) as session:
            merges.reject_proposal(session, me(session), proposal, note)
        typer.echo(f"merge proposal {proposal}: rejected")

    @mg.command("people")
    def people(
        keep: Annotated[int, typer.Argument(help="Person id to keep.")],
        drop: Annotated[int, typer.Argument(help="Person id merged into KEEP.")],
        note: Annotated[str, typer.Option("--note", help="Why.")] = "",
        db: DbOption = None,
    ) -> None:
        """Merge person DROP into KEEP by hand (editors)."""
        with tx(db) as session:
            person = merges.merge_people(session, me(session), keep, drop, note)
            typer.echo(f"merged into person {person.id}: {person.name}")


def register(app: typer.Typer) -> None:
    """Add the users, token and merges command groups to the app."""
    _user_cmds(app)
    _token_cmds(app)
    _merge_cmds(app)
