"""How ``dragoman serve`` runs: the database, where it listens, and what it lets visitors do."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from dragoman.errors import ConfigError

LOCAL_NAMES = ("localhost",)


def is_local(host: str) -> bool:
    """``host`` is a loopback name or address (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebSettings:
    """Read-only by default. Writes (coding pasted, uploaded or fetched text) need ``allow_writes``,
    and a ``token`` when the server listens on anything but the loopback interface."""

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    allow_writes: bool = False
    token: str | None = None
    model: str | None = None
    max_upload_bytes: int = 5 * 1024 * 1024
    max_text_chars: int = 200_000
    code_timeout: float = 120.0  # seconds one "code text" request may take
    fetch_timeout: float = 20.0

    @property
    def local(self) -> bool:
        return is_local(self.host)

    @property
    def allowed_hosts(self) -> tuple[str, ...] | None:
        """Host headers accepted: on loopback only the loopback names (no DNS rebinding)."""
        if self.local:
            return ("127.0.0.1", "localhost", "::1", "[::1]")
        return None

    def check(self) -> None:
        if self.allow_writes and not self.local and not self.token:
            raise ConfigError(f"--allow-writes on {self.host} (not a loopback address) needs a token: "
                              f"--token or DRAGOMAN_TOKEN")
        if self.token is not None and len(self.token) < 8:
            raise ConfigError("the write token is too short: use at least 8 characters")
        if not 0 < self.port < 65536:
            raise ConfigError(f"port {self.port} out of range (1 to 65535)")
