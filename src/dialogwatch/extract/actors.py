"""Who acts: the parties of a document and the actors of one action.

Parties come from the meetings H2 extracts; when those are empty they are
inferred from country names ("the United States and Mexico", "la UE y
Colombia"). An action's actors are read from its subject: "we", "both
countries" and bodies the parties create mean all parties; named countries
mean those countries.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.schema import Meeting, Participant


class _ActorExample(BaseModel):
    text: str
    actors: list[str]


class _SubjectExample(BaseModel):
    text: str
    actor: bool
    cso: bool = False


class _VoiceExample(BaseModel):
    text: str
    cso: bool


class _SubjectWords(BaseModel):
    collective: list[str]
    bodies: list[str]
    cso: list[str]
    examples: list[_SubjectExample]


class ActorsData(BaseModel):
    """Schema of data/actors.yaml."""

    metonyms: dict[str, str]
    subjects: _SubjectWords
    examples: list[_ActorExample]
    cso_voice: list[str] = []
    cso_voice_not_after: list[str] = []
    cso_voice_examples: list[_VoiceExample] = []
    intl_voice: list[str] = []
    intl_voice_examples: list[_VoiceExample] = []


@cache
def actors_data() -> ActorsData:
    """The validated actor vocabulary."""
    return load_data("actors.yaml", ActorsData)


@cache
def _voice_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = actors_data()
    voice = re.compile("|".join(f"(?:{p})" for p in d.cso_voice), re.IGNORECASE)
    guard = re.compile(r"(?:" + "|".join(d.cso_voice_not_after) + r")\s*$", re.IGNORECASE)
    return voice, guard


@cache
def _intl_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in actors_data().intl_voice) or "(?!)", re.IGNORECASE)


def intl_voice(text: str, window: int = 1500) -> bool:
    """True when an international body speaks (a UN expert's end-of-mission statement, the IACHR)."""
    return bool(_intl_re().search(text[:window]))


def cso_voice(text: str, window: int = 4000) -> bool:
    """True when the document speaks as civil society ("las organizaciones de la Red ... exigimos")."""
    voice, guard = _voice_res()
    head = text[:window]
    return any(not guard.search(head[max(0, m.start() - 30) : m.start()]) for m in voice.finditer(head))


@cache
def _metonym_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(k) for k in sorted(actors_data().metonyms, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?P<m>{alt})(?:\s+(?:also|además|también))?\s*$")


@cache
def _subject_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any actor, collective "we/both", civil society) subject words, as whole-word regexes."""
    d = actors_data().subjects

    def words(*groups: list[str]) -> re.Pattern[str]:
        alt = "|".join(w for g in groups for w in g)
        return re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.IGNORECASE)

    return words(d.collective, d.bodies, d.cso), words(d.collective), words(d.cso)


_SUBORDINATE = re.compile(r"\b(?:that|which|who|whether|que|quien|quienes|cual)\b", re.IGNORECASE)
# a clause whose subject only points back: "Viet Nam stated that it intends to ..."
_PRONOUN_CLAUSE = re.compile(
    r"\W*(?:it|they|he|she|él|ella|ellos|ellas)?\s*(?:also\s+|further\s+|además\s+)?", re.IGNORECASE
)


def _subject_clause(subject: str) -> str:
    """The clause that names the subject of a cue: the last one, or the reporting one before it
    when the last only says "it" ("Viet Nam stated that it intends to ...")."""
    clauses = _SUBORDINATE.split(subject)
    if len(clauses) > 1 and _PRONOUN_CLAUSE.fullmatch(clauses[-1]):
        return clauses[-2]
    return clauses[-1]


_JOIN = re.compile(
    r"^\s*(?:,|and|y|e|&|as\s+well\s+as|together\s+with|junto\s+con)\s*(?:the\s+|el\s+|la\s+|los\s+)?$",
    re.IGNORECASE,
)
_PAIR = re.compile(r"^\s*(?:and|y|e|&|-|–)\s*(?:the\s+|el\s+|la\s+)?$", re.IGNORECASE)


@cache
def _countries():
    try:
        from dialogwatch.extract.places import find_countries
    except Exception:  # pragma: no cover - defensive: keep actions working while places.py changes
        return None
    return find_countries


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """Country mentions (start, end, code) in ``text``; empty if the gazetteer is unavailable."""
    fn = _countries()
    if fn is None:
        return []
    try:
        return fn(text)
    except Exception:  # pragma: no cover
        return []


def infer_parties(text: str, meetings: list[Meeting]) -> list[str]:
    """Parties of the document: the meetings' parties, else the most frequent country pair."""
    got: list[str] = []
    for m in meetings:
        for p in m.parties or []:
            if p not in got:
                got.append(p)
    if len(got) >= 2:
        return sorted(got)
    mentions = find_countries(text[:50000])
    pairs: Counter[tuple[str, str]] = Counter()
    for (_, e1, c1), (s2, _, c2) in pairwise(mentions):
        if c1 != c2 and _PAIR.match(text[e1:s2]):
            pairs[tuple(sorted((c1, c2)))] += 1  # type: ignore[index]
    if pairs:
        return list(pairs.most_common(1)[0][0])
    counts = Counter(c for _, _, c in mentions)
    top = [c for c, n in counts.most_common(2) if n >= 2]
    return sorted(set(got) | set(top))


