"""The last-resort handler: every error is one line (exit 1), Ctrl-C exit 130, and the
traceback only when asked for with --traceback or POLICEPLAN_TRACEBACK=1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.output, result.exception


def test_delivery_export_into_a_missing_folder_is_one_line_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "plan.xlsx"

    code, output, _ = _run("--workspace", str(tmp_path / "w"), "delivery", "export", str(target))

    assert code == 1
    assert output == (
        f"Error: {target}: cannot write the file: the folder {target.parent} does not exist\n"
    )


def _explode(*_args: object, **_kwargs: object) -> int:
    raise RuntimeError("something nobody expected")


def test_an_unexpected_exception_is_one_line_with_exit_code_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("policeplan.cli.delivery.export_actions", _explode)

    code, output, _ = _run("--workspace", str(tmp_path), "delivery", "export", "x.csv")

    assert code == 1
    assert output == (
        "Error: unexpected RuntimeError: something nobody expected "
        "(rerun with --traceback for details)\n"
    )


@pytest.mark.parametrize(
    ("flags", "env"), [(["--traceback"], {}), ([], {"POLICEPLAN_TRACEBACK": "1"})]
)
def test_the_traceback_is_shown_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str], env: dict[str, str]
) -> None:
    monkeypatch.setattr("policeplan.cli.delivery.export_actions", _explode)

    _, _, exception = _run(
        *flags, "--workspace", str(tmp_path), "delivery", "export", "x.csv", env=env
    )

    assert isinstance(exception, RuntimeError)


def _interrupt(*_args: object, **_kwargs: object) -> int:
    raise KeyboardInterrupt


def test_ctrl_c_is_one_line_and_exit_code_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("policeplan.cli.delivery.export_actions", _interrupt)

    code, output, _ = _run("--workspace", str(tmp_path), "delivery", "export", "x.csv")

    assert (code, output) == (130, "Interrupted.\n")


def test_usage_errors_keep_exit_code_2(tmp_path: Path) -> None:
    code, _, _ = _run("--workspace", str(tmp_path), "delivery", "export")

    assert code == 2
