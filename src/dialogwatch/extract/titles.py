"""Posts and titles: recognise a title phrase and split it from its organisation.

"Under Secretary for Human Rights at the Interior Ministry (SEGOB)" gives the
title "Under Secretary for Human Rights", the organisation "Interior Ministry"
and the acronym "SEGOB". The organisation is split off only when what follows
the preposition is organisation-like (starts with an organisation head word or
is a lexicon wording with one), so "Assistant Secretary of State for Western
Hemisphere Affairs" stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.alternation import word_alternation
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.orgs import is_generic_record, is_org_like, org_data, resolve_org
from dialogwatch.extract.places import find_countries, fold, places_data


class _TitleExample(BaseModel):
    text: str
    title: str


class _Implied(BaseModel):
    pattern: str
    org: str | None = None
    template: str | None = None


class _Post(BaseModel):
    pattern: str
    org: str
    sides: list[str] = []


class TitleData(BaseModel):
    """Schema of titles.yaml."""

    heads_en: list[str]
    modifiers_en: list[str]
    heads_es: list[str]
    modifiers_es: list[str]
    post_modifiers_es: list[str]
    country: dict[str, str]
    honorifics: list[str]
    lead_stops: list[str] = []
    implied_org: list[_Implied]
    needs_complement: list[str]
    mandate_heads: list[str] = []
    complement_names_org: list[str] = []
    posts: list[_Post]
    examples: list[_TitleExample]


@cache
def title_data() -> TitleData:
    """Return the validated titles lexicon."""
    return load_data("titles.yaml", TitleData)


def _alt(words: list[str], *, ignore_case: bool = False) -> str:
    # the lexicons run over every sentence: as prefix trees sre rejects a position at its first letter
    return word_alternation(words, ignore_case=ignore_case, flexible_space=True)


_CAPWORD = r"(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)"
_COMP_WORD = r"(?:[A-ZÁÉÍÓÚÑ][\w'’.&-]*|\([A-ZÁÉÍÓÚÑ][\w.\-]{1,10}\)|&)"
_COMP_LINK = r"(?:of|for|to|on|at|in|and|the|de|del|para|en|sobre|contra|y|e|la|el|los|las|a|al)"


@cache
def head_regex() -> re.Pattern[str]:
    """Regex for a title's start: modifiers then a head word (case-insensitive)."""
    d = title_data()
    heads = _alt(d.heads_en + d.heads_es, ignore_case=True)
    mods = _alt(d.modifiers_en, ignore_case=True)
    return re.compile(rf"(?:{_CAPWORD}\s+){{0,2}}(?i:(?:(?:{mods})\s+)*(?:{heads}))(?![\w])")


@cache
def pre_title_regex() -> re.Pattern[str]:
    """A title phrase ending where a name starts ("Secretary of State ", "la secretaria de Seguridad, ")."""
    d = title_data()
    heads = _alt(d.heads_en + d.heads_es, ignore_case=True)
    mods = _alt(d.modifiers_en, ignore_case=True)
    post = _alt(d.post_modifiers_es)
    adjectives = _alt([a for c in places_data().countries for a in c.adjectives if a.islower()])
    # a lower-case complement word ("comisionada nacional de búsqueda", "secretario de seguridad
    # pública"), never a verb form or a second post: "el secretario dijo en la conferencia, X"
    # and "de la Comisión Europea y por el embajador de la UE, X" hold no title before X
    lower = (
        r"(?:(?!(?:dijo|said|que|who|which|y|and|con|with|by|durante|during|tras|after|ante)\b)"
        r"(?!por\s+(?:el|la|los|las|parte)\b)"
        rf"(?!{heads}(?![\w]))[a-záéíóúñ]{{3,}}(?<!ó)(?<!aron)(?<!ieron)(?<!aba)(?<!ía)(?<!ed)(?![\w]))"
    )
    comp = rf"(?:{_COMP_WORD}|(?:{adjectives})(?![\w])|{lower})"
    return re.compile(
        rf"(?P<t>(?:(?:{_CAPWORD}(?:['’]s)?|U\.S\.)\s+){{0,3}}(?i:(?:(?:{mods})\s+)*(?:{heads}))(?![\w])(?:\s+(?:{post}))*"
        rf"(?:[ \t,]+(?:{_COMP_LINK}\s+)*+{comp})*+(?:,\s+(?i:{heads}))?)\s*,?\s*$"
    )


