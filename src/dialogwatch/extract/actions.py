"""Commitments and asks: one per sentence or list item.

A sentence is an action when it carries a cue (data/cues.yaml) whose checks
pass: commitment cues that need an actor must have one in the clause before
them; civil-society letters hold asks, not government commitments. List items
under a pledge lead-in ("pledge to stand together to:") inherit its actors.
"""

from __future__ import annotations

import datetime as dt
import re

from dialogwatch.extract.action_topics import action_topics
from dialogwatch.extract.actors import (
    cso_voice,
    has_actor,
    infer_parties,
    intl_voice,
    is_cso_subject,
    letter_addressee,
    subject_actors,
)
from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.cues import CueHit, addressee_line, find_cues
from dialogwatch.extract.deadlines import find_deadline
from dialogwatch.extract.levels import _verb_hits, action_level
from dialogwatch.extract.next_meeting import next_meeting_action
from dialogwatch.extract.places import find_countries
from dialogwatch.extract.schema import Action, DocumentInfo, Meeting, Participant
from dialogwatch.extract.voices import Voice, first_person, joint_voice, voice_at

MAX_TEXT = 600
_GOV_DOCS = {"joint_statement", "press_release", "media_note", "framework"}
_JOINT_DOCS = {"joint_statement", "framework"}
_LETTER_MARK = re.compile(
    r"^\s*(?:Dear|Estimad[oa]s?|Distinguid[oa]s?|Apreciad[oa]s?|Respetad[oa]s?)\b|^\s*(?:Sincerely|Atentamente|Respectfully)\b",
    re.MULTILINE,
)
_ADDRESSEE = re.compile(
    r"^\s*(?:respectfully\s+|respetuosamente\s+|also\s+|también\s+)?(?P<who>(?:you|usted(?:es)?|(?:a\s+|al\s+|a\s+la\s+|a\s+los\s+|a\s+las\s+)?"
    r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,6}?))\s+(?:to|a|que|para\s+que)\b",
    re.IGNORECASE,
)
# a new independent clause with its own subject ends the action's complement
_NEW_CLAUSE = re.compile(
    r"[,;]?\s+(?:and|but|while|whereas|y|pero|mientras)\s+(?:we|they|both|the\s+two|nosotros|ambos|ambas|los\s+dos)\s+"
    r"|;\s+",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no|nunca|tampoco)\s+(?:(?:also|yet|se|nos|les?)\s+)?$", re.IGNORECASE)
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|has|have|that|es|son|fue|ha|han)\b", re.IGNORECASE)


def _is_question(text: str) -> bool:
    return text.lstrip().startswith("¿") or text.rstrip(" \"”»'").endswith("?")


# a short capitalised phrase with no verb or full stop, numbered like a list item: a heading
_SECTION_ITEM = re.compile(r"[A-ZÁÉÍÓÚÑ][^.;:!?]{0,50}(?<![.;:!?])")


