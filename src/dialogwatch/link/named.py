"""Resolve case and instrument mentions to one Case / Instrument across names and languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.link.data import NamedEntry, cases_data
from dialogwatch.link.normalize import concepts, fold, phrase_in, stem, words
from dialogwatch.store.models import Case, CaseMention, Instrument, InstrumentMention


@dataclass(frozen=True)
class Resolved:
    """The key, display name and kind a mention resolves to."""

    key: str
    name: str
    kind: str | None
    known: bool
    topics: tuple[str, ...] = ()


@cache
def _generic() -> frozenset[str]:
    return frozenset(stem(w) for w in words(" ".join(cases_data().generic_words.words)))


def _fallback_key(prefix: str, name: str) -> str:
    terms = sorted({c for c in concepts(name) if c not in _generic()})
    return f"{prefix}:" + ("+".join(terms) if terms else fold(name).strip())


def _match(entries: list[NamedEntry], texts: list[str]) -> NamedEntry | None:
    for entry in entries:
        for alias in entry.aliases:
            if any(phrase_in(alias, t) for t in texts):
                return entry
    return None


def resolve_case_name(name: str, aliases: list[str] | None = None) -> Resolved:
    """The case a mention names: a gazetteer entry when an alias fits, else a key of its content words."""
    return _resolve_case(name, tuple(aliases or ()))


@lru_cache(maxsize=8192)
def _resolve_case(name: str, aliases: tuple[str, ...]) -> Resolved:
    entry = _match(cases_data().cases, [name, *aliases])
    if entry is not None:
        return Resolved(entry.key, entry.name, None, True, tuple(entry.topics))
    return Resolved(_fallback_key("case", name)[:200], name, None, False)


def resolve_instrument_name(name: str, kind: str | None = None) -> Resolved:
    """The instrument a mention names, across languages and modifiers ("bilateral", "new")."""
    entry = _match(cases_data().instruments, [name])
    if entry is not None:
        return Resolved(entry.key, entry.name, entry.kind or kind, True)
    return Resolved(_fallback_key("inst", name)[:200], name, kind, False)


def _add_aliases(current: list, names: list[str]) -> list:
    merged = sorted({*current, *(n for n in names if n)})
    return merged if merged != sorted(current) else current


def _display(aliases: list[str]) -> str:
    """The most descriptive written form (longest, then alphabetical), whatever order documents came in."""
    return min(aliases, key=lambda a: (-len(a), a))[:300]


def link_cases(session: Session, document_id: int) -> None:
    """Attach one document's case mentions to cases."""
    for m in session.scalars(
        select(CaseMention).where(CaseMention.document_id == document_id).order_by(CaseMention.id)
    ):
        r = resolve_case_name(m.name, list(m.aliases or []))
        case = session.scalar(select(Case).where(Case.key == r.key))
        if case is None:
            case = Case(key=r.key, name=r.name[:300], aliases=[])
            session.add(case)
            session.flush()
        case.aliases = _add_aliases(list(case.aliases or []), [m.name, *(m.aliases or [])])
        if not r.known:
            case.name = _display(case.aliases)
        m.case_id = case.id


def link_instruments(session: Session, document_id: int) -> None:
    """Attach one document's instrument mentions to instruments."""
    for m in session.scalars(
        select(InstrumentMention)
        .where(InstrumentMention.document_id == document_id)
        .order_by(InstrumentMention.id)
    ):
        r = resolve_instrument_name(m.name, m.kind)
        inst = session.scalar(select(Instrument).where(Instrument.key == r.key))
        if inst is None:
            inst = Instrument(key=r.key, name=r.name[:300], kind=r.kind, aliases=[])
            session.add(inst)
            session.flush()
        if inst.kind is None and m.kind:
            inst.kind = m.kind
        inst.aliases = _add_aliases(list(inst.aliases or []), [m.name])
        if not r.known:
            inst.name = _display(inst.aliases)
        m.instrument_id = inst.id
