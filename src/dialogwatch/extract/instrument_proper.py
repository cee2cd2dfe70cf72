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
from dialogwatch.extract.places import place_words
from dialogwatch.extract.prefilter import Prefiltered, prefiltered
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
) -> tuple[Prefiltered, re.Pattern[str], re.Pattern[str], dict[str, str]]:
    kinds = {h.lower(): k for h, k in heads}
    alt = "|".join(re.escape(h) for h in sorted(kinds, key=len, reverse=True))
    # the scan looks for head words only (with its literal pre-check); the name is read
    # forwards ("programa Sembrando Vida") and backwards ("the eTrace system") from each
    head = prefiltered(rf"(?<![\w-])(?:{alt})(?![\w-])")
    after = re.compile(rf"[ \t]+{_Q_OPEN}(?P<name>{_NAME}){_Q_CLOSE}(?![\w-])")
    before = re.compile(
        rf"(?<![\w-])(?:the|its|our|their|a)[ \t]+{_Q_OPEN}(?P<name>{_NAME}){_Q_CLOSE}[ \t]+$"
    )
    return head, after, before, kinds


def _is_name(name: str) -> bool:
    """A proper name: not only places, nationalities, months or acronyms."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if not re.fullmatch(_LINK, w)]
    if not words or all(w.isupper() or re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        return False
    if starts_with_title(name):
        return False  # "the initiative President X announced": a person follows, not a name
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
    head_rx, after, before, kinds = _patterns(pairs)
    out: list[Instrument] = []
    hits: list[tuple[int, int, str, str, str]] = []  # start, end, name, head, rule
    for h in head_rx.finditer(text, 0, limit):
        head = h.group(0)
        if not head[0].islower():
            continue  # a capitalised head opens a name the capitalised-run rule reads
        fwd = after.match(text, h.end(), limit)
        if fwd:
            hits.append((h.start(), fwd.end("name"), fwd.group("name"), head, "instrument.proper-after-head"))
        back = before.search(text, max(0, h.start() - 120), h.start())
        if back:
            hits.append(
                (back.start("name"), h.end(), back.group("name"), head, "instrument.proper-before-head")
            )
    for start, end, name, head, rule in hits:
        if not _is_name(name) or excluded(name):
            continue
        if any(x < end and start < y for x, y in taken):
            continue
        full = re.sub(r"[\"“”«»]", "", text[start:end])
        out.append(Instrument(name=full, kind=kinds[head.lower()], start=start, end=end, rule=rule))
        taken.append((start, end))
    return out
