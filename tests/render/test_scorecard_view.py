"""The scorecard view: a title with both windows, headers, and the reason measures were
not compared, given once rather than fifteen bare 'not compared'."""

from __future__ import annotations

from policeplan.indicators import Scorecard, Window
from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK, WindowCount
from policeplan.indicators.indicator import IndicatorResult
from policeplan.render import scorecard_text

CURRENT = Window("2025-01", "2025-12")
BEFORE = Window("2024-01", "2024-12")


def _not_compared(measure: str) -> IndicatorResult:
    current = WindowCount(CURRENT, dict.fromkeys(CURRENT.months, 10), ())
    before = WindowCount(BEFORE, dict.fromkeys(BEFORE.months[4:], 10), tuple(BEFORE.months[:4]))
    return IndicatorResult(measure, "essex", WHOLE_FORCE, POLICE_UK, current, before, None,
                           None, None, None, None, None)  # fmt: skip


def test_not_compared_measures_share_one_stated_reason() -> None:
    card = Scorecard("Essex", "essex", "Essex", CURRENT, BEFORE,
                     (_not_compared("burglary"), _not_compared("robbery")), None)  # fmt: skip

    lines = scorecard_text(card).splitlines()

    assert lines[0] == (
        "Scorecard: Essex, 2025-01 to 2025-12 against 2024-01 to 2024-12 (police.uk street records)"
    )
    assert lines[2].split() == ["Measure", "Count", "Before", "Change", "q", "Test", "Per",
                                "1,000", "Solved"]  # fmt: skip
    reasons = [line for line in lines if line.startswith("not compared:")]
    assert reasons == [
        "not compared: the comparison window 2024-01 to 2024-12 is incomplete "
        "(no data for 2024-01 to 2024-04)"
    ]
    assert card.to_dict()["force"] == "Essex"
