"""Link-domain tables (owned by dialogwatch.link): action links, merge proposals."""

from __future__ import annotations

__all__: list[str] = []
