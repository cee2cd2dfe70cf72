"""What a format reader hands back before clean-up, and helpers readers share."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class RawText:
    """A reader's output: text (pages separated by ``\\f`` when known), title, and facts learned."""

    text: str
    title: str | None = None
    meta: dict[str, object] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)


@contextmanager
def quiet_logger(name: str, level: int = logging.CRITICAL) -> Iterator[None]:
    """Silence a library's warnings (e.g. pypdf on damaged files) while reading one file."""
    logger = logging.getLogger(name)
    old = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(old)
