"""Instruments known by a proper name beside a lower-case head word.

"el programa Sembrando Vida", "la operación Escudo Norte", "the eTrace system",
"the Jóvenes Construyendo el Futuro program": the head is common, the name is the
capitalised run next to it. Head words are data (``proper_heads`` in
data/instruments.yaml); a run made only of places, nationalities or acronyms is not
a name ("the Mexican system", "the U.S. program").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from dialogwatch.extract.cases import fold_name
from dialogwatch.extract.orgs import is_org_like
from dialogwatch.extract.places import place_words
from dialogwatch.extract.schema import Instrument
from dialogwatch.extract.titles import starts_with_title

# a capitalised word, or an inner-capital brand word ("eTrace")
_WORD = r"(?:[A-ZÁÉÍÓÚÑ][\w'’-]*[\w]|[a-z]{1,2}[A-Z][\w-]*)"
_LINK = r"(?:de|del|el|la|los|las|y|of|the|for|and|a)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD}){{0,4}}"
_Q_OPEN, _Q_CLOSE = '["“«]?', '["”»]?'


@cache
def _patterns(
    heads: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    kinds = {h.lower(): k for h, k in heads}
    # the name is read forwards ("programa Sembrando Vida") and backwards ("the eTrace system")
    # from each head word
    # a quoted name may hold any words ("el programa «Quédate en México»"); "la política de Paz Total"
    after = re.compile(
        rf"[ \t]+(?:(?:de|of)[ \t]+)?"
        rf"(?:[\"“«](?P<quoted>[A-ZÁÉÍÓÚÑ][^\"”»\n]{{1,60}})[\"”»]|(?P<name>{_NAME})(?![\w-]))"
    )
    before = re.compile(
        rf"(?<![\w-])(?i:the|its|our|their|a)[ \t]+{_Q_OPEN}(?P<name>{_NAME}){_Q_CLOSE}[ \t]+$"
    )
    return after, before, kinds


def _head_words(text: str, kinds: dict[str, str], limit: int) -> list[tuple[int, int]]:
    """Where a lower-case head word, or its plural in -s, stands as a word of its own
    (``str.find``: no regex scan)."""
    out = []
    for word in kinds:
        i = text.find(word, 0, limit)
        while i >= 0:
            j = i + len(word)
            if j < len(text) and text[j] == "s":
                j += 1  # "los programas Sembrando Vida y ...": the plural introduces several names
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) and (
                j >= len(text) or not (text[j].isalnum() or text[j] == "-")
            ):
                out.append((i, j))
            i = text.find(word, i + 1, limit)
    return sorted(out)


_PLURAL_SPLIT = re.compile(r"[ \t]+(?:y|and|e)[ \t]+(?=[A-ZÁÉÍÓÚÑ])")


def _kind(kinds: dict[str, str], head: str) -> str:
    low = head.lower()
    return kinds.get(low) or kinds[low[:-1]]  # "programas" is a "programa"


def _each_name(m: re.Match[str], head: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the name after a head word, or of each name a plural head introduces."""
    a, b = m.start("name"), m.end("name")
    if not head.endswith("s"):
        return [(m.start() - len(head), b, m.group("name"))]  # "el programa Sembrando Vida"
    out, pos = [], a
    for j in _PLURAL_SPLIT.finditer(m.string, a, b):
        out.append((pos, j.start(), m.string[pos : j.start()]))
        pos = j.end()
    return [*out, (pos, b, m.string[pos:b])]


def _known_acronym(word: str) -> bool:
    from dialogwatch.extract.orgs import resolve_org
    from dialogwatch.extract.places import find_countries

    return resolve_org(word) is not None or bool(find_countries(word))


def _is_name(name: str) -> bool:
    """A proper name: not only places, nationalities, months or acronyms."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if not re.fullmatch(_LINK, w)]
    if not words:
        return False
    if all(w.isupper() or re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        # "the U.S. program" names a country; "the COPOLAD programme" is a programme's own name
        return any(len(w) >= 5 and w.isalpha() and not _known_acronym(w) for w in words)
    if starts_with_title(name):
        return False  # "the initiative President X announced": a person follows, not a name
    if is_org_like(name):
        return False  # "a Federal Police operation": a body's operation, not one with a name
    places = place_words()
    return not all(fold_name(w) in places for w in words)


def find_proper_instruments(
    text: str,
    heads: dict[str, list[str]],
    taken: list[tuple[int, int]],
    excluded: Callable[[str], bool],
    limit: int,
) -> list[Instrument]:
    """Instruments whose name is a capitalised run beside a lower-case head word."""
    pairs = tuple((h, kind) for kind, words in heads.items() for h in words)
    if not pairs:
        return []
    after, before, kinds = _patterns(pairs)
    out: list[Instrument] = []
    hits: list[tuple[int, int, str, str, str]] = []  # start, end, name, head, rule
    # heads are lower case: a capitalised head opens a name the capitalised-run rule reads
    for h_start, h_end in _head_words(text, kinds, limit):
        head = text[h_start:h_end]
        # cheap looks at the neighbouring words first: most head words stand among lower-case ones
        nxt = text[h_end : h_end + 4].lstrip(' \t"“«')
        if nxt[:3] in ("de ", "of "):
            nxt = nxt[3:] + text[h_end + 4 : h_end + 7]
        fwd = after.match(text, h_end, limit) if nxt[:1].isupper() or nxt[1:2].isupper() else None
        if fwd and fwd.group("quoted"):
            quoted = fwd.group("quoted")
            hits.append((fwd.start("quoted"), fwd.end("quoted"), quoted, head, "instrument.proper-quoted"))
        elif fwd and (text[h_end : fwd.start("name")].strip() == "" or _kind(kinds, head) == "framework"):
            rule = "instrument.proper-after-head"
            for a, b, name in _each_name(fwd, head):  # "los programas Sembrando Vida y Jóvenes ..."
                hits.append((a, b, name, head, rule))
        prev = text[max(0, h_start - 40) : h_start].rstrip(' \t"”»').rsplit(None, 1)[-1:]
        if head.lower() not in kinds:
            continue  # a plural reads forwards only: "the Network plans to" has a verb, not a head
        if not prev or not any(ch.isupper() for ch in prev[0]):
            continue  # "the Sembrando Vida program": a capital in the word just before the head
        back = before.search(text, max(0, h_start - 120), h_start)
        if back:
            rule = "instrument.proper-before-head"
            hits.append((back.start("name"), h_end, back.group("name"), head, rule))
    for start, end, name, head, rule in hits:
        if not _is_name(name) or excluded(name):
            continue
        if any(x < end and start < y for x, y in taken):
            continue
        full = re.sub(r"[\"“”«»]", "", text[start:end])
        out.append(Instrument(name=full, kind=_kind(kinds, head), start=start, end=end, rule=rule))
        taken.append((start, end))
    return out
