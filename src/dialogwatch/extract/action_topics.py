"""The topics of one commitment or ask: the topic words inside it, and, when it only points
back ("the case", "estos mecanismos"), the dominant topics of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.prefilter import Prefiltered, prefiltered


class _Anaphora(BaseModel):
    en: list[str]
    es: list[str]
    examples: list[dict]


@cache
def _anaphora_re() -> Prefiltered:
    data = load_data("anaphora.yaml", _Anaphora)
    words = sorted({*data.en, *data.es}, key=len, reverse=True)
    return prefiltered(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def refers_back(text: str) -> bool:
    """True when an action points back at its paragraph ("the case", "estos mecanismos")."""
    return bool(_anaphora_re().search(text))


def action_topics(
    text: str, doc: str | None = None, start: int = 0, block_start: int | None = None
) -> list[str]:
    """Topics of an action: the topic hits inside its span, plus its paragraph's when it refers back."""
    from dialogwatch.extract.topics import hit_starts, topic_hits, topics_in_text

    if doc is None:
        return topics_in_text(text)
    end = start + len(text)
    hits, starts = topic_hits(doc), hit_starts(doc)
    seen: list[str] = []
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        hit = hits[i]
        if hit.end <= end and hit.weight >= 1 and hit.topic not in seen:
            seen.append(hit.topic)
    if block_start is not None and block_start < start and refers_back(text):
        # the paragraph's dominant subjects only: a passing term there says little
        counts: Counter[str] = Counter()
        for i in range(bisect_left(starts, block_start), bisect_left(starts, start)):
            if hits[i].weight >= 1 and hits[i].topic not in seen:
                counts[hits[i].topic] += 1
        seen += [t for t, n in counts.most_common(_PARAGRAPH_TOPICS) if n >= 2]
    return seen


_PARAGRAPH_TOPICS = 2