def has_actor(subject: str) -> bool:
    """True when a clause subject names an actor (we, a government, a country, a body)."""
    clause = _subject_clause(subject)
    return bool(
        _subject_res()[0].search(clause)
        or find_countries(clause)
        or _metonym_re().search(clause)
        or _agency_countries(clause)  # "DHS and the INM will sign ..."
        or _ACRONYM_SUBJECT.search(clause)  # "The SIG will present a work plan": a joint body's acronym
    )


_ACRONYM_SUBJECT = re.compile(r"(?:^|\s)(?:[Tt]he\s+|[Ee]l\s+|[Ll]a\s+)?[A-Z]{2,6}\s*$")


def _agency_countries(clause: str) -> list[str]:
    """Countries of the government agencies a clause names by acronym or name (in order)."""
    from dialogwatch.extract.orgs import government_mentions

    out: list[str] = []
    for _, _, rec in government_mentions(clause):
        if rec.country and rec.country not in ("INTL", "CSO") and rec.country not in out:
            out.append(rec.country)
    return out


def is_cso_subject(subject: str) -> bool:
    """True when the subject names civil-society authors."""
    clause = _subject_clause(subject)
    return bool(_subject_res()[2].search(clause)) and not find_countries(clause)


def subject_actors(subject: str, parties: list[str]) -> list[str]:
    """Actors named by a subject: the countries it names, or all parties for "we"/"both"."""
    clause = _subject_clause(subject)
    meto = _metonym_re().search(clause)
    if meto:
        return [actors_data().metonyms[meto.group("m")]]
    countries = find_countries(clause)
    collective = list(_subject_res()[1].finditer(clause))
    last_collective = collective[-1].start() if collective else -1
    if not countries and last_collective < 0:
        agencies = _agency_countries(clause)
        # "DHS and SSPC will conduct ...": the agencies' governments (a joint naming one agency
        # the lexicon knows and one it does not may span both parties)
        if len(agencies) > 1 or (agencies and not re.search(r"\b(?:and|y|e)\b", clause)):
            return sorted(agencies)
    if countries and countries[-1][0] > last_collective:
        # the last country and those joined to it: "the United States and Mexico"
        group = [countries[-1]]
        for prev in reversed(countries[:-1]):
            if _JOIN.match(clause[prev[1] : group[0][0]]):
                group.insert(0, prev)
            else:
                break
        return sorted({c for _, _, c in group})
    return list(parties)


def letter_addressee(participants: list[Participant]) -> str | None:
    """The name of the person a letter is addressed to, if known."""
    for p in participants:
        if p.role == "addressee":
            return p.name
    return None
