"""Settings precedence: flag > environment > policeplan.toml > default, read once at start-up."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import (
    DATABASE_URL_ENV,
    DEFAULT_WORKSPACE,
    TRACEBACK_ENV,
    WORKSPACE_CONFIG_FILE,
    WORKSPACE_ENV,
    Settings,
    load_settings,
)
from policeplan.errors import ConfigurationError

FLAG_URL = "sqlite:////tmp/from-flag.sqlite"
ENV_URL = "sqlite:////tmp/from-env.sqlite"
FILE_URL = "sqlite:////tmp/from-file.sqlite"


def _workspace_with_config(tmp_path: Path, url: str = FILE_URL) -> Path:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / WORKSPACE_CONFIG_FILE).write_text(f'[database]\nurl = "{url}"\n')
    return workspace


def test_the_workspace_flag_beats_the_environment_which_beats_the_default(
    tmp_path: Path,
) -> None:
    env = {WORKSPACE_ENV: str(tmp_path / "env")}

    assert load_settings(tmp_path / "flag", env).workspace == tmp_path / "flag"
    assert load_settings(None, env).workspace == tmp_path / "env"
    assert load_settings(None, {}).workspace == DEFAULT_WORKSPACE


def test_the_database_url_flag_beats_environment_file_and_default(tmp_path: Path) -> None:
    workspace = _workspace_with_config(tmp_path)
    env = {DATABASE_URL_ENV: ENV_URL}

    assert load_settings(workspace, env, database_url=FLAG_URL).database_url == FLAG_URL
    assert load_settings(workspace, env).database_url == ENV_URL
    assert load_settings(workspace, {}).database_url == FILE_URL
    assert load_settings(tmp_path / "plain", {}).database_url is None


def test_without_a_url_the_records_store_is_sqlite_inside_the_workspace(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "w", {})

    assert settings.records_url == f"sqlite:///{(tmp_path / 'w' / 'records.sqlite').resolve()}"
    assert settings.analytics_path == tmp_path / "w" / "analytics.duckdb"


def test_the_config_file_is_read_from_the_workspace_the_environment_names(
    tmp_path: Path,
) -> None:
    workspace = _workspace_with_config(tmp_path)

    settings = load_settings(None, {WORKSPACE_ENV: str(workspace)})

    assert settings.database_url == FILE_URL


def test_a_postgresql_url_gets_the_psycopg_driver(tmp_path: Path) -> None:
    url = "postgresql://u@db/policeplan"

    settings = load_settings(tmp_path, {DATABASE_URL_ENV: url})

    assert settings.database_url == "postgresql+psycopg://u@db/policeplan"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[database\nurl = 1", "not valid TOML"),
        ("[database]\nurl = 1\n", "[database] url must be a string"),
        ('[database]\nurl = "mysql://x"\n', "is not supported"),
    ],
)
def test_a_bad_config_file_is_a_configuration_error_naming_it(
    tmp_path: Path, content: str, message: str
) -> None:
    workspace = tmp_path / "w"
    workspace.mkdir()
    (workspace / WORKSPACE_CONFIG_FILE).write_text(content)

    with pytest.raises(ConfigurationError, match=r"not valid TOML|must be|not supported") as caught:
        load_settings(workspace, {})

    assert message in str(caught.value)


def test_traceback_flag_or_environment_turns_tracebacks_on() -> None:
    assert load_settings("w", {}).show_traceback is False
    assert load_settings("w", {TRACEBACK_ENV: "1"}).show_traceback is True
    assert load_settings("w", {TRACEBACK_ENV: "0"}).show_traceback is False
    assert load_settings("w", {}, show_traceback=True).show_traceback is True


@click.command()
@click.pass_context
def _show(ctx: click.Context) -> None:
    settings = ctx.find_object(Settings)
    assert settings is not None
    click.echo(f"{settings.workspace}|{settings.database_url}|{settings.show_traceback}")


@pytest.fixture
def show_command() -> object:
    cli.add_command(_show, "show-settings-for-test")
    yield
    cli.commands.pop("show-settings-for-test")


@pytest.mark.usefixtures("show_command")
def test_the_command_line_applies_the_same_precedence(tmp_path: Path) -> None:
    workspace = _workspace_with_config(tmp_path)
    env = {WORKSPACE_ENV: str(workspace), DATABASE_URL_ENV: ENV_URL, TRACEBACK_ENV: ""}
    runner = CliRunner()

    from_env = runner.invoke(cli, ["show-settings-for-test"], env=env)
    from_flag = runner.invoke(
        cli,
        ["--workspace", str(tmp_path / "other"), "--traceback", "show-settings-for-test"],
        env=env,
    )
    from_file = runner.invoke(
        cli, ["show-settings-for-test"], env={WORKSPACE_ENV: str(workspace), DATABASE_URL_ENV: ""}
    )

    assert from_env.output == f"{workspace}|{ENV_URL}|False\n"
    assert from_flag.output == f"{tmp_path / 'other'}|{ENV_URL}|True\n"
    assert from_file.output == f"{workspace}|{FILE_URL}|False\n"
