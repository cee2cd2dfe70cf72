"""Offline language detection per document: 'en', 'es' or 'other'.

langdetect (seeded, so the same text always gets the same answer) reads the
first few thousand characters; texts too short for it are decided by the
share of English/Spanish/other function words (``ingest/data/stopwords.yaml``).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from dialogwatch.ingest.data_files import load_ingest_data

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

SAMPLE_CHARS = 5000  # function words are counted over this much text
QUICK_CHARS = 1500  # ... after a first look at this much, which settles most documents
LANGDETECT_CHARS = 3000  # langdetect's n-gram pass is the slow part; this is plenty for it
_SURE = 0.80
_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()
# Languages langdetect chooses among: ours, their neighbours, and the other languages of
# the dialogues we follow, so that a French or Vietnamese text is "other", never "es".
_PROFILES = (
    "en",
    "es",
    "fr",
    "pt",
    "it",
    "de",
    "nl",
    "ca",
    "ro",
    "vi",
    "zh-cn",
    "ru",
    "ar",
    "pl",
    "tr",
    "id",
    "tl",
)


class StopwordExample(BaseModel):
    """A short text and the language it must be detected as."""

    text: str
    language: str


class Stopwords(BaseModel):
    """Schema of ``ingest/data/stopwords.yaml``."""

    min_words: int = Field(ge=1)
    min_ratio: float = Field(gt=0, lt=1)
    languages: dict[str, list[str]]
    examples: list[StopwordExample] = Field(min_length=1)


@cache
def _stopwords() -> tuple[Stopwords, dict[str, frozenset[str]]]:
    data = load_ingest_data("stopwords.yaml", Stopwords)
    return data, {lang: frozenset(w.lower() for w in words) for lang, words in data.languages.items()}


def detect_language(text: str) -> str:
    """Return 'en', 'es' or 'other' for a document's text."""
    head = [w.lower() for w in _WORD.findall(text[:QUICK_CHARS])]
    data, _ = _stopwords()
    if len(head) >= 2 * data.min_words:
        quick = _clear_stopword_winner(_stopword_counts(head), len(head))
        if quick:
            return quick  # most documents say which language they are in their first lines
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    data, _ = _stopwords()
    counts = _stopword_counts(words)  # counted once for both judgements below
    by_stopwords = _stopword_winner(counts, len(words))
    if len(words) < data.min_words:
        return by_stopwords
    clear = _clear_stopword_winner(counts, len(words))
    if clear:
        return clear  # langdetect costs more than all of extraction; only ask it when unsure
    probs = _langdetect_probs(sample[:LANGDETECT_CHARS])
    if not probs:
        return by_stopwords
    best, p = max(probs.items(), key=lambda kv: kv[1])
    if best in ("en", "es") and (p >= _SURE or by_stopwords in (best, "other")):
        return best
    if best not in ("en", "es") and p >= _SURE:
        return "other"
    # langdetect is unsure or disagrees with the function words: trust the function words,
    # which do not get distracted by names and acronyms.
    if by_stopwords != "other":
        return by_stopwords
    return best if best in ("en", "es") else "other"


_FAST_RATIO = 0.22  # share of function words in an ordinary English or Spanish text (>= ~0.25)
_FAST_MARGIN = 3.0  # ... and how far ahead of every other list it must be


def _stopword_counts(words: list[str]) -> dict[str, int]:
    """How many of ``words`` are function words of each language."""
    _, sets = _stopwords()
    distinct = Counter(words)  # a text repeats its function words: test each form once
    return {lang: sum(n for w, n in distinct.items() if w in vocab) for lang, vocab in sets.items()}


def _clear_stopword_winner(counts: dict[str, int], total: int) -> str | None:
    """'en' or 'es' when its function words dominate beyond doubt, else None."""
    shares = {lang: n / total for lang, n in counts.items()}
    ranked = sorted(shares.items(), key=lambda kv: kv[1], reverse=True)
    (lang, top), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if lang in ("en", "es") and top >= _FAST_RATIO and top >= _FAST_MARGIN * runner_up:
        return lang
    return None


def stopword_language(words: list[str]) -> str:
    """The language whose function words make up the largest share of ``words`` (or 'other')."""
    return _stopword_winner(_stopword_counts(words), len(words))


def _stopword_winner(counts: dict[str, int], total: int) -> str:
    """``stopword_language`` from per-language counts over ``total`` words."""
    data, _ = _stopwords()
    if not total:
        return "other"
    lang, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    if hits == 0 or (hits / total < data.min_ratio / 2 and total >= data.min_words):
        return "other"
    return lang if lang in ("en", "es") else "other"


def _langdetect_probs(sample: str) -> dict[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    with _lock:
        try:
            detector = factory.create()
            detector.append(sample)
            return {str(lang.lang): float(lang.prob) for lang in detector.get_probabilities()}
        except LangDetectException:
            return {}


@cache
def _factory() -> DetectorFactory:
    """A seeded detector over a subset of profiles (loading all 55 takes ~0.4 s)."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    for lang in _PROFILES:
        with open(os.path.join(PROFILES_DIRECTORY, lang), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory.load_json_profile(profiles)
    factory.set_seed(0)  # deterministic sampling: same text, same answer
    return factory
