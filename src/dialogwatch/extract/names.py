"""Person-name candidates: runs of capitalised words with particles and initials.

A run is cut at words that never belong to a person's name (titles, organisation
and place words, months, a stop-list in ``data/people.yaml``); what is left with
at least two name words is a candidate. Whether a candidate is a person is
decided by ``people.py`` from its context (a title, an appositive, a delegation
list, a signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.orgs import org_data
from dialogwatch.extract.places import fold, places_data
from dialogwatch.extract.titles import title_words


class _Known(BaseModel):
    name: str
    side: str | None = None
    title: str | None = None


class _PeopleExample(BaseModel):
    text: str
    name: str | None
    title: str | None = None
    side: str | None = None


class _CueExample(BaseModel):
    text: str
    match: bool


class _RecaseExample(BaseModel):
    text: str
    recased: str


class Recase(BaseModel):
    """How a run of capitals that holds a title is written for name finding (extract/casing.py)."""

    small_words: list[str]  # kept lower case: "PRESS AVAILABILITY WITH AMBASSADOR ..." -> "... with ..."
    examples: list[_RecaseExample]


class DelegationWords(BaseModel):
    """Words that tell a sentence is about a delegation and who is in it (extract/delegations.py)."""

    cues: list[str]
    rep_modifiers: list[str]
    reps: list[str]
    lead_modifiers: list[str]
    lead_reps: list[str]
    cue_examples: list[_CueExample]
    rep_examples: list[_CueExample]


class PeopleData(BaseModel):
    """Schema of people.yaml."""

    particles: list[str]
    stop_words: list[str]
    known: list[_Known]
    name_words_allowed: list[str]
    head_cues: list[str]
    member_cues: list[str]
    member_openers: list[str] = []
    host_verbs: str = "(?!)"
    side_cues: list[str]
    lead_verbs: str
    join_verbs: str = "(?!)"
    meet_verbs: str
    speech_verbs: list[str]
    person_nouns: list[str]
    person_plurals: list[str]
    delegate_plurals: list[str] = []
    list_cues: list[str]
    case_cues: list[str]
    issuer_lines: dict[str, str]
    closings: list[str]
    salutations: list[str]
    examples: list[_PeopleExample]
    delegation_words: DelegationWords
    recase: Recase
    same_side_cues: list[str] = []  # a list of one official's company: one side (people.py)
    head_titles: list[str] = []  # a post that makes its holder a delegation's head (people.py)
    back_lead: str = "(?!)"  # a clause making the person before it the head (roles.py)


@cache
def people_data() -> PeopleData:
    """Return the validated people vocabulary."""
    return load_data("people.yaml", PeopleData)


# letters of the Latin alphabets a name may be written in: Spanish, Portuguese, French, Czech,
# Polish, Turkish, and Vietnamese ("Nguyễn Minh Tường", "Karel Dvořák")
_LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_UP = "A-Z" + "".join(chr(c) for c in _LATIN if chr(c).isupper() and chr(c).isalpha())
_LOW = "a-z" + "".join(chr(c) for c in _LATIN if chr(c).islower() and chr(c).isalpha()) + "'’"
_WORD = rf"(?:(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)*)"
_INITIAL = rf"(?:[{_UP}]\.)"


@cache
def _run_regex() -> re.Pattern[str]:
    parts = sorted(people_data().particles, key=len, reverse=True)
    part = "|".join(re.escape(p) for p in parts)
    tok = rf"(?:{_WORD}|{_INITIAL})"
    return re.compile(rf"(?<![\w.\-]){tok}(?:[ \t\u00a0]+(?:(?:{part})[ \t\u00a0]+)*{tok})*(?![\w])")


@cache
def stop_words() -> frozenset[str]:
    """Folded words that can never be part of a person's name."""
    d = people_data()
    allowed = {fold(w) for w in d.name_words_allowed} | {fold(p) for p in d.particles}
    return _stop_words_but_countries() | (_country_spellings()[1] - allowed)


@cache
def _stop_words_but_countries() -> frozenset[str]:
    d = people_data()
    out = {fold(w) for w in d.stop_words}
    out |= title_words()
    for o in org_data().organizations:
        if o.kind == "ngo":
            continue
        for name in [o.name_en, o.name_es or "", *o.aliases]:
            out.update(fold(t) for t in re.findall(r"[\w'-]+", name) if len(t) > 2)
    for h in org_data().org_heads:
        out.update(fold(t) for t in h.split())
    from dialogwatch.extract.titles import title_data

    for h in title_data().honorifics:
        out.update(fold(t) for t in re.findall(r"\w+", h) if len(t) > 1)
    out -= {fold(w) for w in d.name_words_allowed}
    out -= {fold(p) for p in d.particles}
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A span that may be a person's name."""

    start: int
    end: int
    text: str


