"""A window the workspace holds no police.uk data for at all is refused in one line naming
the latest month held (issue #9 item 6), by every indicator command; exit code 1."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings

FUTURE = "the workspace holds no police.uk data for essex in 2029-02 to 2030-01; latest month held is 2025-06"  # noqa: E501


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["indicator", "burglary", "--force", "essex", "--to", "2030-01"], FUTURE),
        (["scorecard", "--force", "essex", "--to", "2030-01"], FUTURE),
        (["breakdown", "burglary", "--force", "essex", "--to", "2030-01"], FUTURE),
        (["spc", "burglary", "--force", "essex", "--from", "2029-02", "--to", "2030-01"], FUTURE),
        (
            ["indicator", "all-crime", "--force", "dyfed-powys", "--to", "2025-06"],
            "the workspace holds no police.uk data for dyfed-powys; none is held for "
            "dyfed-powys (it holds essex, kent, sussex): import its files with "
            "`policeplan import police-uk`",
        ),
    ],
)
def test_a_window_with_no_data_names_the_latest_month_held(
    golden_settings: Settings, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["--workspace", str(golden_settings.workspace), *args])

    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


def test_a_window_with_some_months_held_is_still_reported_incomplete(
    golden_settings: Settings,
) -> None:
    args = ["indicator", "burglary", "--force", "essex", "--to", "2025-09", "--months", "6"]
    result = CliRunner().invoke(cli, ["--workspace", str(golden_settings.workspace), *args])

    assert result.exit_code == 0, result.output
    assert "2025-07 to 2025-09" in result.output
