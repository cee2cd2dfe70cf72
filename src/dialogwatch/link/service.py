"""Incremental linking of one newly stored document into the cross-document graph.

``link_document`` is called by ``store.persist.save_extraction`` in the same
transaction, after the document's extracted rows were (re)written with every
cross-document reference empty. It first forgets whatever an earlier run
linked for this document, then resolves meetings, organisations, people,
cases, instruments and action links, and finally drops entities nothing
refers to any more — so linking a document again gives the same graph, and
linking documents one by one gives the graph a rebuild gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from dialogwatch.link.actions import MACHINE_STATUSES, clear_action_links, eligible_document_ids, link_actions
from dialogwatch.link.cleanup import remove_orphans
from dialogwatch.link.data import scoring_data
from dialogwatch.link.meetings import refresh_meeting, refresh_series, resolve_meeting, resolve_series
from dialogwatch.link.named import link_cases, link_instruments
from dialogwatch.link.orgs import OrgIndex, country_of_side, link_organizations
from dialogwatch.link.people import PeopleIndex, refresh_display_names, resolve_participation
from dialogwatch.settings import get_settings
from dialogwatch.store.models import (
    AcronymMention,
    Action,
    ActionLink,
    Case,
    CaseMention,
    DelegationMember,
    Document,
    Instrument,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Organization,
    Participation,
    Person,
    PersonMergeProposal,
    Series,
)

ATTENDING_ROLES = ("head", "member")


@dataclass
class LinkSummary:
    """What a run over many documents did."""

    documents: int = 0
    series: int = 0
    meetings: int = 0
    people: int = 0
    organizations: int = 0
    links: int = 0
    proposals: int = 0


def link_document(session: Session, document: Document) -> None:
    """Resolve the document's people, organisations, meeting, cases, instruments and action links."""
    threshold = get_settings().link_threshold
    top_k = scoring_data().top_k
    session.flush()
    recheck = _unlink_other_versions(session, document)
    recheck |= unlink_document(session, document.id)
    if document.is_current and document.duplicate_of_id is None:
        primary, changed = _link_meetings(session, document)
        recheck |= changed
        _link_rows(session, document, primary)
        session.flush()
        link_actions(session, document, threshold, top_k)
    _recheck(session, recheck - {document.id}, threshold, top_k)
    remove_orphans(session)
    session.flush()


def unlink_document(session: Session, document_id: int) -> set[int]:
    """Forget what linking attached to one document; return documents whose meeting role changed."""
    meeting_ids = set(
        session.scalars(
            select(MeetingDocument.meeting_id).where(
                MeetingDocument.document_id == document_id, MeetingDocument.meeting_id.is_not(None)
            )
        )
    )
    clear_action_links(session, document_id)
    nulls = {
        MeetingDocument: {"meeting_id": None},
        Participation: {"person_id": None, "meeting_id": None, "organization_id": None},
        DelegationMember: {"meeting_id": None, "organization_id": None},
        AcronymMention: {"organization_id": None},
        Action: {"meeting_id": None},
        CaseMention: {"case_id": None},
        InstrumentMention: {"instrument_id": None},
    }
    for model, values in nulls.items():
        session.execute(
            update(model).where(model.document_id == document_id).values(**values),
            execution_options={"synchronize_session": "fetch"},
        )
    session.flush()
    changed: set[int] = set()
    for mid in sorted(meeting_ids):
        meeting = session.get(Meeting, mid)
        if meeting is not None:
            session.refresh(meeting)
            changed |= refresh_meeting(session, meeting)
    return changed


def _unlink_other_versions(session: Session, document: Document) -> set[int]:
    """A new version replaces the old ones in the graph: unlink every non-current version of the lineage."""
    root = document.version_of_id or document.id
    old = session.scalars(
        select(Document.id).where(
            (Document.id == root) | (Document.version_of_id == root),
            Document.id != document.id,
            Document.is_current.is_(False),
        )
    ).all()
    changed: set[int] = set()
    for doc_id in old:
        changed |= unlink_document(session, doc_id)
    return changed


def _fallback_parties(session: Session, document_id: int) -> list[str]:
    sides = set(session.scalars(select(Participation.side).where(Participation.document_id == document_id)))
    sides |= set(
        session.scalars(select(DelegationMember.side).where(DelegationMember.document_id == document_id))
    )
    return sorted({c for s in sides if (c := country_of_side(s))})


