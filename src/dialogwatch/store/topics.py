"""Seed the ``topics`` table from the extractor's topic vocabulary.

The vocabulary file (``extract/data/topics.yaml``) belongs to extraction; this
module only reads its ids, groups and labels. It accepts the contract layout
(``group: {id: {en, es, def}}``) and list layouts (``topics: [{id, group,
label_en, label_es}]``), and a topic id that the file does not know still gets
a bare row so a TopicAssignment can always point at it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.store.models import Topic


@dataclass(frozen=True)
class TopicInfo:
    """One topic of the vocabulary."""

    id: str
    group: str = ""
    label_en: str = ""
    label_es: str = ""
    definition: str = ""


def _from_mapping(item: dict, group: str = "", topic_id: str | None = None) -> TopicInfo | None:
    tid = topic_id or item.get("id")
    if not isinstance(tid, str) or not tid:
        return None
    label_en = item.get("label_en") or item.get("en") or item.get("label") or ""
    label_es = item.get("label_es") or item.get("es") or ""
    definition = item.get("definition") or item.get("def") or ""
    return TopicInfo(
        id=tid,
        group=str(item.get("group") or group),
        label_en=str(label_en) if not isinstance(label_en, list) else str(label_en[0]),
        label_es=str(label_es) if not isinstance(label_es, list) else str(label_es[0]),
        definition=str(definition),
    )


_TOPIC_FIELDS = {"en", "es", "label_en", "label_es", "label", "group", "def", "definition"}


def _is_topic(body: object) -> bool:
    return isinstance(body, dict) and bool(_TOPIC_FIELDS & set(body))


def parse_vocabulary(data: object, group: str = "") -> list[TopicInfo]:
    """Read topic ids and labels from any of the supported YAML layouts."""
    if isinstance(data, dict) and isinstance(data.get("topics"), list | dict):
        data = data["topics"]
    found: list[TopicInfo] = []
    if isinstance(data, list):
        mapped = (_from_mapping(item, group) for item in data if isinstance(item, dict))
        found = [t for t in mapped if t]
    elif isinstance(data, dict):
        for key, body in data.items():
            if _is_topic(body):  # {id: {en, es, group...}}
                if topic := _from_mapping(body, group, str(key)):
                    found.append(topic)
            elif isinstance(body, dict | list):  # {group: {id: {...}}} or {group: [{id...}]}
                found += parse_vocabulary(body, str(key))
    return found


@cache
def _bundled() -> tuple[TopicInfo, ...]:
    from dialogwatch.extract.data_loader import DataFileError, read_yaml

    try:
        return tuple(parse_vocabulary(read_yaml("topics.yaml")))
    except DataFileError:
        return ()


def load_vocabulary() -> list[TopicInfo]:
    """The bundled topic vocabulary (parsed once per process), or an empty list if it is missing."""
    return list(_bundled())


def ensure_topics(session: Session, topic_ids: Iterable[str] = ()) -> None:
    """Make sure a row exists for every vocabulary topic and every id in ``topic_ids``."""
    wanted = {t.id: t for t in load_vocabulary()}
    for tid in topic_ids:
        wanted.setdefault(tid, TopicInfo(id=tid, label_en=tid.replace("_", " ")))
    if not wanted:
        return
    existing = {t.id: t for t in session.scalars(select(Topic))}
    for info in wanted.values():
        row = existing.get(info.id)
        if row is None:
            session.add(
                Topic(
                    id=info.id,
                    group=info.group,
                    label_en=info.label_en,
                    label_es=info.label_es,
                    definition=info.definition,
                )
            )
        elif info.label_es and (row.label_en, row.label_es, row.group) != (
            info.label_en,
            info.label_es,
            info.group,
        ):
            # The vocabulary improved since the row was seeded (bare ids get real labels).
            row.label_en, row.label_es, row.group = info.label_en, info.label_es, info.group
            row.definition = info.definition or row.definition
    session.flush()
