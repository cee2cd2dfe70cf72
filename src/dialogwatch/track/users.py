"""Local accounts and roles; permission checks shared by CLI, API and web."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogwatch.store.models import User
from dialogwatch.track import audit
from dialogwatch.track.errors import InvalidInput, NotFound, PermissionDenied

ROLES = ("viewer", "editor", "admin")
_RANK = {r: i for i, r in enumerate(ROLES)}


def has_role(user: User | None, role: str) -> bool:
    """True when ``user`` is active and holds ``role`` or a higher one."""
    return user is not None and user.active and _RANK.get(user.role, -1) >= _RANK[role]


def require_role(user: User | None, role: str) -> None:
    """Raise PermissionDenied unless ``user`` holds at least ``role``."""
    if role not in _RANK:
        raise ValueError(f"unknown role {role!r}")
    if user is None:
        raise PermissionDenied(f"sign in as {role} or higher to do this")
    if not has_role(user, role):
        raise PermissionDenied(f"user {user.name!r} is {user.role}; this needs {role} or higher")


def _check_role(role: str) -> str:
    if role not in _RANK:
        raise InvalidInput(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return role


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or any(c.isspace() for c in name):
        raise InvalidInput(f"invalid user name {name!r}: 1-80 characters, no spaces")
    return name


def get_user(session: Session, name: str) -> User:
    """The user with this name, or NotFound."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"no user named {name!r}")
    return user


def snapshot(user: User) -> dict:
    """The audited fields of a user (never the password hash)."""
    return {"name": user.name, "role": user.role, "active": user.active}


def add_user(
    session: Session, actor: User | None, name: str, role: str = "viewer", password: str | None = None
) -> User:
    """Create a local account (admins only)."""
    require_role(actor, "admin")
    return _create(session, actor, _check_name(name), _check_role(role), password, "user.add")


def _create(
    session: Session, actor: User | None, name: str, role: str, password: str | None, verb: str
) -> User:
    from dialogwatch.track.auth import hash_password

    if session.scalar(select(User).where(User.name == name)) is not None:
        raise InvalidInput(f"user {name!r} already exists")
    user = User(
        name=name, role=role, active=True, password_hash=hash_password(password) if password else None
    )
    session.add(user)
    session.flush()
    audit.record(session, actor or user, verb, "user", user.id, after=snapshot(user))
    return user


def list_users(session: Session) -> list[User]:
    """All accounts by name."""
    return list(session.scalars(select(User).order_by(User.name)))


def _admins(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active)) or 0
    )


def set_role(session: Session, actor: User | None, name: str, role: str) -> User:
    """Change a user's role (admins only; the last admin cannot be demoted)."""
    require_role(actor, "admin")
    user = get_user(session, name)
    role = _check_role(role)
    if user.role == "admin" and role != "admin" and _admins(session) <= 1:
        raise InvalidInput(f"{name!r} is the last admin; make another admin first")
    before = snapshot(user)
    user.role = role
    audit.record(session, actor, "user.set_role", "user", user.id, before=before, after=snapshot(user))
    return user


def remove_user(session: Session, actor: User | None, name: str) -> None:
    """Delete an account (admins only; not the last admin). Its history keeps the name."""
    require_role(actor, "admin")
    user = get_user(session, name)
    if user.role == "admin" and _admins(session) <= 1:
        raise InvalidInput(f"{name!r} is the last admin and cannot be removed")
    before = snapshot(user)
    uid = user.id
    session.delete(user)
    session.flush()
    audit.record(session, actor, "user.remove", "user", uid, before=before, after=None)


def cli_user(session: Session, name: str) -> User:
    """The local user the CLI acts as; on a database without users it is created as admin."""
    name = _check_name(name)
    user = session.scalar(select(User).where(User.name == name))
    if user is not None:
        if not user.active:
            raise PermissionDenied(f"user {name!r} is disabled")
        return user
    if session.scalar(select(func.count()).select_from(User)):
        raise NotFound(
            f"no user named {name!r}; set DIALOGWATCH_USER to an existing user or ask an admin to add it"
        )
    return _create(session, None, name, "admin", None, "user.bootstrap")
