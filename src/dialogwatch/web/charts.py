"""Geometry for server-side SVG charts (the template draws them, escaping every label)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dialogwatch.api.services.actions import ScoreRow
from dialogwatch.api.services.topics import TopicMatrix

# Sequential blues with enough contrast for the count written on dark cells.
_BLUES = ("#f1f5fb", "#c6dbef", "#9ecae1", "#4292c6", "#2171b5", "#08306b")


@dataclass
class Cell:
    """One heatmap cell."""

    x: int
    y: int
    w: int
    h: int
    fill: str
    text: str
    text_fill: str
    mark: str
    title: str


@dataclass
class Heatmap:
    """A labelled topic × round heatmap."""

    width: int
    height: int
    cells: list[Cell] = field(default_factory=list)
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # y, label, topic id
    cols: list[tuple[int, str]] = field(default_factory=list)  # x, label
    legend: list[tuple[int, str, str]] = field(default_factory=list)


def heatmap(m: TopicMatrix, labels: dict[str, str], legend_labels: dict[str, str]) -> Heatmap:
    """Lay out a topic matrix: one row per topic, one column per round, colour by document count."""
    left, top, cw, ch = 330, 60, 84, 28
    width = max(left + cw * max(1, len(m.meetings)) + 20, left + 3 * 150 + 20)
    hm = Heatmap(width=width, height=top + ch * max(1, len(m.topics)) + 70)
    peak = max(m.counts.values(), default=1)
    for j, label in enumerate(m.labels):
        hm.cols.append((left + j * cw + cw // 2, label))
    for i, topic in enumerate(m.topics):
        y = top + i * ch
        hm.rows.append((y + ch // 2 + 5, labels.get(topic, topic), topic))
        for j, meeting in enumerate(m.meetings):
            n = m.counts.get((topic, meeting.id), 0)
            mark = m.marks[(topic, meeting.id)]
            level = 0 if n == 0 else 1 + round((len(_BLUES) - 2) * n / peak)
            fill = _BLUES[min(level, len(_BLUES) - 1)]
            symbol = {"new": "+", "dropped": "×"}.get(mark, "")
            text = f"{n}{symbol}" if n else symbol
            hm.cells.append(
                Cell(
                    left + j * cw + 2,
                    y + 2,
                    cw - 4,
                    ch - 4,
                    fill,
                    text,
                    "#ffffff" if level >= 3 else "#111827",
                    mark,
                    f"{labels.get(topic, topic)} — {m.labels[j]}: {n} ({legend_labels.get(mark, mark)})",
                )
            )
    base = top + ch * len(m.topics) + 30
    for k, key in enumerate(("new", "continued", "dropped")):
        hm.legend.append((left + k * 150, key, legend_labels.get(key, key)))
    hm.height = base + 30
    return hm


@dataclass
class Bar:
    """One stacked-bar segment."""

    x: int
    y: int
    w: int
    h: int
    fill: str
    title: str


STATUS_COLOURS = {
    "fulfilled": "#1a7f37",
    "taken_up": "#1a7f37",
    "partial": "#9a6700",
    "partially_taken_up": "#9a6700",
    "in_progress": "#0969da",
    "stalled": "#bc4c00",
    "not_fulfilled": "#cf222e",
    "ignored": "#cf222e",
    "rejected": "#82071e",
    "not_rated": "#8c959f",
}


@dataclass
class Scorechart:
    """Horizontal stacked bars of status counts per actor, with the mean score."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # y, actor, mean label
    legend: list[tuple[int, str, str]] = field(default_factory=list)  # x, colour, status
    ticks: list[tuple[int, str]] = field(default_factory=list)


def scorechart(rows: list[ScoreRow], status_order: list[str]) -> Scorechart:
    """Lay out per-actor stacked status bars scaled to the largest total."""
    left, top, bh, width = 140, 30, 26, 420
    peak = max((r.total for r in rows), default=1)
    sc = Scorechart(width=left + 6 * 125 + 20, height=top + (bh + 8) * max(1, len(rows)) + 60)
    for i, r in enumerate(rows):
        y = top + i * (bh + 8)
        mean = "—" if r.mean is None else f"{r.mean:+.2f}"
        sc.rows.append((y + bh // 2 + 5, r.key, mean))
        x = left
        for status in status_order:
            n = r.counts.get(status, 0)
            if not n:
                continue
            w = max(2, round(width * n / peak))
            sc.bars.append(Bar(x, y, w, bh, STATUS_COLOURS.get(status, "#57606a"), f"{r.key}: {status} {n}"))
            x += w
    for k in range(5):
        value = round(peak * k / 4)
        sc.ticks.append((left + round(width * k / 4), str(value)))
    legend_y = top + (bh + 8) * max(1, len(rows)) + 30
    sc.legend = [
        (left + k * 110, STATUS_COLOURS.get(s, "#57606a"), s) for k, s in enumerate(status_order[:6])
    ]
    sc.height = legend_y + 20
    return sc
