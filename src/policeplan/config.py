"""Settings, read once at start-up and passed down as a frozen object.

Only `load_settings` looks at the environment; nothing below start-up reads `os.environ`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from policeplan.errors import ConfigurationError

DEFAULT_WORKSPACE = Path("policeplan-workspace")
WORKSPACE_ENV = "POLICEPLAN_WORKSPACE"
DATABASE_URL_ENV = "POLICEPLAN_DATABASE_URL"
TRACEBACK_ENV = "POLICEPLAN_TRACEBACK"
WORKSPACE_CONFIG_FILE = "policeplan.toml"


@dataclass(frozen=True)
class Settings:
    """Where the workspace lives and which records database it uses.

    `database_url` is None for the default SQLite file inside the workspace.
    `show_traceback` makes the command line print the traceback of an unexpected error
    (`--traceback` or POLICEPLAN_TRACEBACK=1) instead of one line.
    """

    workspace: Path
    database_url: str | None = None
    show_traceback: bool = False

    @property
    def analytics_path(self) -> Path:
        """The embedded DuckDB analytics database."""
        return self.workspace / "analytics.duckdb"

    @property
    def records_url(self) -> str:
        """SQLAlchemy URL of the records store (SQLite in the workspace unless configured)."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.workspace / 'records.sqlite').resolve()}"


def load_settings(
    workspace: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    database_url: str | None = None,
    *,
    show_traceback: bool = False,
) -> Settings:
    """Build settings from flags, then the environment, then the workspace config file
    (`policeplan.toml`: `[database] url = …`), then the defaults.

    >>> load_settings("/tmp/w", environ={}).workspace
    PosixPath('/tmp/w')
    """
    env = environ or {}
    path = Path(workspace or env.get(WORKSPACE_ENV) or DEFAULT_WORKSPACE)
    url = database_url or env.get(DATABASE_URL_ENV) or _url_from_config_file(path)
    if url and not url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        raise ConfigurationError(
            f"database URL {url!r} is not supported: use sqlite:///FILE or postgresql://…"
        )
    if url and url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    traceback = show_traceback or env.get(TRACEBACK_ENV, "").lower() in ("1", "true", "yes")
    return Settings(workspace=path, database_url=url or None, show_traceback=traceback)


def _url_from_config_file(workspace: Path) -> str | None:
    config_file = workspace / WORKSPACE_CONFIG_FILE
    if not config_file.is_file():
        return None
    try:
        data = tomllib.loads(config_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(f"{config_file}: cannot be read ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{config_file}: not valid TOML ({exc})") from exc
    url = data.get("database", {}).get("url")
    if url is not None and not isinstance(url, str):
        raise ConfigurationError(f"{config_file}: [database] url must be a string")
    return url
