"""Named cases and instruments."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Acronym, Case, Instrument


def find_cases(ctx: DocContext) -> list[Case]:
    """Return named cases or incidents of violations."""
    return []


def find_instruments(ctx: DocContext, acronyms: list[Acronym]) -> list[Instrument]:
    """Return named laws, programmes, mechanisms, working groups and agreements."""
    return []
