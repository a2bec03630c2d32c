"""Password hashing with Argon2id (memory-hard), via argon2-cffi."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.core.errors import FieldProblem, InvalidInput

__all__ = ["MIN_LENGTH", "check_strength", "hash_password", "needs_rehash", "verify_password"]

MIN_LENGTH = 8
_hasher = PasswordHasher()  # argon2id, 64 MiB, t=3: ~50 ms here, a lot for a guesser


def check_strength(password: str, username: str, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            FieldProblem(
                field,
                "•" * len(password),
                "is shorter than {minimum} characters",
                "Choose a longer password; a short sentence is easy to remember",
                {"minimum": MIN_LENGTH},
            )
        )
    if password.strip().lower() == username.strip().lower():
        raise InvalidInput(
            FieldProblem(
                field,
                "•" * len(password),
                "is the same as the user name",
                "Choose a password nobody can guess from the user name",
            )
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
