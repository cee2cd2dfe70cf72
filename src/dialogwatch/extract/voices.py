"""Voices: who is speaking where, and for which side.

Three sources, from data/voices.yaml: a transcript's speaker labels
("SECRETARY RUBIO:" opens a turn that runs to the next label), a speech's
title ("Remarks by ...", "Palabras del canciller ..."), and a quotation with its
attribution ("“We will ...,” said X"). A speaker's side is their own when known,
else the party opposite the people and countries they call "my counterpart",
"our American partners" or thank. Actions read first-person pledges in a voice
as the speaker's side's, not both parties'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.places import find_countries, fold
from dialogwatch.extract.schema import Participant
from dialogwatch.extract.segment import SPEAKER_LABEL
from dialogwatch.extract.titles import post_org


class _VoiceExamples(BaseModel):
    speech_titles: list[str]
    not_speech_titles: list[str]
    first_person: list[str]
    not_first_person: list[str]
    joint: list[str]
    other_side: list[str]


class VoicesData(BaseModel):
    """Schema of data/voices.yaml."""

    speech_titles: list[str]
    non_speakers: list[str]
    first_person: list[str]
    joint: list[str]
    other_side: list[str]
    examples: _VoiceExamples


@cache
def voices_data() -> VoicesData:
    """The validated voice vocabulary."""
    return load_data("voices.yaml", VoicesData)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = voices_data()
    title = re.compile(r"^\W*(?:" + "|".join(d.speech_titles) + r")\b", re.IGNORECASE)
    return title, _any(d.first_person), _any(d.joint), _any(d.other_side)


def is_speech_title(line: str) -> bool:
    """True when a title line makes the document one official's words ("Remarks by ...")."""
    return bool(_res()[0].search(line))


def first_person(text: str) -> bool:
    """True when a clause speaks in the first person ("we will", "nuestro gobierno", "vamos a")."""
    return bool(_res()[1].search(text))


def joint_voice(text: str) -> bool:
    """True when a first-person pledge still binds both sides ("together we", "ambos")."""
    return bool(_res()[2].search(text))


@dataclass
class Voice:
    """A stretch of text spoken by one person, with the side they speak for."""

    start: int
    end: int
    person: Participant | None
    side: str | None
    rule: str


_QUOTE = re.compile(r"[“\"«]([^”\"»\n]{25,1200})[”\"»]")
_SAID_AFTER = 140  # how far after a closing quote its attribution may sit


def find_voices(
    ctx: DocContext, people: list[Participant], parties: list[str], meeting: bool = False
) -> list[Voice]:
    """Return the voices of a document, with sides settled and speakers' sides filled in.

    With ``meeting`` (the document reports a round), the officials who speak in turns or give
    the speech, and the counterpart they name, led their delegations.
    """
    voices = _turns(ctx, people)
    if not voices:
        voices = _speech(ctx, people)
    voices += _quotes(ctx, people, voices)
    for v in voices:
        if v.side is None and v.rule != "voice.turn.quiet":
            own = v.person.side if v.person is not None else None
            v.side = own or _opposite(ctx.text[v.start : v.end], people, parties, v.person)
            if v.side and v.person is not None and v.person.side is None:
                v.person.side = v.side
                v.person.rule += "+voice"
    _same_label_same_side(ctx, voices, parties)
    _complete_speakers(voices, parties)
    for v in voices:
        p = v.person
        if p is None or v.rule == "voice.quote":
            continue
        if p.organization is None and p.side:
            p.organization = post_org(p.title, p.side, ctx.language, ctx.text)
        if meeting and p.role == "mentioned" and p.title and p.side in parties:
            p.role = "head"
            for q in _counterparts(ctx.text[v.start : v.end], people, p):
                q.role = "head"
    return voices


def voice_at(voices: list[Voice], pos: int) -> Voice | None:
    """The innermost voice speaking at ``pos`` (a quotation inside a turn wins)."""
    best: Voice | None = None
    for v in voices:
        if v.start <= pos < v.end and (best is None or v.end - v.start < best.end - best.start):
            best = v
    return best


def _person_named(label: str, people: list[Participant]) -> Participant | None:
    """The participant a label or phrase names by surname ("SECRETARY RUBIO", "Rubio said")."""
    words = {fold(w) for w in re.findall(r"[\w'’-]+", label)}
    best: Participant | None = None
    for p in people:
        surnames = {fold(w) for w in p.name.split()[1:]} or {fold(p.name)}
        if surnames & words and (best is None or (p.start or 0) < (best.start or 0)):
            best = p
    return best


def _turns(ctx: DocContext, people: list[Participant]) -> list[Voice]:
    """Transcript turns: each speaker label opens a voice that runs to the next label."""
    labels = [seg for seg in ctx.segments if seg.kind == "heading" and _is_label(seg.text)]
    if len(labels) < 2:
        return []
    quiet = {w.upper() for w in voices_data().non_speakers}
    out: list[Voice] = []
    for i, seg in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else len(ctx.text)
        name = seg.text.rstrip(":").strip()
        if name.upper().rstrip(".") in quiet:
            out.append(Voice(seg.end, end, None, None, "voice.turn.quiet"))
            continue
        person = _person_named(name, people)
        side = person.side if person else _label_side(name)
        out.append(Voice(seg.end, end, person, side, "voice.turn"))
    return out


