"""The speed-ups for lexicon regexes change no result: pre-checks, prefix trees, stretch search."""

from __future__ import annotations

import random
import re

import pytest

from dialogwatch.extract.alternation import fold, word_alternation
from dialogwatch.extract.literals import literal_checks
from dialogwatch.extract.prefilter import Prefiltered, finditer_around

# characters re.IGNORECASE equates with ASCII letters beyond plain upper/lower case
_EXOTIC = {"i": "İı", "s": "ſ", "k": "K"}

PATTERNS = [
    (r"\b(?:held|hold|holds|met|took place|was held|se celebr(?:ó|a)|se llev(?:ó|a) a cabo)\b", re.I),
    (r"(?<![\w])(?:Ayotzinapa|Tlatlaya|Acteal|Aguas Blancas|Allende massacre)(?![\w])", 0),
    (r"(?i:caso|masacre\s+de|desaparici[oó]n\s+de)\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w'’-]+)", 0),
    (r"\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
    (r"\ben\s+(?:el\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
    (r"^\s*(?:sincerely|respectfully|best regards)\b[^\n]{0,30}$", re.M | re.I),
    (r"\bwithin\s+(?P<n>\d{1,2}|one|two|six)\s+(?P<span>months?|years?)\b", re.I),
    (r"(?i:the)\s+(?P<name>[A-Z][\w-]+)\s+(?i:case|massacre)\b", 0),
    (r"[A-Z][a-z]+ (?:Group|Mechanism)", 0),
    (r"\d+", 0),  # no literals: passed through
    (r"\b(?:at\s+the\s+end\s+of|tras|after)\s+(?:the\s+)?(?:meeting|talks)\b", re.I),
]

WORDS = ["held", "Held", "HELD", "hold", "met", "took place", "took  place", "se celebró", "SE CELEBRA",
         "Ayotzinapa", "ayotzinapa", "Tlatlaya", "caso Radilla", "CASO Radilla", "masacre de Acteal",
         "by 2024", "before the end of 2025", "en 2023", "en el 2022", "within six months",
         "Sincerely,", "the Iguala case", "THE Iguala MASSACRE", "Working Group", "Follow-up Mechanism",
         "at the end of the meeting", "AT THE END OF talks", "after talks", "tras the meeting",
         "plan", "uphold", "metal", "unheld", "2019", "x", ",", ".", "\n", " ", "-"]  # fmt: skip


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 60))]
        text = " ".join(words)
        # plant characters IGNORECASE equates with letters of the literals
        chars = [rng.choice(_EXOTIC[c]) if c in _EXOTIC and rng.random() < 0.1 else c for c in text]
        out.append("".join(chars))
    return out


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_prefiltered_matches_the_plain_pattern(pattern: str, flags: int) -> None:
    rx = re.compile(pattern, flags)
    pf = Prefiltered(rx)
    for text in _texts(sum(map(ord, pattern)), 300):
        for pos, endpos in ((0, len(text)), (len(text) // 3, len(text)), (2, len(text) // 2)):
            want = [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]
            assert [(m.span(), m.groups()) for m in pf.finditer(text, pos, endpos)] == want, text
            a, b = rx.search(text, pos, endpos), pf.search(text, pos, endpos)
            assert (a and a.span()) == (b and b.span())
            a, b = rx.match(text, pos, endpos), pf.match(text, pos, endpos)
            assert (a and a.span()) == (b and b.span())
            assert rx.findall(text, pos, endpos) == pf.findall(text, pos, endpos)


def test_literal_checks_read_the_pattern() -> None:
    needed, lead, folds = literal_checks(re.compile(r"\ben\s+(?:el\s+)?(?P<year>(?:19|20)\d\d)\b", re.I))
    assert folds
    assert set(map(frozenset, needed)) == {frozenset({"en"}), frozenset({"19", "20"})}
    # a space stands for any run of white space; the optional "el" gives two starts
    assert lead == frozenset({"en 19", "en 20", "en el 19", "en el 20"})
    needed, lead, folds = literal_checks(re.compile(r"(?<![\w])(?:Acteal|Aguas Blancas)(?![\w])"))
    assert not folds and needed == [frozenset({"Acteal", "Aguas Blancas"})]
    assert literal_checks(re.compile(r"\w+\s\d")) == ([], None, False)


def test_fold_equates_what_ignorecase_equates() -> None:
    for a, b in [("İ", "i"), ("ı", "i"), ("ſ", "s"), ("K", "k"), ("ς", "σ"), ("Σ", "σ"), ("É", "é")]:
        assert re.fullmatch(b, a, re.I)
        assert fold(a) == fold(b)
    assert fold("İstanbul") == "istanbul"  # the combining dot of "İ".lower() is dropped


@pytest.mark.parametrize("ignore_case", [False, True])
def test_word_alternation_matches_the_longest_first_alternation(ignore_case: bool) -> None:
    words = ["plan", "plan de acción", "Plan Nacional", "national plan", "action plan", "grupo",
             "grupo de trabajo", "working group", "group", "ley", "law", "red", "reform"]  # fmt: skip
    flags = re.I if ignore_case else 0
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    trie = word_alternation(words, ignore_case=ignore_case, flexible_space=True)
    for tail in (r"(?![\w])", r"\s+de", r"\b", ""):
        a = re.compile(rf"(?:{flat}){tail}", flags)
        b = re.compile(rf"(?:{trie}){tail}", flags)
        for text in [*_texts(7, 200), "plan de  acción", "PLAN DE ACCIÓN", "grupo de trabajo de", "plan de"]:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], text


def test_finditer_around_matches_the_whole_text_search() -> None:
    heads = ["plan", "group", "working group", "mechanism"]
    alt = "|".join(heads)
    rx = re.compile(rf"(?<![\w-])(?:a|an|the|our)\s+(?:[a-z-]+\s+){{0,3}}?(?:{alt})(?![\w-])", re.I)
    scan = re.compile(r"\s" + word_alternation({fold(h) for h in heads}))
    breaks = re.compile(r"[^\w\s-]")
    for text in [*_texts(3, 300), "our new working group, the plan. A mechanism-based group"]:
        folded = fold(text)
        if len(folded) != len(text):
            continue
        anchors = [m.start() + 1 for m in scan.finditer(folded)]
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in finditer_around(rx, text, anchors, breaks)] == want, text
