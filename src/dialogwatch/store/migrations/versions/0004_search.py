"""search schema: one index row per document or action, with backend full-text structures

``search_entries`` is slim: what a hit is, plus copies of the filter fields
(type, language, year, visibility, listed) so searches never touch the wide
documents table. ``search_terms`` holds the text already folded and stemmed in
Python (``dialogwatch.search.stemmer``), so SQLite (FTS5) and PostgreSQL
(tsvector) match identical terms. On SQLite an external-content FTS5 table
mirrors ``search_terms`` through triggers; on PostgreSQL a generated, weighted
tsvector column with a GIN index does (title weight A, body weight B).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_terms, body_terms, content='search_terms', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 2\")"
)
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER search_terms_ai AFTER INSERT ON search_terms BEGIN
      INSERT INTO search_fts(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_terms_ad AFTER DELETE ON search_terms BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_terms_au AFTER UPDATE ON search_terms BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
      INSERT INTO search_fts(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
    END""",
)
_PG_TSV = (
    "ALTER TABLE search_terms ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(body_terms, '')), 'B')) STORED"
)


def upgrade() -> None:
    """Create the search index table and the backend's full-text structures."""
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("ref_id", sa.Integer, nullable=False),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE", name="fk_search_entries_document_id_documents"),
            nullable=False,
        ),
        sa.Column(
            "action_id",
            sa.Integer,
            sa.ForeignKey("actions.id", ondelete="CASCADE", name="fk_search_entries_action_id_actions"),
        ),
        sa.Column("source_key", sa.Text, nullable=False, server_default=""),
        sa.Column("title_src", sa.Text),
        sa.Column("doc_type", sa.String(32)),
        sa.Column("language", sa.String(8)),
        sa.Column("year", sa.String(4)),
        sa.Column("issue_date", sa.String(10)),
        sa.Column("visibility", sa.String(10), nullable=False, server_default="public"),
        sa.Column("listed", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.UniqueConstraint("kind", "ref_id", name="uq_search_entries_kind"),
    )
    op.create_table(
        "search_terms",
        sa.Column(
            "id",
            sa.Integer,
            sa.ForeignKey("search_entries.id", ondelete="CASCADE", name="fk_search_terms_id_search_entries"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("title_terms", sa.Text, nullable=False, server_default=""),
        sa.Column("body_terms", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_search_entries_document_id", "search_entries", ["document_id"])
    op.create_index("ix_search_entries_action_id", "search_entries", ["action_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(_SQLITE_FTS)
        for trigger in _SQLITE_TRIGGERS:
            op.execute(trigger)
    elif dialect == "postgresql":
        op.execute(_PG_TSV)
        op.execute("CREATE INDEX ix_search_terms_tsv ON search_terms USING gin (tsv)")


def downgrade() -> None:
    """Drop the search index and its full-text structures."""
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_terms_ai", "search_terms_ad", "search_terms_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_terms")
    op.drop_table("search_entries")
