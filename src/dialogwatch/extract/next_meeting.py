"""The next meeting a text announces as a commitment of both parties.

"The sixth round of the Dialogue will be held in Brussels in 2026", "Su próxima reunión tendrá
lugar en la Ciudad de Guatemala": a subject that names a meeting and a verb that sets it ahead
(``next_meeting`` in data/cues.yaml). Its actors are the parties, its deadline the date it gives.
A meeting set within weeks of the text's date is the one a media note announces, not a pledge.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dialogwatch.extract.context import Segment
from dialogwatch.extract.cues import cues_data
from dialogwatch.extract.dates import find_dates
from dialogwatch.extract.deadlines import find_deadline
from dialogwatch.extract.schema import Action

_SOON_DAYS = 60


@cache
def _regex() -> re.Pattern[str]:
    return re.compile(cues_data().next_meeting, re.IGNORECASE)


def next_meeting_action(seg: Segment, parties: list[str], date: str | None, max_text: int) -> Action | None:
    """A commitment to hold the next meeting, if the segment announces one (its text cut at ``max_text``)."""
    if len(parties) < 2 or _regex().search(seg.text) is None or _soon(seg.text, date):
        return None
    deadline = find_deadline(seg.text, date)
    return Action(
        kind="commitment",
        text=seg.text[:max_text],
        start=seg.start,
        end=seg.start + min(len(seg.text), max_text),
        actors=list(parties),
        level=5,
        deadline=deadline.value if deadline else None,
        rule="next_meeting",
        confidence=0.6,
    )


def _soon(text: str, date: str | None) -> bool:
    """Whether the meeting is set for a day within weeks of the text's date."""
    if not date or len(date) != 10:
        return False
    issued = dt.date.fromisoformat(date)
    for d in find_dates(text, year=issued.year):
        if d.precision == "day":
            gap = (dt.date.fromisoformat(d.iso) - issued).days
            if 0 <= gap <= _SOON_DAYS:
                return True
    return False
