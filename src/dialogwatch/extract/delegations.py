"""Delegations: the agencies that took part for each side.

Two sources: the organisations of the named heads and members, and lists such
as "representatives from the Department of Defense, the Department of Homeland
Security, ..." or "con representantes de la Secretaría de la Defensa Nacional y
la Secretaría de Marina". A parenthesis of acronyms ("the military (SEDENA and
SEMAR)") stands for one organisation per acronym. Names stay as the text gives
them; one per organisation (unified with ``resolve_org``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from dialogwatch.extract.acronyms import paren_acronyms
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.names import DelegationWords, people_data
from dialogwatch.extract.orgs import is_org_like, org_data, resolve_org, wording_countries
from dialogwatch.extract.places import find_countries, fold
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
from dialogwatch.extract.roles import markers
from dialogwatch.extract.schema import Acronym, Delegation, DocumentInfo, Evidence, Participant
from dialogwatch.extract.titles import starts_with_title


@cache
def _words() -> DelegationWords:
    return people_data().delegation_words


@cache
def _reps() -> Prefiltered:
    # per-sentence cue: most sentences hold none of its words, which a pre-check sees without a scan
    w = _words()
    return prefiltered(
        rf"\b(?:(?:{'|'.join(w.rep_modifiers)})\s+)*(?:{'|'.join(w.reps)})\s+(?:of|from|de|del|de la)\s+",
        re.IGNORECASE,
    )


@cache
def _rep_lead() -> str:
    """A group of officials opening a list piece ("senior officials"), as a regex to run case-blind."""
    w = _words()
    return rf"^(?:(?:{'|'.join(w.lead_modifiers)})\s+)*(?:{'|'.join(w.lead_reps)})"


@cache
def _deleg() -> Prefiltered:
    return prefiltered("|".join(_words().cues), re.IGNORECASE)


# the member states' embassies that join an EU delegation, written in lower case
_MEMBER_EMBASSIES = re.compile(
    r"(?:the\s+)?(?:embass(?:y|ies)\s+of\s+(?:the\s+)?(?:EU|European\s+Union)\s+Member\s+States"
    r"|(?:EU|European\s+Union)\s+Member\s+States['’]?\s+embassies"
    r"|embajadas\s+de\s+los\s+(?:Estados|países)\s+miembros(?:\s+de\s+la\s+(?:UE|Unión\s+Europea))?)",
    re.IGNORECASE,
)
_SEP = re.compile(
    r",\s+(?:and|y|e|as well as|así como)\s+|;\s*(?:and\s+)?|,\s+|\s+(?:and|y|e)\s+"
    r"|\s+as well as\s+|\s+así como\s+"
)
_END = re.compile(
    r"(?<![A-Z])\.(?:\s|$)|\s+to\s+(?=[a-z])|\s+(?:who|which|in order|que|quienes|in the|en la reunión)\s+"
)
_LEAD = re.compile(
    r"^(?:(?:other|additional|high[- ]level|senior)\s+)*"
    r"(?:officials|representatives|representantes|funcionari[oa]s|delegad[oa]s|delegates|mandos)"
)
_POSSESSOR = re.compile(r"^(.+?)['’]s\s+(?=[A-Z])")
_LEAD = re.compile(
    r"^(?:(?:of|from|de|del|the|la|el|los|las|other|otros|otras|our|nuestra|nuestro|nuestras|nuestros)\s+)+",
    re.IGNORECASE,
)


def find_delegations(
    ctx: DocContext, doc: DocumentInfo, participants: list[Participant], acronyms: list[Acronym]
) -> list[Delegation]:
    """Return, per side, the agencies in its delegation."""
    if doc.doc_type == "letter":
        return []
    agencies = _agency_lists(ctx)
    if not agencies and not _deleg().search(ctx.text):
        return []
    by_side: dict[str, list[tuple[str, Evidence]]] = {}
    for p in participants:
        if (
            p.role in {"head", "member"}
            and p.side
            and p.organization
            and _named_or_core(ctx.text, p.organization)
        ):
            by_side.setdefault(p.side, []).append(
                (
                    p.organization,
                    Evidence(start=p.start, end=p.end, rule="delegation.participant", confidence=0.85),
                )
            )
    for name, side_of, a, b in agencies:
        by_side.setdefault(side_of, []).append(
            (name, Evidence(start=a, end=b, rule="delegation.agency_list", confidence=0.75))
        )
    side: str | None = None
    deleg_doc = bool(by_side)  # people already make up delegations: a dialogue report
    for seg in ctx.segments:
        mks = markers(ctx.text, seg)
        deleg = bool(_deleg().search(seg.text))
        for m in _reps().finditer(seg.text):
            pos = seg.start + m.start()
            sides = [mk.value for mk in mks if mk.kind == "side" and mk.pos <= pos]
            s = (sides[-1] if sides else side) or None
            if s is None and not deleg_doc:
                continue
            listed = _org_list(ctx.text, seg.start + m.end(), seg.end)
            for (name, a, b), owner in zip(listed, _owners([n for n, _, _ in listed], s, ctx), strict=True):
                if owner is None:
                    continue
                by_side.setdefault(owner, []).append(
                    (name, Evidence(start=a, end=b, rule="delegation.representatives", confidence=0.8))
                )
        opener = seg.text.rstrip().endswith(":") and len(seg.text.split()) <= 8  # "Por Colombia:"
        if deleg or opener:
            sd = [mk.value for mk in mks if mk.kind == "side"]
            if sd:
                side = sd[-1] or None
    out = []
    for s, items in by_side.items():
        names: list[str] = []
        keys: list[str] = []
        ev: list[Evidence] = []
        for name, e in items:
            rec = resolve_org(name, s if s not in {"CSO", "INTL"} else None) or resolve_org(name)
            owner = _POSSESSOR.match(name)
            if rec is None and owner:  # "the State Department's Bureau of ...": a unit of its department
                rec = resolve_org(owner.group(1))
            # a bureau counts as its department ("Bureau of Democracy ..." is the State Department)
            key = (rec.parent or rec.key) if rec else fold(_LEAD.sub("", name))
            if key in keys:
                continue
            keys.append(key)
            names.append(name)
            ev.append(e)
        out.append(Delegation(side=s, organizations=names, evidence=ev))
    return out


def _org_list(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """Split "the Department of Defense, the Department of Justice, and USAID" into organisations."""
    end_m = _END.search(text, a, b)
    end = end_m.start() if end_m else b
    raw = _lower_plural_heads(text[a:end])
    # protect parentheses from the separators
    masked = re.sub(r"\([^)]*\)", lambda m: "\0" * len(m.group(0)), raw)
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SEP.finditer(masked):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(raw)))
    merged: list[tuple[int, int]] = []
    carry: int | None = None  # the start of a name that an "and" inside it split off
    for k, (s, e) in enumerate(pieces):
        if carry is not None:
            s, carry = carry, None
        piece = raw[s:e].strip()
        if not piece:
            continue
        if k + 1 < len(pieces) and _split_name(raw, (s, e), pieces[k + 1]):
            carry = s  # "the Financial Transactions and Reports Analysis Centre of Canada (FINTRAC)"
            continue
        bare = _LEAD.sub("", piece)
        lower_agency = _lower_agency(bare)
        if (
            merged
            and re.match(r"[a-záéíóúñ]", bare)
            and not _MEMBER_EMBASSIES.match(bare)
            and not lower_agency
        ):
            break  # "..., has identified 104 victims": the list is over
        # a name closed by its acronym is complete: what follows is a piece of its own
        if merged and not _stands_alone(piece) and not raw[: merged[-1][1]].rstrip().endswith(")"):
            ps, _ = merged[-1]
            merged[-1] = (ps, e)
        else:
            merged.append((s, e))
    out: list[tuple[str, int, int]] = []
    first = _LEAD.sub("", raw[merged[0][0] : merged[0][1]].strip()) if merged else ""
    if re.match(r"[a-záéíóúñ]", first) and starts_with_title(first):
        return out  # "la participación de la subsecretaria de ...": people, read as participants
    shared: str | None = None  # "Department of" when a plural head opened the list
    for s, e in merged:
        expanded, shared = _distribute_head(raw[s:e].strip(), shared)
        for piece in expanded:
            piece = re.sub(_rep_lead() + r"\s+(?:of|from|de|del)\s+", "", piece, flags=re.I)
            piece = re.sub(
                r"(?<=[A-Za-z]{2})\.$", "", _LEAD.sub("", piece).strip(" ,;")
            )  # "SEDENA." ends a sentence
            embassies = _MEMBER_EMBASSIES.match(piece)
            if embassies:  # "the embassies of EU Member States": the EU side's, in the text's words
                out.append((embassies.group(0), a + s, a + e))
                continue
            paren = re.search(r"\(([^)]*)\)\s*$", piece)
            acrs = paren_acronyms(paren.group(1)) if paren else []
            base = piece[: paren.start()].strip() if paren else _name_part(piece)
            if len(acrs) > 1:
                for acr in acrs:
                    out.append((acr, a + s, a + e))
                continue
            # a capitalised name with its own acronym is an agency even outside the lexicon
            named = bool(acrs) and (resolve_org(acrs[0]) is not None or _initials(base) == acrs[0].upper())
            if base and base[0].isupper() and (is_org_like(base) or named):
                out.append((base, a + s, a + e))
            elif (agency := _lower_agency(piece)) is not None:
                out.append((agency, a + s, a + e))  # "the army, the navy and the customs agency"
    return out


_HEAD_LIST_SEP = re.compile(
    r",?\s+(?:and|y|e)\s+(?:(?:of|de)\s+)?(?=[A-ZÁÉÍÓÚ])|,\s+(?:(?:of|de)\s+)?(?=[A-ZÁÉÍÓÚ])"
)


@cache
def _lower_plural_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(h.lower()) for h in org_data().plural_heads)
    return re.compile(rf"(?<![\w-])(?:{heads})(?=\s+(?:of|de)\s)")


def _lower_plural_heads(raw: str) -> str:
    """ "y de las secretarías de la Defensa Nacional y de Marina": a plural head in lower case
    still opens a list of agencies (same length: offsets hold)."""
    return _lower_plural_re().sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], raw)


def _lower_agency(piece: str) -> str | None:
    """A lower-case agency a list names ("the navy", "the customs agency also at the table")."""
    bare = _LEAD.sub("", piece.strip()).strip(" ,;")
    if not bare or not bare[0].islower():
        return None
    m = _lower_agencies_re().match(bare)
    return m.group(0) if m else None


@cache
def _lower_agencies_re() -> re.Pattern[str]:
    words = sorted(org_data().lowercase_agencies, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?=\s|$)")


def _distribute_head(piece: str, shared: str | None) -> tuple[list[str], str | None]:
    """Give each item of "the Departments of Justice and (of) Homeland Security" its own head."""
    plural = re.match(
        r"^(?:(?:de|of)\s+)?(?:the\s+|los\s+|las\s+)?(?P<h>[A-ZÁÉÍÓÚ]\w+)\s+(?P<p>of|de)\s+(?P<rest>.+)$",
        piece,
    )
    heads = org_data().plural_heads
    if plural and plural.group("h") in heads:
        head = f"{heads[plural.group('h')]} {plural.group('p')}"
        parts = _HEAD_LIST_SEP.split(plural.group("rest"))  # "of Justice, Labor and Homeland Security"
        return [f"{head} {p}" for p in parts], head
    if shared and not _ORG_START.match(piece):
        rest = re.sub(r"^(?:of|de)\s+", "", piece)
        return [f"{shared} {rest}" if rest[:1].isupper() else piece], shared
    return [piece], None


_ORG_START = re.compile(
    r"^(?:Minist|Secretar|Defensor|Department|Departamento|Office|Oficina|Agency|Agencia|Bureau|Commission"
    r"|Comisi|Council|Consej|Embass|Embajada|Institut|Unit|Unidad|National|Federal|U\.S\.|Procuradur|Fiscal"
    r"|Guard|Guardia|Coordinac|Direcci|Centro|Center|Servicio|Service)"
)


@cache
def _name_glue() -> frozenset[str]:
    return frozenset(org_data().name_glue)


def _name_part(piece: str) -> str:
    """The organisation name at the start of a list piece, without a trailing clause.

    "State Administration for Religious Affairs attended the sessions" ends at "attended".
    """
    words = piece.split()
    for i, w in enumerate(words):
        if i and w[:1].islower() and w.lower() not in _name_glue():
            return " ".join(words[:i]).rstrip(" ,;")
    return piece


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("Jurisdicción Especial para la Paz" -> "JEP")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


def _split_name(raw: str, piece: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether an "and" between two capitalised words cut one name in two: the piece does not
    stand alone and the whole, with the next piece, is a name with its own acronym."""
    gap = raw[piece[1] : nxt[0]]
    if not re.fullmatch(r"\s+(?:and|y|e)\s+", gap) or _stands_alone(raw[piece[0] : piece[1]]):
        return False
    if not raw[nxt[0] : nxt[0] + 1].isupper():
        return False
    whole = _LEAD.sub("", raw[piece[0] : nxt[1]].strip())
    own = re.search(r"\s\(([A-Z][A-Za-z]{1,9})\)\s*$", whole)
    return bool(own) and whole[:1] == own.group(1)[:1].upper()


