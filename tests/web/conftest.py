"""Page-test fixtures (shared with tests/api): see seed.py."""

from web.seed import client, seeded  # noqa: F401
