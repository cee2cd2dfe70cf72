"""Tracking commands: actions, track, history, scorecard, review, deadline, audit, users, tokens.

Thin layer: every rule (roles, scales, evidence) lives in ``dialogwatch.track``.
The CLI acts as the local user named by ``DIALOGWATCH_USER`` (default ``local``);
on a database without users that user is created as admin on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from dialogwatch.cli.common import DbOption, db_session, fail, settings_for
from dialogwatch.cli.output import OutputFormat, console, emit
from dialogwatch.store.models import User
from dialogwatch.track import audit as audit_log
from dialogwatch.track import review, scorecard, status, suggestions, users, visibility
from dialogwatch.track.deadlines import set_deadline
from dialogwatch.track.errors import TrackError
from dialogwatch.track.queries import action_row, find_actions

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"invalid {flag} {value!r}: write YYYY-MM-DD")


@contextmanager
def tx(db: str | None) -> Iterator[Session]:
    """One transaction; tracking errors become one-line messages (and roll back)."""
    try:
        with db_session(db) as session:
            yield session
    except TrackError as exc:
        fail(str(exc))


def me(session: Session) -> User:
    return users.cli_user(session, settings_for(None).user)


def _link_text(link: dict) -> str:
    score = link.get("score")
    shown = f" {score:.2f}" if isinstance(score, int | float) else ""
    return f"{link.get('kind', 'link')} {link.get('direction', '')} #{link.get('other_action_id', '?')}" + (
        f" ({link.get('status', '')}{shown})"
    )


def _links(session: Session, action_id: int) -> list[str]:
    from dialogwatch.link.queries import links_for_action

    return [_link_text(link) for link in links_for_action(session, action_id)]


ACTION_COLUMNS = ["id", "document", "kind", "status", "level", "actors", "deadline", "overdue", "text"]


def _actions_cmd(app: typer.Typer) -> None:
    @app.command("actions")
    def actions(
        series: Annotated[str | None, typer.Option("--series", help="Series id, key or name part.")] = None,
        kind: Annotated[str | None, typer.Option("--kind", help="commitment or ask.")] = None,
        status_: Annotated[str | None, typer.Option("--status", help="Only this status.")] = None,
        actor: Annotated[
            str | None, typer.Option("--actor", help="Only actions of this actor (US, MX...).")
        ] = None,
        overdue: Annotated[
            bool, typer.Option("--overdue", help="Only actions past due, not fulfilled.")
        ] = False,
        as_of: Annotated[str | None, typer.Option("--as-of", help="Date for --overdue (YYYY-MM-DD).")] = None,
        links: Annotated[bool, typer.Option("--links", help="Show each action's links.")] = False,
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """List commitments and asks with status, deadline and (with --links) their links."""
        if kind and kind not in ("commitment", "ask"):
            fail(f"invalid --kind {kind!r}: use commitment or ask")
        day = _date(as_of, "--as-of") or date.today()
        with tx(db) as session:
            found = find_actions(
                session,
                series=series,
                kind=kind,
                status=status_,
                actor=actor,
                overdue_as_of=day if overdue else None,
            )
            rows = [action_row(a, day) for a in found]
            if links:
                for row in rows:
                    row["links"] = _links(session, row["id"])
        emit(rows, [*ACTION_COLUMNS, "links"] if links else ACTION_COLUMNS, fmt, title="Actions")
        if fmt is OutputFormat.table and rows:
            console().print(_counts_line(found))


def _counts_line(found: list) -> str:
    """Counts of the listed actions by kind, status, actor, level and topic."""
    tallies = {
        "kind": Counter(a.kind for a in found),
        "status": Counter(a.status for a in found),
        "actor": Counter(x for a in found for x in (a.actors or ["(none)"])),
        "level": Counter(str(a.level) if a.level is not None else "?" for a in found),
        "topic": Counter(t for a in found for t in (a.topics or [])),
    }
    parts = [
        f"by {name}: " + ", ".join(f"{k} {n}" for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
        for name, c in tallies.items()
        if c
    ]
    return f"{len(found)} actions; " + "; ".join(parts)


def _track_cmds(app: typer.Typer) -> None:
    @app.command("track")
    def track(
        action: Annotated[int, typer.Argument(help="Action id (see `dialogwatch actions`).")],
        status_: Annotated[str, typer.Option("--status", help="New status on the action's scale.")],
        note: Annotated[str, typer.Option("--note", help="Rationale of the assessment.")],
        evidence: Annotated[
            str | None, typer.Option("--evidence", help="Stored evidence: DOC or DOC:START-END.")
        ] = None,
        url: Annotated[str | None, typer.Option("--url", help="External evidence URL.")] = None,
        citation: Annotated[
            str | None, typer.Option("--citation", help="External evidence citation.")
        ] = None,
        on: Annotated[
            str | None, typer.Option("--date", help="Date of the assessment (default today).")
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Record a status assessment of ACTION with its evidence (editors)."""
        day = _date(on, "--date")
        with tx(db) as session:
            spec = status.parse_evidence_ref(evidence) if evidence else status.EvidenceSpec()
            spec = status.EvidenceSpec(spec.document_id, spec.start, spec.end, url, citation)
            event = status.set_status(session, me(session), action, status_, note, spec, assessed_on=day)
            typer.echo(f"action {action}: {event.status} (event {event.id}, by {event.user_name})")

    @app.command("history")
    def history(
        action: Annotated[int, typer.Argument(help="Action id.")],
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """Show every status assessment of ACTION, oldest first, with who, when, why and evidence."""
        with tx(db) as session:
            rows = status.history_rows(session, action)
        cols = ["assessed_on", "status", "by", "evidence", "rationale", "recorded_at"]
        emit(rows, cols, fmt, title=f"History of action {action}")

    @app.command("scorecard")
    def scorecard_cmd(
        series: Annotated[str | None, typer.Option("--series", help="Series id, key or name part.")] = None,
        actor: Annotated[str | None, typer.Option("--actor", help="Only this actor (US, MX, EU...).")] = None,
        by: Annotated[str, typer.Option("--by", help="Group by actor or topic.")] = "actor",
        kind: Annotated[str | None, typer.Option("--kind", help="commitment or ask.")] = None,
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """Counts by status and mean compliance score (-1..+1), per actor or per topic."""
        with tx(db) as session:
            rows = scorecard.scorecard(session, series=series, actor=actor, by=by, kind=kind)
        emit(rows, None, fmt, title=f"Scorecard by {by}")

    @app.command("deadline")
    def deadline(
        action: Annotated[int, typer.Argument(help="Action id.")],
        when: Annotated[str, typer.Argument(help="YYYY, YYYY-MM or YYYY-MM-DD.")],
        note: Annotated[str, typer.Option("--note", help="Why the deadline is set.")] = "",
        db: DbOption = None,
    ) -> None:
        """Set ACTION's deadline by hand (editors); kept across re-extraction."""
        with tx(db) as session:
            row = set_deadline(session, me(session), action, when, note)
            typer.echo(f"action {action}: deadline {row.deadline}")

    @app.command("audit")
    def audit_cmd(
        since: Annotated[str | None, typer.Option("--since", help="Only entries from this date.")] = None,
        entity: Annotated[str | None, typer.Option("--entity", help="Only this entity type.")] = None,
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """Show the append-only audit log: who changed what, when, before and after."""
        day = _date(since, "--since")
        with tx(db) as session:
            rows = audit_log.audit_rows(audit_log.audit(session, since=day, entity_type=entity))
        emit(rows, ["id", "at", "user", "verb", "entity", "before", "after", "note"], fmt, title="Audit log")

    @app.command("visibility")
    def visibility_cmd(
        document: Annotated[int, typer.Argument(help="Document id.")],
        value: Annotated[str, typer.Argument(help="public or private.")],
        db: DbOption = None,
    ) -> None:
        """Mark a document public or private (private: signed-in users only; editors)."""
        with tx(db) as session:
            doc = visibility.set_visibility(session, me(session), document, value)
            typer.echo(f"document {doc.id}: {doc.visibility}")


def _parse_sets(values: list[str] | None) -> dict[str, str]:
    out = {}
    for item in values or []:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            fail(f"invalid --set {item!r}: write field=value")
        out[field.strip()] = value
    return out


SetOption = Annotated[list[str] | None, typer.Option("--set", help="field=value (repeatable).")]
NoteOption = Annotated[str, typer.Option("--note", help="Why.")]


def _review_cmds(app: typer.Typer) -> None:
    rv = typer.Typer(
        help="Review machine output: the queue, and confirm / reject / edit / add.", no_args_is_help=False
    )
    app.add_typer(rv, name="review")

    @rv.callback(invoke_without_command=True)
    def queue(
        ctx: typer.Context,
        limit: Annotated[int, typer.Option("--limit", "-n", help="How many items.")] = 50,
        document: Annotated[int | None, typer.Option("--document", help="Only this document.")] = None,
        rtype: Annotated[str | None, typer.Option("--type", help="Only this record type.")] = None,
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """List unreviewed machine output, lowest confidence first (subcommands decide on items)."""
        if ctx.invoked_subcommand is not None:
            return
        with tx(db) as session:
            rows = review.review_queue(session, limit=limit, document_id=document, record_type=rtype)
        emit(
            rows, ["item", "document", "confidence", "rule", "summary", "evidence"], fmt, title="Review queue"
        )

    def _decide(item: str, decision: str, sets: list[str] | None, note: str, db: str | None) -> None:
        changes = _parse_sets(sets)
        with tx(db) as session:
            review.review(session, me(session), item, decision, changes or None, note=note)
        typer.echo(f"{item}: {decision}ed" if decision != "edit" else f"{item}: edited")

    @rv.command("confirm")
    def confirm(
        item: Annotated[str, typer.Argument(help="TYPE:ID, e.g. participant:12.")],
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        """Confirm ITEM as correct."""
        _decide(item, "confirm", None, note, db)

    @rv.command("reject")
    def reject(
        item: Annotated[str, typer.Argument(help="TYPE:ID, e.g. participant:12.")],
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        """Reject ITEM as wrongly extracted (kept, hidden from lists)."""
        _decide(item, "reject", None, note, db)

    @rv.command("edit")
    def edit(
        item: Annotated[str, typer.Argument(help="TYPE:ID, e.g. action:7.")],
        sets: SetOption = None,
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        """Correct fields of ITEM: --set level=4 --set deadline=2022."""
        _decide(item, "edit", sets, note, db)

    @rv.command("add")
    def add(
        document: Annotated[int, typer.Argument(help="Document id.")],
        rtype: Annotated[str, typer.Argument(help="Record type: participant, action, figure...")],
        sets: SetOption = None,
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        """Add a record the machine missed to DOCUMENT: --set name="Ana Pérez" --set side=MX."""
        with tx(db) as session:
            row = review.add_record(session, me(session), document, rtype, _parse_sets(sets), note=note)
            typer.echo(f"added {rtype}:{row.id}")

    @rv.command("conflicts")
    def conflicts(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
        """List corrections that disagree with new extraction output."""
        with tx(db) as session:
            rows = [
                {
                    "override": o.id,
                    "document": o.lineage_id,
                    "type": o.record_type,
                    "key": o.identity_key,
                    "decision": o.decision,
                    "conflict": o.conflict,
                }
                for o in review.conflicts(session)
            ]
        emit(rows, None, fmt, title="Review conflicts")


def _suggestion_cmds(app: typer.Typer) -> None:
    sg = typer.Typer(help="Evidence suggestions for open actions: list, accept, dismiss.")
    app.add_typer(sg, name="suggestions")

    @sg.callback(invoke_without_command=True)
    def listing(
        ctx: typer.Context,
        state: Annotated[
            str, typer.Option("--state", help="pending, accepted, dismissed or all.")
        ] = "pending",
        action: Annotated[int | None, typer.Option("--action", help="Only this action.")] = None,
        db: DbOption = None,
        fmt: FormatOption = OutputFormat.table,
    ) -> None:
        """List evidence suggestions (pending by default)."""
        if ctx.invoked_subcommand is not None:
            return
        with tx(db) as session:
            found = suggestions.list_suggestions(session, None if state == "all" else state, action)
            rows = [suggestions.suggestion_row(s) for s in found]
        emit(rows, None, fmt, title="Evidence suggestions")

    @sg.command("accept")
    def accept(
        suggestion: Annotated[int, typer.Argument(help="Suggestion id.")],
        status_: Annotated[str | None, typer.Option("--status", help="Also record this status.")] = None,
        note: NoteOption = "",
        on: Annotated[str | None, typer.Option("--date", help="Date of the assessment.")] = None,
        db: DbOption = None,
    ) -> None:
        """Accept a suggestion; with --status it records an assessment citing the span."""
        day = _date(on, "--date")
        with tx(db) as session:
            event = suggestions.accept_suggestion(session, me(session), suggestion, status_, note, day)
        typer.echo(f"suggestion {suggestion}: accepted" + (f", status {event.status}" if event else ""))

    @sg.command("dismiss")
    def dismiss(
        suggestion: Annotated[int, typer.Argument(help="Suggestion id.")],
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        """Dismiss a suggestion."""
        with tx(db) as session:
            suggestions.dismiss_suggestion(session, me(session), suggestion, note)
        typer.echo(f"suggestion {suggestion}: dismissed")


def register(app: typer.Typer) -> None:
    """Add the tracking commands to the app."""
    _actions_cmd(app)
    _track_cmds(app)
    _review_cmds(app)
    _suggestion_cmds(app)
    from dialogwatch.cli import track_admin_cmds

    track_admin_cmds.register(app)
