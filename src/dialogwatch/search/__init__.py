"""Full-text search over documents and extracted actions (SQLite FTS5 / PostgreSQL tsvector)."""
