"""Analytics: plain functions over the store, shared by the CLI, the API and the web app."""

from __future__ import annotations

from dialogwatch.analytics.common import UnknownSeriesError, find_series
from dialogwatch.analytics.counts import action_counts
from dialogwatch.analytics.directory import organizations, people
from dialogwatch.analytics.matrices import Matrix, attendance_matrix, topic_marks, topic_matrix
from dialogwatch.analytics.named import case_detail, cases, instrument_detail, instrument_kinds, instruments
from dialogwatch.analytics.timeline import meetings_timeline, series_list

__all__ = [
    "Matrix",
    "UnknownSeriesError",
    "action_counts",
    "attendance_matrix",
    "case_detail",
    "cases",
    "find_series",
    "instrument_detail",
    "instrument_kinds",
    "instruments",
    "meetings_timeline",
    "organizations",
    "people",
    "series_list",
    "topic_marks",
    "topic_matrix",
]
