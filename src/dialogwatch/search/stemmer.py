"""Accent folding and a light English/Spanish suffix stemmer for search.

The same ``terms`` function turns indexed text and query text into index
terms, so both database backends index and match identical tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field, model_validator

# Letters and digits only: underscores split words, as in FTS5 unicode61 and PostgreSQL's parser.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


class SuffixRule(BaseModel):
    """Replace ``suffix`` by ``replace`` at the end of a word."""

    suffix: str = Field(min_length=1)
    replace: str = ""


class Step(BaseModel):
    """An ordered group of rules; the first one that applies wins."""

    name: str
    rules: list[SuffixRule]
    examples: list[tuple[str, str]] = Field(min_length=1)


class StemmingData(BaseModel):
    """The validated contents of ``stemming.yaml``."""

    min_stem: int = Field(ge=1)
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _folded(self) -> StemmingData:
        for step in self.steps:
            for rule in step.rules:
                if fold(rule.suffix) != rule.suffix:
                    raise ValueError(f"suffix {rule.suffix!r} in step {step.name} is not folded")
        return self


def fold(text: str) -> str:
    """Lower-case and strip diacritics ("Desaparición" -> "desaparicion")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def load_stemming() -> StemmingData:
    """Load and validate the bundled suffix lists (once per process)."""
    raw = resources.files("dialogwatch.search").joinpath("data/stemming.yaml").read_text("utf-8")
    return StemmingData.model_validate(yaml.safe_load(raw))


def apply_step(word: str, step: Step, min_stem: int) -> str:
    """Apply the first rule of ``step`` that fits ``word``."""
    for rule in step.rules:
        if word.endswith(rule.suffix) and len(word) - len(rule.suffix) >= min_stem:
            return word[: len(word) - len(rule.suffix)] + rule.replace
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem one already-folded word."""
    data = load_stemming()
    if len(word) <= data.min_stem or not word.isalpha():
        return word
    for step in data.steps:
        word = apply_step(word, step, data.min_stem)
    return word


def term_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, term) for each word of ``text``, offsets into the original text."""
    for m in WORD_RE.finditer(text):
        token = fold(m.group())
        # Folding can split a character into letters plus marks; keep word characters only.
        token = "".join(WORD_RE.findall(token))
        if token:
            yield m.start(), m.end(), stem(token)


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order."""
    return [t for _, _, t in term_spans(text)]


def index_text(text: str | None) -> str:
    """Index terms joined by spaces: what is stored and matched in the database."""
    return " ".join(terms(text or ""))
