"""Load ingestion's YAML data (``ingest/data/*.yaml``), validated with pydantic at load time."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from dialogwatch.extract.data_loader import DataFileError

M = TypeVar("M", bound=BaseModel)

_CACHE: dict[tuple[str, type], BaseModel] = {}


@cache
def _read_text(name: str) -> str:
    try:
        return resources.files("dialogwatch.ingest").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"ingest/data/{name}: data file not found") from exc


def load_ingest_data(name: str, model: type[M]) -> M:
    """Load ``ingest/data/NAME`` validated as ``model`` (cached per process)."""
    key = (name, model)
    if key not in _CACHE:
        try:
            raw = yaml.safe_load(_read_text(name))
        except yaml.YAMLError as exc:
            raise DataFileError(f"ingest/data/{name}: not valid YAML: {exc}") from exc
        try:
            _CACHE[key] = model.model_validate(raw)
        except ValidationError as exc:
            raise DataFileError(f"ingest/data/{name}: {exc}") from exc
    return _CACHE[key]  # type: ignore[return-value]
