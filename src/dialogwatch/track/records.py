"""The reviewable record types: their tables, editable fields and lineage keys."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer
from sqlalchemy.orm import Session

from dialogwatch.store import models
from dialogwatch.store.models import Document
from dialogwatch.track.errors import InvalidInput, NotFound

# record type (as users write it: "participant:12") -> model class name in store.models
_TABLES = {
    "participant": "Participation",
    "delegation": "DelegationMember",
    "topic": "TopicAssignment",
    "action": "Action",
    "figure": "Figure",
    "case": "CaseMention",
    "instrument": "InstrumentMention",
    "meeting": "MeetingDocument",
    "acronym": "AcronymMention",
    "link": "ActionLink",
}
# Columns a reviewer may not patch: keys, provenance bookkeeping, and the
# status cache (status changes only through track.status events).
_FROZEN = {"id", "document_id", "identity_key", "review_state", "created_at", "status", "rule"}
REVIEW_STATES = ("unreviewed", "confirmed", "rejected", "edited", "added")
# Closed vocabularies of the extraction contract (table, column) -> allowed values.
_ALLOWED: dict[tuple[str, str], tuple] = {
    ("actions", "kind"): ("commitment", "ask"),
    ("actions", "level"): (None, 1, 2, 3, 4, 5),
    ("participations", "role"): ("head", "member", "signatory", "addressee", "mentioned"),
}


def record_types() -> list[str]:
    """Record types whose table exists in this installation."""
    return [t for t, cls in _TABLES.items() if hasattr(models, cls)]


def model_for(record_type: str) -> type:
    """The table class of a record type."""
    cls_name = _TABLES.get(record_type)
    cls = getattr(models, cls_name, None) if cls_name else None
    if cls is None:
        raise InvalidInput(f"unknown record type {record_type!r}: use one of {', '.join(record_types())}")
    return cls


def type_of(row: object) -> str:
    """The record type of a row."""
    name = type(row).__name__
    for rtype, cls in _TABLES.items():
        if cls == name:
            return rtype
    raise InvalidInput(f"{name} rows are not reviewable")


def parse_item(item: str) -> tuple[str, int]:
    """Split ``participant:12`` into ("participant", 12)."""
    rtype, _, raw_id = item.partition(":")
    if not raw_id.strip().isdigit():
        raise InvalidInput(f"invalid item {item!r}: write TYPE:ID, e.g. participant:12 or action:7")
    model_for(rtype)
    return rtype, int(raw_id)


def load_item(session: Session, item: str) -> tuple[str, Any]:
    """The row an item reference names."""
    rtype, rid = parse_item(item)
    row = session.get(model_for(rtype), rid)
    if row is None:
        raise NotFound(f"no {rtype} with id {rid}")
    return rtype, row


def lineage_id(document: Document) -> int:
    """The id of the first version of a document: the key overrides and status history hang on."""
    return document.version_of_id or document.id


def row_key(row: Any) -> str:
    """The identity key of a row; rows without one fall back to their id (not stable)."""
    return row.identity_key or f"row:{row.id}"


def editable_columns(model: type) -> dict[str, Any]:
    """Editable column name -> SQLAlchemy column of a table."""
    return {c.key: c for c in model.__table__.columns if c.key not in _FROZEN}


def snapshot(row: object, fields: list[str] | None = None) -> dict:
    """Field values of a row (all editable ones by default)."""
    cols = editable_columns(type(row))
    names = fields if fields is not None else list(cols)
    return {n: getattr(row, n) for n in names}


def coerce_patch(model: type, raw: dict[str, str]) -> dict[str, Any]:
    """Turn ``field -> text`` (from --set) into typed values, rejecting unknown or frozen fields."""
    cols = editable_columns(model)
    out: dict[str, Any] = {}
    for name, text in raw.items():
        if name not in cols:
            allowed = ", ".join(sorted(cols))
            raise InvalidInput(
                f"field {name!r} cannot be edited on {model.__tablename__}: use one of {allowed}"
            )
        value = _coerce(cols[name], name, text)
        allowed = _ALLOWED.get((model.__tablename__, name))
        if allowed is not None and value not in allowed:
            choices = ", ".join(str(a) for a in allowed if a is not None)
            raise InvalidInput(f"invalid {name} {value!r}: use one of {choices}")
        out[name] = value
    return out


def _coerce(col: Any, name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.lower() in ("", "null", "none"):
        if not col.nullable:
            raise InvalidInput(f"field {name!r} cannot be empty")
        return None
    try:
        if isinstance(col.type, Integer):
            return int(text)
        if isinstance(col.type, Float):
            return float(text)
    except ValueError:
        raise InvalidInput(f"field {name!r} needs a number, got {text!r}") from None
    if isinstance(col.type, JSON):
        if text.startswith(("[", "{")):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                raise InvalidInput(f"field {name!r}: invalid JSON {text!r}") from None
        return [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(col.type, Boolean):
        if text.lower() not in ("true", "false"):
            raise InvalidInput(f"field {name!r} needs true or false, got {text!r}")
        return text.lower() == "true"
    return text
