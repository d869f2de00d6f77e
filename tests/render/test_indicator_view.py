"""The indicator view works from typed results: loaded measures have no harm, incomplete
windows say why they are not compared, and no 'None' reaches the reader."""

from __future__ import annotations

from policeplan.indicators import LoadedIndicatorResult, LoadedWindow, Window
from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK, WindowCount
from policeplan.indicators.indicator import IndicatorResult
from policeplan.render import indicator_text

JAN_MAR = Window("2025-01", "2025-03")
OCT_DEC = Window("2024-10", "2024-12")


def _loaded(value: float | None, missing: tuple[str, ...] = ()) -> LoadedWindow:
    periods = () if value is None else ("2025-Q1",)
    return LoadedWindow(JAN_MAR, periods, missing, value, None if value is None else "sum",
                        unit="casualties")  # fmt: skip


def test_loaded_measure_text_has_no_harm_and_no_key_error() -> None:
    result = LoadedIndicatorResult(
        "ksi-casualties", "essex", "essex", _loaded(78), _loaded(115), data_label=None
    )

    text = indicator_text(result)

    assert "ksi-casualties — essex (essex, loaded measure)" in text
    assert "78 casualties" in text
    assert "harm" not in text and "None" not in text


def test_loaded_measure_with_a_gap_names_the_missing_months() -> None:
    gap = LoadedWindow(OCT_DEC, (), ("2024-11", "2024-12"), None, None)
    result = LoadedIndicatorResult("ksi-casualties", "essex", "essex", _loaded(78), gap, None)

    text = indicator_text(result)

    assert "change: not compared: the comparison window 2024-10 to 2024-12 is incomplete " \
        "(no data for 2024-11 to 2024-12)" in text  # fmt: skip


def test_incomplete_crime_window_gives_the_reason_and_no_none() -> None:
    current = WindowCount(JAN_MAR, {"2025-01": 5, "2025-02": 6, "2025-03": 7}, (), 3)
    comparison = WindowCount(OCT_DEC, {"2024-10": 5}, ("2024-11", "2024-12"))
    result = IndicatorResult(
        "burglary", "essex", WHOLE_FORCE, POLICE_UK, current, comparison, None, None, None,
        None, None, "synthetic demo data", "Burglary",
    )  # fmt: skip

    lines = indicator_text(result).splitlines()

    assert lines[0] == "[synthetic demo data]"
    assert lines[1] == "Burglary (burglary) — essex, whole force, police.uk street records"
    assert "  comparison 2024-10 to 2024-12: incomplete (no data for 2024-11 to 2024-12)" in lines
    assert any(line.startswith("  change: not compared: the comparison window") for line in lines)
    assert "None" not in "\n".join(lines)