def _link_meetings(session: Session, document: Document) -> tuple[int | None, set[int]]:
    reports = session.scalars(
        select(MeetingDocument).where(MeetingDocument.document_id == document.id).order_by(MeetingDocument.id)
    ).all()
    primary: int | None = None
    touched: dict[int, Meeting] = {}
    fallback: list[str] | None = None
    for md in reports:
        parties = list(md.parties or [])
        if not parties:
            fallback = fallback if fallback is not None else _fallback_parties(session, document.id)
            parties = fallback
        series = resolve_series(session, md.series_name, parties, document.language)
        meeting = resolve_meeting(session, series, md, document.issue_date)
        md.meeting_id = meeting.id
        session.flush()
        touched[meeting.id] = meeting
        primary = meeting.id if primary is None else primary
    changed: set[int] = set()
    for mid in sorted(touched):
        meeting = touched[mid]
        session.refresh(meeting)
        changed |= refresh_meeting(session, meeting)
        if meeting.series is not None:
            refresh_series(session, meeting.series)
    return primary, changed


def _link_rows(session: Session, document: Document, meeting_id: int | None) -> None:
    link_organizations(session, OrgIndex(session), document.id, document.language)
    session.flush()
    index = PeopleIndex(session)
    touched: set[int] = set()
    for part in session.scalars(
        select(Participation).where(Participation.document_id == document.id).order_by(Participation.id)
    ):
        touched.add(resolve_participation(session, index, part).id)
        part.meeting_id = meeting_id if part.role in ATTENDING_ROLES else None
    session.flush()
    refresh_display_names(session, touched)
    for model in (DelegationMember, Action):
        session.execute(
            update(model).where(model.document_id == document.id).values(meeting_id=meeting_id),
            execution_options={"synchronize_session": "fetch"},
        )
    link_cases(session, document.id)
    link_instruments(session, document.id)


def _recheck(session: Session, doc_ids: set[int], threshold: float, top_k: int) -> None:
    """Documents whose role flipped (e.g. now a translation) get their links dropped or computed."""
    if not doc_ids:
        return
    eligible = eligible_document_ids(session)
    for doc_id in sorted(doc_ids):
        clear_action_links(session, doc_id)
        doc = session.get(Document, doc_id)
        if doc is not None and doc_id in eligible:
            session.flush()
            link_actions(session, doc, threshold, top_k)


def link_all(session: Session, *, rebuild: bool = False) -> LinkSummary:
    """Re-link every document in ingestion order; ``rebuild`` first forgets all linked entities."""
    if rebuild:
        _forget_everything(session)
    docs = session.scalars(select(Document).order_by(Document.id)).all()
    for doc in docs:
        link_document(session, doc)
    return summarize(session, documents=len(docs))


def _forget_everything(session: Session) -> None:
    for model, values in {
        MeetingDocument: {"meeting_id": None},
        Participation: {"person_id": None, "meeting_id": None, "organization_id": None},
        DelegationMember: {"meeting_id": None, "organization_id": None},
        AcronymMention: {"organization_id": None},
        Action: {"meeting_id": None},
        CaseMention: {"case_id": None},
        InstrumentMention: {"instrument_id": None},
    }.items():
        session.execute(update(model).values(**values), execution_options={"synchronize_session": False})
    session.execute(delete(ActionLink).where(ActionLink.status.in_(MACHINE_STATUSES)))
    for model in (PersonMergeProposal, Meeting, Series, Case, Instrument, Organization):
        session.execute(delete(model), execution_options={"synchronize_session": False})
    session.execute(
        update(Person).values(merged_into_id=None), execution_options={"synchronize_session": False}
    )
    session.execute(delete(Person), execution_options={"synchronize_session": False})
    session.expire_all()


def summarize(session: Session, documents: int = 0) -> LinkSummary:
    """Counts of the linked graph."""
    from sqlalchemy import func

    def count(model: type) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return LinkSummary(
        documents=documents,
        series=count(Series),
        meetings=count(Meeting),
        people=int(session.scalar(select(func.count()).where(Person.merged_into_id.is_(None))) or 0),
        organizations=count(Organization),
        links=count(ActionLink),
        proposals=int(
            session.scalar(select(func.count()).where(PersonMergeProposal.status == "proposed")) or 0
        ),
    )
