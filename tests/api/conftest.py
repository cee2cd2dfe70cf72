"""API-test fixtures (shared with tests/web): see seed.py."""

from web.seed import client, seeded  # noqa: F401
