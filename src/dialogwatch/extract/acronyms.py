"""Acronyms defined in the text ("Ministry of Foreign Affairs (SRE)").

Three shapes: "Long Name (ACR)", "ACR (Long Name)" and "the Long Name, or ACR,".
The expansion is chosen by (1) the organisation lexicon — the longest phrase
before the parenthesis that resolves to the organisation the acronym names,
which covers Spanish acronyms after English names; (2) matching the acronym's
letters to the preceding words (Schwartz–Hearst, function words skipped);
(3) an organisation-like capitalised noun phrase right before it.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.orgs import is_org_like, resolve_org
from dialogwatch.extract.places import fold
from dialogwatch.extract.schema import Acronym


class _AcrExample(BaseModel):
    text: str
    acronym: str
    expansion: str


class AcronymData(BaseModel):
    """Schema of acronyms.yaml."""

    ignore: list[str]
    function_words: list[str]
    glosses: list[str]
    examples: list[_AcrExample]


@cache
def _data() -> AcronymData:
    return load_data("acronyms.yaml", AcronymData)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(_data().function_words)


_PAREN = re.compile(r"\(([^()\n]{1,90})\)")
_ACR_TOKEN = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ0-9&./\-]{1,14}\+?$")  # "GSP+"
_WORD = re.compile(r"[\w'’&.\-]+", re.UNICODE)
_OR_FORM = re.compile(
    r"(?:,\s+|\s+\()(?:or|o|also known as|conocid[oa] como)\s+"
    r"([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ0-9\-]{1,12})(?=[,;.)]|\s)"
)
_MID_NAME = frozenset({"of", "de", "del", "for", "para", "on", "sobre"})


def is_acronym_token(tok: str) -> bool:
    """True for a token that looks like an acronym (SRE, Sedena, ONU-DH, DoD)."""
    tok = tok.strip()
    if " " in tok:
        parts = tok.split()
        return len(parts) <= 3 and all(
            p.isupper() and len(p) >= 2 and p.isalpha() for p in parts
        )  # "DG INTPA"
    if not _ACR_TOKEN.match(tok) or tok in _data().ignore:
        return False
    uppers = sum(c.isupper() for c in tok)
    letters = sum(c.isalpha() for c in tok)
    if uppers >= 2 and uppers * 2 >= letters:
        return True
    rec = resolve_org(tok)
    return rec is not None and tok.upper().replace(".", "") in {a.upper() for a in rec.acronyms}


def paren_acronyms(inner: str) -> list[str]:
    """Return the acronyms listed in a parenthesis ("SEDENA and SEMAR" -> both), or []."""
    inner = _strip_glosses(inner)
    parts = [p.strip() for p in re.split(r",|\s+(?:and|y|e|&)\s+|/", inner) if p.strip()]
    if parts and all(is_acronym_token(p) for p in parts):
        return parts
    return []


@cache
def _gloss_patterns() -> tuple[re.Pattern[str], ...]:
    """One compiled pattern per gloss, longest first (built once, not per parenthesis)."""
    glosses = sorted(_data().glosses, key=len, reverse=True)
    return tuple(re.compile(r"[,;]?\s*" + re.escape(g) + r"\s*[,;]?", re.IGNORECASE) for g in glosses)


def _strip_glosses(inner: str) -> str:
    s = inner
    for rx in _gloss_patterns():
        s = rx.sub(" ", s)
    return s.strip(" ,;")


def find_acronyms(ctx: DocContext) -> list[Acronym]:
    """Return each acronym the text defines, with the expansion it gives."""
    text = ctx.text
    out: dict[str, Acronym] = {}
    for m in _PAREN.finditer(text):
        inner = _strip_glosses(m.group(1))
        if is_acronym_token(inner):
            acr = _define_before(text, m.start(), inner)
            if acr and acr.acronym not in out:
                out[acr.acronym] = acr
            continue
        acr = _define_after(text, m)
        if acr and acr.acronym not in out:
            out[acr.acronym] = acr
    for m in _OR_FORM.finditer(text):
        tok = m.group(1)
        if tok not in out and is_acronym_token(tok):
            acr = _define_before(text, m.start(), tok, rule_prefix="acronym.or_form")
            if acr:
                acr.end = m.end(1)
                out[tok] = acr
    return sorted(out.values(), key=lambda a: a.start or 0)


def _context_before(text: str, pos: int, limit: int = 160) -> tuple[int, str]:
    lo = max(0, pos - limit)
    chunk = text[lo:pos]
    cut = 0
    # a blank line ends the context; a single line break may be a hard wrap inside the name
    for m in re.finditer(r"[;:()\[\]{}]|\n[ \t]*\n|[.!?]\s", chunk):
        cut = m.end()
    return lo + cut, chunk[cut:]


def _define_before(text: str, paren: int, acr: str, rule_prefix: str = "acronym.paren") -> Acronym | None:
    base, before = _context_before(text, paren)
    words = [(base + w.start(), base + w.end()) for w in _WORD.finditer(before)]
    if not words:
        return None
    end = words[-1][1]
    start = _lexicon_expansion(text, words, acr)
    rule = f"{rule_prefix}.lexicon"
    if start is None:
        start = _letter_expansion(text, words, acr)
        rule = f"{rule_prefix}.letters"
    if start is None:
        start = _org_phrase(text, words)
        rule = f"{rule_prefix}.org_phrase"
    if start is None:
        start = _translated_name(text, words, acr)
        rule = f"{rule_prefix}.translated"
    if start is None:
        return None
    expansion = text[start:end].strip(" ,")
    if not expansion or fold(expansion) == fold(acr):
        return None
    conf = {"lexicon": 0.95, "letters": 0.9, "org_phrase": 0.6, "translated": 0.5}[rule.rsplit(".", 1)[1]]
    return Acronym(
        acronym=acr, expansion=expansion, start=start, end=paren + len(acr) + 2, rule=rule, confidence=conf
    )


_ARTICLES = frozenset({"the", "el", "la", "los", "las", "a", "an"})


def _translated_name(text: str, words: list[tuple[int, int]], acr: str) -> int | None:
    """A capitalised name whose acronym comes from another language ("Special Jurisdiction for
    Peace (JEP)", "Estatus de Protección Temporal (TPS)"): most of its letters still open its words."""
    fw = _function_words()
    i = len(words)
    while i > 0:
        w = text[words[i - 1][0] : words[i - 1][1]]
        if not (w[:1].isupper() or fold(w) in fw):
            break
        i -= 1
    # "Pidió el Estatus de ...": a capitalised word before an article opens the sentence, not the name
    if i + 2 < len(words) and fold(text[words[i + 1][0] : words[i + 1][1]]) in _ARTICLES:
        i += 2
    start = _trim_leading(text, words, i)
    if start is None:
        return None
    initials = [text[a] for a, b in words[i:] if text[a].isupper()]
    letters = [c for c in acr.upper() if c.isalpha()]
    shared = sum(1 for c in set(letters) if c in initials)
    if len(initials) < 2 or shared < 2 or shared * 2 < len(set(letters)):
        return None
    return start


def _trim_leading(text: str, words: list[tuple[int, int]], i: int) -> int | None:
    fw = _function_words()
    while i < len(words) and fold(text[words[i][0] : words[i][1]]) in fw:
        i += 1
    return words[i][0] if i < len(words) else None


def _lexicon_expansion(text: str, words: list[tuple[int, int]], acr: str) -> int | None:
    rec = resolve_org(acr)
    if rec is None or acr.upper().replace(".", "") not in {a.upper().replace(".", "") for a in rec.acronyms}:
        return None
    best = None
    fw = _function_words()
    lo = max(0, len(words) - 9)
    for i in range(len(words) - 1, lo - 1, -1):
        seg = text[words[i][0] : words[-1][1]]
        if ", " in seg and i < len(words) - 1 and "," in text[words[i][1] : words[i + 1][0]]:
            break
        if fold(text[words[i][0] : words[i][1]]) in fw:
            continue
        if i > 0 and fold(text[words[i - 1][0] : words[i - 1][1]]) in _MID_NAME:
            continue  # "American States and the ..." starts inside another name
        hit = resolve_org(seg, rec.country, exact=True)
        if hit is not None and hit.key == rec.key:
            best = words[i][0]
    return best


def _letter_expansion(text: str, words: list[tuple[int, int]], acr: str) -> int | None:
    letters = [c for c in fold(acr) if c.isalnum()]
    if len(letters) < 2:
        return None
    n = min(len(letters) + 5, len(letters) * 2, len(words))
    span_start = words[len(words) - n][0]
    long_form = fold(text[span_start : words[-1][1]])
    pos = _schwartz_hearst(letters, long_form)
    if pos is None:
        return None
    start = span_start + pos
    first = next((i for i, (a, b) in enumerate(words) if a <= start < b), None)
    if first is None:
        return None
    initials = {fold(text[a])[0] for a, b in words[first:]} | {
        fold(p)[0] for a, b in words[first:] for p in re.split(r"[-/]", text[a:b]) if p
    }
    if sum(c in initials for c in letters) * 2 < len(letters):
        return None
    first = _extend_org_head(text, words, first)
    return _trim_leading(text, words, first)


def _schwartz_hearst(short: list[str], long_form: str) -> int | None:
    s_idx, l_idx = len(short) - 1, len(long_form) - 1
    while s_idx >= 0:
        c = short[s_idx]
        while l_idx >= 0 and (
            long_form[l_idx] != c or (s_idx == 0 and l_idx > 0 and long_form[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    return long_form.rfind(" ", 0, l_idx + 1) + 1


def _extend_org_head(text: str, words: list[tuple[int, int]], first: int) -> int:
    """Take in "Bureau of" / "Office of the" before a letter-matched name."""
    i = first
    fw = _function_words()
    j = i - 1
    while j >= 0 and fold(text[words[j][0] : words[j][1]]) in fw and i - j <= 2:
        j -= 1
    if j >= 0 and j < i - 1 and text[words[j][0]].isupper() and is_org_like(text[words[j][0] : words[j][1]]):
        return j
    return i


def _org_phrase(text: str, words: list[tuple[int, int]]) -> int | None:
    fw = _function_words()
    i = len(words)
    while i > 0:
        w = text[words[i - 1][0] : words[i - 1][1]]
        if w[0].isupper() or (fold(w) in fw and i < len(words)):
            i -= 1
        else:
            break
    start = _trim_leading(text, words, i)
    if start is None or not text[start].isupper():
        return None
    phrase = text[start : words[-1][1]]
    if len(phrase.split()) < 2 or not is_org_like(phrase):
        return None
    return start


def _define_after(text: str, m: re.Match[str]) -> Acronym | None:
    """ "ACR (Long Name)": the parenthesis spells out the token before it."""
    tok_m = re.search(
        r"([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ0-9&\-]{1,12})\s*$", text[max(0, m.start() - 16) : m.start()]
    )
    if not tok_m or not is_acronym_token(tok_m.group(1)):
        return None
    acr = tok_m.group(1)
    inner = _strip_glosses(m.group(1))
    if len(inner.split()) < 2 or not inner[0].isupper():
        return None
    rec = resolve_org(acr)
    ok = rec is not None and (hit := resolve_org(inner)) is not None and hit.key == rec.key
    if not ok:
        ok = _schwartz_hearst([c for c in fold(acr) if c.isalnum()], fold(inner)) == 0
    if not ok:
        return None
    start = m.start() - len(text[max(0, m.start() - 16) : m.start()]) + tok_m.start()
    return Acronym(
        acronym=acr, expansion=inner, start=start, end=m.end(), rule="acronym.paren_after", confidence=0.85
    )
