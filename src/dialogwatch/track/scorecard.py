"""Scorecards: counts by status and the mean compliance score, per actor or per topic."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from dialogwatch.track.errors import InvalidInput
from dialogwatch.track.queries import find_actions
from dialogwatch.track.status import compliance_score, scale

NONE_GROUP = "(none)"


def scorecard(
    session: Session,
    series: str | None = None,
    actor: str | None = None,
    by: str = "actor",
    kind: str | None = None,
) -> list[dict]:
    """One row per (group, kind): total, count per status, rated count and mean score (None if unrated).

    An action with several actors (or topics) counts once for each of them;
    not_rated actions count in the totals but not in the mean.
    """
    if by not in ("actor", "topic"):
        raise InvalidInput(f"unknown grouping {by!r}: use actor or topic")
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for action in find_actions(session, series=series, kind=kind, actor=actor):
        names = (action.actors if by == "actor" else action.topics) or [NONE_GROUP]
        if by == "actor" and actor:
            names = [n for n in names if n.upper() == actor.upper()]
        for name in dict.fromkeys(names):
            groups[(name, action.kind)].append(action)
    rows = []
    for (name, kind_), actions in sorted(groups.items()):
        counts = {s: 0 for s in scale(kind_)}
        scores = []
        for a in actions:
            counts[a.status] = counts.get(a.status, 0) + 1
            score = compliance_score(a.kind, a.status)
            if score is not None:
                scores.append(score)
        rows.append(
            {
                by: name,
                "kind": kind_,
                "total": len(actions),
                **counts,
                "rated": len(scores),
                "mean_score": round(sum(scores) / len(scores), 3) if scores else None,
            }
        )
    return rows
