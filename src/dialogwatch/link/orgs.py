"""Resolve organisation names (participations, delegations, acronyms) to one Organization each."""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from dialogwatch.extract.orgs import OrgRecord, resolve_org
from dialogwatch.link.normalize import words
from dialogwatch.store.models import (
    AcronymMention,
    DelegationMember,
    Organization,
    OrganizationAlias,
    Participation,
)

_LEADING = {"the", "el", "la", "los", "las"}
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def org_norm(name: str) -> str:
    """A folded form of an organisation name for alias matching (articles dropped)."""
    toks = words(name)
    while toks and toks[0] in _LEADING:
        toks = toks[1:]
    return " ".join(toks)


def country_of_side(side: str | None) -> str | None:
    """The country a delegation side names (ISO code or EU), else None (CSO, INTL)."""
    if side and (_COUNTRY.match(side) or side == "EU") and side not in {"UN"}:
        return side
    return None


def _compatible(org: Organization, country: str | None) -> bool:
    return org.country is None or country is None or org.country == country


def _looks_like_acronym(name: str) -> bool:
    compact = name.replace(".", "").replace(" ", "")
    return 2 <= len(compact) <= 12 and compact.isalpha() and sum(c.isupper() for c in compact) >= 2


class OrgIndex:
    """Organisations and their aliases, indexed by folded name for one linking run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, Organization] = {}
        self.by_alias: dict[str, list[Organization]] = {}
        orgs = select(Organization).options(selectinload(Organization.aliases)).order_by(Organization.id)
        for org in session.scalars(orgs):
            self.by_key[org.key] = org
            self._index(org, org.name)
            for alias in org.aliases:
                self._index(org, alias.name)

    def _index(self, org: Organization, name: str) -> None:
        norm = org_norm(name)
        if norm:
            bucket = self.by_alias.setdefault(norm, [])
            if org not in bucket:
                bucket.append(org)

    def add_alias(self, org: Organization, name: str, language: str | None = None) -> None:
        """Record a written form of an organisation (acronyms flagged)."""
        name = name.strip()[:300]
        if not name:
            return
        if name not in {a.name for a in org.aliases}:
            org.aliases.append(
                OrganizationAlias(name=name, language=language, is_acronym=_looks_like_acronym(name))
            )
        self._index(org, name)

    def _from_record(self, rec: OrgRecord) -> Organization:
        org = self.by_key.get(rec.key)
        if org is None:
            org = Organization(key=rec.key[:200], name=rec.name_en[:300], country=rec.country, kind=rec.kind)
            self.session.add(org)
            self.by_key[rec.key] = org
        self.add_alias(org, rec.name_en, "en")
        if rec.name_es:
            self.add_alias(org, rec.name_es, "es")
        for acr in rec.acronyms:
            self.add_alias(org, acr)
        for alias in rec.aliases:
            self.add_alias(org, alias)
        return org

    def resolve(
        self, name: str | None, side: str | None = None, *, language: str | None = None, create: bool = True
    ) -> Organization | None:
        """The organisation a written name refers to: lexicon first, then known aliases, else a new one."""
        if not name or not name.strip():
            return None
        country = country_of_side(side)
        rec = resolve_org(name, country)
        if rec is not None:
            org = self._from_record(rec)
            self.add_alias(org, name, language)
            return org
        norm = org_norm(name)
        candidates = [o for o in self.by_alias.get(norm, []) if _compatible(o, country)]
        if candidates:
            candidates.sort(key=lambda o: (o.country != country, o.id or 0))
            org = candidates[0]
            self.add_alias(org, name, language)
            return org
        if not create or not norm:
            return None
        key = f"org:{(country or 'xx').lower()}:{norm}"[:200]
        org = self.by_key.get(key)
        if org is None:
            kind = {"CSO": "civil_society", "INTL": "international"}.get(side or "")
            org = Organization(key=key, name=name.strip()[:300], country=country, kind=kind)
            self.session.add(org)
            self.by_key[key] = org
        self.add_alias(org, name, language)
        return org

    def absorb(self, keep: Organization, acronym: str) -> None:
        """Fold an organisation created from a bare acronym into the one the acronym stands for."""
        norm = org_norm(acronym)
        for other in list(self.by_alias.get(norm, [])):
            if other is keep or not other.key.startswith("org:") or not _compatible(other, keep.country):
                continue
            if {org_norm(a.name) for a in other.aliases} - {norm}:
                continue  # it has names of its own: not just the acronym
            self.session.flush()
            for model in (Participation, DelegationMember, AcronymMention):
                self.session.execute(
                    update(model).where(model.organization_id == other.id).values(organization_id=keep.id)
                )
            self.by_alias[norm].remove(other)
            self.by_key.pop(other.key, None)
            self.session.delete(other)


def link_organizations(session: Session, index: OrgIndex, document_id: int, language: str | None) -> None:
    """Resolve one document's acronyms, participations and delegation members to organisations."""
    acronyms: dict[str, str] = {}
    mentions = session.scalars(
        select(AcronymMention).where(AcronymMention.document_id == document_id).order_by(AcronymMention.id)
    ).all()
    for m in mentions:
        if m.expansion:
            acronyms.setdefault(m.acronym.upper(), m.expansion)

    def resolve(name: str | None, side: str | None) -> Organization | None:
        expansion = acronyms.get((name or "").strip().upper())
        if expansion:
            org = index.resolve(expansion, side, language=language)
            if org is not None:
                index.add_alias(org, name or "")
                return org
        return index.resolve(name, side, language=language)

    for part in session.scalars(
        select(Participation).where(Participation.document_id == document_id).order_by(Participation.id)
    ):
        part.organization = resolve(part.organization_name, part.side)
    for member in session.scalars(
        select(DelegationMember)
        .where(DelegationMember.document_id == document_id)
        .order_by(DelegationMember.id)
    ):
        member.organization = resolve(member.organization_name, member.side)
    for m in mentions:
        if not m.expansion:
            continue
        org = index.resolve(m.expansion, None, language=language, create=False)
        if org is None:
            continue
        index.add_alias(org, m.acronym)
        index.absorb(org, m.acronym)
        session.flush()
        m.organization_id = org.id
