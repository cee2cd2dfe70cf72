"""Level 1-5 of an action from the verbs of its complement (data/levels.yaml).

The first classified verb decides when its class caps ("continue to support",
"consider creating"); otherwise the most demanding verb wins, generic objects
("strengthen cooperation") make a verb expressive, concrete objects ("create a
network") make it specific, and a deadline or a number makes it verifiable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.alternation import word_alternation
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.prefilter import Prefiltered, prefiltered


class _Class(BaseModel):
    level: int
    cap: bool = False
    en: list[str] = []
    es: list[str] = []


class _LevelExample(BaseModel):
    text: str
    level: int
    lang: str = "en"


class LevelsData(BaseModel):
    """Schema of data/levels.yaml."""

    classes: list[_Class]
    needs_object: list[str]
    specific_objects: list[str]
    generic_objects: list[str]
    transparent: list[str]
    communicative_context: list[str]
    noun_determiners: list[str] = []
    noun_phrase_breakers: list[str] = []
    examples: list[_LevelExample]


@dataclass(frozen=True, slots=True)
class _Entry:
    phrase: str
    level: int  # 0 = transparent
    cap: bool
    needs_object: bool


@cache
def levels_data() -> LevelsData:
    """The validated level vocabulary."""
    return load_data("levels.yaml", LevelsData)


def _en_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", word) and len(word) <= 5:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_ES_IRREGULAR_FUTURE = (
    ("tener", "tendr"),
    ("poner", "pondr"),
    ("venir", "vendr"),
    ("hacer", "har"),
    ("decir", "dir"),
    ("salir", "saldr"),
    ("poder", "podr"),
)
_ES_SUBJ = {"c": "qu", "g": "gu", "z": "c"}


def _es_forms(word: str) -> set[str]:
    if not word.endswith(("ar", "er", "ir", "arse", "erse", "irse")):
        return {word}
    inf = word[:-2] if word.endswith("se") else word
    stem, vowel = inf[:-2], inf[-2]
    if len(stem) < 2:  # "dar": its short forms ("de", "da") are prepositions and nouns
        return {word, inf + "á", inf + "án", inf + "emos"}
    forms = {word, inf, inf + "á", inf + "án", inf + "emos", inf + "se", inf + "lo", inf + "la"}
    for regular, irregular in _ES_IRREGULAR_FUTURE:
        if inf.endswith(regular):  # "mantener" -> "mantendrán", "hacer" -> "harán"
            base = inf[: -len(regular)] + irregular
            forms |= {base + "á", base + "án", base + "emos"}
    if vowel == "a":
        subj_stem = stem[:-1] + _ES_SUBJ[stem[-1]] if stem and stem[-1] in _ES_SUBJ else stem
        forms |= {stem + s for s in ("ando", "an", "amos", "aron", "ó", "ado", "ada", "ados", "adas", "a")}
        forms |= {subj_stem + s for s in ("e", "en", "emos")}
    else:
        forms |= {
            stem + s
            for s in (
                "iendo",
                "en",
                "emos" if vowel == "e" else "imos",
                "ieron",
                "ió",
                "ido",
                "ida",
                "idos",
                "idas",
                "e",
                "a",
                "an",
            )
        }
    return forms


_TOKEN = re.compile(r"[\w'’-]+")


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """First word -> [(following words, entry)], longest phrases first (dict lookups, no big regex)."""
    data = levels_data()
    needs = {w.lower() for w in data.needs_object}
    table: dict[str, _Entry] = {}

    def add(phrase: str, level: int, cap: bool, lang: str) -> None:
        words = phrase.lower().split()
        first, rest = words[0], " ".join(words[1:])
        forms = _en_forms(first) if lang == "en" else _es_forms(first)
        entry = _Entry(phrase.lower(), level, cap, phrase.lower() in needs)
        for f in forms:
            key = f + (" " + rest if rest else "")
            if key not in table or len(phrase) > len(table[key].phrase):
                table[key] = entry

    for t in data.transparent:
        add(t, 0, False, "es" if re.search(r"[áéíóúñ]|\b(?:para|con|en)\b|ar\b", t) else "en")
    for cls in data.classes:
        for p in cls.en:
            add(p, cls.level, cls.cap, "en")
        for p in cls.es:
            add(p, cls.level, cls.cap, "es")
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for key, entry in table.items():
        words = key.split()
        index.setdefault(words[0], []).append((tuple(words[1:]), entry))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))
    return index


def _after_determiner(words: list[str], toks: list[re.Match[str]], i: int, text: str) -> bool:
    """True when the word at ``i`` closes a noun phrase opened by a determiner ("a new progress
    report", "su informe"); a capitalised word between them is a subject ("la Cancillería convoque")."""
    determiners, breakers = _noun_words()
    for back in range(1, 4):
        j = i - back
        if j < 0:
            return False
        if words[j] in determiners:
            # "se comprometió a redoblar": the Spanish "a" before an infinitive is no article
            return not (words[j] == "a" and back == 1 and words[i].endswith(("ar", "er", "ir")))
        if text[toks[j].start()].isupper() or words[j] in breakers:
            return False
    return False


@cache
def _noun_words() -> tuple[frozenset[str], frozenset[str]]:
    d = levels_data()
    return frozenset(d.noun_determiners), frozenset(d.noun_phrase_breakers)


def _verb_hits(text: str) -> list[tuple[int, int, _Entry]]:
    """(start, end, entry) for each classified verb or phrase, left to right, no overlaps."""
    index = _index()
    toks = list(_TOKEN.finditer(text))
    # lower-casing an ASCII text keeps every token where it was: one call, not one per token
    words = _TOKEN.findall(text.lower()) if text.isascii() else [m.group(0).lower() for m in toks]
    out: list[tuple[int, int, _Entry]] = []
    i = 0
    while i < len(words):
        cands = index.get(words[i])
        hit = None
        if cands:
            for rest, entry in cands:
                n = len(rest)
                if n == 0 or tuple(words[i + 1 : i + 1 + n]) == rest:
                    hit = (n, entry)
                    break
        if hit and not _after_determiner(words, toks, i, text):
            n, entry = hit
            out.append((toks[i].start(), toks[i + n].end(), entry))
            i += n + 1
        else:
            i += 1
    return out


def _phrase_re(words: list[str]) -> Prefiltered:
    if all(len(w.lower()) == len(w) for w in words):
        # as a prefix tree: the object phrases are tried at every word of every action
        alt = word_alternation([w.lower() for w in words], ignore_case=True, flexible_space=True)
    else:  # lower-casing changed a length ("İ"): keep the plain longest-first order
        longest_first = sorted(words, key=len, reverse=True)
        alt = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in longest_first)
    return prefiltered(rf"(?<![\w-])(?:{alt})(?![\w])", re.IGNORECASE)


