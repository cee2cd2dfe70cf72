"""links schema: action links and person merge proposals

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "person_merge_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_person_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["other_person_id"],
            ["people.id"],
            name=op.f("fk_person_merge_proposals_other_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_merge_proposals_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_merge_proposals")),
        sa.UniqueConstraint("person_id", "other_person_id", name=op.f("uq_person_merge_proposals_person_id")),
    )
    with op.batch_alter_table("person_merge_proposals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_merge_proposals_other_person_id"), ["other_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_merge_proposals_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_merge_proposals_status"), ["status"], unique=False)

    op.create_table(
        "action_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_action_id", sa.Integer(), nullable=False),
        sa.Column("target_action_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("rule", sa.String(length=120), nullable=False),
        sa.Column("identity_key", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_action_id"],
            ["actions.id"],
            name=op.f("fk_action_links_source_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_action_id"],
            ["actions.id"],
            name=op.f("fk_action_links_target_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_links")),
        sa.UniqueConstraint(
            "source_action_id", "target_action_id", "kind", name=op.f("uq_action_links_source_action_id")
        ),
    )
    with op.batch_alter_table("action_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_links_identity_key"), ["identity_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_links_source_action_id"), ["source_action_id"])
        batch_op.create_index(batch_op.f("ix_action_links_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_links_target_action_id"), ["target_action_id"])


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("action_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_links_target_action_id"))
        batch_op.drop_index(batch_op.f("ix_action_links_status"))
        batch_op.drop_index(batch_op.f("ix_action_links_source_action_id"))
        batch_op.drop_index(batch_op.f("ix_action_links_identity_key"))
    op.drop_table("action_links")
    with op.batch_alter_table("person_merge_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_merge_proposals_status"))
        batch_op.drop_index(batch_op.f("ix_person_merge_proposals_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_merge_proposals_other_person_id"))
    op.drop_table("person_merge_proposals")
