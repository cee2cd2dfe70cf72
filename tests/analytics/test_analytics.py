"""Analytics over a small linked store: matrices, counts, CLI output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dialogwatch import analytics
from dialogwatch.cli.app import app
from dialogwatch.extract import schema as x
from link.builders import action, add_document, meeting, person

HR = "Bilateral Dialogue on Human Rights"


def _series_of_three(s) -> None:
    add_document(
        s,
        "r6",
        date="2014-04-03",
        meetings=[meeting(HR, 6, "2014-04-03", city="Mexico City")],
        topics=["torture", "military_role"],
        participants=[person("Roberta Jacobson", "US", org="Department of State")],
        delegations=[
            x.Delegation(side="MX", organizations=["SRE", "SEDENA"]),
            x.Delegation(side="US", organizations=["Department of State"]),
        ],
    )
    add_document(
        s,
        "r7",
        date="2015-10-21",
        meetings=[meeting(HR, 7, "2015-10-21", city="Washington")],
        topics=["torture", "military_role"],
        participants=[
            person("Roberta Jacobson", "US", org="State Department"),
            person("Tom Malinowski", "US", org="Department of State"),
        ],
        delegations=[x.Delegation(side="MX", organizations=["Ministry of Foreign Affairs"])],
        actions=[
            action(
                "commitment",
                "The governments will hold the next round in 2016.",
                ["MX", "US"],
                ["torture"],
                level=5,
            )
        ],
    )
    add_document(
        s,
        "r8",
        date="2016-10-27",
        meetings=[meeting("Bilateral High Level Dialogue on Human Rights", 8, "2016-10-27")],
        topics=["torture", "lgbti"],
        delegations=[
            x.Delegation(
                side="MX",
                organizations=["Secretaría de Relaciones Exteriores", "Secretaría de la Defensa Nacional"],
            )
        ],
        actions=[
            action(
                "commitment",
                "Both governments will keep cooperating on LGBTI rights.",
                ["MX", "US"],
                ["lgbti"],
                level=2,
            )
        ],
    )
    add_document(
        s,
        "r8-es",
        language="es",
        date="2016-10-27",
        meetings=[meeting("Diálogo Bilateral de Alto Nivel sobre Derechos Humanos", 8, "2016-10-27")],
        topics=["torture", "lgbti"],
        actions=[
            action(
                "commitment",
                "Ambos gobiernos seguirán cooperando en derechos LGBTI.",
                ["MX", "US"],
                ["lgbti"],
                level=2,
            )
        ],
    )
    add_document(
        s,
        "letter",
        date="2018-07-11",
        doc_type="letter",
        actions=[
            action(
                "ask",
                "We urge you to end the military role in public security.",
                ["CSO"],
                ["military_role"],
                level=4,
            )
        ],
    )


def test_topic_matrix_marks_new_continued_and_dropped(store) -> None:
    with store.session() as s:
        _series_of_three(s)
        [matrix] = analytics.topic_matrix(s, "human rights")
        assert [m["round"] for m in matrix.meetings] == [6, 7, 8]
        marks = {r["topic"]: [r["cells"][str(m["id"])] for m in matrix.meetings] for r in matrix.rows}
        assert marks == {
            "torture": ["new", "continued", "continued"],
            "military_role": ["new", "continued", "dropped"],
            "lgbti": ["", "", "new"],
        }
        flat = matrix.flat()
        assert {r["topic"]: r["R8 2016-10-27"] for r in flat}["lgbti"] == "new"


def test_topic_marks_after_a_gap() -> None:
    assert analytics.topic_marks([True, False, False, True]) == ["new", "dropped", "", "new"]


def test_attendance_matrix_per_side(store) -> None:
    with store.session() as s:
        _series_of_three(s)
        [matrix] = analytics.attendance_matrix(s, "human")
        cells = {
            (r["side"], r["organization"]): [r["cells"][str(m["id"])] for m in matrix.meetings]
            for r in matrix.rows
        }
        assert cells[("MX", "Ministry of Foreign Affairs")] == ["x", "x", "x"]
        assert cells[("MX", "Ministry of National Defense")] == ["x", "", "x"]
        assert cells[("US", "Department of State")] == ["x", "x", ""]


def test_action_counts_skip_translations(store) -> None:
    with store.session() as s:
        _series_of_three(s)
        counts = analytics.action_counts(s)
        assert counts["total"] == 3  # the Spanish translation's commitment is not counted again
        assert counts["by_kind"] == {"ask": 1, "commitment": 2}
        assert counts["by_actor"] == {"CSO": 1, "MX": 2, "US": 2}
        assert counts["by_level"] == {"2": 1, "4": 1, "5": 1}
        assert analytics.action_counts(s, series="human rights", kind="commitment")["total"] == 2
        assert analytics.action_counts(s, kind="ask")["by_topic"] == {"military_role": 1}


def test_timeline_people_and_unknown_series(store) -> None:
    with store.session() as s:
        _series_of_three(s)
        rows = analytics.meetings_timeline(s)
        assert [(r["round"], r["city"]) for r in rows] == [(6, "Mexico City"), (7, "Washington"), (8, None)]
        assert rows[1]["heads"] == {"US": ["Roberta Jacobson", "Tom Malinowski"]}
        assert [d["role"] for d in rows[2]["documents"]] == ["official_statement", "translation"]
        [jacobson] = analytics.people(s, "jacobson")
        assert [p["organization"] for p in jacobson["participations"]] == ["Department of State"] * 2
        try:
            analytics.meetings_timeline(s, "no such dialogue")
        except analytics.UnknownSeriesError as exc:
            assert "no such dialogue" in str(exc)
        else:
            raise AssertionError("an unknown series must be an error")


def test_cli_commands(db_url: str, store) -> None:
    with store.session() as s:
        _series_of_three(s)
    runner = CliRunner()
    out = runner.invoke(app, ["series", "--db", db_url, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [r["rounds"] for r in json.loads(out.stdout)] == [[6, 7, 8]]
    out = runner.invoke(app, ["meetings", "--db", db_url, "--series", "human", "--format", "csv"])
    assert out.exit_code == 0 and out.stdout.splitlines()[0].startswith("id,series,round,date")
    out = runner.invoke(app, ["people", "Malinowski", "--db", db_url, "--format", "json"])
    assert [p["name"] for p in json.loads(out.stdout)] == ["Tom Malinowski"]
    out = runner.invoke(app, ["topics", "--matrix", "--db", db_url, "--format", "csv"])
    assert "lgbti,1,,,new" in out.stdout
    out = runner.invoke(app, ["attendance", "--db", db_url, "--format", "json"])
    assert json.loads(out.stdout)[0]["series"] == HR
    out = runner.invoke(app, ["organizations", "--db", db_url, "--format", "csv"])
    assert out.exit_code == 0 and "Ministry of Foreign Affairs" in out.stdout
    out = runner.invoke(app, ["link", "--rebuild", "--db", db_url, "--format", "json"])
    assert json.loads(out.stdout)[0]["meetings"] == 3
    out = runner.invoke(app, ["meetings", "--series", "nothing like it", "--db", db_url])
    assert out.exit_code == 1 and "no series matches" in out.output
