"""Text folding shared by every matcher: accents, case, hyphens, plurals and EN/ES concepts."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from dialogwatch.link.data import crosslingual_data

_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*\.?")


def fold(text: str) -> str:
    """Lower-case, strip accents and turn hyphens/dashes into spaces."""
    # Accents go; other non-ASCII letters too, which no matcher here compares.
    text = re.sub(r"[\-\u2010-\u2015/]", " ", text.lower().replace("’", "'"))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"'s\b", "", text)


def words(text: str) -> list[str]:
    """Folded words of a text (dots kept inside abbreviations like u.s)."""
    return [w.rstrip(".") for w in _WORD.findall(fold(text))]


def stem(word: str) -> str:
    """Trim an English or Spanish plural so 'cases'/'casos'/'case' meet (and 'apoyaremos' -> 'apoyar')."""
    if len(word) > 7 and word.endswith(("aremos", "eremos", "iremos")):
        return word[:-4]  # Spanish future "we will ..." back to its infinitive
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ones"):  # desapariciones -> desaparicion
        return word[:-2]
    if len(word) > 4 and word.endswith("es") and word[-3] in "lnrdz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def _tables() -> tuple[frozenset[str], dict[tuple[str, ...], str], int]:
    data = crosslingual_data()
    stop = frozenset(stem(w) for w in words(" ".join(data.stopwords.en + data.stopwords.es)))
    phrases: dict[tuple[str, ...], str] = {}
    for group in data.groups:
        canon = " ".join(stem(w) for w in words(group[0]))
        for entry in group:
            phrases[tuple(stem(w) for w in words(entry))] = canon
    longest = max(len(k) for k in phrases)
    return stop, phrases, longest


def concepts(text: str) -> list[str]:
    """Content concepts of a text: folded, stemmed, stop words dropped, EN/ES synonyms unified."""
    stop, phrases, longest = _tables()
    toks = [stem(w) for w in words(text)]
    out: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            canon = phrases.get(tuple(toks[i : i + n]))
            if canon is not None:
                out.append(canon)
                i += n
                break
        else:
            if toks[i] not in stop and len(toks[i]) > 1 and not toks[i].isdigit():
                out.append(toks[i])
            i += 1
    return out


@lru_cache(maxsize=65536)
def concept_set(text: str) -> frozenset[str]:
    """The set of :func:`concepts` of a text."""
    return frozenset(concepts(text))


def phrase_in(needle: str, haystack: str) -> bool:
    """Whether the folded words of ``needle`` occur as a contiguous run in ``haystack``."""
    n = " " + " ".join(words(needle)) + " "
    return n.strip() != "" and n in " " + " ".join(words(haystack)) + " "
