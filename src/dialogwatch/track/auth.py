"""Password hashing (argon2) and API tokens (random, stored as SHA-256, shown once)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogwatch.store.models import ApiToken, User, utcnow
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied
from dialogwatch.track.users import get_user, has_role

_HASHER = PasswordHasher()
TOKEN_PREFIX = "dw_"
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"password too short: at least {MIN_PASSWORD_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches the stored argon2 hash."""
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def set_password(session: Session, actor: User, user_name: str, password: str) -> None:
    """Set a user's password (the user themself, or an admin)."""
    user = get_user(session, user_name)
    if actor.id != user.id and not has_role(actor, "admin"):
        raise PermissionDenied(f"user {actor.name!r} cannot set the password of {user.name!r}")
    user.password_hash = hash_password(password)
    audit.record(session, actor, "user.password", "user", user.id, note=f"password set for {user.name}")


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, or None."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None or not user.active or not verify_password(user.password_hash, password):
        return None
    if _HASHER.check_needs_rehash(user.password_hash or ""):
        user.password_hash = _HASHER.hash(password)
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    session: Session, actor: User, user_name: str | None = None, label: str = ""
) -> tuple[ApiToken, str]:
    """Create an API token for ``user_name`` (default: the actor); return the row and the plaintext once."""
    user = get_user(session, user_name) if user_name else actor
    if actor.id != user.id and not has_role(actor, "admin"):
        raise PermissionDenied(f"user {actor.name!r} cannot create tokens for {user.name!r}")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, label=label, token_hash=_digest(plaintext), prefix=plaintext[:10])
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "token.create", "api_token", row.id, after={"user": user.name, "label": label}
    )
    return row, plaintext


def revoke_token(session: Session, actor: User, token_id: int) -> ApiToken:
    """Revoke a token (its owner or an admin)."""
    row = session.get(ApiToken, token_id)
    if row is None:
        raise NotFound(f"no API token with id {token_id}")
    if row.user_id != actor.id and not has_role(actor, "admin"):
        raise PermissionDenied(f"user {actor.name!r} cannot revoke token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record(
            session,
            actor,
            "token.revoke",
            "api_token",
            row.id,
            before={"revoked": False},
            after={"revoked": True},
        )
    return row


def authenticate_token(session: Session, token: str) -> User | None:
    """The active user a (non-revoked) token belongs to, or None."""
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    row.last_used_at = utcnow()
    return user


def list_tokens(session: Session, actor: User) -> list[ApiToken]:
    """Tokens the actor may see: their own, or all for an admin."""
    q = select(ApiToken).order_by(ApiToken.id)
    if not has_role(actor, "admin"):
        q = q.where(ApiToken.user_id == actor.id)
    return list(session.scalars(q))
