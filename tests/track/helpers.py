"""Builders of the tracking tests: documents stored through the real persistence path."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from dialogwatch.extract import schema as x
from dialogwatch.store.models import Document, User
from dialogwatch.track import users

# Our own wording, in the genre of a joint statement and a later progress report.
STATEMENT_2021 = (
    "Joint Statement on the Bilateral Security Dialogue\n\n"
    "The delegations met in Mexico City on October 8, 2021. "
    "The United States delegation was led by Secretary Ana Brown. "
    "Both governments will convene the bilateral cybersecurity working group by 2022. "
    "Mexico will publish a national firearms tracing report. "
    "The United States will fund forensic laboratories for identifying disappeared persons."
)
REPORT_2023 = (
    "Progress Report\n\n"
    "In March 2023 the cybersecurity working group convened its first bilateral session in Washington. "
    "Officials also reviewed migration flows along the border."
)
LETTER_2018 = (
    "Letter to both governments\n\n"
    "We urge the authorities to create an independent mechanism to search for disappeared persons. "
    "We ask the government to end the use of the armed forces in public security tasks."
)


def span(text: str, needle: str) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text`` (fails loudly when absent)."""
    start = text.index(needle)
    return start, start + len(needle)


def sentence_action(text: str, sentence: str, kind: str = "commitment", **fields: object) -> x.Action:
    """An extracted action for one sentence of ``text`` with its real span."""
    start, end = span(text, sentence)
    return x.Action(kind=kind, text=sentence, start=start, end=end, rule="test", **fields)  # type: ignore[arg-type]


def statement_extraction(level: int = 5, with_ghost: bool = True) -> x.Extraction:
    """What an extractor might produce from STATEMENT_2021 (including one wrong participant)."""
    t = STATEMENT_2021
    people = [
        x.Participant(
            name="Ana Brown", side="US", role="head", title="Secretary", rule="test", confidence=0.9
        )
    ]
    if with_ghost:
        s, e = span(t, "Mexico City")
        people.append(
            x.Participant(name="Mexico City", side="MX", start=s, end=e, rule="test", confidence=0.3)
        )
    return x.Extraction(
        document=x.DocumentInfo(doc_type="joint_statement", date="2021-10-08", language="en"),
        participants=people,
        actions=[
            sentence_action(
                t,
                "Both governments will convene the bilateral cybersecurity working group by 2022.",
                actors=["US", "MX"],
                level=level,
                deadline="2022",
                topics=["cyber"],
                confidence=0.8,
            ),
            sentence_action(
                t,
                "Mexico will publish a national firearms tracing report.",
                actors=["MX"],
                level=4,
                topics=["arms_trafficking"],
                confidence=0.6,
            ),
            sentence_action(
                t,
                "The United States will fund forensic laboratories for identifying disappeared persons.",
                actors=["US"],
                level=4,
                topics=["disappearances"],
                confidence=0.7,
            ),
        ],
    )


def make_document(session: Session, text: str, issue_date: str, path: str) -> Document:
    """A stored document row (what ingestion would create) without extraction."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        source_path=path,
        filename=path.rsplit("/", 1)[-1],
        raw_sha256=digest,
        sha256=digest,
        clean_text=text,
        issue_date=issue_date,
        size_bytes=len(text),
    )
    session.add(doc)
    session.flush()
    return doc


def user(session: Session, name: str) -> User:
    """Fetch a user by name."""
    return users.get_user(session, name)
