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

from dialogwatch.extract.acronyms import paren_acronyms
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.orgs import is_org_like, resolve_org
from dialogwatch.extract.people import markers
from dialogwatch.extract.places import fold
from dialogwatch.extract.schema import Acronym, Delegation, DocumentInfo, Evidence, Participant

_REPS = re.compile(
    r"\b(?:(?:high[- ]level|senior|additional|other|government)\s+)*(?:representatives|officials|members|staff|personnel|delegates|experts|"
    r"representantes|funcionari[oa]s|servidores públicos|integrantes|titulares|autoridades)\s+(?:of|from|de|del|de la)\s+",
    re.IGNORECASE,
)
_SEP = re.compile(r",\s+(?:and|y|e|as well as|así como)\s+|;\s*(?:and\s+)?|,\s+|\s+(?:and|y|e)\s+|\s+as well as\s+|\s+así como\s+")
_END = re.compile(r"(?<![A-Z])\.(?:\s|$)|\s+(?:to|who|which|in order|que|quienes|in the|en la reunión)\s+")
_LEAD = re.compile(r"^(?:(?:of|de|del|the|la|el|los|las|other|otros|otras)\s+)+", re.IGNORECASE)
_DELEG = re.compile(r"\bdelegation|\bdelegaci[oó]n|\bheaded by\b|\bled by\b|\bencabezad[oa]", re.IGNORECASE)


def find_delegations(
    ctx: DocContext, doc: DocumentInfo, participants: list[Participant], acronyms: list[Acronym]
) -> list[Delegation]:
    """Return, per side, the agencies in its delegation."""
    if doc.doc_type == "letter" or not _DELEG.search(ctx.text):
        return []
    by_side: dict[str, list[tuple[str, Evidence]]] = {}
    for p in participants:
        if p.role in {"head", "member"} and p.side and p.organization and _named_or_core(ctx.text, p.organization):
            by_side.setdefault(p.side, []).append(
                (p.organization, Evidence(start=p.start, end=p.end, rule="delegation.participant", confidence=0.85)))
    side: str | None = None
    for seg in ctx.segments:
        mks = markers(ctx.text, seg)
        deleg = bool(_DELEG.search(seg.text))
        for m in _REPS.finditer(seg.text):
            pos = seg.start + m.start()
            sides = [mk.value for mk in mks if mk.kind == "side" and mk.pos <= pos]
            s = sides[-1] if sides else side
            if s is None:
                continue
            for name, a, b in _org_list(ctx.text, seg.start + m.end(), seg.end):
                by_side.setdefault(s, []).append((name, Evidence(start=a, end=b, rule="delegation.representatives", confidence=0.8)))
        if deleg:
            sd = [mk.value for mk in mks if mk.kind == "side"]
            if sd:
                side = sd[-1]
    out = []
    for s, items in by_side.items():
        names: list[str] = []
        keys: list[str] = []
        ev: list[Evidence] = []
        for name, e in items:
            rec = resolve_org(name, s if s not in {"CSO", "INTL"} else None) or resolve_org(name)
            key = rec.key if rec else fold(_LEAD.sub("", name))
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
    raw = text[a:end]
    # protect parentheses from the separators
    masked = re.sub(r"\([^)]*\)", lambda m: "\0" * len(m.group(0)), raw)
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SEP.finditer(masked):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(raw)))
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        piece = raw[s:e].strip()
        if not piece:
            continue
        if merged and not _stands_alone(piece):
            ps, _ = merged[-1]
            merged[-1] = (ps, e)
        else:
            merged.append((s, e))
    out: list[tuple[str, int, int]] = []
    for s, e in merged:
        piece = raw[s:e].strip()
        piece = re.sub(r"^(?:(?:other|additional|high[- ]level|senior)\s+)*(?:officials|representatives|representantes|funcionari[oa]s)\s+(?:of|from|de|del)\s+", "", piece, flags=re.I)
        piece = _LEAD.sub("", piece).strip(" ,;")
        paren = re.search(r"\(([^)]*)\)\s*$", piece)
        acrs = paren_acronyms(paren.group(1)) if paren else []
        base = piece[: paren.start()].strip() if paren else piece
        if len(acrs) > 1:
            for acr in acrs:
                out.append((acr, a + s, a + e))
            continue
        if base and (is_org_like(base) or (acrs and resolve_org(acrs[0]))):
            out.append((base, a + s, a + e))
    return out


def _stands_alone(piece: str) -> bool:
    p = _LEAD.sub("", piece.strip())
    if not p:
        return False
    if re.match(r"^(?:(?:other|additional|high[- ]level|senior)\s+)*(?:officials|representatives|representantes|funcionari[oa]s)\b", p, re.I):
        return True
    if not p[0].isupper():
        return False
    base = re.sub(r"\s*\([^)]*\)\s*$", "", p)
    if resolve_org(base, exact=True) is not None:
        return True
    return bool(re.match(r"^(?:Ministr|Secretar|Department|Departamento|Office|Oficina|Agency|Agencia|Bureau|Commission|Comisi|Council|Consej|Embass|Embajada|Institut|Unit|Unidad|National|Federal|U\.S\.|Procuradur|Fiscal|Guard|Guardia|Coordinac|Direcci|Centro|Center|Servicio|Service)", p))


def _named_or_core(text: str, org: str) -> bool:
    """An ambassador's embassy joins the delegation only when the text names it."""
    rec = resolve_org(org)
    return org in text or rec is None or rec.kind != "embassy"
