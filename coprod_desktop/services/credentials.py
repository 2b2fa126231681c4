"""Passwords for shared databases live in the operating system's keyring, never in settings.

A URL is stored without its password; the password is kept under the URL's
user@host:port/database and put back when the database is opened.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

SERVICE = "coprod-desktop"


def account(url: str) -> str:
    parsed = make_url(url)
    return (
        f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or ''}/{parsed.database or ''}"
    )


def without_password(url: str) -> str:
    """The URL as it may be written to settings or shown (no password in it)."""
    parsed = make_url(url)
    # URL.set() leaves a field alone when given None, so replace the tuple field itself.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def remember(url: str, password: str) -> None:
    import keyring  # only when a shared database is used

    keyring.set_password(SERVICE, account(url), password)


def forget(url: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(SERVICE, account(url))


def with_password(url: str) -> str:
    """The URL with the keyring's password for it put in (unchanged if none is stored)."""
    if "://" not in url:  # a file path: SQLite needs no password
        return url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or parsed.password:
        return url
    try:
        import keyring

        password = keyring.get_password(SERVICE, account(url))
    except Exception:  # no usable keyring backend on this desktop: connect without one
        return url
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared database is: what the Connect dialog shows and asks for."""

    host: str
    port: int | None
    database: str
    user: str


def address_of(url: str) -> ServerAddress | None:
    """The parts of a server URL, or None when `url` cannot be read as one."""
    try:
        parsed = make_url(url)
    except Exception:  # not a URL we can read
        return None
    return ServerAddress(
        parsed.host or "", parsed.port, parsed.database or "", parsed.username or ""
    )


def server_url(driver: str, address: ServerAddress) -> str:
    """The URL of a shared database without a password: what settings may hold."""
    url = URL.create(
        driver,
        username=address.user,
        host=address.host,
        port=address.port,
        database=address.database,
    )
    return url.render_as_string(hide_password=False)


def with_typed_password(url: str, password: str) -> str:
    """`url` with a password the user just typed."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)
