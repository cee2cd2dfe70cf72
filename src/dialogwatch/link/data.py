"""The link domain's YAML vocabularies (``link/data``), validated with pydantic at load time."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

M = TypeVar("M", bound=BaseModel)


class LinkDataError(ValueError):
    """A bundled link vocabulary is missing or does not match its schema."""


class WordList(BaseModel):
    """A list of words with examples of their effect."""

    words: list[str]
    examples: list[dict] = Field(default_factory=list)


class Theme(BaseModel):
    """A dialogue theme with its EN/ES terms."""

    id: str
    terms: dict[str, list[str]]
    examples: list[str] = Field(min_length=1)


class DocumentRoles(BaseModel):
    """Cues for a document's role in a meeting's record."""

    draft_terms: list[str]
    news_doc_types: list[str]
    report_doc_types: list[str]
    examples: list[dict] = Field(min_length=1)


class SeriesData(BaseModel):
    """``series.yaml``."""

    themes: list[Theme]
    generic_words: WordList
    document_roles: DocumentRoles


class Nicknames(BaseModel):
    """Groups of interchangeable given names."""

    groups: list[list[str]]
    examples: list[dict] = Field(min_length=1)


class NamesData(BaseModel):
    """``names.yaml``."""

    honorifics: WordList
    particles: WordList
    nicknames: Nicknames


class NamedEntry(BaseModel):
    """A known case or instrument with its aliases."""

    key: str
    name: str
    kind: str | None = None
    topics: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(min_length=1)
    examples: list[str] = Field(min_length=1)


class CasesData(BaseModel):
    """``cases.yaml``."""

    cases: list[NamedEntry]
    instruments: list[NamedEntry]
    generic_words: WordList


class Stopwords(BaseModel):
    """Stop words per language."""

    en: list[str]
    es: list[str]
    examples: list[dict] = Field(min_length=1)


class CrosslingualData(BaseModel):
    """``crosslingual.yaml``."""

    stopwords: Stopwords
    groups: list[list[str]]
    examples: list[dict] = Field(min_length=1)


class EmbeddingCalibration(BaseModel):
    """How an embedding cosine becomes the text signal: linear from ``cosine_floor`` (0) to ceiling (1)."""

    cosine_floor: float = Field(ge=-1.0, le=1.0)
    cosine_ceiling: float = Field(ge=-1.0, le=1.0)

    @model_validator(mode="after")
    def _ordered(self) -> EmbeddingCalibration:
        if self.cosine_ceiling - self.cosine_floor < 0.05:
            raise ValueError("embeddings.cosine_ceiling must exceed cosine_floor by at least 0.05")
        return self


class ScoringData(BaseModel):
    """``scoring.yaml``."""

    weights: dict[str, dict[str, float]]
    floor: float
    top_k: int = 5
    min_shared_terms: int = 1
    min_text_for_proposal: float = 0.0
    max_candidate_documents: int = 100
    embeddings: EmbeddingCalibration = EmbeddingCalibration(cosine_floor=0.3, cosine_ceiling=0.8)


@cache
def _read(name: str) -> object:
    try:
        raw = resources.files("dialogwatch.link").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LinkDataError(f"link/data/{name}: data file not found") from exc
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise LinkDataError(f"link/data/{name}: not valid YAML: {exc}") from exc


@cache
def load(name: str, model: type[M]) -> M:
    """Load ``link/data/NAME`` validated as ``model`` (cached per process)."""
    try:
        return model.model_validate(_read(name))
    except ValidationError as exc:
        raise LinkDataError(f"link/data/{name}: {exc}") from exc


def series_data() -> SeriesData:
    """The series themes."""
    return load("series.yaml", SeriesData)


def names_data() -> NamesData:
    """Honorifics, particles and nicknames."""
    return load("names.yaml", NamesData)


def cases_data() -> CasesData:
    """Known cases and instruments."""
    return load("cases.yaml", CasesData)


def crosslingual_data() -> CrosslingualData:
    """Stop words and EN/ES concept groups."""
    return load("crosslingual.yaml", CrosslingualData)


def scoring_data() -> ScoringData:
    """Weights and cut-offs of the action-link score."""
    data = load("scoring.yaml", ScoringData)
    for kind, weights in data.weights.items():
        if set(weights) != {"text", "context", "topics", "actors"} or abs(sum(weights.values()) - 1) > 1e-6:
            raise LinkDataError(
                f"link/data/scoring.yaml: {kind} weights must be text/context/topics/actors summing to 1"
            )
    if set(data.weights) != {"restates", "answers"}:
        raise LinkDataError("link/data/scoring.yaml: weights needed for restates and answers")
    return data
