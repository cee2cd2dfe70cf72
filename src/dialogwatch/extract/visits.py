"""Official visits of international bodies as meetings ("the Special Rapporteur concluded her
official visit to Honduras", "el Comité concluyó su visita oficial a México").

A country visit by a UN or inter-American mechanism is the meeting such a document
reports: its series is the visit phrase, its one party the host country, its date
the visit's (or the day the text says it ended). The cue words are data
(``visits`` in data/series.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from dialogwatch.extract.alternation import any_of
from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.places import find_countries
from dialogwatch.extract.schema import Delegation, Evidence, Meeting, Participant
from dialogwatch.extract.series_data import series_data

# words inside a visit phrase that its name does without
_INSERTS = re.compile(r"\s(?:que\s+\w+\s+|la\s+República\s+(?:del?\s+)?|the\s+Republic\s+of\s+)", re.I)


@cache
def _regexes() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    v = series_data().visits
    flags = re.IGNORECASE
    return (
        [re.compile(p, flags) for p in v.phrase],
        re.compile("|".join(f"(?:{p})" for p in v.visitors) or "(?!)"),
        re.compile("|".join(f"(?:{p})" for p in v.verbs) or "(?!)", flags),
    )


def find_visit(
    ctx: DocContext, date_of: Callable[[Segment], str | None], is_future: Callable[[str], bool]
) -> Meeting | None:
    """The official visit an international body reports as made, if the text reports one."""
    _, visitors, _ = _regexes()
    # a mandate holder's own statement names them in its heading and speaks in the first person
    own = bool(visitors.search(ctx.text[:800]))
    return best_visit([v for seg in ctx.segments[:40] if (v := visit_in(seg, date_of, is_future, own=own))])


@cache
def _first_person() -> re.Pattern[str]:
    return any_of(series_data().visits.first_person)


def best_visit(found: list[Meeting]) -> Meeting | None:
    """Of several sentences reporting the visit, the one that names it in full."""
    if not found:
        return None
    # a headline names the visit in shorthand ("Concluye Comité visita a México"), the body in full
    return max(found, key=lambda v: (len((v.series or "").split()), v.date is not None))


def visit_in(
    seg: Segment,
    date_of: Callable[[Segment], str | None],
    is_future: Callable[[str], bool],
    *,
    own: bool = False,
) -> Meeting | None:
    """The visit one sentence reports as made by an international body, if it reports one
    (``own``: the document's heading names the visitor, who may tell it in the first person)."""
    if "visit" not in seg.text.lower():
        return None  # "visit", "visita": no phrase can match (most sentences)
    phrases, visitors, verbs = _regexes()
    m = next((m for rx in phrases if (m := rx.search(seg.text))), None)
    if m is None or is_future(seg.text):
        return None
    told = bool(visitors.search(seg.text) and verbs.search(seg.text))
    if not told and not (own and _first_person().search(seg.text)):
        return None
    place = m.group("place")
    lead = [(b, c) for a, b, c in find_countries(place) if a == 0 and c != "EU"]
    if not lead:
        return None
    end = m.start("place") + lead[0][0]
    series = re.sub(r"^(?:the|la|su|her|his|its|their|an?)\s+", "", seg.text[m.start() : end], flags=re.I)
    # "visita in loco que realizó a la República del Ecuador" is the "visita in loco a Ecuador"
    series = _INSERTS.sub(" ", series)
    return Meeting(
        series=series,
        parties=[lead[0][1]],
        country=lead[0][1],
        date=date_of(seg),
        start=seg.start + m.start(),
        end=seg.start + end,
        rule="meeting.visit",
        confidence=0.75,
    )


def visit_delegation(meeting: Meeting | None, participants: list[Participant]) -> None:
    """In a report of an international body's visit, its delegation is the visitors (side INTL):
    the mandate holder named in the visit sentence heads it; people the text lists as the
    delegation with no country of their own belong to it; the officials met are only mentioned."""
    if meeting is None or meeting.rule != "meeting.visit":
        return
    for p in participants:
        if p.side is None and p.role in ("head", "member"):
            p.side = "INTL"
        elif p.side != "INTL" and p.role in ("head", "member"):
            p.role = "mentioned"  # the officials a visitor meets are not a delegation to a dialogue
        if p.side is None and p.role == "mentioned" and p.title and p.rule != "person.noun":
            p.side = meeting.country  # "It met the Minister of Justice, X": the host's official
    if any(p.side == "INTL" and p.role == "head" for p in participants):
        return
    intl = [p for p in participants if p.side == "INTL"]
    named = [p for p in intl if (p.start or 0) <= (meeting.end or 0)] or intl[:1]
    if named:
        named[0].role = "head"
        for p in intl:
            if p is not named[0] and p.role == "mentioned":
                p.role = "member"


def opposite_heads(meeting: Meeting | None, participants: list[Participant]) -> None:
    """In a two-party meeting, heads with no side of their own lead the party no other head leads
    ("X co-chaired the dialogue with Assistant Secretary Y of the Bureau of ...")."""
    if meeting is None or len(meeting.parties) != 2:
        return
    heads = [p for p in participants if p.role == "head"]
    led = {p.side for p in heads if p.side in meeting.parties}
    unsided = [p for p in heads if p.side is None]
    if len(led) == 1 and unsided:
        # "co-chaired by Ministers A and B (no country of their own), together with Mexico's X"
        other = next(x for x in meeting.parties if x not in led)
        for p in unsided:
            p.side = other


def visiting_body(meeting: Meeting | None, text: str) -> Delegation | None:
    """The body a visit report names as the visitor ("The UN Working Group on ... concluded its
    visit"), as the international side's delegation; none when a single expert visited."""
    if meeting is None or meeting.rule != "meeting.visit" or meeting.start is None:
        return None
    line_start = max(text.rfind("\n", 0, meeting.start), text.rfind(". ", 0, meeting.start)) + 1
    m = _body_regex().search(text, line_start, meeting.start)
    if m is None:
        return None
    evidence = Evidence(
        start=m.start("body"), end=m.end("body"), rule="delegation.visiting_body", confidence=0.7
    )
    return Delegation(side="INTL", organizations=[m.group("body").strip()], evidence=[evidence])


# what follows a visiting body's name: its acronym, "de la ONU", or the verb of the visit
_AFTER_BODY = (
    r"(?=\s*\(|\s+(?:de\s+la\s+ONU|de\s+las\s+Naciones|today|hoy|this\s+week|concluded|concluyó|"
    r"presenta|presented|carried|realizó|ended|completed|finalizó|culminó)\b)"
)


@cache
def _body_regex() -> re.Pattern[str]:
    heads = "|".join(series_data().visits.bodies) or "(?!)"
    name = rf"(?:(?:United\s+Nations|UN|ONU)\s+)?(?:{heads})\b[^,.;:()\n]{{0,90}}?"
    return re.compile(rf"(?P<body>{name}){_AFTER_BODY}")
