"""`as of` a date means the end of that day (UTC), in the library and on the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.delivery import Quarter, add_strand, delivery_summary
from policeplan.delivery.summary import end_of_day, parse_as_of
from policeplan.errors import InputError
from policeplan.store import Workspace


def test_a_date_is_the_last_instant_of_that_day() -> None:
    assert parse_as_of("2021-10-31") == datetime(2021, 10, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert end_of_day(date(2021, 10, 31)) == parse_as_of(" 2021-10-31 ")


def test_a_malformed_date_is_an_input_error_on_as_of() -> None:
    with pytest.raises(InputError) as refused:
        parse_as_of("31/10/2021")
    assert refused.value.field == "as_of"


def test_summary_as_of_a_date_counts_what_was_recorded_that_day(settings: Settings) -> None:
    workspace = Workspace(settings)
    late = datetime(2021, 10, 31, 23, 0, tzinfo=UTC)
    add_strand(workspace, code="HC", name="Hate Crime", lead="Supt A", actor="analyst",
               clock=lambda: late)  # fmt: skip
    quarter = Quarter.parse("2021-22Q3")

    assert [s.strand for s in delivery_summary(workspace, quarter, as_of=date(2021, 10, 31))
            .strands] == ["Hate Crime"]  # fmt: skip
    assert delivery_summary(workspace, quarter, as_of=date(2021, 10, 30)).strands == []


def test_cli_as_of_a_malformed_date_is_a_usage_error(settings: Settings) -> None:
    result = CliRunner().invoke(
        cli,
        ["--workspace", str(settings.workspace), "delivery", "summary", "--quarter",
         "2021-22Q3", "--as-of", "31/10/2021"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "'31/10/2021' is not a date like 2021-10-31" in result.output
