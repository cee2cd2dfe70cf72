"""Load the tracking vocabularies in ``track/data`` validated with pydantic (cached)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator


class VocabError(ValueError):
    """A bundled tracking data file is missing or malformed."""


class StatusDef(BaseModel):
    """One status of a scale: its compliance score (None = excluded from means) and meaning."""

    id: str
    score: int | None
    closed: bool = False
    label: str
    description: str
    examples: list[str] = Field(min_length=1)


class Scale(BaseModel):
    """The statuses one kind of action can take; the first is the initial one."""

    initial: str
    statuses: list[StatusDef]

    @model_validator(mode="after")
    def _check(self) -> Scale:
        ids = [s.id for s in self.statuses]
        if self.initial not in ids:
            raise ValueError(f"initial status {self.initial!r} not in the scale")
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate status ids")
        for s in self.statuses:
            if s.score not in (None, -1, 0, 1):
                raise ValueError(f"{s.id}: score must be -1, 0, 1 or null")
        return self


class Statuses(BaseModel):
    """statuses.yaml: one scale per action kind."""

    scales: dict[str, Scale]


class SuggestExample(BaseModel):
    """An action text and a sentence, with whether the term-overlap fallback should pair them."""

    action: str
    sentence: str
    match: bool


class SuggestVocab(BaseModel):
    """suggest.yaml: stopwords and thresholds of the term-overlap fallback."""

    min_term_length: int = 4
    stem_length: int = 6
    min_shared_terms: int = 3
    min_score: float = 0.5
    stopwords: list[str]
    examples: list[SuggestExample] = Field(min_length=2)


def _load(name: str, model: type[BaseModel]) -> BaseModel:
    try:
        raw = resources.files("dialogwatch.track").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabError(f"track/data/{name}: data file not found") from exc
    try:
        return model.model_validate(yaml.safe_load(raw))
    except (yaml.YAMLError, ValidationError) as exc:
        raise VocabError(f"track/data/{name}: {exc}") from exc


@cache
def statuses() -> Statuses:
    """The status scales of statuses.yaml."""
    return _load("statuses.yaml", Statuses)  # type: ignore[return-value]


@cache
def suggest_vocab() -> SuggestVocab:
    """Stopwords and thresholds of suggest.yaml."""
    return _load("suggest.yaml", SuggestVocab)  # type: ignore[return-value]
