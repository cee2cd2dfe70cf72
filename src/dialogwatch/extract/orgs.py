"""The organisation lexicon: agencies and bodies with names and acronyms in EN/ES.

Resolution is tolerant of wording: case, accents, articles, plurals, possessives,
word order and the country words in a name ("Mexico's", "U.S.") are ignored, the
country words serving as a hint instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.places import country_code, find_countries, fold


@dataclass(frozen=True)
class OrgRecord:
    """One organisation of the lexicon."""

    key: str
    name_en: str
    name_es: str | None = None
    country: str | None = None
    kind: str | None = None
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)
    parent: str | None = None  # the department a bureau belongs to, as a delegation counts it


class _Org(BaseModel):
    key: str
    name_en: str
    name_es: str | None = None
    country: str | None = None
    kind: str | None = None
    acronyms: list[str] = []
    aliases: list[str] = []
    parent: str | None = None


class _OrgExample(BaseModel):
    text: str
    key: str | None  # None: the text names no lexicon organisation


class OrgData(BaseModel):
    """Schema of organizations.yaml."""

    organizations: list[_Org]
    org_heads: list[str]
    cso_heads: list[str] = []
    # lower-case words that may sit inside an organisation's name ("Office of the ...")
    name_glue: list[str] = []
    lowercase_agencies: list[str] = []
    generic: list[_Org] = []
    # "the Departments of Justice and Homeland Security": one plural head shared by a list
    plural_heads: dict[str, str] = {}
    examples: list[_OrgExample]


_STOP = frozenset(
    [
        "the",
        "of",
        "for",
        "on",
        "and",
        "to",
        "in",
        "at",
        "a",
        "an",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "para",
        "en",
        "s",
        "u",
        "us",
        "usa",
        "united",
        "states",
        "america",
        "mexico",
        "mexicos",
        "mexican",
        "mexicana",
        "mexicano",
        "unidos",
        "estados",
        "eeuu",
        "ee",
        "uu",
        "america",
        "federal",
        "government",
        "gobierno",
        "nacional's",
    ]
)
_SYNONYM = {
    "ministries": "ministry",
    "secretariat": "ministry",
    "secretariats": "ministry",
    "secretary": "ministry",
    "departments": "department",
    "secretarias": "secretaria",
    "defence": "defense",
    "offices": "office",
    "ministerios": "ministerio",
    "organisation": "organization",
    "programme": "program",
    "centre": "center",
}


def _strip_countries(name: str) -> tuple[str, str | None]:
    found = find_countries(name)
    for a, b, _ in reversed(found):
        name = name[:a] + " " + name[b:]
    return name, (found[0][2] if found else None)


def _signature(name: str) -> frozenset[str]:
    name, _ = _strip_countries(name)
    s = fold(name).replace("'s", " ").replace("’s", " ")
    toks = [t for t in re.split(r"[^a-z0-9]+", s) if t]
    return frozenset(_SYNONYM.get(t, t) for t in toks if t not in _STOP)


@cache
def org_data() -> OrgData:
    """Return the validated organisation lexicon."""
    return load_data("organizations.yaml", OrgData)


def _record(o: _Org, country: str | None = None, key: str | None = None) -> OrgRecord:
    return OrgRecord(
        key=key or o.key,
        name_en=o.name_en,
        name_es=o.name_es,
        country=country or o.country,
        kind=o.kind,
        acronyms=tuple(o.acronyms),
        aliases=tuple(o.aliases),
        parent=o.parent,
    )


@cache
def _index() -> tuple[
    dict[frozenset[str], list[OrgRecord]], dict[str, list[OrgRecord]], list[tuple[frozenset[str], OrgRecord]]
]:
    by_sig: dict[frozenset[str], list[OrgRecord]] = {}
    by_acr: dict[str, list[OrgRecord]] = {}
    sigs: list[tuple[frozenset[str], OrgRecord]] = []
    for o in org_data().organizations:
        rec = _record(o)
        for name in [o.name_en, o.name_es, *o.aliases]:
            if not name:
                continue
            sig = _signature(name)
            if sig:
                by_sig.setdefault(sig, []).append(rec)
                sigs.append((sig, rec))
        for a in o.acronyms:
            by_acr.setdefault(a.upper().replace(" ", ""), []).append(rec)
    return by_sig, by_acr, sigs


def is_generic_record(rec: OrgRecord) -> bool:
    """True for a body the generic lexicon made for a country ("gt-defense"), not a named entry."""
    return any(rec.key.endswith(f"-{g.key}") for g in org_data().generic)


@lru_cache(maxsize=2048)
def wording_countries(name: str) -> frozenset[str]:
    """The governments whose own agency a lexicon wording or acronym names.

    "Fiscalía General de la República" is Mexico's, El Salvador's and Cuba's; "Ministry of
    Foreign Affairs" is every country's and gives none (the generic lexicon reads it).
    """
    name = name.strip().strip(",;.()")
    by_sig, by_acr, _ = _index()
    if _signature(name) in _generic_index():
        return frozenset()
    compact = name.replace(" ", "").replace(".", "").upper()
    cands = (
        by_acr.get(compact, []) if len(name) <= 12 and name.isupper() else by_sig.get(_signature(name), [])
    )
    return frozenset(c.country for c in cands if c.country not in (None, "INTL"))


@cache
def _generic_index() -> dict[frozenset[str], _Org]:
    idx: dict[frozenset[str], _Org] = {}
    for g in org_data().generic:
        for name in [g.name_en, g.name_es, *g.aliases]:
            if name:
                idx.setdefault(_signature(name), g)
    return idx


def _pick(cands: list[OrgRecord], hint: str | None) -> OrgRecord | None:
    if not cands:
        return None
    if hint:
        for c in cands:
            if c.country == hint:
                return c
        return None
    return cands[0]


@cache
def resolve_org(name: str, country_hint: str | None = None, *, exact: bool = False) -> OrgRecord | None:
    """Return the lexicon organisation a name, translation or acronym refers to, if any.

    With ``exact`` the whole name must be a lexicon wording (no containment match).
    """
    name = name.strip().strip(",;.()")
    if not name:
        return None
    by_sig, by_acr, sigs = _index()
    compact = name.replace(" ", "").replace(".", "").upper()
    if len(name) <= 12 and (name.isupper() or compact in by_acr):
        hit = _pick(by_acr.get(compact, []), country_hint) or _pick(by_acr.get(compact, []), None)
        if hit:
            return hit
    _, found = _strip_countries(name)
    hint = country_hint or found
    sig = _signature(name)
    if not sig:
        return None
    candidates = by_sig.get(sig, [])
    hit = _pick(candidates, hint) if hint else _pick(candidates, None)
    if hit:
        return hit
    generic = _generic_index().get(sig)
    if generic and hint and hint not in {"MX", "US"}:
        return _record(generic, country=hint, key=f"{hint.lower()}-{generic.key}")
    if candidates and not hint:
        # a name that states its country ("Gobernación de Guatemala") is never another country's agency
        return candidates[0]
    if exact:
        return None
    # the longest lexicon name contained in the given one ("Treasury's Office of Foreign Assets Control")
    best: tuple[int, OrgRecord] | None = None
    for s, rec in sigs:
        fits = len(s) >= 2 and s <= sig and len(s) * 2 >= len(sig)
        if (
            fits
            and (hint is None or rec.country in (hint, None, "INTL"))
            and (best is None or len(s) > best[0])
        ):
            best = (len(s), rec)
    return best[1] if best else None


@cache
def _by_key() -> dict[str, OrgRecord]:
    return {o.key: _record(o) for o in org_data().organizations}


def org_by_key(key: str) -> OrgRecord | None:
    """Return the lexicon organisation with this key."""
    return _by_key().get(key)


def generic_org(key: str, country: str) -> OrgRecord | None:
    """Return a generic ministry ("foreign-affairs") instantiated for a country."""
    for g in org_data().generic:
        if g.key == key:
            return _record(g, country=country, key=f"{country.lower()}-{g.key}")
    return None


@cache
def _head_regex() -> re.Pattern[str]:
    heads = sorted(org_data().org_heads, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.IGNORECASE)


def is_org_like(phrase: str) -> bool:
    """True when a phrase names an organisation: a lexicon entry or an organisation head word."""
    return bool(_head_regex().search(phrase)) or resolve_org(phrase) is not None


@cache
def _mention_index() -> tuple[re.Pattern[str], dict[str, OrgRecord]]:
    idx: dict[str, OrgRecord] = {}
    for o in org_data().organizations:
        if o.kind == "ngo" or o.country in (None, "INTL"):
            continue
        rec = _record(o)
        for name in [o.name_en, o.name_es or "", *o.aliases, *o.acronyms]:
            if len(name) >= 3 and name not in idx:
                idx[name] = rec
    alt = "|".join(re.escape(n) for n in sorted(idx, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])"), idx


def government_mentions(text: str) -> list[tuple[int, int, OrgRecord]]:
    """Return (start, end, organisation) for each government body of the lexicon named in ``text``."""
    pat, idx = _mention_index()
    return [(m.start(), m.end(), idx[m.group(0)]) for m in pat.finditer(text)]


@cache
def _cso_regex() -> re.Pattern[str]:
    heads = sorted(org_data().cso_heads, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _generic_wordings() -> frozenset[str]:
    words: set[str] = set()
    for g in org_data().generic:
        words.update(
            fold(re.sub(r"^the\s+", "", w, flags=re.I)) for w in (g.name_en, g.name_es, *g.aliases) if w
        )
    return frozenset(words)


def _generic_wording(name: str) -> bool:
    """True for the very words every country's body shares ("Ministry of Foreign Affairs")."""
    return fold(re.sub(r"^the\s+", "", name.strip().strip(",;.()"), flags=re.I)) in _generic_wordings()


def org_country(name: str, country_hint: str | None = None) -> str | None:
    """Return the country (ISO, EU, INTL) of a named organisation, or CSO for civil society."""
    rec = resolve_org(name, country_hint)
    if rec is None:
        return "CSO" if _cso_regex().search(name) else None
    if rec.kind == "ngo":
        return "CSO"
    if country_hint is None and _generic_wording(name):
        return None  # "Ministry of Foreign Affairs": every country has one, it tells no side
    return rec.country


__all__ = ["OrgRecord", "country_code", "is_org_like", "org_country", "resolve_org"]
