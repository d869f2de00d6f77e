"""Records-store fixtures (see tests/records_store.py)."""

from tests.records_store import DATA, clock, settings, sqlite_settings

__all__ = ["DATA", "clock", "settings", "sqlite_settings"]
