"""Letter blocks: the addressee block at the top and the signature blocks at the end."""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.names import find_name_candidates, known_by_surname, known_person, people_data
from dialogwatch.extract.orgs import is_org_like, org_country
from dialogwatch.extract.schema import Participant
from dialogwatch.extract.titles import (
    find_pre_title,
    honorific_regex,
    implied_org,
    split_title,
    starts_with_title,
    title_country,
)

_EMAIL = re.compile(r"\S+@\S+|\[email[^\]]*\]|https?://\S+|www\.\S+|^\+?[\d\s().-]{7,}$")


@cache
def _closing_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in people_data().closings)
    return re.compile(rf"^[ \t]*(?:{words})\b[^\n]{{0,30}}$", re.IGNORECASE | re.MULTILINE)


@cache
def _salutation_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in people_data().salutations if w != "to")
    return re.compile(
        rf"^[ \t]*(?:{words})\s+(?P<who>[^\n]{{2,120}}?)\s*[,:]\s*$", re.IGNORECASE | re.MULTILINE
    )


def _full_name(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The name filling ``text[start:end]`` (honorifics and a title prefix allowed), or None."""
    cands = find_name_candidates(text, start, end)
    if not cands:
        return None
    c = cands[-1]
    tail = text[c.end : end].strip(" ,.;")
    if tail:
        return None
    return c.start, c.end, c.text


_SIGN_PREFIX = re.compile(r"\s*(?:firma|firmado|signed|signature|from|de)\s*:\s*", re.IGNORECASE)
# memo header lines, plain or in Markdown emphasis ("**De:** ...")
_MEMO_FROM = re.compile(
    r"^[ \t*_]*(?:from|de)[ \t*_]*:[ \t*_]*(?P<who>[^\n]+(?:\n[ \t]+[^\n]+)*)$", re.IGNORECASE | re.MULTILINE
)
# a joint between two people of a memo header line: ", and (the Honorable) B", ", y B"
_MEMO_JOINT = re.compile(r",?\s+(?:and|y)\s+(?:the\s+|el\s+|la\s+)?")
_HONORABLE = re.compile(r"(?:Honorable|Hon\.|Senator|Sen\.|Rep\.|Representative|senador[a]?|diputad[oa])\s")
# "TO: A, Title\n    B, Title" or "Para: A, cargo; B, cargo": a memo's addressees, with indented continuations
_MEMO_TO = re.compile(
    r"^[ \t*_]*(?:to|para)[ \t*_]*:[ \t*_]*(?P<who>[^\n]+(?:\n[ \t]+[^\n]+)*)$", re.IGNORECASE | re.MULTILINE
)


_PREPARED_BY = re.compile(
    r"\b(?:[Pp]repared|[Dd]rafted|[Cc]ompiled|[Ww]ritten)\s+by\s+|\b(?:[Ee]laborad[oa]|[Pp]reparad[oa]|[Rr]edactad[oa])\s+por\s+"
)
_PREPARED_WORDS = ("repared by", "rafted by", "ompiled by", "ritten by", "ado por", "ada por")
_PREPARED_END = re.compile(r"\s*\(|,\s+(?:with|con)\s|[.;\n]\s")


def signatories(ctx: DocContext) -> list[Participant]:
    """People who sign: blocks after the closing, a memo's "From:" line, or e-mail lines at the end."""
    text = ctx.text
    out: list[Participant] = []
    memo_org: str | None = None
    memo = _MEMO_FROM.search(text, 0, min(len(text), 1500))
    if memo:
        for a, b in _memo_entries(memo):
            p = _comma_block(ctx, a, b)
            if p:
                out.append(p)
            elif _org_part(text[a:b]) and memo_org is None:
                memo_org = re.sub(r"\s*\([^)]{1,15}\)\s*$", "", text[a:b].strip())  # without "(CAA)"
    prepared = any(w in text for w in _PREPARED_WORDS)  # a substring test first: few texts say
    for m in _PREPARED_BY.finditer(text, len(text) // 2) if prepared else ():
        # "Prepared by Rachel Okafor, Senior Attorney, CEJIL (email), with contributions from ..."
        end = _PREPARED_END.search(text, m.end())
        p = _comma_block(ctx, m.end(), end.start() if end else len(text))
        if p:
            out.append(p)
    closing = None
    for m in _closing_regex().finditer(text):
        closing = m  # the last closing line
    start = closing.end() if closing else None
    if start is None:
        sign = re.search(
            r"^[ \t]*(?:firma|firmado|signed)\s*:", text[len(text) // 2 :], re.IGNORECASE | re.MULTILINE
        )
        emails = [m for m in re.finditer(r"\S+@\S+", text) if m.start() > len(text) * 0.6]
        if sign:
            start = len(text) // 2 + sign.start()
        elif emails:
            start = text.rfind("\n\n", 0, emails[0].start()) + 1
        else:
            return _with_memo_org(out, memo_org)
    pos = start
    for para in re.split(r"\n[ \t]*\n", text[start:]):
        p_start = text.find(para, pos)
        pos = p_start + len(para)
        if not para.strip():
            continue
        lines = [(p_start + m.start(), p_start + m.end()) for m in re.finditer(r"[^\n]+", para)]
        per_line = [_comma_block(ctx, a, b) for a, b in lines if "," in text[a:b]]
        # "Name, Title, Org" lines, then organisations that sign as such ("Human Rights Watch")
        bare = [text[a:b].strip() for a, b in lines if "," not in text[a:b]]
        if per_line and all(per_line) and len(per_line) == len(lines):
            out.extend(p for p in per_line if p)
            continue
        first = text[lines[0][0] : lines[0][1]].strip()
        if len(lines) == 2 and len(per_line) == 1 and per_line[0] and _org_part(first):
            p = per_line[0]  # "Human Rights First" / "Ana Ruiz, Director of Research"
            if p.organization is None:
                p.organization = first
                p.side = org_country(first) or "CSO"
            out.append(p)
            continue
        orgs = sum(1 for x in bare if _org_part(x) or is_org_like(x))
        if per_line and all(per_line) and orgs * 2 >= len(bare):
            out.extend(p for p in per_line if p)
            continue
        person = _line_block(ctx, lines)
        if person:
            out.append(person)
    return _with_memo_org(out, memo_org)


def _with_memo_org(people: list[Participant], memo_org: str | None) -> list[Participant]:
    """Signers under a memo's "From:" body work for it (and are on its side)."""
    for p in people:
        if p.organization is None and memo_org:
            p.organization = memo_org
            p.side = org_country(memo_org) or "CSO"
    return people


def _comma_block(ctx: DocContext, a: int, b: int) -> Participant | None:
    text = ctx.text
    pre = _SIGN_PREFIX.match(text, a, b)
    if pre:
        a = pre.end()
    parts: list[tuple[int, int]] = []
    bullet = re.match(r"[ \t]*[-–—•*][ \t]+", text[a:b])
    if bullet:
        a += bullet.end()  # "- Org — Name, title": a signature list's item
    # commas and spaced dashes part a signature line: "Org — Name, title"
    for m in re.finditer(r"(?:(?!\s[—–-]\s)[^,])+", text[a:b]):
        s, e = a + m.start(), a + m.end()
        seg = text[s:e].strip(" \t—–-")
        if seg and not _EMAIL.search(seg):
            off = text[s:e].find(seg)
            parts.append((s + off, s + off + len(seg)))
    for i, (s, e) in enumerate(parts):
        hit = _full_name(text, s, e)
        if hit is None or (hit[0] - s > 0 and not honorific_regex().search(text[s : hit[0]])):
            continue
        before = [text[x:y] for x, y in parts[:i]]
        after = [text[x:y] for x, y in parts[i + 1 :]]
        org = ", ".join(before) or None
        # "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor": the organisation
        # is everything from the first organisation-like piece on, commas and all
        k = next((k for k in range(1, len(after) - 1) if _org_part(after[k])), None) if not org else None
        if k is not None and _org_part(", ".join(after[k:])):
            org, after = ", ".join(after[k:]), after[:k]
        elif org is None and after and (_org_part(after[-1]) or not starts_with_title(after[-1])):
            org = after.pop()
        title = ", ".join(after) or None
        return _signatory(ctx, hit, title, org, a, b, "person.signature.comma")
    return None


def _org_part(s: str) -> bool:
    s = s.strip()
    if starts_with_title(s) and not re.match(r"^(?:the\s+)?(?:office|oficina)\b", s, re.IGNORECASE):
        return False
    core = re.sub(r"\s*\([^)]*\)\s*$", "", s)
    return is_org_like(core) or (core.isupper() and org_country(core) is not None)


def _line_block(ctx: DocContext, lines: list[tuple[int, int]]) -> Participant | None:
    text = ctx.text
    for i, (s, e) in enumerate(lines):
        pre = _SIGN_PREFIX.match(text, s, e)
        hit = _full_name(text, pre.end() if pre else s, e)
        if hit is None:
            continue
        title = org = None
        for x, y in lines[i + 1 : i + 4]:
            line = text[x:y].strip()
            if not line or _EMAIL.search(line):
                continue
            if title is None and starts_with_title(line) and not _org_part(line):
                title = line
            elif org is None and _org_part(line):
                org = line
        return _signatory(ctx, hit, title, org, lines[0][0], lines[-1][1], "person.signature.lines")
    return None


def _signatory(
    ctx: DocContext, hit: tuple[int, int, str], title: str | None, org: str | None, a: int, b: int, rule: str
) -> Participant:
    acr = None
    if org:
        m = re.search(r"\s*\(([^)]{1,15})\)\s*$", org)
        if m:
            acr, org = m.group(1), org[: m.start()].strip()
    if title:
        parts = split_title(title)
        if parts.organization and not org:
            title, org = parts.title, parts.organization
    side = org_country(org) if org else None
    if side is None and acr:
        side = org_country(acr)
    if side is None:
        side = (title_country(title) if title and not org else None) or "CSO"
    return Participant(
        name=hit[2],
        role="signatory",
        side=side,
        title=title,
        organization=org or acr,
        start=hit[0],
        end=hit[1],
        rule=rule,
        confidence=0.85,
    )


_PRESENTE = re.compile(r"^[ \t]*P\s?r\s?e\s?s\s?e\s?n\s?t\s?e(?:\s?s)?[ \t]*\.?[ \t]*$", re.MULTILINE)


def addressees(ctx: DocContext) -> list[Participant]:
    """People the letter is written to: the address block above the salutation and the salutation itself."""
    text = ctx.text
    sal = _salutation_regex().search(text, 0, min(len(text), 3000))
    # a Spanish letter may open with its address blocks and "P r e s e n t e s", no salutation
    presente = None if sal else _PRESENTE.search(text, 0, min(len(text), 3000))
    if not sal and not presente:
        return _memo_addressees(ctx)
    block_end = sal.start() if sal else presente.start()  # type: ignore[union-attr]
    out: list[Participant] = []
    block_lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[:block_end])]
    for i, (s, e) in enumerate(block_lines):
        cands = find_name_candidates(text, s, e)
        if not cands:
            continue
        c = cands[0]
        pre = text[s : c.start]
        tm = find_pre_title(pre) if pre.strip() else None
        if pre.strip(" *_") and not tm and not honorific_regex().search(pre):
            continue
        rest = text[c.end : e].strip(" ,.*_")
        if rest and text[c.end : e].lstrip(" *_").startswith(","):
            # "Kaja Kallas, High Representative of the Union ...": name, then title and agency
            signed = _comma_block(ctx, s, e)
            if signed is not None:
                rule = "person.addressee.block"
                out.append(_addressee(c.start, c.end, c.text, signed.title, signed.organization, rule))
            continue
        if rest:
            continue
        title = tm.group("t").strip(" ,") if tm else None
        org = None
        for x, y in block_lines[i + 1 : i + 3]:
            line = text[x:y].strip()
            if (title is None or " " not in title) and starts_with_title(line) and not _org_part(line):
                title = line
                continue
            if is_org_like(line) and _org_part(line):
                org = re.sub(r"^(?:The|El|La)\s+", "", line)
                break
            if starts_with_title(line):
                # a second post ("Vicepresidenta de la Comisión Europea") names the body if the first does not
                second = split_title(line).organization
                if second and is_org_like(second):
                    org = second
                    break
        out.append(_addressee(c.start, c.end, c.text, title, org, "person.addressee.block"))
    if sal is None:
        return out
    who_s = sal.start("who")
    sal_title = find_pre_title(text[who_s : sal.end("who")].rsplit(" ", 1)[0] + " ")
    for p in out:
        if p.title is None and sal_title:
            p.title = sal_title.group("t").strip(" ,")
    if not out:
        cands = find_name_candidates(text, who_s, sal.end("who"))
        pre = text[who_s : cands[0].start] if cands else text[who_s : sal.end("who")]
        tm = find_pre_title(pre + " ") if pre.strip() else None
        title = tm.group("t").strip(" ,") if tm else None
        if cands:
            c = cands[0]
            out.append(_addressee(c.start, c.end, c.text, title, None, "person.addressee.salutation"))
        else:
            # "Dear Secretary Mayorkas and Secretary Blinken": one addressee per part
            for part in re.split(r"\s+(?:and|y|e|&)\s+|,\s*", text[who_s : sal.end("who")]):
                surname = re.findall(r"[A-ZÁÉÍÓÚÑ][\w'-]+", part)
                known = known_by_surname(surname[-1]) if surname else None
                if known:
                    tm = find_pre_title(part.rsplit(" ", 1)[0] + " ") if " " in part else None
                    part_title = tm.group("t").strip(" ,") if tm else None
                    rule = "person.addressee.known"
                    out.append(_addressee(who_s, sal.end("who"), known.name, part_title, None, rule))
    return out


def _memo_addressees(ctx: DocContext) -> list[Participant]:
    """The people a memo's "TO:" / "Para:" line names, one per line or per ";"-separated entry."""
    memo = _MEMO_TO.search(ctx.text, 0, min(len(ctx.text), 1500))
    if not memo:
        return []
    out: list[Participant] = []
    shared: str | None = None  # "Senate Appropriations Subcommittee ..." on a line of its own
    for a, b in _memo_entries(memo):
        signed = _comma_block(ctx, a, b)
        if signed is not None:
            rule = "person.addressee.memo"
            out.append(_addressee(signed.start or a, b, signed.name, signed.title, signed.organization, rule))
        elif shared is None and _org_part(ctx.text[a:b].strip(" ,")):
            shared = ctx.text[a:b].strip(" ,")
    for p in out:
        if p.organization is None and shared:
            p.organization = shared
            p.side = p.side or org_country(shared)
    return out


def _memo_entries(memo: re.Match[str]) -> list[tuple[int, int]]:
    """Spans of the people and bodies a memo header names: lines, ";" entries, and ", and B"
    where B is a person ("and the Honorable Lindsey Graham", not "and Related Programs")."""
    text, base = memo.string, memo.start("who")
    spans: list[tuple[int, int]] = []
    for part in re.finditer(r"[^;\n]+", memo.group("who")):
        start, end = base + part.start(), base + part.end()
        for j in _MEMO_JOINT.finditer(text, start, end):
            after = text[j.end() : min(end, j.end() + 60)]
            names = find_name_candidates(after, 0, len(after))
            # a person there is followed by a comma and a post, or ends the entry
            person = (
                names
                and names[0].start == 0
                and not is_org_like(names[0].text)
                and re.match(r"\s*(?:,|$)", after[names[0].end :]) is not None
            )
            if person or _HONORABLE.match(after):
                spans.append((start, j.start()))
                start = j.end()
        spans.append((start, end))
    return [(a, b) for a, b in spans if text[a:b].strip(" ,")]


def _addressee(a: int, b: int, name: str, title: str | None, org: str | None, rule: str) -> Participant:
    if title and not org:
        parts = split_title(title)
        title, org = parts.title, parts.organization
    org = org or implied_org(title)
    side = (org_country(org) if org else None) or title_country(title)
    if side is None and (known := known_person(name)):
        side = known.side
    return Participant(
        name=name,
        role="addressee",
        side=side,
        title=title,
        organization=org,
        start=a,
        end=b,
        rule=rule,
        confidence=0.8,
    )
