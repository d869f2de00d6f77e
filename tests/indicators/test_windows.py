"""Windows: rolling, previous, a year earlier, financial year and year to date."""

from __future__ import annotations

import pytest

from policeplan.errors import InputError
from policeplan.indicators.windows import Window


def test_rolling_window_and_its_comparisons() -> None:
    window = Window.ending("2025-03", 12)
    assert (window.first, window.last, window.length) == ("2024-04", "2025-03", 12)
    assert window.previous() == Window("2023-04", "2024-03")
    assert window.year_earlier() == Window("2023-04", "2024-03")
    assert Window.ending("2025-03", 3).previous() == Window("2024-10", "2024-12")


@pytest.mark.parametrize(
    ("to", "first"),
    [
        ("2021-04", "2021-04"),
        ("2022-01", "2021-04"),
        ("2022-03", "2021-04"),
        ("2022-04", "2022-04"),
    ],
)
def test_year_to_date_starts_in_april(to: str, first: str) -> None:
    assert Window.year_to_date(to) == Window(first, to)


def test_financial_year_runs_april_to_march() -> None:
    assert Window.financial_year("2021/22") == Window("2021-04", "2022-03")


def test_window_needs_a_valid_month_and_length() -> None:
    with pytest.raises(InputError, match="not a month"):
        Window.ending("2025-13", 12)
    with pytest.raises(InputError, match="1 to 120 months long, not 0"):
        Window.ending("2025-01", 0)
    # A runaway length is refused before it reaches the month arithmetic (issue #9 item 6).
    with pytest.raises(InputError, match="1 to 120 months long, not 20000") as refused:
        Window.ending("2025-01", 20000)
    assert refused.value.field == "months"
