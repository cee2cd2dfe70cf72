"""UI text in English and Spanish from a validated YAML message catalogue."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, RootModel, model_validator

LANGUAGES = ("en", "es")


class Message(BaseModel):
    """One UI string in every language."""

    en: str
    es: str


class Catalogue(RootModel[dict[str, Message]]):
    """Message id -> translations."""

    @model_validator(mode="after")
    def _nonempty(self) -> Catalogue:
        for key, msg in self.root.items():
            if not msg.en.strip() or not msg.es.strip():
                raise ValueError(f"message {key!r} has an empty translation")
        return self


@cache
def catalogue() -> dict[str, Message]:
    """The bundled catalogue, loaded and validated once."""
    raw = resources.files("dialogwatch.web").joinpath("data/messages.yaml").read_text("utf-8")
    return Catalogue.model_validate(yaml.safe_load(raw)).root


def translate(key: str, lang: str) -> str:
    """The text of ``key`` in ``lang`` (English when missing; the key itself when unknown)."""
    msg = catalogue().get(key)
    if msg is None:
        return key
    return msg.es if lang == "es" else msg.en


def pick_language(session_lang: str | None, accept: str | None) -> str:
    """The session's choice, else the browser's first supported language, else English."""
    if session_lang in LANGUAGES:
        return session_lang
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"