def _stands_alone(piece: str) -> bool:
    p = _LEAD.sub("", piece.strip())
    if not p:
        return False
    if _MEMBER_EMBASSIES.match(p) or _lower_agency(p):
        return True
    if re.match(_rep_lead() + r"\b", p, re.I):
        return True
    if not p[0].isupper():
        return False
    own = re.search(r"\s\(([A-Z][A-Za-z]{1,9})\)\s*$", p)
    if own and _initials(p[: own.start()]) == own.group(1).upper():
        return True  # "la Jurisdicción Especial para la Paz (JEP)": a name with its own acronym
    base = re.sub(r"\s*\([^)]*\)\s*$", "", p)
    if resolve_org(base, exact=True) is not None:
        return True
    # "..., the State Ethnic Affairs Commission and the Policía Nacional Civil": a capitalised
    # piece that reads as an organisation is one of its own, not the tail of the one before
    return bool(_ORG_START.match(p)) or is_org_like(_name_part(base))


def _named_or_core(text: str, org: str) -> bool:
    """An ambassador's embassy joins the delegation only when the text names it."""
    rec = resolve_org(org)
    return org in text or rec is None or rec.kind != "embassy"


_AGENCY_INTRO = re.compile(
    r"\b(?:(?:[Pp]articipating|[Tt]he following)\s+(?:agencies|institutions|ministries)|"
    r"[Aa]gencias participantes|"
    r"[Dd]ependencias participantes|[Ii]nstituciones participantes)\b(?:\s+(?:are|were|included|include|"
    r"incluyeron|incluyen|son|fueron)\b)?\s*:?\s*|\b(?:[Pp]articipan|[Pp]articiparon)(?:\s+(?:también|además))?\s+"
    # "... from our Embassy; on the Mexican side, the Secretariat of Foreign Affairs, the FGR and SEDENA"
    r"|;\s+on\s+the\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s+side,\s+(?=the\s+[A-Z]|[A-Z])"
    r"|;\s+(?:del|por\s+el)\s+lado\s+[a-záéíóú]+,\s+(?=(?:la|el|los|las)\s+[A-ZÁÉÍÓÚ]|[A-ZÁÉÍÓÚ])",
)


