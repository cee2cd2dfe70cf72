"""save_extraction maps the contract onto normalised rows with provenance and stable keys."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogwatch.extract import schema as x
from dialogwatch.store import persist
from dialogwatch.store.keys import fold, make_key
from dialogwatch.store.models import (
    AcronymMention,
    Action,
    CaseMention,
    DelegationMember,
    Document,
    Figure,
    InstrumentMention,
    MeetingDocument,
    Participation,
    Topic,
    TopicAssignment,
)

TEXT = "Una reunión sobre tortura. Se comprometen a crear un grupo de trabajo en 2020."


def _extraction(action_text: str = "crear un grupo de trabajo en 2020", level: int = 5) -> x.Extraction:
    return x.Extraction(
        extractor="test/1",
        document=x.DocumentInfo(
            doc_type="joint_statement", language="es", date="2019-03-03", title="Reunión"
        ),
        meetings=[
            x.Meeting(
                series="Diálogo de prueba",
                parties=["MX", "US"],
                round=4,
                date="2019-03-03",
                city="Monterrey",
                country="MX",
                start=0,
                end=10,
                rule="meeting.test",
            )
        ],
        participants=[
            x.Participant(
                name="José Ñúñez",
                side="MX",
                role="head",
                title="Subsecretario",
                organization="SRE",
                start=3,
                end=13,
                rule="people.head",
                confidence=0.8,
            ),
            x.Participant(
                name="José Nuñez", side="MX", role="mentioned", start=40, end=50, rule="people.any"
            ),
        ],
        delegations=[
            x.Delegation(
                side="US",
                organizations=["Department of State", "USAID"],
                evidence=[x.Evidence(start=1, end=2, rule="deleg.list")],
            )
        ],
        acronyms=[x.Acronym(acronym="SRE", expansion="Secretaría de Relaciones Exteriores", start=5, end=8)],
        topics=[
            x.Topic(id="torture", score=0.9, evidence=[x.Evidence(start=20, end=27, rule="topic.term")]),
            x.Topic(id="a_topic_nobody_declared", score=0.4),
        ],
        actions=[
            x.Action(
                kind="commitment",
                text=action_text,
                actors=["MX", "US"],
                level=level,
                deadline="2020",
                topics=["torture"],
                start=28,
                end=80,
                rule="action.cue",
            )
        ],
        figures=[x.Figure(value=200.0, text="two hundred specialists", unit="specialists", start=1, end=2)],
        cases=[x.Case(name="Ayotzinapa", aliases=["Iguala"], start=3, end=4)],
        instruments=[x.Instrument(name="Grupo de Trabajo Forense", kind="working_group", start=5, end=6)],
    )


def _doc(session) -> Document:
    doc = Document(source_path="/tmp/x.txt", raw_sha256="a" * 64, sha256="b" * 64, clean_text=TEXT)
    session.add(doc)
    session.flush()
    return doc


def _count(session, model, doc_id: int) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.document_id == doc_id))


def test_every_section_becomes_rows_with_provenance(store) -> None:
    with store.session() as s:
        doc = _doc(s)
        persist.save_extraction(s, doc, _extraction())
        doc_id = doc.id
    with store.session() as s:
        doc = s.get(Document, doc_id)
        assert (doc.doc_type, doc.language, doc.issue_date, doc.title) == (
            "joint_statement",
            "es",
            "2019-03-03",
            "Reunión",
        )
        assert doc.raw_extraction["schema"] == x.SCHEMA_ID
        assert doc.extractor == "test/1" and doc.extracted_at is not None
        counts = {m.__tablename__: _count(s, m, doc_id) for m in persist.EXTRACTED_TABLES}
        assert counts == {
            "participations": 2,
            "delegation_members": 2,
            "acronym_mentions": 1,
            "topic_assignments": 2,
            "actions": 1,
            "figures": 1,
            "case_mentions": 1,
            "instrument_mentions": 1,
            "meeting_documents": 1,
        }
        head = s.scalars(select(Participation).where(Participation.role == "head")).one()
        assert (head.start, head.end, head.rule, head.confidence) == (3, 13, "people.head", 0.8)
        assert head.identity_key == "person:jose nunez"
        # The same folded name twice in one document gets a distinct key.
        keys = set(s.scalars(select(Participation.identity_key)))
        assert keys == {"person:jose nunez", "person:jose nunez~2"}
        action = s.scalars(select(Action)).one()
        assert action.identity_key.startswith("action:commitment:")
        assert (action.level, action.deadline, action.actors, action.status) == (
            5,
            "2020",
            ["MX", "US"],
            "not_rated",
        )
        meeting = s.scalars(select(MeetingDocument)).one()
        assert (meeting.series_name, meeting.round, meeting.city) == ("Diálogo de prueba", 4, "Monterrey")
        assert s.scalars(select(Figure.identity_key)).one() == "figure:200:specialists"
        assert s.scalars(select(AcronymMention.identity_key)).one() == "acronym:sre"
        assert set(s.scalars(select(DelegationMember.identity_key))) == {
            "delegation:us:department of state",
            "delegation:us:usaid",
        }
        assert s.scalars(select(CaseMention.aliases)).one() == ["Iguala"]
        assert s.scalars(select(InstrumentMention.kind)).one() == "working_group"
        # A topic id absent from the vocabulary still gets a Topic row, so the FK holds.
        assert s.get(Topic, "a_topic_nobody_declared") is not None
        tor = s.scalars(select(TopicAssignment).where(TopicAssignment.topic_id == "torture")).one()
        assert tor.evidence[0]["rule"] == "topic.term" and tor.start == 20


def test_re_extraction_replaces_rows_and_keeps_identity_keys(store) -> None:
    with store.session() as s:
        doc = _doc(s)
        persist.save_extraction(s, doc, _extraction(level=3))
        doc_id = doc.id
        first = {(k, i) for k, i in s.execute(select(Action.identity_key, Action.id))}
    with store.session() as s:
        doc = s.get(Document, doc_id)
        persist.save_extraction(s, doc, _extraction(level=5))
    with store.session() as s:
        rows = s.scalars(select(Action)).all()
        assert len(rows) == 1 and rows[0].level == 5
        assert {k for k, _ in first} == {rows[0].identity_key}
        assert _count(s, Participation, doc_id) == 2  # replaced, not doubled


def test_action_key_ignores_case_spacing_and_accents() -> None:
    a = persist.short_hash("Crear  un Grupo de trabajo")
    b = persist.short_hash("crear un grupo de trabajo")
    assert a == b
    assert fold("Ruiz-Cabañas  Izquierdo") == "ruiz cabanas izquierdo"
    assert len(make_key("person", "x" * 500)) <= 200


def test_save_calls_linking_then_overrides(store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr("dialogwatch.link.service.link_document", lambda s, d: calls.append("link"))
    monkeypatch.setattr(
        "dialogwatch.track.overrides.apply_overrides",
        lambda s, d: calls.append("overrides") or ["conflict on person:x"],
    )
    with store.session() as s:
        conflicts = persist.save_extraction(s, _doc(s), _extraction())
    assert calls == ["link", "overrides"]
    assert conflicts == ["conflict on person:x"]


def test_topics_are_seeded_from_a_contract_style_vocabulary() -> None:
    from dialogwatch.store.topics import parse_vocabulary

    nested = {"human_rights": {"torture": {"en": "Torture", "es": "Tortura", "def": "d"}}}
    listed = {"topics": [{"id": "cyber", "group": "security", "label_en": "Cyber", "label_es": "Ciber"}]}
    by_id = {"topics": {"border": {"group": "security", "en": "Border", "es": "Frontera", "terms": ["x"]}}}
    assert [(t.id, t.group, t.label_es) for t in parse_vocabulary(by_id)] == [
        ("border", "security", "Frontera")
    ]
    found = [(t.id, t.group, t.label_es) for t in parse_vocabulary(nested)]
    assert found == [("torture", "human_rights", "Tortura")]
    assert [(t.id, t.group, t.label_en) for t in parse_vocabulary(listed)] == [("cyber", "security", "Cyber")]


def test_bundled_vocabulary_seeds_labelled_topics(store) -> None:
    from dialogwatch.store.topics import ensure_topics, load_vocabulary

    vocabulary = load_vocabulary()
    if not vocabulary:
        pytest.skip("extract/data/topics.yaml is not there yet")
    with store.session() as s:
        s.add(Topic(id=vocabulary[0].id, label_en="bare"))
        s.flush()
        ensure_topics(s)
        rows = {t.id: t for t in s.scalars(select(Topic))}
    assert set(rows) >= {t.id for t in vocabulary}
    assert all(rows[t.id].label_en == t.label_en and rows[t.id].label_es for t in vocabulary)