def _same_label_same_side(ctx: DocContext, voices: list[Voice], parties: list[str]) -> None:
    """An official the text names only in the label ("ASSISTANT SECRETARY MORALES:") speaks
    for the same side in every turn; of two officials trading turns, the one whose side is
    unknown speaks for the other party."""
    turns = [v for v in voices if v.rule == "voice.turn"]
    labels = {id(v): _label_before(ctx.text, v.start) for v in turns}
    by_label: dict[str, str] = {}
    for v in turns:
        if v.side:
            by_label.setdefault(labels[id(v)], v.side)
    speakers = set(labels.values())
    if len(speakers) == 2 and len(by_label) == 1 and len(parties) == 2:
        [(known, side)] = by_label.items()
        if side in parties:
            [unknown] = speakers - {known}
            by_label[unknown] = next(p for p in parties if p != side)
    for v in turns:
        if v.side is None:
            v.side = by_label.get(labels[id(v)]) or None


def _label_before(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : pos].strip().upper()


def _is_label(heading: str) -> bool:
    m = SPEAKER_LABEL.match(heading + " X")
    return m is not None and m.end() == len(heading) + 1


def _label_side(label: str) -> str | None:
    """The side a label states by itself ("MEXICAN DELEGATION:", "U.S. OFFICIAL:")."""
    found = find_countries(label.title())
    return found[0][2] if found else None


def speech_titles(ctx: DocContext) -> list[Segment]:
    """The title lines that make the text an official's remarks, among its first lines."""
    return list(_speech_titles(tuple(seg for seg in ctx.segments[:6] if seg.start <= 600)))


@lru_cache(maxsize=8)  # meetings and voices both ask, once per document
def _speech_titles(first: tuple[Segment, ...]) -> tuple[Segment, ...]:
    return tuple(seg for seg in first if is_speech_title(seg.text))


def _speech(ctx: DocContext, people: list[Participant]) -> list[Voice]:
    """A speech's title names its speaker, who speaks the whole text."""
    for first in speech_titles(ctx):  # "VERSIÓN ESTENOGRÁFICA" names nobody; "Palabras del ..." does
        line_end = ctx.text.find("\n", first.start)
        line_end = len(ctx.text) if line_end < 0 else line_end
        named = [p for p in people if p.start is not None and first.start <= p.start < line_end]
        if named:
            return [Voice(line_end, len(ctx.text), named[0], named[0].side, "voice.speech")]
    return []


@cache
def _said_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from dialogwatch.extract.roles import people_data

    verbs = "|".join(people_data().speech_verbs)
    after = re.compile(rf"^[\s,.]*(?:(?:{verbs})\b|[^.\n]{{0,90}}?\b(?:{verbs})\b)", re.IGNORECASE)
    before = re.compile(rf"\b(?:{verbs})\b[^.\n]{{0,90}}?[:,]\s*$", re.IGNORECASE)
    return after, before


def _quotes(ctx: DocContext, people: list[Participant], outer: list[Voice]) -> list[Voice]:
    """Quotations attributed to a named person ("“We will ...,” said X"; "X dijo: «...»")."""
    if not people:
        return []
    after, before = _said_res()
    out: list[Voice] = []
    for m in _QUOTE.finditer(ctx.text):
        tail = ctx.text[m.end() : m.end() + _SAID_AFTER]
        head = ctx.text[max(0, m.start() - _SAID_AFTER) : m.start()]
        window = None
        if after.match(tail):
            window = (m.end(), m.end() + len(tail.split("\n")[0]))
        elif before.search(head):
            window = (m.start() - len(head.split("\n")[-1]), m.start())
        if window is None:
            continue
        person = _in_window(people, *window) or _person_named(ctx.text[window[0] : window[1]], people)
        if person is None:
            continue
        out.append(Voice(m.start(), m.end(), person, person.side, "voice.quote"))
    return out


def _in_window(people: list[Participant], a: int, b: int) -> Participant | None:
    hits = [p for p in people if p.start is not None and a <= p.start < b]
    return hits[0] if hits else None


def _opposite(
    text: str, people: list[Participant], parties: list[str], speaker: Participant | None
) -> str | None:
    """The side opposite the counterpart, partners or guests a speaker names."""
    if len(parties) != 2:
        return None
    for m in _res()[3].finditer(text):
        window = text[m.end() : m.end() + 120]
        named = [c for _, _, c in find_countries(window) if c in parties]
        if not named:
            named = [p.side for p in people if p is not speaker and p.side in parties and p.name in window]
        if named:
            return next(c for c in parties if c != named[0])
    return None


_COUNTERPART = re.compile(
    r"\b(?:my|our)\s+counterparts?\b|\b(?:mis?|nuestr[oa]s?)\s+(?:homólog[oa]s?|contrapartes?)\b", re.I
)


def _counterparts(text: str, people: list[Participant], speaker: Participant) -> list[Participant]:
    """The officials a speaker calls "my counterpart" ("mi homólogo, el canciller X")."""
    out = []
    for m in _COUNTERPART.finditer(text):
        window = text[m.end() : m.end() + 90]
        out += [q for q in people if q is not speaker and q.role == "mentioned" and q.name in window]
    return out


def _complete_speakers(voices: list[Voice], parties: list[str]) -> None:
    """Two officials trade turns: one known side gives the other the opposite party."""
    if len(parties) != 2:
        return
    speakers = {id(v.person): v.person for v in voices if v.person is not None}
    known = {p.side for p in speakers.values() if p.side in parties}
    if len(known) != 1 or len(speakers) != 2:
        return
    other = next(c for c in parties if c not in known)
    for p in speakers.values():
        if p.side is None:
            p.side = other
            p.rule += "+voice_other"
    for v in voices:
        if v.person is not None and v.side is None:
            v.side = v.person.side
