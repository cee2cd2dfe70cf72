"""Named people with role, side, title and organisation.

Candidates come from ``names.py``; a candidate is a person when its context says
so: a title before it ("Secretary of State Antony Blinken", "el canciller
Marcelo Ebrard"), a title after it ("Rosa Icela Rodríguez, secretaria de
Seguridad"), a place in a delegation list ("headed by A, T1; B, T2"), a letter's
address or signature block, a speech verb, or the lexicon of public figures.
Role and side come from the cues of the sentence (``people.yaml``: "headed by",
"integrada por", "the Mexican delegation", "por parte de México").
"""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.alternation import any_of
from dialogwatch.extract.apposition import appositive, list_slot, pre_title
from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.letters import addressees, signatories
from dialogwatch.extract.names import NameCandidate, find_name_candidates, known_person, people_data
from dialogwatch.extract.orgs import org_country
from dialogwatch.extract.places import is_region, lookup_city
from dialogwatch.extract.roles import (
    DELEG_WORD,
    Marker,
    complete_sides,
    issuer_side,
    join_verb_members,
    lead_verb_heads,
    markers,
    merge_people,
    person_noun,
    role_regex,
    share_list_side,
    speech_anchor,
)
from dialogwatch.extract.schema import Acronym, DocumentInfo, Participant
from dialogwatch.extract.titles import (
    implied_org,
    org_after_name,
    post_org,
    split_title,
    title_country,
)

_BOUNDARY = re.compile(r";|:\s")


def find_participants(ctx: DocContext, doc: DocumentInfo, acronyms: list[Acronym]) -> list[Participant]:
    """Return every named person in the document."""
    drafts: list[Participant] = []
    if doc.doc_type in {"letter", "report", "other", "news"} or _looks_like_letter(ctx):
        if doc.doc_type == "letter" or _looks_like_letter(ctx):
            drafts += addressees(ctx)
        drafts += signatories(ctx)
    taken = [_line_span(ctx.text, p.start or 0) for p in drafts]
    acr = {a.acronym: a.expansion for a in acronyms}
    state: dict[str, str | None] = {"side": None, "role": None, "list": None}
    upgrades: list[tuple[str, str | None]] = []
    for seg in ctx.segments:
        found = _segment_people(ctx, seg, taken, state, acr)
        upgrades += lead_verb_heads(ctx.text, seg, found)
        if any(p.rule == "person.head.lead_verb" for p in found):
            state["deleg_before"] = "yes"  # "X co-chaired the dialogue with Y": a delegation sentence
        join_verb_members(ctx.text, seg, found)
        drafts += found
    merged = merge_people(drafts)
    share_list_side(ctx, merged)
    complete_sides(ctx, merged)
    if doc.doc_type in {"press_release", "media_note"}:
        issuer = issuer_side(ctx.text)
        for p in merged:
            if p.side is None and p.title and p.rule != "person.noun":
                p.side = issuer
    for surname, side in upgrades:
        for p in merged:
            if p.name.split()[-1] == surname or surname in p.name.split():
                p.role = "head"
                p.side = side or p.side
    for p in merged:
        late = p.rule.endswith("+other_party") or (
            p.role in ("head", "member") and not _AMBASSADOR.search(p.title or "")
        )
        if p.organization is None and p.side and p.title and late:
            # a side settled after the fact ("the other party") still tells the post's agency
            p.organization = post_org(p.title, p.side, ctx.language, ctx.text, generic=False)
    return merged


@cache
def _head_title() -> re.Pattern[str]:
    return any_of(people_data().head_titles, re.IGNORECASE)


