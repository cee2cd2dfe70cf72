"""tracking schema: users, API tokens, status events, overrides, evidence suggestions, audit log

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def _index(table: str, *columns: str, unique: bool = False) -> None:
    op.create_index(f"ix_{table}_{columns[0]}", table, list(columns), unique=unique)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("last_used_at", _TZ, nullable=True),
        sa.Column("revoked_at", _TZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_api_tokens_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    _index("api_tokens", "user_id")

    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("lineage_id", sa.Integer(), nullable=False),
        sa.Column("action_key", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("evidence_document_id", sa.Integer(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.String(length=1000), nullable=True),
        sa.Column("evidence_citation", sa.String(length=500), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["actions.id"], name="fk_status_events_action_id_actions", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["lineage_id"], ["documents.id"], name="fk_status_events_lineage_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_status_events_user_id_users", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["evidence_document_id"],
            ["documents.id"],
            name="fk_status_events_evidence_document_id_documents",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_status_events"),
    )
    _index("status_events", "action_id")
    _index("status_events", "lineage_id")
    _index("status_events", "action_key")
    _index("status_events", "evidence_document_id")

    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lineage_id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("identity_key", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("patch", sa.JSON(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("updated_at", _TZ, nullable=False),
        sa.Column("conflict", sa.Text(), nullable=True),
        sa.Column("conflict_at", _TZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["lineage_id"], ["documents.id"], name="fk_overrides_lineage_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_overrides_user_id_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_overrides"),
        sa.UniqueConstraint("lineage_id", "record_type", "identity_key", name="uq_overrides_lineage_id"),
    )
    _index("overrides", "lineage_id")

    op.create_table(
        "evidence_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("lineage_id", sa.Integer(), nullable=False),
        sa.Column("action_key", sa.String(length=200), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", _TZ, nullable=True),
        sa.Column("status_event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name="fk_evidence_suggestions_action_id_actions",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lineage_id"],
            ["documents.id"],
            name="fk_evidence_suggestions_lineage_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_evidence_suggestions_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["status_event_id"],
            ["status_events.id"],
            name="fk_evidence_suggestions_status_event_id_status_events",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_suggestions"),
        sa.UniqueConstraint(
            "lineage_id", "action_key", "document_id", "start", name="uq_evidence_suggestions_lineage_id"
        ),
    )
    _index("evidence_suggestions", "action_id")
    _index("evidence_suggestions", "lineage_id")
    _index("evidence_suggestions", "document_id")
    _index("evidence_suggestions", "state")

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", _TZ, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("verb", sa.String(length=40), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=80), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    _index("audit_log", "at")
    _index("audit_log", "entity_type")


def downgrade() -> None:
    """Revert this revision."""
    for table in ("audit_log", "evidence_suggestions", "overrides", "status_events", "api_tokens", "users"):
        op.drop_table(table)
