"""The organisation lexicon: agencies and bodies with names and acronyms in EN/ES."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrgRecord:
    """One organisation of the lexicon."""

    key: str
    name_en: str
    name_es: str | None = None
    country: str | None = None
    kind: str | None = None
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)


def resolve_org(name: str, country_hint: str | None = None) -> OrgRecord | None:
    """Return the lexicon organisation a name, translation or acronym refers to, if any."""
    return None