def find_actions(
    ctx: DocContext,
    doc: DocumentInfo | None,
    meetings: list[Meeting] | None,
    participants: list[Participant] | None,
    doc_date: str | None = None,
    voices: list[Voice] | None = None,
) -> list[Action]:
    """Return every commitment and ask with actors, addressee, level and deadline."""
    doc_type = (doc.doc_type if doc else None) or _guess_doc_type(ctx.text)
    # an international body's visit report speaks with its voice (its recommendations are INTL asks)
    visit = any(m.rule == "meeting.visit" for m in meetings or [])
    intl = doc_type not in ("joint_statement", "media_note", "framework", "letter") and (
        visit or intl_voice(ctx.text)
    )
    if doc_type not in ("joint_statement", "media_note", "framework", "letter") and (
        (intl and not visit) or cso_voice(ctx.text)
    ):
        # an NGO's release or report: its authors ask, they do not pledge (a visit report also
        # tells what the host government pledged)
        doc_type = "letter"
    date = _deadline_origin(doc_date or (doc.date if doc else None), _meeting_date(meetings))
    parties = infer_parties(ctx.text, meetings or [])
    you = letter_addressee(participants or [])
    out: list[Action] = []
    title = (doc.title or "").strip() if doc else ""
    lead_in: Action | None = None
    block_starts: dict[int, int] = {}
    for seg in ctx.segments:
        block_starts.setdefault(seg.block, seg.start)
    for seg in ctx.segments:
        if seg.kind == "heading":
            lead_in = None
            continue
        prev = out[-1].actors if out and out[-1].end and seg.start - out[-1].end < 600 else None
        if title and seg.start < 400 and seg.text.strip() == title:
            continue  # a headline ("México y Guatemala acuerdan unidad conjunta ...") tells, the body pledges
        if _is_question(seg.text):
            continue  # "¿pidió México a la DEA ...?": a reporter's question asks nobody for anything
        if seg.kind == "item" and _SECTION_ITEM.fullmatch(seg.text):
            continue  # "2. Migrants and asylum seekers": a numbered section's heading, the lead goes on
        action = _action_for(seg, ctx, doc_type, parties, you, date, block_starts[seg.block], prev)
        if action is None and doc_type != "letter":
            action = next_meeting_action(seg, parties, date, MAX_TEXT)
        if action is not None and voices:
            _speaker_actors(action, voice_at(voices, action.start if action.start is not None else seg.start))
        if seg.kind == "item" and lead_in is not None and (action is None or action.kind == lead_in.kind):
            if lead_in.rule == "lead_in.gov_subject" and action is None and not _verb_initial(seg.text):
                continue  # a list of people or agencies, not of pledges
            action = _item_under_lead_in(seg, lead_in, date, action)
        elif seg.kind != "item":
            is_lead = seg.text.rstrip().endswith(":")
            who = addressee_line(seg.text) if is_lead and action is None else None
            if who and ((lead_in is not None and lead_in.kind == "ask") or doc_type not in _GOV_DOCS):
                # "Al Gobierno de México:" within a list of demands: the asks under it go to it
                lead_in = Action(
                    kind="ask",
                    text=seg.text,
                    start=seg.start,
                    end=seg.end,
                    actors=lead_in.actors if lead_in is not None and lead_in.kind == "ask" else ["CSO"],
                    addressee=who,
                    rule="lead_in.addressee",
                )
            elif is_lead and action is None and _RECOMMEND_LEAD.search(seg.text):
                lead_in = Action(
                    kind="ask",
                    text=seg.text,
                    start=seg.start,
                    end=seg.end,
                    actors=["CSO"] if doc_type not in _GOV_DOCS else parties,
                    rule="lead_in.recommendations",
                )
            elif is_lead and action is None and doc_type != "letter" and has_actor(seg.text):
                # "Going forward, the two governments:" / "ambos gobiernos acordaron:" + verb items
                lead_in = Action(
                    kind="commitment",
                    text=seg.text,
                    start=seg.start,
                    end=seg.end,
                    actors=subject_actors(seg.text, parties) or parties,
                    rule="lead_in.gov_subject",
                )
            else:
                lead_in = action if action is not None and is_lead else None
            if is_lead and action is not None and _bare_lead_in(action):
                action = None  # "We urge you to:" only introduces the items
        if action is not None:
            out.append(action)
    if intl:
        for a in out:  # a UN expert's recommendations: asks by an international body
            if a.kind == "ask" and a.actors == ["CSO"]:
                a.actors = ["INTL"]
    return out


# a subject that only points back to the last actor: a singular pronoun, or none at all (Spanish
# drops it); "they" and plural verbs may mean both sides, so they are left to the usual reading
_PRONOUN_SUBJECT = re.compile(
    r"\W*(?:(?:also|in\s+addition|moreover|furthermore|finally|además|asimismo|también|finalmente|"
    r"por\s+su\s+parte|por\s+otra\s+parte),?\s+)*(?:(?:it|she|he|ella|él)\s+)?"
    r"(?:(?:also|further|además|también)\s+)?",
    re.IGNORECASE,
)
_PLURAL_VERB = re.compile(r"(?:aron|ieron|amos|imos|emos|an|en)$")


def _singular(text: str, hit: CueHit) -> bool:
    """The cue's verb is not a plural form ("instaron", "pidieron"): English verbs do not say."""
    words = re.findall(r"\w+", text[hit.start : hit.end])
    return not (words and _PLURAL_VERB.search(words[-1].lower()))


_RECOMMEND_LEAD = re.compile(
    r"\b(?:recommendations?|recomendaciones|we\s+recommend|recommends|recomendamos|recomienda|requests?|"
    r"peticiones|solicitudes|demandas)\b",
    re.IGNORECASE,
)


_MODAL_START = re.compile(
    r"^(?:will|shall|would|intend|plan|commit|agree|seek|to|continue|also)\b", re.IGNORECASE
)


