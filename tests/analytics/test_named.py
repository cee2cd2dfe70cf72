"""Cases and instruments across documents and languages, through the real save and link path."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dialogwatch import analytics
from dialogwatch.analytics.named import snippet
from dialogwatch.cli.app import app
from dialogwatch.extract import schema as x
from dialogwatch.store.models import Document, InstrumentMention
from link.builders import add_document, meeting

HR = "Bilateral Dialogue on Human Rights"
SECURITY = "High-Level Security Dialogue"

EN = (
    "Washington, October 21, 2015. The delegations reviewed the Iguala case with the experts. "
    "The United States reaffirmed its support through the Mérida Initiative."
)
ES = (
    "Ciudad de México, 27 de octubre de 2016. Ambos gobiernos hablaron del caso Ayotzinapa. "
    "La Iniciativa Mérida seguirá apoyando a las fiscalías."
)
LETTER = "Dear Secretary, the disappearance of the 43 students remains unsolved. We ask for answers."
SEC = "Both governments will create a bilateral working group on arms trafficking (Mérida Initiative)."
MEMO = "Internal: the Tlatlaya file and the Iguala case, for the delegation only."


def _case(text: str, written: str, name: str | None = None) -> x.Case:
    start = text.index(written)
    return x.Case(name=name or written, start=start, end=start + len(written), rule="test")


def _instrument(text: str, written: str, kind: str) -> x.Instrument:
    start = text.index(written)
    return x.Instrument(name=written, kind=kind, start=start, end=start + len(written), rule="test")


def _corpus(s: Session) -> dict[str, Document]:
    """Spanish first, so the timeline's date order is the analytics' doing, not insertion order."""
    docs = {
        "es": add_document(
            s,
            "r8-es",
            language="es",
            date="2016-10-27",
            text=ES,
            meetings=[meeting("Diálogo Bilateral sobre Derechos Humanos", 8, "2016-10-27")],
            cases=[_case(ES, "caso Ayotzinapa")],
            instruments=[_instrument(ES, "Iniciativa Mérida", "programme")],
        ),
        "en": add_document(
            s,
            "r7-en",
            date="2015-10-21",
            text=EN,
            meetings=[meeting(HR, 7, "2015-10-21")],
            cases=[_case(EN, "Iguala case")],
            instruments=[_instrument(EN, "Mérida Initiative", "programme")],
        ),
        "letter": add_document(
            s,
            "letter",
            date="2018-07-11",
            doc_type="letter",
            text=LETTER,
            cases=[_case(LETTER, "disappearance of the 43 students")],
        ),
        "security": add_document(
            s,
            "security",
            date="2021-10-08",
            text=SEC,
            meetings=[meeting(SECURITY, None, "2021-10-08")],
            instruments=[
                _instrument(SEC, "bilateral working group on arms trafficking", "working_group"),
                _instrument(SEC, "Mérida Initiative", "programme"),
            ],
        ),
        "memo": add_document(
            s,
            "memo",
            date="2017-01-01",
            doc_type="report",
            text=MEMO,
            cases=[_case(MEMO, "Tlatlaya"), _case(MEMO, "Iguala case")],
        ),
    }
    docs["memo"].visibility = "private"
    s.flush()
    return docs


def test_one_case_across_names_and_languages_in_date_order(store) -> None:
    with store.session() as s:
        docs = _corpus(s)
        [ayotzinapa] = analytics.cases(s, "ayotzinapa")
        assert ayotzinapa["documents"] == 4  # the CLI's local user sees the private memo too
        assert ayotzinapa["first_date"] == "2015-10-21" and ayotzinapa["last_date"] == "2018-07-11"
        assert {"Iguala case", "caso Ayotzinapa", "disappearance of the 43 students"} <= set(
            ayotzinapa["names"]
        )
        d = analytics.case_detail(s, ayotzinapa["id"])
        assert d is not None
        assert [e["document_id"] for e in d["timeline"]] == [
            docs["en"].id,
            docs["es"].id,
            docs["memo"].id,
            docs["letter"].id,
        ]
        en, es = d["timeline"][0], d["timeline"][1]
        assert (en["name"], en["language"], en["round"]) == ("Iguala case", "en", 7)
        assert (es["name"], es["language"], es["round"]) == ("caso Ayotzinapa", "es", 8)
        assert es["series"] == en["series"]  # both rounds joined one series
        assert EN[en["start"] : en["end"]] == "Iguala case"
        sn = en["snippet"]
        assert sn["text"][sn["start"] : sn["end"]] == "Iguala case" and "reviewed the" in sn["text"]
        assert d["timeline"][-1]["doc_type"] == "letter" and d["timeline"][-1]["meeting_id"] is None


def test_name_filter_is_accent_and_case_insensitive(store) -> None:
    with store.session() as s:
        _corpus(s)
        ids = {c["id"] for c in analytics.cases(s, "AYOTZINAPA")}
        assert ids == {c["id"] for c in analytics.cases(s, "iguala")} and len(ids) == 1
        assert analytics.cases(s, "43 students") == analytics.cases(s, "ayotzinapa")
        assert [i["name"] for i in analytics.instruments(s, "iniciativa merida")] == ["Mérida Initiative"]
        assert analytics.cases(s, "nothing of the sort") == []


def test_one_instrument_in_both_languages_and_filters(store) -> None:
    with store.session() as s:
        docs = _corpus(s)
        [merida] = analytics.instruments(s, "MERIDA")
        assert merida["kind"] == "programme" and merida["documents"] == 3
        assert {"Mérida Initiative", "Iniciativa Mérida"} <= set(merida["names"])
        d = analytics.instrument_detail(s, merida["id"])
        assert d is not None
        expected = [docs["en"].id, docs["es"].id, docs["security"].id]
        assert [e["document_id"] for e in d["timeline"]] == expected
        assert [e["text"] for e in d["timeline"][:2]] == ["Mérida Initiative", "Iniciativa Mérida"]
        hr = analytics.instrument_detail(s, merida["id"], series="human rights")
        assert hr is not None and [e["round"] for e in hr["timeline"]] == [7, 8]
        security = analytics.instruments(s, series="security")
        assert {i["kind"] for i in security} == {"programme", "working_group"}
        assert [i["documents"] for i in security if i["kind"] == "programme"] == [1]
        assert [i["kind"] for i in analytics.instruments(s, kind="working group")] == ["working_group"]
        assert "working_group" in analytics.instrument_kinds(s)
        assert analytics.cases(s, series="security") == []


def test_private_rejected_and_old_versions_are_left_out(store) -> None:
    with store.session() as s:
        docs = _corpus(s)
        public = analytics.cases(s, include_private=False)
        assert [c["name"] for c in public] == ["Ayotzinapa (Iguala) case"]  # Tlatlaya: only the memo
        assert public[0]["documents"] == 3
        tlatlaya = next(c for c in analytics.cases(s) if c["key"] == "tlatlaya")
        assert analytics.case_detail(s, tlatlaya["id"], include_private=False) is None
        assert analytics.case_detail(s, tlatlaya["id"]) is not None
        assert analytics.case_detail(s, 999_999) is None
        docs["letter"].is_current = False  # superseded by a newer version: no longer evidence
        for m in analytics.instrument_detail(s, analytics.instruments(s, "merida")[0]["id"])["timeline"]:
            if m["document_id"] == docs["security"].id:
                s.get(InstrumentMention, m["mention_id"]).review_state = "rejected"
        s.flush()
        [case] = analytics.cases(s, "ayotzinapa", include_private=False)
        assert case["documents"] == 2 and case["last_date"] == "2016-10-27"
        assert analytics.instruments(s, "merida")[0]["documents"] == 2


def test_snippet_cuts_at_words_and_marks_the_mention() -> None:
    text = "one two three four five Iguala case six seven eight nine ten"
    start = text.index("Iguala")
    sn = snippet(text, start, start + len("Iguala case"), width=10)
    assert sn["text"] == "…five Iguala case six…"
    assert sn["text"][sn["start"] : sn["end"]] == "Iguala case"
    assert snippet(text, None, None)["text"] == "" and snippet(text, 5, 500)["text"] == ""


def test_cli_cases_and_instruments(db_url: str, store) -> None:
    with store.session() as s:
        ids = {k: d.id for k, d in _corpus(s).items()}
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, [*args, "--db", db_url])

    out = run("cases", "iguala", "--format", "json")
    assert out.exit_code == 0, out.output
    [case] = json.loads(out.stdout)
    assert [e["date"][:4] for e in case["timeline"]] == ["2015", "2016", "2017", "2018"]
    assert [e["language"] for e in case["timeline"][:2]] == ["en", "es"]
    out = run("cases", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert out.stdout.startswith("id,name,documents,first_date,last_date,names")
    assert {r["name"] for r in rows} == {"Ayotzinapa (Iguala) case", "Tlatlaya"}
    out = run("cases", "Ayotzinapa", "--series", "human rights", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [int(r["document_id"]) for r in rows] == [ids["en"], ids["es"]]
    assert [r["name"] for r in rows] == ["Iguala case", "caso Ayotzinapa"] and rows[1]["round"] == "8"
    out = run("instruments", "--kind", "programme", "--format", "json")
    assert [(i["name"], i["documents"]) for i in json.loads(out.stdout)] == [("Mérida Initiative", 3)]
    out = run("instruments", "Iniciativa Merida", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["text"] for r in rows] == ["Mérida Initiative", "Iniciativa Mérida", "Mérida Initiative"]
    table = run("instruments")
    assert table.exit_code == 0 and "Instruments" in table.stdout and "Mérida" in table.stdout
    out = run("cases", "no such case")
    assert out.exit_code == 1 and "no case matches" in out.output
    out = run("instruments", "--series", "no such dialogue")
    assert out.exit_code == 1 and "no series matches" in out.output
    for command in ("cases", "instruments"):
        helped = runner.invoke(app, [command, "--help"])
        assert helped.exit_code == 0 and "--series" in helped.stdout and "--format" in helped.stdout
