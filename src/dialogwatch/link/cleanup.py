"""Drop linked entities nothing refers to, so the graph is a function of the stored documents."""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import (
    AcronymMention,
    Case,
    CaseMention,
    DelegationMember,
    Instrument,
    InstrumentMention,
    Meeting,
    MeetingDocument,
    Organization,
    Participation,
    Person,
    PersonAlias,
    Series,
)


def remove_orphans(session: Session) -> None:
    """Delete meetings, series, people, organisations, cases and instruments no document supports."""
    session.flush()
    session.execute(
        delete(Meeting).where(~exists().where(MeetingDocument.meeting_id == Meeting.id)),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(Series).where(~exists().where(Meeting.series_id == Series.id)),
        execution_options={"synchronize_session": False},
    )
    merged_target = select(Person.merged_into_id).where(Person.merged_into_id.is_not(None))
    session.execute(
        delete(Person).where(
            ~exists().where(Participation.person_id == Person.id),
            Person.merged_into_id.is_(None),
            Person.id.not_in(merged_target),
        ),
        execution_options={"synchronize_session": False},
    )
    # An alias stays only while some participation still writes the name that way.
    session.execute(
        delete(PersonAlias).where(
            ~exists().where(
                Participation.person_id == PersonAlias.person_id, Participation.name == PersonAlias.name
            ),
            exists().where(Participation.person_id == PersonAlias.person_id),
        ),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(Organization).where(
            ~exists().where(Participation.organization_id == Organization.id),
            ~exists().where(DelegationMember.organization_id == Organization.id),
            ~exists().where(AcronymMention.organization_id == Organization.id),
        ),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(Case).where(~exists().where(CaseMention.case_id == Case.id)),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(Instrument).where(~exists().where(InstrumentMention.instrument_id == Instrument.id)),
        execution_options={"synchronize_session": False},
    )
    session.expire_all()
