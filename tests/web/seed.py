"""A small hand-built database for API and page tests (own words; includes XSS payloads)."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from dialogwatch.settings import Settings
from dialogwatch.store.db import Store
from dialogwatch.store.models import (
    Action,
    Case,
    CaseMention,
    DelegationMember,
    Document,
    Figure,
    Instrument,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Organization,
    Participation,
    Person,
    Series,
    TopicAssignment,
)
from dialogwatch.store.topics import ensure_topics
from dialogwatch.track.auth import create_token, set_password
from dialogwatch.track.users import add_user, cli_user

XSS = "<script>alert(1)</script>"
PASSWORD = "correct-horse-9"

TEXT_ES = (
    "Ciudad de México, 27 de octubre de 2016. La delegación mexicana estuvo encabezada por Ana Torres López. "
    "Ambos gobiernos se comprometieron a crear un registro nacional de personas desaparecidas "
    "a más tardar en 2018. "
    "Se reportaron 1,200 denuncias de tortura durante el año. "
    "El caso Ayotzinapa sigue abierto. "
    "La Iniciativa Mérida seguirá apoyando a las fiscalías."
)
TEXT_EN = (
    f"Washington, October 21, 2015. The U.S. delegation was led by John {XSS} Smith. "
    "The United States will convene the working group on forensic cooperation by 2016. "
    f"Civil society urged both governments to publish data on torture {XSS}. "
    "The delegations discussed the Iguala case and the Mérida Initiative."
)
TEXT_PRIVATE = (
    "A private memo about extradition requests. It quotes los 43 normalistas and the Tlatlaya killings."
)


@dataclass
class Seeded:
    """Ids and secrets of the seeded rows."""

    doc_es: int
    doc_en: int
    doc_private: int
    series: int
    meeting_es: int
    meeting_en: int
    person: int
    org: int
    commitment_es: int
    commitment_en: int
    ask_en: int
    figure: int
    participation_en: int
    editor_token: str
    viewer_token: str
    # Named cases and instruments (see _seed_named); defaults keep positional construction working.
    case: int = 0
    case_private_only: int = 0
    instrument: int = 0
    case_mention_en: int = 0
    case_mention_es: int = 0


def _span(text: str, needle: str) -> tuple[int, int]:
    m = re.search(re.escape(needle), text)
    assert m, needle
    return m.start(), m.end()


def _doc(title: str, text: str, lang: str, date: str, **kw: object) -> Document:
    sha = hashlib.sha256((title + text).encode()).hexdigest()
    return Document(
        source_path=f"/seed/{sha[:10]}.txt",
        filename=f"{sha[:10]}.txt",
        raw_sha256=sha,
        sha256=sha,
        title=title,
        clean_text=text,
        language=lang,
        issue_date=date,
        doc_type="joint_statement",
        **kw,
    )


def _mention(
    model: type[CaseMention] | type[InstrumentMention], doc: Document, needle: str, **kw: object
) -> CaseMention | InstrumentMention:
    a, b = _span(doc.clean_text, needle)
    return model(document_id=doc.id, name=needle, start=a, end=b, rule="seed", **kw)


def _seed_named(s: Session, en: Document, es: Document, priv: Document) -> dict[str, int]:
    """One case named in English, Spanish and a private memo; one only the memo names; one instrument."""
    case = Case(
        key="ayotzinapa",
        name="Ayotzinapa (Iguala) case",
        aliases=["Iguala case", "caso Ayotzinapa", "los 43 normalistas"],
    )
    hidden = Case(key="tlatlaya", name="Tlatlaya", aliases=["Tlatlaya"])
    merida = Instrument(
        key="merida_initiative",
        name="Mérida Initiative",
        kind="programme",
        aliases=["Iniciativa Mérida", "Mérida Initiative"],
    )
    s.add_all([case, hidden, merida])
    s.flush()
    m_en = _mention(CaseMention, en, "Iguala case", case_id=case.id)
    m_es = _mention(CaseMention, es, "caso Ayotzinapa", case_id=case.id)
    s.add_all(
        [
            m_en,
            m_es,
            _mention(CaseMention, priv, "los 43 normalistas", case_id=case.id),
            _mention(CaseMention, priv, "Tlatlaya", case_id=hidden.id),
            _mention(InstrumentMention, en, "Mérida Initiative", instrument_id=merida.id, kind="programme"),
            _mention(InstrumentMention, es, "Iniciativa Mérida", instrument_id=merida.id, kind="programme"),
        ]
    )
    s.flush()
    return {
        "case": case.id,
        "case_private_only": hidden.id,
        "instrument": merida.id,
        "case_mention_en": m_en.id,
        "case_mention_es": m_es.id,
    }


def seed(store: Store) -> Seeded:
    """Fill ``store`` with two rounds of one series, people, actions, figures, users and tokens."""
    with store.session() as s:
        ensure_topics(s, ["torture", "enforced_disappearance"])
        es = _doc("Declaración conjunta sobre tortura y desaparición", TEXT_ES, "es", "2016-10-27")
        en = _doc(f"Joint statement {XSS}", TEXT_EN, "en", "2015-10-21", meta={"x": 1})
        priv = _doc(
            "Internal memo",
            TEXT_PRIVATE,
            "en",
            "2017-01-01",
            visibility="private",
        )
        s.add_all([es, en, priv])
        series = Series(
            key="us-mx-hr", name="U.S.–Mexico Bilateral Dialogue on Human Rights", parties=["US", "MX"]
        )
        s.add(series)
        s.flush()
        m_en = Meeting(
            series_id=series.id,
            round=7,
            date="2015-10-21",
            city="Washington",
            country="US",
            parties=["US", "MX"],
        )
        m_es = Meeting(
            series_id=series.id,
            round=8,
            date="2016-10-27",
            city="Ciudad de México",
            country="MX",
            parties=["US", "MX"],
        )
        s.add_all([m_en, m_es])
        s.flush()
        s.add_all(
            [
                MeetingDocument(meeting_id=m_en.id, document_id=en.id, round=7),
                MeetingDocument(meeting_id=m_es.id, document_id=es.id, round=8),
            ]
        )
        person = Person(key="john-smith", name=f"John {XSS} Smith")
        org = Organization(key="sre", name="Secretaría de Relaciones Exteriores", country="MX")
        s.add_all([person, org])
        s.flush()
        a, b = _span(TEXT_EN, f"John {XSS} Smith")
        p_en = Participation(
            document_id=en.id,
            person_id=person.id,
            meeting_id=m_en.id,
            name=f"John {XSS} Smith",
            role="head",
            side="US",
            title="Assistant Secretary",
            start=a,
            end=b,
            rule="seed",
            confidence=0.5,
        )
        a, b = _span(TEXT_ES, "Ana Torres López")
        p_es = Participation(
            document_id=es.id,
            meeting_id=m_es.id,
            name="Ana Torres López",
            role="head",
            side="MX",
            start=a,
            end=b,
            rule="seed",
            confidence=0.9,
        )
        s.add_all(
            [
                p_en,
                p_es,
                DelegationMember(
                    document_id=es.id,
                    meeting_id=m_es.id,
                    organization_id=org.id,
                    side="MX",
                    organization_name="SRE",
                    rule="seed",
                ),
            ]
        )
        a, b = _span(
            TEXT_ES,
            "Ambos gobiernos se comprometieron a crear un registro nacional de personas desaparecidas "
            "a más tardar en 2018.",
        )
        c_es = Action(
            document_id=es.id,
            meeting_id=m_es.id,
            kind="commitment",
            text=TEXT_ES[a:b],
            actors=["US", "MX"],
            level=4,
            deadline="2018",
            topics=["enforced_disappearance"],
            start=a,
            end=b,
            rule="seed",
            confidence=0.8,
        )
        a, b = _span(
            TEXT_EN, "The United States will convene the working group on forensic cooperation by 2016."
        )
        c_en = Action(
            document_id=en.id,
            meeting_id=m_en.id,
            kind="commitment",
            text=TEXT_EN[a:b],
            actors=["US"],
            level=3,
            deadline="2016",
            topics=["enforced_disappearance"],
            start=a,
            end=b,
            rule="seed",
            confidence=0.7,
        )
        a, b = _span(TEXT_EN, f"Civil society urged both governments to publish data on torture {XSS}.")
        ask = Action(
            document_id=en.id,
            meeting_id=m_en.id,
            kind="ask",
            text=TEXT_EN[a:b],
            actors=["civil_society"],
            addressee="US, MX",
            level=2,
            topics=["torture"],
            start=a,
            end=b,
            rule="seed",
            confidence=0.6,
        )
        a, b = _span(TEXT_ES, "1,200 denuncias de tortura")
        fig = Figure(
            document_id=es.id, value=1200, text=TEXT_ES[a:b], unit="denuncias", start=a, end=b, rule="seed"
        )
        s.add_all([c_es, c_en, ask, fig])
        for doc, topic in (
            (es, "torture"),
            (es, "enforced_disappearance"),
            (en, "torture"),
            (en, "enforced_disappearance"),
        ):
            a, b = _span(
                doc.clean_text,
                "tortura"
                if doc is es and topic == "torture"
                else ("desaparecidas" if doc is es else ("torture" if topic == "torture" else "forensic")),
            )
            s.add(
                TopicAssignment(
                    document_id=doc.id,
                    topic_id=topic,
                    evidence=[{"start": a, "end": b, "rule": "seed"}],
                    rule="seed",
                )
            )
        s.flush()
        named = _seed_named(s, en, es, priv)
        admin = cli_user(s, "admin")
        set_password(s, admin, "admin", PASSWORD)
        add_user(s, admin, "ed", "editor", PASSWORD)
        add_user(s, admin, "vi", "viewer", PASSWORD)
        _, ed_token = create_token(s, admin, "ed")
        _, vi_token = create_token(s, admin, "vi")
        return Seeded(
            es.id,
            en.id,
            priv.id,
            series.id,
            m_es.id,
            m_en.id,
            person.id,
            org.id,
            c_es.id,
            c_en.id,
            ask.id,
            fig.id,
            p_en.id,
            ed_token,
            vi_token,
            **named,
        )


warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from dialogwatch.web.app import create_app  # noqa: E402


@pytest.fixture
def seeded(store: Store) -> Seeded:
    """The seed data in a fresh database (both backends)."""
    return seed(store)


@pytest.fixture
def client(db_url: str, seeded: Seeded) -> Iterator[TestClient]:
    """A TestClient on an app serving the seeded database, with a small upload limit."""
    app = create_app(Settings(db=db_url, secret_key="test-secret", upload_max_bytes=200_000))
    with TestClient(app) as c:
        yield c


def csrf_of(html: str) -> str:
    """The CSRF token embedded in a page's forms."""
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def sign_in(client: TestClient, user: str, password: str = PASSWORD) -> str:
    """Sign in through the form; return the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"username": user, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:500]
    return csrf_of(client.get("/").text)
