"""Errors of the tracking services; each message is one line fit for a user."""

from __future__ import annotations


class TrackError(ValueError):
    """A tracking request cannot be carried out; the message says why in one line."""


class NotFound(TrackError):
    """The named action, document, user, item or suggestion does not exist."""


class PermissionDenied(TrackError):
    """The acting user's role does not allow the change."""


class InvalidInput(TrackError):
    """A value (status, date, span, field) is not acceptable."""