@cache
def _generic_re() -> Prefiltered:
    return _phrase_re(levels_data().generic_objects)


@cache
def _specific_re() -> re.Pattern[str]:
    heads = _phrase_re(levels_data().specific_objects).pattern
    return re.compile(
        rf"^\s*(?:(?:a|an|the|our|their|new|un|una|el|la|los|las|nuevo|nueva|nuevos|nuevas|its|su|sus|nuestro|nuestra)\s+)?"
        rf"(?:[\w-]+\s+){{0,3}}?{heads}",
        re.IGNORECASE,
    )


@cache
def _article_specific_re() -> re.Pattern[str]:
    heads = _phrase_re(levels_data().specific_objects).pattern
    return re.compile(rf"^\s*(?:a|an|un|una|new|nuevo|nueva)\s+(?:[\w-]+\s+){{0,3}}?{heads}", re.IGNORECASE)


@cache
def _context_re() -> Prefiltered:
    return _phrase_re(levels_data().communicative_context)


_ADJECTIVAL = re.compile(r"(?:[^e]ed|[aei]d[oa]s?)$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(
    r"\b(?:be|been|being|is|are|was|were|ser|sea|sean|sido|son|fue|fueron|será|serán|esté|estén)\s+$",
    re.IGNORECASE,
)
_NAMED = re.compile(r"^\s*(?:(?:a|an|the|our|their|el|la|un|una)\s+)?(?:[a-z-]+\s+){0,2}[A-ZÁÉÍÓÚÑ][\w-]+")
_NUMBER_OBJ = re.compile(r"^\s*(?:\w+\s+){0,3}?\d[\d.,]*\s+[a-záéíóúñ]")


@cache
def _object_re(words: int) -> re.Pattern[str]:
    return re.compile(rf"(?:\s*[^\s.;:,]+){{0,{words}}}")


def _object(text: str, end: int, words: int = 6) -> str:
    # matched in place from ``end``: no copy of the tail, no pattern-cache lookup per verb
    m = _object_re(words).match(text, end)
    return m.group(0) if m else ""


@dataclass(frozen=True, slots=True)
class LevelResult:
    """A level with the verb that decided it and the rule applied."""

    level: int
    verb: str | None
    rule: str


def action_level(
    complement: str,
    *,
    default: int = 4,
    cap: int | None = None,
    deadline: str | None = None,
    has_figure: bool = False,
) -> LevelResult:
    """Return the level of an action from its complement (the text after the cue)."""
    hits: list[tuple[int, str]] = []
    first_cap: tuple[int, str] | None = None
    for m_start, m_end, entry in _verb_hits(complement):
        if entry.level == 0:
            continue
        if _ADJECTIVAL.search(complement[m_start:m_end].split()[0]) and not _PASSIVE_AUX.search(
            complement[max(0, m_start - 12) : m_start]
        ):
            continue  # "weapons recovered at crossings", "una reunión celebrada en": participles, not actions
        level = entry.level
        obj = _object(complement, m_end)
        if level == 5 and entry.needs_object:
            specific = _specific_re().match(obj) or _NAMED.match(obj) or _NUMBER_OBJ.match(obj)
            level = 5 if specific else 4
        elif level == 4 and _article_specific_re().match(obj):
            level = 5
        elif level in (1, 4) and not entry.cap:
            gm = _generic_re().search(_object(complement, m_end, 4))
            level = 1 if gm else 4
        if not hits and entry.cap:
            first_cap = (level, entry.phrase)
        hits.append((level, entry.phrase))
    if first_cap:
        result = LevelResult(first_cap[0], first_cap[1], "level.first_verb_caps")
    elif hits:
        best = max(hits, key=lambda h: h[0])
        result = LevelResult(best[0], best[1], "level.max_verb")
        if deadline and result.level >= 2:
            result = LevelResult(5, best[1], "level.deadline")
        elif has_figure and result.level >= 2:
            result = LevelResult(5, best[1], "level.number")
    else:
        result = LevelResult(default, None, "level.cue_default")
        if (deadline or has_figure) and default >= 2:
            result = LevelResult(5, None, "level.cue_default+specific")
    level = result.level
    if _context_re().search(complement):
        level = min(level, 2)
    if cap is not None:
        level = min(level, cap)
    if level != result.level:
        result = LevelResult(level, result.verb, result.rule + "+capped")
    return result