def _verb_initial(text: str) -> bool:
    """True when a list item starts with a verb: "will expand ...", "Instalar un grupo ..."."""
    if _MODAL_START.match(text):
        return True
    hits = _verb_hits(text[:60])
    return bool(hits) and hits[0][0] == 0


def _bare_lead_in(action: Action) -> bool:
    """A short lead-in whose cue names no action ("We urge you to:", "Le pedimos que la UE:")."""
    return "level.cue_default" in action.rule and len(action.text.split()) <= 12


def _guess_doc_type(text: str) -> str | None:
    return "letter" if _LETTER_MARK.search(text[:20000]) else None


def _deadline_origin(issued: str | None, held: str | None) -> str | None:
    """The date deadlines run from: the meeting's, when it is within weeks of the text's date
    ("within 90 days of this Dialogue"), else the document's."""
    if not issued or not held or len(issued) != 10 or len(held) != 10:
        return issued or held
    try:
        gap = (dt.date.fromisoformat(issued) - dt.date.fromisoformat(held)).days
    except ValueError:
        return issued
    # a report written within a month of the meeting, or a letter written ahead of it ("within 30
    # days after the Dialogue")
    return held if -60 <= gap <= 31 else issued


def _meeting_date(meetings: list[Meeting] | None) -> str | None:
    for m in meetings or []:
        if m.date:
            return m.date
    return None


def _action_for(
    seg: Segment,
    ctx: DocContext,
    doc_type: str | None,
    parties: list[str],
    you: str | None,
    date: str | None,
    block_start: int | None = None,
    prev_actors: list[str] | None = None,
) -> Action | None:
    text = seg.text
    hits = find_cues(text, ctx.language)
    if not hits:
        return None
    letter = doc_type == "letter"
    gov_doc = doc_type in _GOV_DOCS
    chosen: tuple[CueHit, list[str]] | None = None
    for hit in hits:
        cue = hit.cue
        subject = text[: hit.start]
        if _NEGATED.search(subject):
            continue  # "We do not ask that ...", "no se comprometen a ..."
        # "It encouraged Vietnam to ...", "Instó a las autoridades ...": the last asker goes on
        # (a list item's empty subject is its lead-in's, read there)
        pronoun = bool(prev_actors) and seg.kind != "item" and _PRONOUN_SUBJECT.fullmatch(subject) is not None
        pronoun = pronoun and _singular(text, hit)
        if cue.kind == "commitment":
            if letter and (not cue.letters or not _gov_subject(subject)):
                continue
            if cue.needs_actor and not has_actor(subject):
                continue
            chosen = (hit, subject_actors(subject, parties) or parties)
        else:
            if doc_type in _JOINT_DOCS and not cue.joint:
                continue  # "X should ..." in a joint text states a view; a one-sided release may ask
            if cue.needs_actor and not has_actor(subject) and not pronoun:
                continue
            if pronoun:
                chosen = (hit, list(prev_actors or []))
            elif not cue.joint:  # "X should ...": X is asked; the authors ask
                chosen = (hit, _ask_actors("", parties, letter, gov_doc))
            else:
                chosen = (hit, _ask_actors(subject, parties, letter, gov_doc))
        break
    if chosen is None:
        return None
    hit, actors = chosen
    cue = hit.cue
    complement = text[hit.start if cue.verb_in_cue else hit.end :]
    complement = _NEW_CLAUSE.split(complement, maxsplit=1)[0]
    deadline = find_deadline(complement, date)
    lvl = action_level(
        complement,
        default=cue.default,
        cap=cue.cap,
        deadline=deadline.value if deadline else None,
        has_figure=_has_figure(complement, ctx.language),
    )
    addressee = _addressee(text[hit.end :], you) if cue.kind == "ask" and cue.addressee else None
    if cue.kind == "ask" and not cue.joint:
        addressee = _subject_noun(text[: hit.start])
    if cue.kind == "ask" and addressee and len(actors) > 1:
        # "The delegation called on the Government of Vietnam": nobody asks itself
        asked = {c for _, _, c in find_countries(addressee)}
        actors = [a for a in actors if a not in asked] or actors
    a, b = _bounds(seg, hit)
    return Action(
        kind=cue.kind,  # type: ignore[arg-type]
        text=ctx.text[a:b],
        start=a,
        end=b,
        actors=actors,
        addressee=addressee,
        level=lvl.level,
        deadline=deadline.value if deadline else None,
        topics=action_topics(text, ctx.text, seg.start, block_start),
        rule=f"{cue.id}|{lvl.rule}" + (f"|{deadline.rule}" if deadline else ""),
        confidence=0.7 if cue.needs_actor else 0.8,
    )


