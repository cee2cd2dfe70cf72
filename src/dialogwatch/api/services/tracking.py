"""Glue to the track and link services: error mapping and link lookups."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException
from sqlalchemy.orm import Session

from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied, TrackError


@contextmanager
def track_errors() -> Iterator[None]:
    """Turn track errors into HTTP errors (404, 403, 422) with their one-line message."""
    try:
        yield
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except PermissionDenied as exc:
        raise HTTPException(403, str(exc)) from exc
    except (InvalidInput, TrackError) as exc:
        raise HTTPException(422, str(exc)) from exc


def action_links(session: Session, action_id: int) -> list[dict]:
    """Links of an action (restatements, answers) with score and evidence, from the link service."""
    from dialogwatch.link.queries import links_for_action

    return links_for_action(session, action_id)