def _line_span(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (b if b >= 0 else len(text))


_CSO_TITLE = re.compile(
    r"(?i)\b(?:watch|network|red|coalition|coalición|movement|movimiento|colectiv[oa]s?|ngo|ong|advocacy|"
    r"incidencia|civil\s+society|sociedad\s+civil|amnesty|amnistía)\b"
)
_AMBASSADOR = re.compile(r"(?i)\b(?:ambassador|embajador)")


def _leading_country(title: str | None) -> str | None:
    """The country a title opens with ("U.S. Ambassador"), not one it names in its complement
    ("Director of the Office of Mexican Affairs")."""
    from dialogwatch.extract.places import find_countries

    found = find_countries(title) if title else []
    return found[0][2] if found and found[0][0] == 0 else None


def _asks_for(lead: str, language: str) -> bool:
    """True for "We recommend that the U.S. delegation:", which opens a list of asks, not people."""
    from dialogwatch.extract.cues import find_cues

    return any(h.cue.kind == "ask" for h in find_cues(lead, language))


@cache
def _member_opener() -> re.Pattern[str]:
    return re.compile(r"^\W*(?:" + "|".join(people_data().member_openers) + ")")


def _looks_like_letter(ctx: DocContext) -> bool:
    return bool(re.search(r"^\s*(?:dear|estimad[oa]s?)\b", ctx.text[:3000], re.IGNORECASE | re.MULTILINE))


def _segment_people(
    ctx: DocContext,
    seg: Segment,
    taken: list[tuple[int, int]],
    state: dict[str, str | None],
    acr: dict[str, str | None],
) -> list[Participant]:
    text = ctx.text
    cands = [
        c
        for c in find_name_candidates(text, seg.start, seg.end)
        if not any(a < c.end and c.start < b for a, b in taken)
        and lookup_city(c.text) is None
        and not is_region(c.text)
    ]
    has_deleg_word = bool(DELEG_WORD.search(seg.text))
    if not cands and not has_deleg_word and seg.kind != "item" and not seg.text.rstrip().endswith(":"):
        state["list"] = None
        return []
    mks = markers(text, seg)
    deleg = (
        has_deleg_word
        or _member_opener().match(seg.text) is not None
        or any(m.kind == "role" and m.value == "head" for m in mks)
        or (any(m.kind == "side" for m in mks) and any(m.kind == "role" for m in mks))
        # "X co-chaired the dialogue with Y. Joining them were ...": the sentence after a delegation's
        # "Por Colombia:" / "For the European Union:" opens a list of that side's people
        or (
            seg.kind != "item"
            and seg.text.rstrip().endswith(":")
            and len(seg.text.split()) <= 8
            and any(m.kind == "side" for m in mks)
        )
        or (
            bool(state.get("deleg_before"))
            and any(m.kind == "role" and m.value == "member" and m.pos - seg.start < 40 for m in mks)
        )
    )
    state["deleg_before"] = "yes" if deleg else None
    list_ctx = state.get("list") if seg.kind == "item" else None
    if seg.kind != "item":
        state["list"] = None
        # "Por Colombia:", or a heading "**Vietnamese Delegation**" / "Delegación de México" over a list
        header = seg.kind == "heading" and has_deleg_word and len(seg.text.split()) <= 6
        if deleg and (seg.text.rstrip().endswith(":") or header) and not _asks_for(seg.text, ctx.language):
            state["list"] = "member"
            side_mk = [m for m in mks if m.kind == "side"]
            state["side"] = side_mk[-1].value if side_mk else state.get("side")
    if not cands:
        if deleg:
            _update_state(mks, state)
        return []
    out: list[Participant] = []
    pre_starts = []
    infos = []
    for i, c in enumerate(cands):
        wide, narrow = _clause_start(text, seg, c, mks)
        prev_end = cands[i - 1].end if i else narrow
        gap_from_prev = i > 0 and text[prev_end : c.start].lstrip().startswith(",")
        pre, pre_start = pre_title(text, prev_end, c.start, gap_from_prev)
        if pre is None and gap_from_prev and infos and infos[-1]:
            # "el secretario X, Ana Ruiz, el secretario Y, Juan Gil": once a list puts titles
            # before names, a title between two names opens the next one
            pre, pre_start = pre_title(text, prev_end + text[prev_end:].index(",") + 1, c.start, False)
        if i == 0 and wide < narrow:
            pre_w, start_w = pre_title(text, wide, c.start, False)
            if pre_w and not text[wide:start_w].strip(" ,"):
                pre, pre_start = pre_w, start_w
        pre_starts.append(pre_start)
        infos.append(pre)
    for i, c in enumerate(cands):
        nxt = pre_starts[i + 1] if i + 1 < len(cands) else seg.end
        bound = _bound(text, c.end, nxt, mks)
        apos = appositive(text, c.end, bound)
        p = _build(ctx, seg, c, infos[i], apos, mks, deleg, list_ctx, state, acr, i, cands)
        if p and p.organization is None and infos[i] and not apos:
            # "Assistant Secretary Jane Roe of the Bureau of Democracy, Human Rights, and Labor"
            after = org_after_name(text, c.end, seg.end)
            if after:
                p = _with_org(ctx, p, after, acr)
        if p:
            out.append(p)
    if deleg:
        _update_state(mks, state)
    return out


def _with_org(ctx: DocContext, p: Participant, org: str, acr: dict[str, str | None]) -> Participant:
    """The participant with the organisation named after it, and the side that organisation gives."""
    org, _, acronym = org.partition(" (")
    acronym = acronym.rstrip(")") or None
    side = p.side or org_country(org) or (org_country(acronym) if acronym else None)
    if side is None and acronym in acr:
        side = org_country(acr[acronym] or "")
    return p.model_copy(update={"organization": org, "side": side})


def _update_state(mks: list[Marker], state: dict[str, str | None]) -> None:
    sides = [m for m in mks if m.kind == "side"]
    if sides:
        state["side"] = sides[-1].value


def _clause_start(text: str, seg: Segment, c: NameCandidate, mks: list[Marker]) -> tuple[int, int]:
    """Where the clause of a name starts: after a cue or semicolon (wide), or also after ", and" (narrow)."""
    start = seg.start
    for m in mks:
        if m.kind == "role" and m.pos <= c.start:
            start = max(start, m.pos)
    for m in re.finditer(r"[;:]|\((?![A-ZÁÉÍÓÚÑ][\w.\-]{1,10}\))", text[start : c.start]):
        start = max(start, start + m.end())
    wide = start
    for m in re.finditer(r",\s+(?:and|y)\s", text[wide : c.start]):
        start = max(start, wide + m.end())
    return wide, start


def _bound(text: str, a: int, nxt: int, mks: list[Marker]) -> int:
    end = nxt
    for m in mks:
        if m.kind == "role" and a < m.pos <= end:
            end = min(end, _cue_start(text, m.pos))
        elif m.kind == "side" and a < m.pos <= end:
            end = min(end, m.pos)
    b = _BOUNDARY.search(text, a + 1 if text[a : a + 1] == ":" else a, end)
    if b:
        end = b.start()
    return end


def _cue_start(text: str, pos: int) -> int:
    m = re.search(
        r"(?:[,;]\s*)?(?:\b(?:it|and|y|e|which|que|with|con)\s+)*(?:\w+\s+)?(?:\w+\s+)?$",
        text[max(0, pos - 40) : pos],
    )
    cue = role_regex().search(text, max(0, pos - 40), pos)
    if cue:
        head = text[max(0, pos - 40) : cue.start()]
        mm = re.search(
            r"(?:[,;]?\s*(?:\b(?:it|and|also|y|e|which|que|with|con|was|were|fue|estuvo)\s+)*)$", head
        )
        return max(0, pos - 40) + (mm.start() if mm else len(head))
    return pos - len(m.group(0)) if m else pos


_POSTED_IN = re.compile(r"\s+(?:en|in)\s+(?:el\s+|la\s+|the\s+)?[A-ZÁÉÍÓÚ][\w.]*(?:\s+[A-ZÁÉÍÓÚ][\w.]*)*$")
_MINISTRY = re.compile(r"\b(?:[Mm]inistry|[Mm]inisterio|[Ss]ecretariat|[Ss]ecretar[íi]a)\b")


def _build(
    ctx: DocContext,
    seg: Segment,
    c: NameCandidate,
    pre: str | None,
    apos: str | None,
    mks: list[Marker],
    deleg: bool,
    list_ctx: str | None,
    state: dict[str, str | None],
    acr: dict[str, str | None],
    i: int,
    cands: list[NameCandidate],
) -> Participant | None:
    text = ctx.text
    role_mk = [m for m in mks if m.kind == "role" and m.pos <= c.start]
    side_mk = [m for m in mks if m.kind == "side" and m.pos <= c.start]
    known = known_person(c.text)
    anchored = bool(pre or apos or known)
    rule = "person.title_before" if pre else "person.appositive" if apos else "person.known" if known else ""
    role = "mentioned"
    in_list = False
    if deleg and role_mk:
        role = role_mk[-1].value
        in_list = True
    elif list_ctx and seg.kind == "item":
        role = (
            "head"
            if re.search(r"\bhead of (?:the )?delegation|\bjef[ea] de (?:la )?delegaci", seg.text, re.I)
            else list_ctx
        )
        in_list = True
    noun = None
    if not (pre or apos):
        noun = person_noun(text, seg, c)
        if noun is not None:
            # "journalist X", "X, an economist": someone the text talks about, on no side
            return Participant(
                name=c.text,
                role="mentioned",
                side=None,
                title=noun or None,
                start=c.start,
                end=c.end,
                rule="person.noun",
                confidence=0.6,
            )
    if not anchored and in_list and list_slot(text, seg, c, cands, i):
        anchored, rule = True, "person.delegation_list"
    if not anchored and speech_anchor(text, seg, c):
        anchored, rule = True, "person.speech_verb"

    if not anchored:
        return None
    if in_list and role != "mentioned":
        rule = f"person.{role}." + rule.split(".", 1)[1] if rule.startswith("person.") else rule
    title, org = None, None
    acronym = None
    # a full post before the name is the one the text gives them; what follows is a second role
    # ("el agregado del Departamento de Justicia, X, titular en México del Programa ...")
    pre_parts = split_title(pre) if pre else None
    apos_parts = split_title(apos) if apos else None
    order = (
        [pre_parts, apos_parts]
        if pre_parts and apos_parts and pre_parts.organization
        else [apos_parts, pre_parts]
    )
    for parts in order:
        if parts is None:
            continue
        title = title or parts.title
        org = org or parts.organization
        acronym = acronym or parts.acronym
    if org is None and acronym:
        org = acronym
    implied = None
    if org is None:
        org = implied = implied_org(title)
    side = None
    if in_list:
        heads_here = any(m.kind == "role" and m.value == "head" for m in mks)
        stale_ok = list_ctx or (deleg and not heads_here)
        side = (side_mk[-1].value if side_mk else (state.get("side") if stale_ok else None)) or None
        if side is not None and not side_mk:
            # a side carried over from an earlier sentence yields to the person's own: "Also taking
            # part were ... Attorney General Pamela Bondi ... and U.S. Ambassador Ronald Johnson"; a
            # national agency's officer is on its country's side ("the DEA Administrator")
            # (a ministry's name is shared by many governments: it says nothing of the side)
            # (an office "in Mexico" is still its own country's: "USAID en México")
            own = (
                org_country(_POSTED_IN.sub("", org))
                if org and not _MINISTRY.search(org)
                else title_country(title)
            )
            side = (known.side if known else None) or _leading_country(title) or own or side
    if side is None and org:
        side = org_country(org) or (org_country(acr[acronym]) if acronym and acr.get(acronym) else None)
    if side is None and acronym:
        side = org_country(acronym)
    if side is None and org and acr.get(org):
        side = org_country(acr[org] or "")
    if side is None:
        # "Human Rights Watch's EU director", "Coordinator, EU-LAT Network": civil society
        side = "CSO" if title and _CSO_TITLE.search(title) else title_country(title)
    if side is None and known:
        side = known.side
    if implied and side and org_country(implied) not in (None, side):
        org = None  # Honduras's "Secretary of State for Human Rights" heads no U.S. department
    if org is None:
        org = post_org(title, side, ctx.language, ctx.text)
    if role == "mentioned" and title and _head_title().search(title):
        role = "head"  # "Daniel Whitaker, jefe de la delegación de los Estados Unidos"
    return Participant(
        name=c.text,
        role=role,
        side=side,
        title=title,
        organization=org,  # type: ignore[arg-type]
        start=c.start,
        end=c.end,
        rule=rule,
        confidence=0.9 if pre or apos else 0.7,
    )
