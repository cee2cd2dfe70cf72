"""Runs of capitals read as title case, for finding the people they name.

Transcripts and press-office pages set titles and speaker labels in capitals ("PRESS
AVAILABILITY WITH AMBASSADOR KEN SALAZAR", "CANCILLER MARCELO EBRARD:"), where the name
finder, which needs capitalised words, sees nothing. A run of three or more capitalised words
that holds a title word (data/titles.yaml) is rewritten in title case, keeping every offset:
only the people finder reads the result.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from dialogwatch.extract.context import DocContext, Segment
from dialogwatch.extract.names import people_data
from dialogwatch.extract.places import fold
from dialogwatch.extract.schema import Participant
from dialogwatch.extract.titles import title_words

# a word in capitals (two letters or more, with its dots and hyphens: "U.S.-MEXICO")
_CAPS_WORD = r"[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’-]*[A-ZÁÉÍÓÚÑÜ.]"
_CAPS_RUN = re.compile(rf"(?<![\w.]){_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{2,}}(?![\w])")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _small_words() -> frozenset[str]:
    return frozenset(w.lower() for w in people_data().recase.small_words)


def _title_case(run: str) -> str:
    small = _small_words()

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        return low if low in small and m.start() > 0 else w[0] + low[1:]

    return _WORD.sub(word, run)


@lru_cache(maxsize=4)  # recase and confirmed read the same text one after the other
def _runs(text: str) -> tuple[tuple[int, int], ...]:
    titles = title_words()
    return tuple(
        m.span()
        for m in _CAPS_RUN.finditer(text)
        if any(fold(w) in titles for w in _WORD.findall(m.group(0)))
    )


def recase(text: str) -> str:
    """``text`` with each run of capitals that holds a title in title case (same length)."""
    out: list[str] = []
    last = 0
    for a, b in _runs(text):
        out += [text[last:a], _title_case(text[a:b])]
        last = b
    if not out:
        return text
    out.append(text[last:])
    recased = "".join(out)
    assert len(recased) == len(text)  # every offset must still point at the clean text
    return recased


def recased_context(ctx: DocContext) -> DocContext:
    """The context as the people finder should read it (``ctx`` itself when nothing changes)."""
    text = recase(ctx.text)
    if text is ctx.text:
        return ctx
    segments = [Segment(s.start, s.end, text[s.start : s.end], s.kind, s.block) for s in ctx.segments]
    return DocContext(text=text, language=ctx.language, segments=segments)


def confirmed(people: list[Participant], text: str) -> list[Participant]:
    """Drop the people read only from a run of capitals whose surname the text never writes
    elsewhere: in "ASSISTANT SECRETARY MALINOWSKI TRAVELS TO MEXICO" the verb is no surname."""
    runs = _runs(text)
    if not runs:
        return people
    out = []
    for p in people:
        run = next(((a, b) for a, b in runs if a <= (p.start or -1) < b), None)
        if run is not None:
            last = p.name.split()[-1]
            rest = text[: run[0]] + " " + text[run[1] :]
            if not re.search(rf"(?<!\w)(?:{re.escape(last)}|{re.escape(last.upper())})(?!\w)", rest):
                continue
        out.append(p)
    return out
