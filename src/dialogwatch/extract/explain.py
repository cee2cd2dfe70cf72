"""Human-readable rendering of an extraction, with evidence for ``--explain``."""

from __future__ import annotations

from dialogwatch.extract.schema import Extraction


def render_explanation(result: Extraction, text: str, *, explain: bool = False) -> str:
    """Render items one per line; with ``explain`` add rule and quoted evidence."""
    lines = [f"document: {result.document.model_dump(exclude_none=True)}"]
    sections = [
        (
            "meetings",
            result.meetings,
            lambda m: f"{m.series} round={m.round} date={m.date} {m.city}/{m.country}",
        ),
        (
            "participants",
            result.participants,
            lambda p: f"{p.name} [{p.side}/{p.role}] {p.title or ''} | {p.organization or ''}",
        ),
        ("acronyms", result.acronyms, lambda a: f"{a.acronym} = {a.expansion}"),
        (
            "actions",
            result.actions,
            lambda a: f"{a.kind} L{a.level} {a.actors} deadline={a.deadline}: {a.text[:140]}",
        ),
        ("figures", result.figures, lambda f: f"{f.value:g} {f.unit or ''}: {f.text[:100]}"),
        ("cases", result.cases, lambda c: f"{c.name} {c.aliases or ''}"),
        ("instruments", result.instruments, lambda i: f"{i.name} ({i.kind})"),
    ]
    for name, items, fmt in sections:
        lines.append(f"{name}: {len(items)}")
        for item in items:
            lines.append(f"  - {fmt(item)}")
            if explain and getattr(item, "start", None) is not None:
                quote = text[item.start : item.end].replace("\n", " ")
                lines.append(
                    f"      rule={item.rule} conf={item.confidence:.2f} "
                    f"[{item.start}:{item.end}] «{quote[:200]}»"
                )
    lines.append(
        "delegations: " + "; ".join(f"{d.side}: {', '.join(d.organizations)}" for d in result.delegations)
    )
    lines.append("topics: " + ", ".join(f"{t.id}({t.score:.2f})" for t in result.topics))
    return "\n".join(lines)
