"""The parts of text around a name that say who the person is: the title written before it,
the appositive after it, and whether a bare name stands in a list of a delegation's members."""

from __future__ import annotations

import re
from functools import cache

from dialogwatch.extract.context import Segment
from dialogwatch.extract.names import NameCandidate
from dialogwatch.extract.roles import delegate_plural_before
from dialogwatch.extract.titles import find_pre_title, honorific_regex, starts_with_title


def pre_title(text: str, a: int, b: int, after_name: bool) -> tuple[str | None, int]:
    """The title written right before a name, and where it starts (``b`` when none)."""
    gap = text[a:b]
    if after_name:
        # "Juan Pérez, subsecretario de X, y la directora de Y, María López": the
        # part before a conjunction belongs to the previous person; take the first
        # conjunction after which a whole title phrase leads to the name
        parts = list(
            re.finditer(
                r";|,?\s+(?:and|y|e)\s+|,\s+as well as\s+|,\s+así como\s+|\b(?:by|por)\s+"
                r"|\ba\s+quien(?:es)?\s+acompañ\w+\s+|\b(?:together|along)\s+with\s+|\bjunto\s+(?:con|a)\s+",
                gap,
            )
        )
        if not parts:
            return None, b
        chosen = parts[-1]
        for pm in parts:
            rest = re.sub(r"^(?:por|by|a|al)\s+", "", gap[pm.end() :])
            tm = find_pre_title(rest)
            if tm and re.fullmatch(r"(?:[\s,]|\b(?:el|la|los|las|the)\b)*", rest[: tm.start()]):
                chosen = pm
                break
        a = a + chosen.end()
        gap = text[a:b]
    if len(gap) > 220:
        a, gap = b - 220, gap[-220:]
    if honorific_regex().search(gap) and not find_pre_title(gap):
        return None, b
    gap_nohon = re.sub(honorific_regex().pattern, " ", gap)
    m = find_pre_title(gap_nohon)
    if not m or gap_nohon[m.end() :].strip(" ,") != "":
        return None, b
    title = m.group("t").strip(" ,")
    title = re.sub(r"^(?:the|el|la|los|las|al|del)\s+", "", title, flags=re.IGNORECASE)
    start = a + gap.find(m.group("t")[:8]) if m.group("t")[:8] in gap else a + m.start()
    return title, start


def appositive(text: str, a: int, b: int) -> str | None:
    """The title in an appositive right after a name ("Ana Ruiz, Deputy Minister of Justice, ..."), if any."""
    s = text[a:b]
    if not re.match(r"\s*(?:,|\s[–—-]|:)\s*\S", s):
        return None
    s = s.strip().lstrip(",–—-:").strip()
    # ", chair of ...": a new clause; ", and representatives of ...": the list goes on
    cut = re.search(r",\s+(?:(?:and|y|e)\s+)?(?!(?:and|y|e|de|del|of|for|para|the|la|el)\b)[a-záéíóúñ]+\b", s)
    if cut and not starts_with_title(s[cut.start() + 1 :].strip()):
        s = s[: cut.start()]
    # the next name's honorific ("..., Minister of Foreign Affairs, and the Honourable B") is no title
    honorific = _next_honorific().search(s)
    if honorific:
        s = s[: honorific.start()]
    # a list joint or a text cut off mid-phrase leaves function words at the end
    s = re.sub(
        r"(?:,?\s+(?:and|y|e|as well as|así como|por|by|la|el|the|los|las|of|for|de|del|para|en|at|in|to))+"
        r"\s*$",
        "",
        s,
    )
    s = re.sub(r"\s*\([^)]*$", "", s)  # "... and Labor (head of delegation)" cut inside its parenthesis
    s = s.strip(" ,;—–-")
    s = re.sub(r"\.$", "", s) if not re.search(r"\b[A-Z]\.$", s) else s
    s = re.sub(r"^(?:the|el|la|los|las)\s+", "", s, flags=re.IGNORECASE)
    if not s or not starts_with_title(_without_country_possessive(s)):
        return None
    return s


@cache
def _next_honorific() -> re.Pattern[str]:
    from dialogwatch.extract.titles import title_data

    alt = "|".join(re.escape(h) for h in sorted(title_data().honorifics, key=len, reverse=True) if len(h) > 3)
    return re.compile(rf",?\s+(?:(?:and|y|e)\s+)?(?:(?:the|el|la)\s+)?(?:{alt})\s*$")


_POSSESSOR = re.compile(r"^([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+")


def _without_country_possessive(s: str) -> str:
    """ "Mexico's Secretary of Security" is a title as "Secretary of Security" is."""
    from dialogwatch.extract.places import find_countries

    m = _POSSESSOR.match(s)
    if m and any(a == 0 and b == len(m.group(1)) for a, b, _ in find_countries(m.group(1))):
        return s[m.end() :]
    return s


def list_slot(text: str, seg: Segment, c: NameCandidate, cands: list[NameCandidate], i: int) -> bool:
    """A bare name in a delegation list: after a cue or separator, before a separator."""
    before = text[max(seg.start, c.start - 30) : c.start]
    after = text[c.end : c.end + 3]
    left = (
        re.search(r"(?:\b(?:by|por|included|including|and|y|e|as well as|así como)|[;,:]|^)\s*$", before)
        is not None
        or delegate_plural_before(before)  # "y por los expertos A, B y C"
    )
    right = re.match(r"\s*(?:[,;(]|$|\.|\s(?:and|y|e)\s)", after + " ") is not None
    # the last name of a list may run straight into the sentence's verb ("..., B y C recorrió")
    verb = _VERB_AFTER.match(text, c.end)
    last = (
        verb is not None
        and re.search(r"\s(?:and|y|e)\s+$", before) is not None
        and i > 0
        and _list_slot_prev(text, cands, i)
    )
    return left and (right or last)


_VERB_AFTER = re.compile(r"\s+(?!(?:de|del|of|en|in|para|for|a|al|y|and|e|la|el|the)\b)[a-záéíóúñ]+\b")


def _list_slot_prev(text: str, cands: list[NameCandidate], i: int) -> bool:
    """The name before is a list item too: only a comma or a conjunction stands between them."""
    gap = text[cands[i - 1].end : cands[i].start]
    return re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|y|e)\s+)?", gap) is not None