# "contó con la participación de ...": agencies only in a sentence about a delegation
_PARTICIPATION = re.compile(
    r"\b(?:contó con|con|with)\s+(?:la\s+|the\s+)?(?:participación|participation)\s+(?:de|of)\s+"
)
_REPRESENTED = re.compile(
    r",?\s+(?:were|was)\s+(?:also\s+|further\s+|additionally\s+)?represented(?:,\s+as\s+(?:were|was))?\s+(?:by\s+)?|"
    r",?\s+(?:estuvieron|estuvo)\s+(?:también\s+|además\s+)?representad[oa]s?(?:,\s+(?:así\s+)?como\s+)?\s*(?:por\s+)?"
)


def _agency_lists(ctx: DocContext) -> list[tuple[str, str, int, int]]:
    """Agencies listed as taking part ("The participating agencies are ...", "Participan la SSPC, ...")."""
    out: list[tuple[str, str, int, int]] = []
    list_open = False
    for seg in ctx.segments:
        if seg.kind == "item" and list_open:
            spans = [(seg.start, seg.end)]
        else:
            list_open = False
            spans = []
            # both patterns are case-sensitive and spell these literals: a substring test skips most sentences
            rep = _REPRESENTED.search(seg.text) if "represent" in seg.text else None
            if rep:
                spans.append((seg.start, seg.start + rep.start()))
                spans.append((seg.start + rep.end(), seg.end))
            if _deleg().search(seg.text):
                spans += [(seg.start + m.end(), seg.end) for m in _PARTICIPATION.finditer(seg.text)]
            intro = (
                "articipa" in seg.text
                or "he following" in seg.text
                or " side, " in seg.text
                or "lado " in seg.text
            )
            for m in _AGENCY_INTRO.finditer(seg.text) if intro else ():
                if seg.text.rstrip().endswith(":") and m.end() >= len(seg.text.rstrip()) - 1:
                    list_open = True
                else:
                    spans.append((seg.start + m.end(), seg.end))
        sides = [mk.value for mk in markers(ctx.text, seg) if mk.kind == "side"]
        for a, b in spans:
            for name, s, e in _org_list(ctx.text, a, b):
                words = find_countries(name)
                stated = sides[-1] if sides else _own_side(name)
                side = words[0][2] if words else (_lexicon_side(name, ctx) or stated)
                if side:
                    out.append((name, side, s, e))
    return out


