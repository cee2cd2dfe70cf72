"""Deadlines: read from extraction or set by hand (as an override), and overdue actions."""

from __future__ import annotations

import calendar
import re
from datetime import date

from sqlalchemy.orm import Session

from dialogwatch.store.models import Action, User
from dialogwatch.track.errors import InvalidInput
from dialogwatch.track.status import done_statuses, get_action

_DEADLINE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def due_date(deadline: str | None) -> date | None:
    """Last day a deadline allows: "2022" -> 2022-12-31, "2022-06" -> 2022-06-30, a full date as is."""
    if not deadline:
        return None
    m = _DEADLINE.match(deadline.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return date(year, 12, 31)
        if day is None:
            return date(year, int(month), calendar.monthrange(year, int(month))[1])
        return date(year, int(month), int(day))
    except ValueError:
        return None


def parse_deadline(text: str) -> str:
    """Validate a hand-set deadline (YYYY, YYYY-MM or YYYY-MM-DD) and return it normalised."""
    text = text.strip()
    if due_date(text) is None:
        raise InvalidInput(f"invalid deadline {text!r}: write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def set_deadline(
    session: Session, user: User | None, action_id: int, deadline: str, note: str = ""
) -> Action:
    """Set an action's deadline by hand (editors); kept as an override so re-extraction keeps it."""
    from dialogwatch.track.review import review

    value = parse_deadline(deadline)
    get_action(session, action_id)
    return review(
        session, user, f"action:{action_id}", "edit", {"deadline": value}, note=note or "deadline set"
    )


def is_overdue(action: Action, as_of: date) -> bool:
    """Past its due date (strictly before ``as_of``) and not fulfilled or taken up."""
    due = due_date(action.deadline)
    return due is not None and due < as_of and action.status not in done_statuses()


def overdue(session: Session, as_of: date | None = None, kind: str | None = None) -> list[Action]:
    """Tracked actions past due on ``as_of`` (default today) and not fulfilled/taken up, by deadline."""
    from dialogwatch.track.queries import find_actions

    found = find_actions(session, kind=kind, overdue_as_of=as_of or date.today())
    return sorted(found, key=lambda a: (due_date(a.deadline), a.id))
