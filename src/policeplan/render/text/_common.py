"""What several text views share: the data label line, reasons a window is not compared,
and the reading guides."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from policeplan.indicators.counts import WindowCount
from policeplan.indicators.windows import Window, month_ranges
from policeplan.render.wording import STATISTICS_DOCS
from policeplan.stats.exposure import window_days


def label_lines(data_label: str | None) -> list[str]:
    """'[synthetic demo data]' on outputs of a labelled workspace, else nothing."""
    return [f"[{data_label}]"] if data_label else []


def window_phrase(window: Window) -> str:
    """'2025-01 to 2025-12', or the month alone."""
    return window.label()


def exposure_lines(current: Window, comparison: Window) -> list[str]:
    """Why the change is not the counts' difference when the windows' days differ.

    >>> exposure_lines(Window("2025-01", "2025-12"), Window("2024-01", "2024-12"))[0][:30]
    '  days: 365 against 366, so th'
    >>> exposure_lines(Window("2025-01", "2025-12"), Window("2023-01", "2023-12"))
    []
    """
    now = window_days(current.first, current.last)
    then = window_days(comparison.first, comparison.last)
    if now == then:
        return []
    return wrapped(
        f"days: {now} against {then}, so the change compares daily rates (the comparison "
        f"window scaled to {now} days), not the two counts",
        "  ",
    )


def missing_reason(
    current: Window,
    current_missing: Sequence[str],
    comparison: Window,
    comparison_missing: Sequence[str],
) -> str:
    """Why two windows were not compared, naming the missing months of each.

    >>> missing_reason(Window("2025-01", "2025-12"), [], Window("2024-01", "2024-12"),
    ...                ["2024-01", "2024-02"])
    'the comparison window 2024-01 to 2024-12 is incomplete (no data for 2024-01 to 2024-02)'
    """
    parts = [
        f"the {name} window {window.label()} is incomplete (no data for {month_ranges(missing)})"
        for name, window, missing in (
            ("current", current, current_missing),
            ("comparison", comparison, comparison_missing),
        )
        if missing
    ]
    return "; ".join(parts) if parts else "a window is incomplete"


def incomplete_reason(current: WindowCount, comparison: WindowCount) -> str:
    """Why two window counts were not compared: missing months, else months that look
    incomplete (not accepted).

    >>> from policeplan.indicators.counts import SuspectMonth
    >>> kent = WindowCount(Window("2018-12", "2018-12"), {"2018-12": 8438}, (), None,
    ...                    (SuspectMonth("2018-12", 8438, 15378.0),))
    >>> before = WindowCount(Window("2018-11", "2018-11"), {"2018-11": 1})
    >>> incomplete_reason(kent, before)  # doctest: +ELLIPSIS
    'the current window 2018-12 is incomplete: 2018-12 looks incomplete (8,438 rows against ...'
    """
    if current.missing_months or comparison.missing_months:
        return missing_reason(
            current.window, current.missing_months, comparison.window, comparison.missing_months
        )
    parts = [
        f"the {name} window {counted.window.label()} is incomplete: {counted.incomplete_reason}"
        for name, counted in (("current", current), ("comparison", comparison))
        if counted.incomplete_reason
    ]
    return "; ".join(parts) if parts else "a window is incomplete"


def caveat_notes(caveats: Sequence[str | None]) -> list[str]:
    """Each distinct caveat of a table's tests once: 'Caveat (3 tests): …'."""
    counts: dict[str, int] = {}
    for caveat in caveats:
        if caveat:
            counts[caveat] = counts.get(caveat, 0) + 1
    return [f"Caveat ({n} test{'s' if n != 1 else ''}): {caveat}" for caveat, n in counts.items()]


WIDTH = 100


def wrapped(text: str, indent: str = "") -> list[str]:
    """A paragraph as lines of at most 100 characters; continuation lines indented by two
    more spaces than `indent`."""
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    )


def guide_lines(*guides: str) -> list[str]:
    """Reading guides under a table, then where the statistics are explained."""
    lines = [""]
    for guide in guides:
        lines += wrapped(guide)
    return [*lines, f"More: {STATISTICS_DOCS}"]
