"""The web app's settings, fixed at start-up (`policeplan serve` options) and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from policeplan.config import Settings

__all__ = ["WebConfig"]


@dataclass(frozen=True)
class WebConfig:
    """`secure_cookies` is off only for plain-HTTP use on one's own machine
    (`serve --plain-http`); the browser then sends the session cookie without TLS."""

    settings: Settings
    secure_cookies: bool = True
    session_lifetime: timedelta = timedelta(hours=8)
    max_body_bytes: int = 10 * 1024 * 1024
    max_upload_bytes: int = 100 * 1024 * 1024  # an analyst's file upload (Data page)
    snapshot_check_seconds: float = 1.0
    snapshot_min_copy_seconds: float = 30.0
