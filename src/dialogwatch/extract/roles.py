"""Role and side cues shared by the people and delegation extractors.

Markers ("headed by", "integrada por", "the Mexican delegation", "por parte de
México"), subject-first leads ("X led the U.S. delegation"), people named by a
noun ("journalist X"), the issuing government of a release, and the merging of
several mentions of one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dialogwatch.extract.alternation import any_of
from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.names import NameCandidate, people_data, same_person
from dialogwatch.extract.orgs import resolve_org
from dialogwatch.extract.places import find_countries
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.schema import Participant

ROLE_RANK = {"head": 5, "member": 4, "signatory": 3, "addressee": 2, "mentioned": 1}


@dataclass(frozen=True, slots=True)
class Marker:
    """A cue inside a sentence: a role cue ("headed by") or a side cue ("the Mexican delegation").

    A side cue's value is empty for "the other side": a side, but not the one named before.
    """

    pos: int
    kind: str  # "role" | "side"
    value: str


@cache
def role_regex() -> Prefiltered:
    """The head and member cues of people.yaml as one regex (groups ``head``/``member``)."""
    d = people_data()
    heads = "|".join(sorted(d.head_cues, key=len, reverse=True))
    members = "|".join(sorted(d.member_cues, key=len, reverse=True))
    # searched in every sentence: the pre-check skips those without a cue's words
    return prefiltered(rf"\b(?:(?P<head>{heads})|(?P<member>{members}))\b", re.IGNORECASE)


@cache
def _side_regexes() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in people_data().side_cues]


@cache
def _speech_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(people_data().speech_verbs)
    return re.compile(rf"^\s*,?\s*(?:{verbs})\b"), re.compile(rf"\b(?:{verbs})\s*,?\s*$")


DELEG_WORD = prefiltered(r"\bdelegation|\bdelegaci[oó]n", re.IGNORECASE)


_SIDE_HINT = re.compile(
    r"(?i)delega|side\b|parte|lado|headed|led\b|chaired|encabezad|presidid|represent|^\W*(?:for|por)\b"
    r"|particip|asisti|estuvieron|took part|taking part|attended|otro lado|other side|otra parte|contraparte"
)


_OTHER_SIDE = re.compile(
    r"(?i)\b(?:(?:del|al)\s+otro\s+lado|on\s+the\s+other\s+side|(?:la|por\s+la)\s+otra\s+parte\b(?!\s+de)"
    r"|the\s+other\s+delegation|la\s+otra\s+delegación|(?:la|su|our|their)\s+contraparte|the\s+counterpart\s+delegation)"
)


_CO_CHAIR = re.compile(
    r"\b(?:co-?chaired|co-?led|co-?headed|copresidid[oa]s?|codirigid[oa]s?)\b", re.IGNORECASE
)
_ALONGSIDE = re.compile(r"(?i:together with|along with|alongside|junto con|junto a)")


def markers(text: str, seg: Segment) -> list[Marker]:
    """Role and side cues of one segment, in text order."""
    return _markers(seg.start, seg.text)


@lru_cache(maxsize=4096)
def _markers(base: int, s: str) -> list[Marker]:
    out: list[Marker] = []
    seg_start = base
    for m in role_regex().finditer(s):
        role = "head" if m.group("head") else "member"
        co_chairs = role == "member" and out and out[-1].value == "head" and _CO_CHAIR.search(s, 0, m.start())
        if co_chairs and _ALONGSIDE.fullmatch(m.group(0).strip()):
            continue  # "co-chaired by A and B, together with C": C co-chairs too
        out.append(Marker(seg_start + m.end(), "role", role))
    if not _SIDE_HINT.search(s):
        return sorted(out, key=lambda mk: mk.pos)
    for m in _OTHER_SIDE.finditer(s):
        # "Del otro lado de la mesa estuvieron ...": a side, but not the one named before
        out.append(Marker(seg_start + m.start(), "side", ""))
    for pat in _side_regexes():
        for m in pat.finditer(s):
            if re.search(
                r"\b(?:of|de|del|to|from|at|in|en|para)\s+(?:the\s+|la\s+|el\s+)?$",
                s[max(0, m.start() - 10) : m.start()],
            ):
                continue  # "Head of the EU Delegation": an organisation, not a side
            found = find_countries(m.group("c"))
            if found:
                out.append(Marker(seg_start + m.start(), "side", found[0][2]))
    return sorted(out, key=lambda mk: mk.pos)


def issuer_side(text: str) -> str | None:
    """Return the government issuing a release, from its header lines ("SECRETARÍA DE GOBERNACIÓN")."""
    issuers = people_data().issuer_lines
    for line in text[:600].split("\n")[:10]:
        line = line.strip(" #*_|")
        if not line or len(line) > 90:
            continue
        low = line.lower()
        for key, code in issuers.items():
            if key in low:
                return code
        for part in re.split(r"\s*\|\s*", line):
            rec = resolve_org(part.title() if part.isupper() else part, exact=True)
            if rec and rec.country and rec.kind != "ngo" and rec.country != "INTL":
                return rec.country
    return None


def complete_sides(ctx: DocContext, people: list[Participant]) -> None:
    """Give a side-less head or member the party that the other heads do not belong to."""
    if not any(p.side is None and p.role in {"head", "member"} for p in people):
        return
    counts: dict[str, int] = {}
    for _, _, code in find_countries(ctx.text[:3000]):
        counts[code] = counts.get(code, 0) + 1
    parties = sorted(counts, key=lambda c: -counts[c])[:2]
    if len(parties) < 2:
        return
    leads = [p for p in people if p.role in {"head", "member"}]
    known = {p.side for p in leads if p.side in parties}
    if len(known) != 1:
        return
    other = next(c for c in parties if c not in known)
    for p in leads:
        if p.side is None:
            p.side = other
            p.rule += "+other_party"


@cache
def _lead_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = people_data()
    return re.compile(d.lead_verbs), re.compile(d.meet_verbs, re.IGNORECASE)


_HOST_WORDS = ("welcomed", "hosted", "bienvenida")


@cache
def _host_regex() -> re.Pattern[str]:
    return re.compile(people_data().host_verbs, re.IGNORECASE)


_LEAD_KEYS = (
    "led",
    "lead",
    "head",
    "chair",
    "encabez",
    "presid",
    "lider",
    "met ",
    "reuni",
    "talks",
    "elegat",
    *_HOST_WORDS,
)


_SURNAME_BEFORE = re.compile(r"\b([A-ZÁÉÍÓÚÑ][\w'’-]+),?\s+(?:(?:who|quien|que)\s+)?(?:will\s+)?$")


@cache
def _back_lead() -> re.Pattern[str]:
    return re.compile(people_data().back_lead, re.IGNORECASE)


def lead_verb_heads(text: str, seg: Segment, found: list[Participant]) -> list[tuple[str, str | None]]:
    """Make heads of people who lead a delegation as subjects ("X led the U.S. delegation with Y")."""
    lead, meet = _lead_regex()
    upgrades: list[tuple[str, str | None]] = []
    for m in _back_lead().finditer(seg.text):
        before = [p for p in found if (p.start or 0) < seg.start + m.start()]
        if before:  # "..., Henrik Laursen, director general adjunto ..., quien la encabezó"
            before[-1].role = "head"
    low = seg.text.lower()
    if not any(k in low for k in _LEAD_KEYS):
        return upgrades
    prev_end = seg.start
    for m in lead.finditer(seg.text):
        obj_end = seg.start + m.end()
        found_c = find_countries(m.group("obj") + text[obj_end : min(seg.end, obj_end + 25)])
        side = found_c[0][2] if found_c and re.search(r"(?i)delega|side|parte", m.group("obj")) else None
        pos = seg.start + m.start()
        after_with = re.match(r"\s*(?:,\s*)?(?:with|along with|junto con|con)\s+", seg.text[m.end() :])
        with_end = obj_end + (after_with.end() + 80 if after_with else 0)
        subjects = [p for p in found if prev_end <= (p.start or 0) < pos]
        for p in found:
            if p in subjects or (after_with and obj_end <= (p.start or 0) <= with_end):
                p.role = "head"
                p.side = side or p.side
                p.rule = "person.head.lead_verb"
        subj = re.match(
            r"\s*(?:El|La|The)?\s*(?:[a-záéíóú]+\s+)?([A-ZÁÉÍÓÚÑ][\w'’-]+),?\s+(?:who|quien)\b",
            text[prev_end : seg.end],
        )
        if subj and not subjects:
            upgrades.append((subj.group(1), side))
        elif not subjects and (named := _SURNAME_BEFORE.search(text, prev_end, pos)):
            upgrades.append((named.group(1), side))  # "Assistant Secretary Malinowski will head ..."
        prev_end = obj_end
    hosting = any(w in low for w in _HOST_WORDS)  # a substring test: few sentences host anyone
    host = _host_regex().search(seg.text) if hosting else None
    for p in found if host else ():
        if (p.start or 0) < seg.start + host.start() and p.title and p.role == "mentioned":
            p.role = "head"  # "X, Y and Z welcomed a Mexican delegation": they led the host side
            p.rule = "person.head.host_verb"
    mm = meet.search(seg.text)
    if mm and not DELEG_WORD.search(seg.text):
        for p in found:
            if p.title and p.role == "mentioned" and p.side:
                p.role = "head"
                p.rule = "person.head.met_with"
    return upgrades


@cache
def _join_regex() -> Prefiltered:
    # run over every sentence: the pre-check skips those without a joining verb
    return prefiltered(people_data().join_verbs)


def join_verb_members(text: str, seg: Segment, found: list[Participant]) -> None:
    """Make members of the people named just before "joined (on the U.S. side)" in a clause."""
    clause_start = seg.start
    for m in _join_regex().finditer(seg.text):
        pos = seg.start + m.start()
        countries = find_countries(m.group("obj"))
        for p in found:
            if clause_start <= (p.start or 0) < pos and p.role == "mentioned":
                p.role = "member"
                p.side = countries[0][2] if countries else p.side
                p.rule = "person.member.join_verb"
        clause_start = seg.start + m.end()


@cache
def _noun_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = people_data()
    nouns = "|".join(sorted((re.escape(n) for n in d.person_nouns), key=len, reverse=True))
    plurals = "|".join(sorted((re.escape(n) for n in d.person_plurals), key=len, reverse=True))
    cues = "|".join(re.escape(c) for c in d.list_cues)
    # with up to two words that say what kind ("human rights lawyer X", "citizen journalist X")
    kind = (
        r"(?:(?!(?:the|an?|and|or|of|y|o|de|del|la|el|los|las|un|una|another|other|fellow|this|that|his|her|"
        r"their|its|our|su|sus|otr[oa]s?|including|such|as|among|like|with|incluid[oa]s?|como|entre|con)\b)"
        r"[^\W\d_][\w'’-]*\s+)"
    )
    before = re.compile(
        rf"(?:^|[\s(])(?:the\s+|la\s+|el\s+|an?\s+|un[a]?\s+)?(?P<n>{kind}{{0,2}}(?:{nouns}))\s*,?\s*$",
        re.IGNORECASE,
    )
    after = re.compile(rf"^\s*,\s*(?:an?|un|una|el|la|the)?\s*(?:[\w-]+\s+)?(?P<n>{nouns})\b", re.IGNORECASE)
    case_cues = "|".join(d.case_cues)
    # "defenders such as A and B", or the plural right before the names: "los expertos A, B y C"
    listed = re.compile(
        rf"\b(?:{plurals})\b(?:[^.;:]{{0,40}}?\b(?:{cues}))?\s+(?P<rest>[^.;:]*)$", re.IGNORECASE
    )
    cased = re.compile(rf"\b(?:{case_cues})\s+(?P<rest>[^.;:]*)$", re.IGNORECASE)
    return before, after, listed, cased


_NAME_LIST = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s*|,\s*|\band\s+|\by\s+|\be\s+)*$")


def person_noun(text: str, seg: Segment, c: NameCandidate) -> str | None:
    """Return the noun naming X a person ("journalist X", "X, an economist"), "" in a list, else None."""
    before, after, listed, cased = _noun_regexes()
    m = before.search(text[max(seg.start, c.start - 40) : c.start])
    if m:
        return m.group("n")
    m = after.match(text[c.end : min(seg.end, c.end + 40)])
    if m:
        return m.group("n")
    window = text[max(seg.start, c.start - 160) : c.start]
    for pat in (listed, cased):
        m = pat.search(window)
        if m and _NAME_LIST.match(m.group("rest")):
            return ""
    return None


def speech_anchor(text: str, seg: Segment, c: NameCandidate) -> bool:
    """True when a speech verb sits right before or after the name ("Ebrard said", "dijo Ana López")."""
    after_re, before_re = _speech_regex()
    return bool(
        after_re.match(text[c.end : min(seg.end, c.end + 20)])
        or before_re.search(text[max(seg.start, c.start - 20) : c.start])
    )


def merge_people(drafts: list[Participant]) -> list[Participant]:
    """Merge mentions of one person: richest role, longest name, first non-empty fields."""
    merged: list[Participant] = []
    for p in sorted(drafts, key=lambda p: p.start or 0):
        for q in merged:
            if same_person(p.name, q.name):
                _absorb(q, p)
                break
        else:
            merged.append(p.model_copy())
    return merged


def _absorb(q: Participant, p: Participant) -> None:
    richer = ROLE_RANK[p.role] > ROLE_RANK[q.role]
    if len(p.name.split()) > len(q.name.split()):
        q.name = p.name
    if richer:
        q.role = p.role
        q.title = p.title or q.title
        q.organization = p.organization or q.organization
        q.side = p.side or q.side
        q.rule, q.start, q.end = p.rule, p.start, p.end
    else:
        q.title = q.title or p.title
        q.organization = q.organization or p.organization
        q.side = q.side or p.side


@cache
def _delegate_plural_regex() -> re.Pattern[str]:
    plurals = "|".join(sorted((re.escape(n) for n in people_data().delegate_plurals), key=len, reverse=True))
    return re.compile(rf"\b(?:los|las|the|sus|their)\s+(?:{plurals or '(?!)'})\s*$", re.IGNORECASE)


def delegate_plural_before(before: str) -> bool:
    """True when the text before a name ends with a delegation's plural noun ("los expertos ")."""
    return _delegate_plural_regex().search(before) is not None


@cache
def _same_side_cue() -> re.Pattern[str]:
    return any_of(people_data().same_side_cues, re.IGNORECASE)


def share_list_side(ctx: DocContext, people: list[Participant]) -> None:
    """Members listed in one sentence as someone's company, with no side of their own, share the
    side of those in it who have one ("Vengo acompañada por el secretario ..., X; por la
    subsecretaria para América del Norte, Y"); a list that spans two sides marks each."""
    cue = _same_side_cue()
    for seg in ctx.segments:
        if not cue.search(seg.text):
            continue  # "Participaron también A (EU) y B": a list of both sides
        here = [p for p in people if p.role == "member" and seg.start <= (p.start or -1) < seg.end]
        sides = {p.side for p in here if p.side}
        if len(sides) == 1:
            side = next(iter(sides))
            for p in here:
                if p.side is None:
                    p.side = side