@cache
def _country_spellings() -> tuple[frozenset[str], frozenset[str]]:
    """Country names and adjectives as written (lower case) and folded."""
    raw = {
        t.lower()
        for c in places_data().countries
        for n in c.names + c.adjectives
        for t in re.findall(r"\w+", n)
    }
    return frozenset(raw), frozenset(fold(t) for t in raw)


@lru_cache(maxsize=16384)
def _is_stop(tok: str) -> bool:
    f = fold(re.sub(r"['’]s$", "", tok.rstrip(".")))  # "the Justice Department's Civil Rights Division"
    if len(f) <= 1:
        return False
    low = tok.rstrip(".").lower()
    raw, folded = _country_spellings()
    if low != f and f in folded and low not in raw and f not in _stop_words_but_countries():
        return False  # an accent the country word lacks makes it a name: "Germán", not "German"
    if f in stop_words():
        return True
    return "-" in f and any(p in stop_words() for p in f.split("-"))


def find_name_candidates(text: str, start: int = 0, end: int | None = None) -> list[NameCandidate]:
    """Return candidate person names in ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[NameCandidate] = []
    particles = _particles()
    for m in _run_regex().finditer(text, start, end):
        span = m.group(0)
        if not _SPACE.search(span):
            continue  # a single word is never a name
        toks = [(t.start(), t.end()) for t in _NONSPACE.finditer(span)]
        run: list[tuple[int, int]] = []
        for a, b in [*toks, (-1, -1)]:
            if a >= 0 and not _is_stop(span[a:b]):
                run.append((a, b))
                continue
            if run:  # an empty run yields nothing
                _flush(text, m.start(), span, run, particles, out)
            run = []
    return out


_NONSPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_INITIAL_RE = re.compile(_INITIAL)


@cache
def _particles() -> frozenset[str]:
    return frozenset(fold(p) for p in people_data().particles)


def _flush(
    text: str, base: int, s: str, run: list[tuple[int, int]], particles: set[str], out: list[NameCandidate]
) -> None:
    # as written, accents kept: "Vân" ends a Vietnamese name, "van" is a particle
    # a particle never ends a name, unless capitalised: "Do Thi Hong Van" (a Vietnamese name)
    while (
        run and s[run[-1][0] : run[-1][1]].lower() in particles and (s[run[-1][0]].islower() or len(run) < 3)
    ):
        run.pop()
    while run and s[run[0][0] : run[0][1]].lower() in particles and (s[run[0][0]].islower() or len(run) < 3):
        run.pop(0)  # a capitalised particle may start a name: "Le Dinh Luong", "Van Der Berg"
    if not run:
        return
    words = [s[a:b] for a, b in run]
    full_words = [w for w in words if not _INITIAL_RE.fullmatch(w) and fold(w) not in particles]
    if len(full_words) < 2:
        return
    if _INITIAL_RE.fullmatch(words[-1]):
        return
    a, b = run[0][0], run[-1][1]
    out.append(NameCandidate(base + a, base + b, text[base + a : base + b]))


@lru_cache(maxsize=8192)
def name_key(name: str) -> frozenset[str]:
    """Folded name tokens without initials, particles or honorifics (for matching)."""
    particles = _particles()
    toks = re.split(r"[^\w]+", fold(name))
    return frozenset(t for t in toks if len(t) > 1 and t not in particles)


def same_person(a: str, b: str) -> bool:
    """True when two names refer to the same person (one's tokens contained in the other's)."""
    ka, kb = name_key(a), name_key(b)
    if len(ka) < 2 or len(kb) < 2:
        return bool(ka) and ka == kb
    if ka <= kb or kb <= ka:
        return True
    # hyphenated or second surnames: "Ruiz Cabañas" vs "Ruiz-Cabañas Izquierdo"
    ha = frozenset(p for t in ka for p in t.split("_"))
    return len(ha & kb) >= 2 and (len(ha & kb) >= min(len(ka), len(kb)))


@cache
def _known_index() -> list[tuple[frozenset[str], _Known]]:
    return [(name_key(k.name), k) for k in people_data().known]


def known_person(name: str) -> _Known | None:
    """Return the lexicon entry of a well-known public figure, if the name is one."""
    key = name_key(name)
    if len(key) < 2:
        return None
    for k, rec in _known_index():
        if key <= k or k <= key:
            return rec
    return None


def known_by_surname(surname: str) -> _Known | None:
    """Return the single known figure whose name ends with ``surname`` ("Pompeo")."""
    f = fold(surname)
    hits = [k for _, k in _known_index() if fold(k.name).endswith(" " + f)]
    return hits[0] if len(hits) == 1 else None