def _owners(names: list[str], side: str | None, ctx: DocContext) -> list[str | None]:
    """The side of each agency in one list.

    A country named in the agency ("the U.S. Embassy in Hanoi") or a lexicon agency of a country
    the text is about settles it; else the side in view; else the side all the rest of the
    list agrees on ("the RCMP, Global Affairs Canada and the Department of Justice" are Canada's);
    else the side the lexicon gives the wording.
    """
    strong: list[str | None] = []
    for name in names:
        words = find_countries(name)
        strong.append(words[0][2] if words else (_lexicon_side(name, ctx) or side))
    settled = {x for x in strong if x}
    common = settled.pop() if len(settled) == 1 else None  # a mixed list agrees on nothing
    return [x or common or _own_side(n) for x, n in zip(strong, names, strict=True)]


def _lexicon_side(name: str, ctx: DocContext) -> str | None:
    """The country whose own agency this wording names, when the text is about that country.

    "Fiscalía General de la República" is Mexico's in a U.S.-Mexico text even beside "the
    U.S. delegation", but El Salvador's and Cuba's prosecutors share the name.
    """
    countries = wording_countries(name)
    here = countries & _mentioned(ctx.text) if countries else countries
    return next(iter(here)) if len(here) == 1 else None


@lru_cache(maxsize=4)  # one document at a time; a str caches its own hash, so lookups are cheap
def _mentioned(text: str) -> frozenset[str]:
    return frozenset(c for _, _, c in find_countries(text[:5000]))


def _own_side(name: str) -> str | None:
    """The government an agency belongs to, from its name or the lexicon (not civil society or UN)."""
    rec = resolve_org(name)
    side = rec.country if rec else None
    if side in (None, "INTL"):
        return None
    return side
