"""Resolve participations to people: merge sure matches, propose uncertain ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.link.names import NameMatch, NameParts, compare_names, display_name_rank, parse_name
from dialogwatch.store.models import Participation, Person, PersonAlias, PersonMergeProposal


@dataclass
class _Known:
    """An existing person as the matcher sees it."""

    person_id: int
    names: list[NameParts] = field(default_factory=list)
    sides: set[str] = field(default_factory=set)


class PeopleIndex:
    """Every unmerged person with their name forms and sides, loaded once per linking run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known: dict[int, _Known] = {}
        # Blocking: two names can only match if they share a word, so a new name is compared
        # with the people who share one of its words, not with everyone in the store.
        self.by_token: dict[str, set[int]] = {}
        self._sides_loaded: set[int] = set()
        # Ids and alias strings only: people are loaded as objects when a name matches them.
        for pid in session.scalars(
            select(Person.id).where(Person.merged_into_id.is_(None)).order_by(Person.id)
        ):
            self.known[pid] = _Known(pid)
        for pid, name in session.execute(select(PersonAlias.person_id, PersonAlias.name)):
            if pid in self.known:
                self._remember(pid, parse_name(name))

    def _remember(self, person_id: int, parts: NameParts) -> None:
        self.known[person_id].names.append(parts)
        for token in parts.tokens:
            self.by_token.setdefault(token, set()).add(person_id)

    def _load_sides(self, person_ids: set[int]) -> None:
        """Sides a person has been seen on, read only for the people a name is compared with."""
        todo = sorted(person_ids - self._sides_loaded)
        for lo in range(0, len(todo), 500):
            rows = self.session.execute(
                select(Participation.person_id, Participation.side).where(
                    Participation.person_id.in_(todo[lo : lo + 500])
                )
            )
            for pid, side in rows:
                if pid in self.known and side:
                    self.known[pid].sides.add(side)
        self._sides_loaded.update(todo)

    def best_match(self, parts: NameParts, side: str | None) -> list[tuple[_Known, NameMatch]]:
        """Every known person the name could be, best first (ties broken by id)."""
        out: list[tuple[_Known, NameMatch]] = []
        ids: set[int] = set().union(*(self.by_token.get(t, set()) for t in parts.tokens))
        self._load_sides(ids)
        for known in (self.known[i] for i in sorted(ids) if i in self.known):
            best: NameMatch | None = None
            for other in known.names:
                for other_side in sorted(known.sides) or [None]:
                    m = compare_names(parts, other, side, other_side)
                    if best is None or _rank(m) > _rank(best):
                        best = m
            if best is not None and best.verdict != "different":
                out.append((known, best))
        out.sort(key=lambda km: (-_rank(km[1])[0], -km[1].score, km[0].person_id))
        return out

    def add(self, person: Person, name: str, side: str | None) -> None:
        """Record a new name form (and side) of a person, in memory and as an alias row."""
        known = self.known.setdefault(person.id, _Known(person.id))
        parts = parse_name(name)
        if name not in {a.name for a in person.aliases}:
            person.aliases.append(PersonAlias(name=name))
        if parts not in known.names:
            self._remember(person.id, parts)
        if side:
            known.sides.add(side)


def _rank(m: NameMatch) -> tuple[int, float]:
    return ({"same": 2, "proposal": 1, "different": 0}[m.verdict], m.score)


def resolve_participation(session: Session, index: PeopleIndex, part: Participation) -> Person:
    """Attach a participation to its person, creating the person and merge proposals as needed."""
    parts = parse_name(part.name)
    matches = index.best_match(parts, part.side)
    sure = [(k, m) for k, m in matches if m.verdict == "same"]
    exact = [(k, m) for k, m in sure if m.score >= 1.0]
    # Several people with exactly this name are duplicates awaiting a merge decision: join the
    # oldest rather than create one more (each new mention would otherwise add another).
    chosen = exact[:1] if exact else sure if len(sure) == 1 else []
    person: Person | None = session.get(Person, chosen[0][0].person_id) if chosen else None
    if person is None:
        person = Person(key=parts.key[:200] or part.name[:200], name=part.name[:200])
        session.add(person)
        session.flush()
        for known, m in matches:
            other = session.get(Person, known.person_id)
            if other is not None:
                _propose(session, person, other, m, part)
    index.add(person, part.name, part.side)
    part.person_id = person.id
    return person


def _propose(session: Session, a: Person, b: Person, match: NameMatch, part: Participation) -> None:
    low, high = (a, b) if a.id < b.id else (b, a)
    existing = session.scalar(
        select(PersonMergeProposal).where(
            PersonMergeProposal.person_id == low.id, PersonMergeProposal.other_person_id == high.id
        )
    )
    evidence = {
        "names": [low.name, high.name],
        "mention": part.name,
        "side": part.side,
        "document_id": part.document_id,
        "reason": match.reason,
    }
    if existing is None:
        session.add(
            PersonMergeProposal(
                person_id=low.id, other_person_id=high.id, score=match.score, evidence=evidence
            )
        )
    elif existing.status == "proposed" and match.score > existing.score:
        existing.score = match.score
        existing.evidence = evidence


def refresh_display_names(session: Session, person_ids: set[int]) -> None:
    """Give each person its most complete written name and a matching key."""
    for pid in sorted(person_ids):
        person = session.get(Person, pid)
        if person is None or not person.aliases:
            continue
        best = min((a.name for a in person.aliases), key=display_name_rank)
        person.name = best
        person.key = parse_name(best).key[:200] or best[:200]


def merge_people(session: Session, keep_id: int, drop_id: int) -> Person:
    """Merge person ``drop_id`` into ``keep_id``: participations and aliases move, proposal accepted."""
    keep, drop = session.get(Person, keep_id), session.get(Person, drop_id)
    if keep is None or drop is None or keep_id == drop_id:
        raise ValueError(f"cannot merge person {drop_id} into {keep_id}")
    for part in session.scalars(select(Participation).where(Participation.person_id == drop_id)):
        part.person_id = keep_id
    names = {a.name for a in keep.aliases}
    for alias in list(drop.aliases):
        if alias.name not in names:
            keep.aliases.append(PersonAlias(name=alias.name))
    drop.merged_into_id = keep_id
    low, high = sorted((keep_id, drop_id))
    for prop in session.scalars(
        select(PersonMergeProposal).where(
            PersonMergeProposal.person_id == low, PersonMergeProposal.other_person_id == high
        )
    ):
        prop.status = "accepted"
    session.flush()
    refresh_display_names(session, {keep_id})
    return keep
