"""The tracking commands through Typer's CliRunner, on both databases."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dialogwatch.cli.app import app
from dialogwatch.store import models
from dialogwatch.store.models import Document
from dialogwatch.store.persist import save_extraction

from .helpers import REPORT_2023, make_document, span, statement_extraction

runner = CliRunner()

COMMANDS = [
    ("actions",),
    ("track",),
    ("history",),
    ("scorecard",),
    ("review",),
    ("review", "edit"),
    ("deadline",),
    ("audit",),
    ("users",),
    ("users", "add"),
    ("token", "create"),
    ("visibility",),
    ("suggestions",),
    ("suggestions", "accept"),
    ("merges",),
    ("merges", "people"),
    ("review", "conflicts"),
]


def run(*args: object, user: str | None = None):  # type: ignore[no-untyped-def]
    """Invoke the CLI as ``user`` (DIALOGWATCH_USER); stdout and stderr are kept apart."""
    env = {"COLUMNS": "200", **({"DIALOGWATCH_USER": user} if user else {})}
    return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


def as_json(*args: object, user: str | None = None) -> list[dict]:
    """Run a list command with --format json and parse it."""
    result = run(*args, "--format", "json", user=user)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_tracking_command_has_help() -> None:
    for command in COMMANDS:
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout, command
        assert "--db" in result.stdout or command in (("users",),)


def test_overdue_track_history_flow(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    db = store.url
    with store.session() as s:
        report = make_document(s, REPORT_2023, "2023-04-01", "/corpus/report-2023.txt")
        report_id = report.id
    start, end = span(REPORT_2023, "the cybersecurity working group convened its first bilateral session")

    late = as_json("actions", "--overdue", "--as-of", "2023-01-01", "--db", db)
    assert [(r["id"], r["deadline"], r["due"]) for r in late] == [(ids["cyber"], "2022", "2022-12-31")]
    assert as_json("actions", "--overdue", "--as-of", "2022-12-31", "--db", db) == []

    denied = run(
        "track",
        ids["cyber"],
        "--status",
        "fulfilled",
        "--evidence",
        f"{report_id}:{start}-{end}",
        "--note",
        "held",
        "--db",
        db,
        user="val",
    )
    assert denied.exit_code == 1 and denied.stderr.strip().count("\n") == 0
    assert "needs editor" in denied.stderr

    bad = run(
        "track",
        ids["cyber"],
        "--status",
        "taken_up",
        "--note",
        "x",
        "--url",
        "https://e.org",
        "--db",
        db,
        user="eve",
    )
    assert bad.exit_code == 1 and "not on the commitment scale" in bad.stderr

    done = run(
        "track",
        ids["cyber"],
        "--status",
        "fulfilled",
        "--evidence",
        f"{report_id}:{start}-{end}",
        "--note",
        "first session held in March 2023",
        "--date",
        "2023-04-02",
        "--db",
        db,
        user="eve",
    )
    assert done.exit_code == 0, done.output
    assert as_json("actions", "--overdue", "--as-of", "2023-01-01", "--db", db) == []
    assert [r["status"] for r in as_json("actions", "--status", "fulfilled", "--db", db)] == ["fulfilled"]

    history = as_json("history", ids["cyber"], "--db", db)
    assert [(h["status"], h["by"]) for h in history] == [("not_rated", "extraction"), ("fulfilled", "eve")]
    assert history[1]["assessed_on"] == "2023-04-02"
    assert history[1]["rationale"] == "first session held in March 2023"
    assert history[1]["quote"] == REPORT_2023[start:end]
    table = run("history", ids["cyber"], "--db", db)
    assert "fulfilled" in table.stdout and "eve" in table.stdout

    audit = as_json("audit", "--since", "2000-01-01", "--db", db)
    change = [a for a in audit if a["verb"] == "status.set"]
    assert change[0]["before"] == {"status": "not_rated"} and change[0]["after"]["status"] == "fulfilled"
    assert as_json("audit", "--since", "2999-01-01", "--db", db) == []


def test_review_commands_and_reextraction(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed(level=5)
    db = store.url
    queue = as_json("review", "--limit", "3", "--db", db)
    assert len(queue) == 3 and queue[0]["summary"] == "Mexico City"
    ghost = queue[0]["item"]
    assert run("review", "reject", ghost, "--note", "a city", "--db", db, user="eve").exit_code == 0
    edited = run("review", "edit", f"action:{ids['cyber']}", "--set", "level=3", "--db", db, user="eve")
    assert edited.exit_code == 0, edited.output
    assert run("deadline", ids["firearms"], "2023-06", "--db", db, user="eve").exit_code == 0
    with store.session() as s:  # what `ingest --force` does: re-extract and re-save
        assert save_extraction(s, s.get(Document, ids["doc"]), statement_extraction(level=5)) == []
    rows = {r["id"]: r for r in as_json("actions", "--db", db)}
    by_text = {r["text"].split()[0]: r for r in rows.values()}
    assert by_text["Both"]["level"] == 3 and by_text["Mexico"]["deadline"] == "2023-06"
    assert ghost not in [q["item"] for q in as_json("review", "--limit", "50", "--db", db)]

    bad_set = run("review", "edit", f"action:{ids['cyber']}", "--set", "level", "--db", db, user="eve")
    assert bad_set.exit_code == 1 and "field=value" in bad_set.stderr
    assert run("review", "confirm", "action:999999", "--db", db, user="eve").stderr.startswith(
        "error: no action"
    )
    assert as_json("review", "conflicts", "--db", db) == []


def test_actions_with_links_and_counts(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    with store.session() as s:
        s.add(
            models.ActionLink(
                source_action_id=ids["firearms"],
                target_action_id=ids["cyber"],
                kind="answers",
                score=0.7,
                status="proposed",
            )
        )
    rows = {r["id"]: r for r in as_json("actions", "--links", "--db", store.url)}
    assert rows[ids["firearms"]]["links"] == [f"answers later #{ids['cyber']} (proposed 0.70)"]
    assert rows[ids["forensic"]]["links"] == []
    table = run("actions", "--kind", "commitment", "--db", store.url)
    assert "3 actions; by kind: commitment 3; by status: not_rated 3; by actor: MX 2, US 2" in table.stdout


def test_scorecard_users_tokens_visibility(store, seed) -> None:  # type: ignore[no-untyped-def]
    ids = seed()
    db = store.url
    run(
        "track",
        ids["cyber"],
        "--status",
        "partial",
        "--url",
        "https://e.org",
        "--note",
        "half",
        "--db",
        db,
        user="eve",
    )
    card = {r["actor"]: r for r in as_json("scorecard", "--db", db)}
    assert card["US"]["partial"] == 1 and card["US"]["total"] == 2 and card["US"]["mean_score"] == 0.0
    topic = as_json("scorecard", "--by", "topic", "--db", db)
    assert {r["topic"] for r in topic} == {"cyber", "arms_trafficking", "disappearances"}

    added = runner.invoke(
        app,
        ["users", "add", "kim", "--role", "editor", "--password-stdin", "--db", db],
        input="a long password\n",
        env={"DIALOGWATCH_USER": "root"},
    )
    assert added.exit_code == 0, added.output
    denied = run("users", "add", "lee", "--db", db, user="eve")
    assert denied.exit_code == 1 and "needs admin" in denied.stderr
    assert run("users", "set-role", "kim", "admin", "--db", db, user="root").exit_code == 0
    listed = {u["name"]: u for u in as_json("users", "list", "--db", db)}
    assert listed["kim"]["role"] == "admin" and listed["kim"]["password"] is True
    assert run("users", "remove", "kim", "--db", db, user="root").exit_code == 0
    unknown = run("actions", "--db", db, user="nobody")  # reading needs no account
    assert unknown.exit_code == 0

    created = run("token", "create", "--label", "ci", "--db", db, user="eve")
    assert created.exit_code == 0 and "dw_" in created.stdout
    tokens = as_json("token", "list", "--db", db, user="eve")
    assert len(tokens) == 1 and "dw_" not in json.dumps({k: v for k, v in tokens[0].items() if k != "prefix"})
    assert run("token", "revoke", tokens[0]["id"], "--db", db, user="eve").exit_code == 0
    assert as_json("token", "list", "--db", db, user="eve")[0]["revoked"] is True

    assert run("visibility", ids["doc"], "private", "--db", db, user="val").exit_code == 1
    assert run("visibility", ids["doc"], "private", "--db", db, user="eve").exit_code == 0
    with store.session() as s:
        assert s.get(Document, ids["doc"]).visibility == "private"


@pytest.mark.parametrize(
    "args",
    [
        ("actions", "--as-of", "2023-13-01", "--overdue"),
        ("actions", "--kind", "pledge"),
        ("audit", "--since", "yesterday"),
        ("history", "424242"),
        ("scorecard", "--by", "colour"),
        ("track", "1", "--status", "fulfilled", "--note", "x", "--evidence", "doc7"),
    ],
)
def test_bad_input_gives_one_line_errors(store, seed, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    seed()
    result = run(*args, "--db", store.url, user="eve")
    assert result.exit_code != 0
    assert result.stderr.startswith("error: ") and result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.output