_CAP_BEFORE = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:['’]s)?|U\.S\.)\s+$")


@cache
def _mandate_title() -> re.Pattern[str]:
    heads = _alt(title_data().mandate_heads, ignore_case=True)
    return re.compile(
        rf"(?P<t>(?:(?:UN|U\.N\.|ONU|OAS|OEA)\s+)?(?i:{heads})"
        r"(?:\s+(?:de\s+(?:las\s+)?Naciones\s+Unidas|of\s+the\s+United\s+Nations|de\s+la\s+ONU))?"
        r"\s+(?:on|for|sobre|para|en)\s+[^,;:()\n]{3,120}?(?:,\s+[a-záéíóúñ][^,;:()\n]{0,60}?)*)\s*,\s*$"
    )


def find_pre_title(window: str) -> re.Match[str] | None:
    """The leftmost title phrase running to the end of ``window`` (fast: tried only where a head starts)."""
    if not window.strip():
        return None
    low = window.lower()
    if "special" in low or "independ" in low or "especial" in low or "envoy" in low or "enviad" in low:
        mandate = _mandate_title().search(window)
        if mandate:
            return mandate  # "Special Rapporteur on the situation of human rights defenders, "
    pat = pre_title_regex()
    for h in head_regex().finditer(window):
        starts = [h.start()]
        pos = h.start()
        for _ in range(3):  # up to three capitalised words before the head ("Mexican Foreign Minister")
            m = _CAP_BEFORE.search(window, max(0, pos - 30), pos)
            if not m:
                break
            pos = m.start()
            starts.append(pos)
        for st in reversed(starts):
            first = window[st : st + 14].split(" ", 1)[0]
            if first in _lead_stops():
                st += len(first) + 1  # "When Minister Joly spoke": the title starts after the opener
            m = pat.match(window, st)
            if m:
                return m
    return None


@cache
def _lead_stops() -> frozenset[str]:
    return frozenset(title_data().lead_stops)


@cache
def honorific_regex() -> re.Pattern[str]:
    """Honorifics at the end of a window ("Dr. ", "Sra. ")."""
    return re.compile(rf"(?:^|\s)(?:{_alt(title_data().honorifics)})\s*$")


def starts_with_title(s: str) -> re.Match[str] | None:
    """Match a title head at the start of ``s`` (after an article)."""
    s2 = re.sub(r"^(?:the|el|la|los|las)\s+", "", s, flags=re.IGNORECASE)
    m = head_regex().match(s2)
    return m


@cache
def _org_head_regex() -> re.Pattern[str]:
    heads = sorted(org_data().org_heads, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.IGNORECASE)


_SPLIT = re.compile(r"(?:,\s+|\s+(?:of|at|in|from|with|de|del|en|within|of the|at the|in the|de la)\s+)")
_ARTICLE = re.compile(r"^(?:the|el|la|los|las)\s+", re.IGNORECASE)


@dataclass
class TitleParts:
    """A title with its organisation and acronym split off."""

    title: str | None
    organization: str | None
    acronym: str | None


def _org_start(rest: str) -> bool:
    r = _ARTICLE.sub("", rest.strip())
    if not r or not (r[0].isupper() or r[0].isdigit()):
        return False
    lead = [b for a, b, _ in find_countries(r) if a == 0]
    if lead and resolve_org(r, exact=True) is not None:
        return True
    if lead:
        # "de la Unión Europea en Colombia" is a place; "Mexico's Secretariat of ..." an agency
        rest2 = re.sub(r"^['’]s\s+|^\s+", "", r[lead[0] :])
        return (rest2 != r[lead[0] :].lstrip() and _org_start(rest2)) or bool(_org_head_regex().match(rest2))
    if _org_head_regex().match(r):
        # a bare head word is part of the post ("secretario de Marina", "Secretary of the Navy")
        # unless a Spanish article makes it a body ("coordinador de la Red", "de la Cancillería")
        spanish_article = re.match(r"\s*(?:la|el|los|las)\s", rest, re.IGNORECASE) is not None
        return len(r.split()) > 1 or r.isupper() or spanish_article
    first = r.split()[0]
    if first.isupper() and 3 <= len(first) <= 8 and (resolve_org(first) is not None or len(r.split()) == 1):
        return True  # an acronym: "director of FJEDD"
    rec = resolve_org(r, exact=True)
    # "advocacy director at Human Rights First": a civil-society name needs no head word
    return rec is not None and (rec.kind == "ngo" or bool(_org_head_anywhere().search(r)))


@cache
def _org_head_anywhere() -> re.Pattern[str]:
    """The organisation-head pattern unanchored, compiled once instead of looked up per call."""
    return re.compile(_org_head_regex().pattern.lstrip("^"), re.IGNORECASE)


# a lower-case clause after an organisation's name ends it; "..., and Labor" does not
_CLAUSE_AFTER_ORG = re.compile(
    r",\s+(?!(?:and|y|e|or|o)\s+[A-ZÁÉÍÓÚÑ])(?:(?:and|y|e|or|o)\s+)?(?=[a-záéíóúñ])"
)
_RANK_AFTER = re.compile(r"^(?P<post>.+?\s.+?),\s+(?P<rank>[\w-]+)$")


_ORG_FIRST = re.compile(
    r"^(?P<org>[A-Z][^()]{3,80}?)\s*\((?P<acr>[A-Z][\w.\-/]{1,14})\)\s+(?P<title>[A-Za-z].*)$"
)
_ACR_FIRST = re.compile(r"^(?P<acr>[A-Z]{2,6})\s+(?P<title>[A-Z][a-z].*)$")


def split_title(phrase: str) -> TitleParts:
    """Split "Title of/at Org (ACR)" into its parts; the organisation keeps the text's wording."""
    s = phrase.strip().strip(",;").strip()
    lead = _ORG_FIRST.match(s)
    if lead and starts_with_title(lead.group("title")) and resolve_org(lead.group("org"), exact=True):
        # "Drug Enforcement Administration (DEA) Administrator": the agency before its officer
        return TitleParts(lead.group("title"), lead.group("org"), lead.group("acr"))
    lead = _ACR_FIRST.match(s)
    if lead and starts_with_title(lead.group("title")) and resolve_org(lead.group("acr"), exact=True):
        return TitleParts(s, lead.group("acr"), None)  # "DEA Administrator"
    acr = None
    m = re.search(r"\s*\(([A-ZÁÉÍÓÚÑ][\w.\-/ ]{1,14})\)\s*$", s)
    if m:
        acr = m.group(1).strip()
        s = s[: m.start()].rstrip(" ,")
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    ranked = _RANK_AFTER.match(s) if "," in s else None
    if ranked and starts_with_title(ranked.group("rank")) and starts_with_title(ranked.group("post")):
        s = ranked.group("post")  # "secretario de Marina, almirante": the post, not the rank
    valid: list[tuple[bool, int, str, str]] = []
    for sm in reversed(list(_SPLIT.finditer(s))):
        rest = s[sm.end() :]
        if sm.start() == 0 or not _org_start(rest):
            continue
        title = s[: sm.start()].strip(" ,")
        if not title or not starts_with_title(title):
            continue
        org = _ARTICLE.sub("", rest.strip(" ,"))
        if "," in org:
            org = _CLAUSE_AFTER_ORG.split(org, maxsplit=1)[0]  # "..., for the energy she brought"
        second = re.search(r"\s+(?:y|and)\s+(?=[a-záéíóúñ])", org)
        if second and starts_with_title(org[second.end() :]):
            org = org[: second.start()]  # "presidente de la CIDH y relator para Ecuador": two posts
        last = fold(title.split()[-1])
        if last in {fold(w) for w in title_data().needs_complement} and sm.group(0).strip(" ,"):
            if last not in {fold(w) for w in title_data().complement_names_org}:
                continue
            title = s  # "titular de la PGR": the post is the whole phrase, and still names its body
        valid.append((resolve_org(org, exact=True) is not None, len(org), title, org))
    if valid:
        exact = [v for v in valid if v[0]]
        _, _, title, org = max(exact, key=lambda v: v[1]) if exact else valid[0]
        return TitleParts(title, org, acr)
    if acr and "," in s:
        # "Executive Director, Central America Rights Coalition (CARC)": the part the acronym
        # abbreviates (in either language's word order) is the body
        head, rest = (x.strip() for x in s.rsplit(",", 1))
        letters = "".join(w[0] for w in rest.split() if w[:1].isupper())
        if head and starts_with_title(head) and len(letters) >= 2 and sorted(letters) == sorted(acr.upper()):
            return TitleParts(head, rest, acr)
    return TitleParts(s or None, None, acr)


@cache
def _posts() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    return [(re.compile(p.pattern, re.IGNORECASE), p.org, frozenset(p.sides)) for p in title_data().posts]


def post_org(
    title: str | None, side: str | None, language: str = "en", text: str = "", *, generic: bool = True
) -> str | None:
    """Return the agency a post implies for a side ("Foreign Minister" + MX -> foreign ministry).

    Without ``generic``, only a lexicon agency answers, not a country's generic ministry wording.
    """
    if not title or not side:
        return None
    from dialogwatch.extract.orgs import generic_org, org_by_key

    named = {c for _, _, c in find_countries(title)} - {side}
    for pat, key, sides in _posts():
        if (sides and side not in sides) or not pat.search(title):
            continue
        if "embassy" in key and named and not named & {"MX", "US"}:
            continue  # "U.S. Ambassador to Vietnam" is not the ambassador in Mexico
        rec = org_by_key(key) or (generic_org(key, side) if generic else None)
        if rec is None:
            continue
        for wording in [rec.name_en, rec.name_es or "", *sorted(rec.aliases, key=len, reverse=True)]:
            if len(wording) > 8 and wording in text:
                return wording
        return rec.name_es if language == "es" and rec.name_es else rec.name_en
    return None


def implied_org(title: str | None, country: str | None = None) -> str | None:
    """Return the organisation a title implies ("Secretary of State" -> Department of State), if any."""
    if not title:
        return None
    for rule in title_data().implied_org:
        m = re.search(rule.pattern, title, re.IGNORECASE)
        if not m:
            continue
        if rule.org:
            return rule.org
        if rule.template and "rest" in m.groupdict():
            cand = rule.template.format(rest=m.group("rest"))
            rec = resolve_org(cand, country, exact=True)
            if rec is not None:
                if is_generic_record(rec):
                    return cand  # "ministro de la Defensa Nacional": a generic body, in the text's words
                spanish = rec.name_es and fold(cand.split()[0]) == fold(rec.name_es.split()[0])
                return rec.name_es if spanish else rec.name_en  # in the language the title is in
        return None
    return None


def title_country(title: str | None) -> str | None:
    """Return the side a title states ("U.S. Ambassador" -> US, "Secretary of State" -> US)."""
    if not title:
        return None
    found = find_countries(title)
    if found:
        return found[0][2]
    low = fold(title)
    for key, code in title_data().country.items():
        if fold(key) in low:
            return code
    return None


@cache
def title_words() -> frozenset[str]:
    """Folded words of every title head and modifier (for rejecting non-person names)."""
    d = title_data()
    out: set[str] = set()
    for w in d.heads_en + d.heads_es + d.modifiers_en:
        out.update(fold(t) for t in re.findall(r"[\w'-]+", w) if len(t) > 1)
    return frozenset(out)


_ORG_AFTER = re.compile(r"^\s+(?:of|from|at|de\s+la|del|de)\s+(?:the\s+|la\s+|el\s+)?(?=[A-ZÁÉÍÓÚÑ])")
# where an organisation named after a person ends: a semicolon, a full stop, a clause
_ORG_AFTER_END = re.compile(
    r";|\.(?:\s|$)|,\s+(?!(?:and|y)\s+[A-ZÁÉÍÓÚÑ])(?=[a-záéíóúñ])|\s+(?:and|y|who|que|quien)\s+(?=[a-záéíóúñ])"
)


def org_after_name(text: str, a: int, b: int) -> str | None:
    """The organisation a name is "of" ("Jane Roe of the Ministry of the Interior (SEGOB)"), if any."""
    window = text[a:b]
    m = _ORG_AFTER.match(window)
    if not m:
        return None
    rest = window[m.end() :]
    stop = _ORG_AFTER_END.search(rest)
    org = rest[: stop.start()] if stop else rest
    for joint in re.finditer(r",?\s+(?:and|y)\s+|,\s+", org):
        if starts_with_title(org[joint.end() :]):
            org = org[: joint.start()]  # "... of the Ministry of Justice and Deputy Minister Y"
            break
    at = re.search(r"\s+at\s+the\s+(.*)$", org)
    if at:
        # "Office X at the Department Y": the department, which a delegation and a side know
        org = at.group(1) if resolve_org(at.group(1).strip(" ,")) is not None else org[: at.start()]
    org = org.strip(" ,")
    base = re.sub(r"\s*\([^)]*\)$", "", org)
    countries = find_countries(base)
    if not base or (countries and countries[0][:2] == (0, len(base))):
        return None  # "Ana Ruiz of Mexico": a country, not an organisation
    return org if is_org_like(base) or resolve_org(base) is not None else None
