"""Track-domain tables (owned by dialogwatch.track): users, status events, overrides, audit."""

from __future__ import annotations

__all__: list[str] = []
