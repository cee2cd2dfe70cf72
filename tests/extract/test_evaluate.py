"""The project's own scorer: small hand-made gold/prediction pairs with hand-computed numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialogwatch.extract.evaluate import (
    Counts,
    Score,
    normalize,
    same_label,
    same_person,
    score_corpus,
    score_document,
    word_f1,
)
from dialogwatch.extract.schema import Action, DocumentInfo, Extraction, Participant


# ----------------------------------------------------------------- helpers
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Roberta S. Jacobson", "Roberta Jacobson", True),  # middle initial dropped
        ("Miguel Ruiz Cabañas", "Miguel Ruiz-Cabañas Izquierdo", True),  # hyphen, accent, 2nd surname
        ("Ambassador Martha Delgado", "Martha Delgado Peralta", True),  # honorific dropped
        ("Dra. Alicia Bárcena Ibarra", "alicia barcena", True),
        ("Jacobson", "Roberta Jacobson", False),  # one token is not enough
        ("Juan Pérez", "María Pérez", False),  # shared surname, different people
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_normalize_unifies_quotes_dashes_and_space() -> None:
    assert normalize("Mexico\u2019s  \u201cplan\u201d \u2013 now\n") == 'mexico\'s "plan" - now'
    assert normalize(None) == ""


def test_word_f1_and_same_label() -> None:
    # department/of/defense vs department/of/justice: 2 shared of 3 each -> F1 = 2/3
    assert word_f1("Department of Defense", "Department of Justice") == pytest.approx(2 / 3)
    assert not same_label("Department of Defense", ["Department of Justice"])
    assert same_label("SRE", ["Ministry of Foreign Affairs", "SRE"])
    assert same_label("the Secretaría de Gobernación", ["Secretaria de Gobernacion"])  # containment
    assert not same_label("", ["anything"])
    assert not same_label("Navy", [None])


def test_counts_prf() -> None:
    c = Counts(tp=2, fp=1, fn=3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 5)
    assert c.f1 == pytest.approx(4 / 8)  # 2tp / (2tp + fp + fn)
    assert Counts().f1 is None


# ----------------------------------------------------------------- per set
def test_participants_with_optional_and_attributes() -> None:
    gold = {
        "participants": [
            {
                "name": "Tom Malinowski",
                "side": "US",
                "role": "head",
                "title": ["Assistant Secretary"],
                "organization": ["Department of State"],
            },
            {"name": "Roberto Campa", "side": "MX", "role": "head", "title": [None], "organization": [None]},
            {"name": "Barack Obama", "side": "US", "role": "mentioned", "optional": True},
        ]
    }
    pred = {
        "participants": [
            {
                "name": "Ambassador Tom Malinowski",
                "side": "US",
                "role": "member",
                "title": "Assistant Secretary",
                "organization": "U.S. Department of State",
            },
            {"name": "Barack Obama", "side": "US", "role": "mentioned"},
            {"name": "Somebody Else"},
        ]
    }
    s = score_document(gold, pred)
    c = s.sets["participants"]
    # Malinowski matched; Campa missed; Obama optional (ignored); "Somebody Else" spurious.
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.f1 == pytest.approx(0.5)
    assert s.accuracy("participant.side") == 1.0
    assert s.accuracy("participant.role") == 0.0
    assert s.accuracy("participant.title") == 1.0
    assert s.accuracy("participant.organization") == 1.0  # containment of "Department of State"


def test_actions_quote_containment_length_limit_and_attributes() -> None:
    gold = {
        "actions": [
            {
                "kind": "commitment",
                "quote": "commit to convening our bilateral cyber working group by 2022",
                "actors": ["MX", "US"],
                "level": 5,
                "deadline": "2022",
            },
            {
                "kind": "commitment",
                "quote": "we continue to support the search commission",
                "actors": [["MX", "US"], ["US"]],
                "level": [4, 5],
            },
            {"kind": "ask", "quote": "We urge you to meet defenders", "actors": ["CSO"], "level": 2},
            {"kind": "ask", "quote": "should be rejected", "actors": ["CSO"], "level": 4, "optional": True},
        ]
    }
    long_text = "We urge you to meet defenders " + "and more " * 80  # > 600 characters
    pred = {
        "actions": [
            {
                "kind": "commitment",
                "text": "We also commit to convening our bilateral cyber\nworking group by 2022.",
                "actors": ["US", "MX"],
                "level": 5,
                "deadline": "2022",
            },
            {
                "kind": "commitment",
                "text": "And we continue to support the Search Commission.",
                "actors": ["US"],
                "level": 3,
                "deadline": None,
            },
            {"kind": "ask", "text": long_text, "actors": ["CSO"], "level": 2},
            {"kind": "commitment", "text": "A sentence nobody annotated.", "actors": ["US"], "level": 1},
        ]
    }
    s = score_document(gold, pred)
    com, ask = s.sets["commitments"], s.sets["asks"]
    assert (com.tp, com.fp, com.fn) == (2, 1, 0)
    assert (ask.tp, ask.fp, ask.fn) == (0, 1, 1)  # too long to count; optional ask not required
    assert s.accuracy("action.actors") == 1.0  # order-free; second gold accepts [US]
    assert s.accuracy("action.level") == 0.5  # 5 ok, 3 not in [4, 5]
    assert s.accuracy("action.level_within_1") == 1.0
    assert s.accuracy("action.deadline") == 1.0  # "2022", and no deadline where none is expected


def test_kind_must_match() -> None:
    gold = {"actions": [{"kind": "ask", "quote": "we urge", "actors": ["CSO"], "level": 2}]}
    s = score_document(gold, {"actions": [{"kind": "commitment", "text": "So we urge you.", "level": 2}]})
    assert (s.sets["asks"].tp, s.sets["asks"].fn, s.sets["commitments"].fp) == (0, 1, 1)


def test_figures_value_and_quote_words() -> None:
    gold = {
        "figures": [
            {"value": 13, "quote": "thirteen journalists were killed"},
            {"value": 9.2, "quote": "alcanza el 9,2 %"},
            {"value": 2, "quote": "Two new laws", "optional": True},
        ]
    }
    pred = {
        "figures": [
            {"value": 13, "text": "13 days later"},  # right value, wrong words
            {"value": 13.0, "text": "In 2017, Thirteen journalists were killed"},
            {"value": 9.2, "text": "la tasa alcanza el 9,2 %"},
            {"value": 92, "text": "alcanza el 9,2 %"},  # wrong value
        ]
    }
    c = score_document(gold, pred).sets["figures"]
    assert (c.tp, c.fp, c.fn) == (2, 2, 0)


def test_topics_with_optional() -> None:
    gold = {"topics": ["torture", "lgbti"], "topics_optional": ["border"]}
    pred = {"topics": [{"id": "torture", "score": 0.9}, {"id": "border"}, "cyber"]}
    c = score_document(gold, pred).sets["topics"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.f1 == pytest.approx(0.5)


def test_delegations_per_side() -> None:
    gold = {
        "delegations": [
            {
                "side": "US",
                "organizations": [["Department of State", "State Department"], ["Department of Justice"]],
            },
            {"side": "MX", "organizations": [["SRE", "Ministry of Foreign Affairs"]]},
        ]
    }
    pred = {
        "delegations": [
            {"side": "US", "organizations": ["State Department", "Department of Defense"]},
            {"side": "CN", "organizations": ["Ministry of Foreign Affairs"]},
        ]
    }
    c = score_document(gold, pred).sets["delegations"]
    # US: State ok, Justice missed, Defense spurious; MX missed; CN is not a gold side.
    assert (c.tp, c.fp, c.fn) == (1, 2, 2)
    assert c.f1 == pytest.approx(1 / 3)


def test_acronyms_and_expansion() -> None:
    gold = {
        "acronyms": [
            {"acronym": "SRE", "expansion": ["Ministry of Foreign Affairs"]},
            {"acronym": "SEGOB", "expansion": ["Interior Ministry"]},
            {"acronym": "UN", "expansion": ["United Nations"], "optional": True},
        ]
    }
    pred = {
        "acronyms": [
            {"acronym": "SRE", "expansion": "Ministry of Foreign Affairs"},
            {"acronym": "SEGOB", "expansion": "Secretariat of Foreign Affairs"},
            {"acronym": "OAS", "expansion": "Organization of American States"},
        ]
    }
    s = score_document(gold, pred)
    assert (s.sets["acronyms"].tp, s.sets["acronyms"].fp, s.sets["acronyms"].fn) == (2, 1, 0)
    assert s.accuracy("acronym.expansion") == 0.5


def test_meetings_fields_and_optional_meeting() -> None:
    gold = {
        "meetings": [
            {
                "series": ["Bilateral Dialogue on Human Rights"],
                "parties": ["MX", "US"],
                "round": 7,
                "date": ["2015-10-21"],
                "city": ["Washington", "Washington, D.C."],
                "country": "US",
            }
        ],
        "meetings_optional": [{"series": ["visit to Mexico City"], "parties": ["MX", "US"]}],
    }
    pred = {
        "meetings": [
            {
                "series": "U.S.-Mexico Bilateral Dialogue on Human Rights",
                "parties": ["US", "MX"],
                "round": 7,
                "date": "2015-10-21",
                "city": "Washington, D.C.",
                "country": "US",
            },
            {"series": "visit to Mexico City", "parties": ["US", "MX"]},
        ]
    }
    s = score_document(gold, pred)
    assert (s.sets["meetings"].tp, s.sets["meetings"].fp, s.sets["meetings"].fn) == (1, 0, 0)
    for field in ("series", "parties", "round", "date", "city", "country"):
        assert s.accuracy("meeting." + field) == 1.0, field


def test_missed_meeting_counts_every_field_wrong_and_null_accepts_empty() -> None:
    gold = {
        "meetings": [
            {
                "series": ["High-Level Security Dialogue"],
                "parties": ["MX", "US"],
                "round": None,
                "date": [None, "2021-10"],
                "city": [None, "Mexico City"],
                "country": [None, "MX"],
            }
        ]
    }
    assert score_document(gold, {}).group_accuracy("meeting") == 0.0
    pred = {"meetings": [{"series": "High-Level Security Dialogue", "parties": ["MX", "US"]}]}
    assert score_document(gold, pred).group_accuracy("meeting") == 1.0


def test_overall_is_mean_of_set_f1_and_attribute_groups() -> None:
    gold = {
        "document": {"doc_type": ["letter"], "language": "en", "date": ["2018-07-11"]},
        "participants": [{"name": "Mike Pompeo", "side": "US", "role": "addressee", "title": [None]}],
    }
    pred = {
        "document": {"doc_type": "letter", "language": "en", "date": "2018-07-12"},
        "participants": [{"name": "Mike Pompeo", "side": "US", "role": "addressee"}],
    }
    s = score_document(gold, pred)
    # parts: participants F1 1.0, document group (1 + 1 + 0)/3, participant group (1 + 1)/2
    assert s.group_accuracy("document") == pytest.approx(2 / 3)
    assert s.overall == pytest.approx((1.0 + 2 / 3 + 1.0) / 3)


def test_accepts_an_extraction_object() -> None:
    gold = {
        "document": {"doc_type": ["joint_statement"], "language": "es", "date": ["2023-10-05"]},
        "participants": [{"name": "Rosa Icela Rodríguez", "side": "MX", "role": "member"}],
        "actions": [
            {
                "kind": "commitment",
                "quote": "a más tardar en 2024",
                "actors": ["MX", "US"],
                "level": 5,
                "deadline": "2024",
            }
        ],
    }
    pred = Extraction(
        document=DocumentInfo(doc_type="joint_statement", language="es", date="2023-10-05"),
        participants=[Participant(name="Rosa Icela Rodriguez", side="MX", role="member")],
        actions=[
            Action(
                kind="commitment",
                text="Instalar, a más tardar en 2024, un centro.",
                actors=["MX", "US"],
                level=5,
                deadline="2024",
            )
        ],
    )
    assert score_document(gold, pred).overall == pytest.approx(1.0)


def test_merge_adds_tallies() -> None:
    a, b = Score(), Score()
    a.sets["cases"].tp, b.sets["cases"].fn = 2, 2
    a.attr("action.level").add(True)
    b.attr("action.level").add(False)
    a.merge(b)
    assert a.f1("cases") == pytest.approx(4 / 6)
    assert a.accuracy("action.level") == 0.5


# ----------------------------------------------------------------- corpus
def _write(corpus: Path, name: str, text: str, gold: dict) -> None:
    (corpus / "docs" / name).write_text(text, encoding="utf-8")
    (corpus / "gold" / (Path(name).stem + ".yaml")).write_text(
        yaml.safe_dump({"file": name, **gold}), encoding="utf-8"
    )


def test_score_corpus_breakdown_languages_and_errors(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()

    def doc(kind: str, lang: str) -> dict:
        return {"doc_type": [kind], "language": lang, "date": [None]}

    _write(tmp_path, "a.txt", "en text", {"document": doc("letter", "en"), "cases": [{"name": ["Tlatlaya"]}]})
    _write(
        tmp_path,
        "b.txt",
        "texto",
        {"document": doc("news", "es"), "cases": [{"name": ["Ayotzinapa", "caso Iguala"]}]},
    )
    _write(tmp_path, "c.txt", "boom", {"document": doc("news", "es")})

    def fake_extract(path: Path) -> dict:
        if path.name == "c.txt":
            raise RuntimeError("extractor crashed")
        if path.name == "a.txt":
            return {"document": {"doc_type": "letter", "language": "en"}, "cases": [{"name": "Tlatlaya"}]}
        return {
            "document": {"doc_type": "news", "language": "es"},
            "cases": [{"name": "Iguala", "aliases": ["caso Iguala"]}, {"name": "Tlatlaya"}],
        }

    report = score_corpus(tmp_path, fake_extract)
    assert [d.file for d in report.documents] == ["a.txt", "b.txt", "c.txt"]
    assert report.documents[2].error == "RuntimeError: extractor crashed"
    cases = report.total.sets["cases"]
    assert (cases.tp, cases.fp, cases.fn) == (2, 1, 0)
    assert report.by_language("en").overall == pytest.approx(1.0)
    es = report.by_language("es")
    assert es.f1("cases") == pytest.approx(2 / 3)
    # c is scored as an empty prediction: doc_type and language right only in b; no date expected in either
    assert es.group_accuracy("document") == pytest.approx((1 / 2 + 1 / 2 + 2 / 2) / 3)
    assert "overall" in report.table()
