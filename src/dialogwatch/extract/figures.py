"""Figures: numbers that measure outcomes, caseloads, rates or targets."""

from __future__ import annotations

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.schema import Figure


def find_figures(ctx: DocContext) -> list[Figure]:
    """Return each figure with its value, unit and span."""
    return []