def _speaker_actors(action: Action, voice: Voice | None) -> None:
    """A first-person pledge or a government's ask in an official's words is that official's side's."""
    if voice is None or voice.side in (None, "CSO", "INTL"):
        return
    cue_id = action.rule.split("|", 1)[0]
    said = action.text
    asks = action.kind == "ask" and (action.actors == ["CSO"] or first_person(said[:80]))
    pledges = (
        action.kind == "commitment"
        and first_person(said[:120])
        and not joint_voice(said)
        and not cue_id.endswith(".agree")
        and len(action.actors) > 1
    )
    if asks or pledges:
        action.actors = [voice.side]


def _item_under_lead_in(seg: Segment, lead_in: Action, date: str | None, own: Action | None) -> Action:
    """A list item completing a pledge lead-in: its own verbs, the lead-in's actors."""
    if own is not None:
        own.actors = own.actors or lead_in.actors
        return own
    deadline = find_deadline(seg.text, date)
    lvl = action_level(
        seg.text,
        default=4,
        deadline=deadline.value if deadline else None,
        has_figure=_has_figure(seg.text, ""),
    )
    return Action(
        kind=lead_in.kind,
        text=seg.text[:MAX_TEXT],
        start=seg.start,
        end=seg.start + min(len(seg.text), MAX_TEXT),
        actors=list(lead_in.actors),
        addressee=lead_in.addressee,
        level=lvl.level,
        deadline=deadline.value if deadline else None,
        topics=action_topics(seg.text),
        rule=f"lead_in_item|{lvl.rule}",
        confidence=0.7,
    )


def _has_figure(text: str, language: str) -> bool:
    from dialogwatch.extract.figures import figures_in_segment

    return bool(figures_in_segment(Segment(0, len(text), text), language or "en"))


def _subject_noun(before: str) -> str | None:
    """The subject of a modal ask ("Military courts should ..."), as written."""
    clause = re.split(r"[,;:]\s+|\b(?:that|which|que)\s+", before)[-1].strip()
    words = clause.split()
    if not words or len(words) > 10:
        return None
    return clause


def _gov_subject(subject: str) -> bool:
    from dialogwatch.extract.actors import find_countries

    tail = subject[-120:]
    return bool(find_countries(tail)) and not re.search(r"\b(?:we|nosotros)\b", tail, re.IGNORECASE)


def _ask_actors(subject: str, parties: list[str], letter: bool, gov_doc: bool) -> list[str]:
    if letter:
        return ["CSO"]
    if is_cso_subject(subject):
        return ["CSO"]
    if gov_doc:
        return subject_actors(subject, parties) or parties
    from dialogwatch.extract.actors import find_countries

    named = find_countries(subject[-150:])
    return sorted({c for _, _, c in named[-1:]}) if named else ["CSO"]


def _addressee(after: str, you: str | None) -> str | None:
    m = _ADDRESSEE.match(after)
    if not m:
        return None
    who = m.group("who").strip()
    if _VERBISH.search(who) or len(who) > 80 or re.match(r"\w+(?:ing|ando|iendo)\b", who):
        return None
    who = re.sub(r"^(?:a\s+la|a\s+los|a\s+las|a)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^al\s+", "el ", who, flags=re.IGNORECASE)
    if who.lower() in ("you", "usted", "ustedes"):
        return you or who
    return who


def _bounds(seg: Segment, hit: CueHit) -> tuple[int, int]:
    """The whole segment, or a window around the cue when it exceeds MAX_TEXT."""
    if len(seg.text) <= MAX_TEXT:
        return seg.start, seg.end
    half = MAX_TEXT // 2
    a = max(0, hit.start - half + 40)
    b = min(len(seg.text), a + MAX_TEXT - 1)
    a = max(0, b - MAX_TEXT + 1)
    while a > 0 and not seg.text[a - 1].isspace() and a < hit.start:
        a += 1
    while b < len(seg.text) and b > hit.end and not seg.text[b].isspace():
        b -= 1
    return seg.start + a, seg.start + b
