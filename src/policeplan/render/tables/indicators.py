"""Tables of the indicator commands: one indicator, the scorecard and a breakdown, with the
numbers their `--json` gives (counts, change, p-value, verdict, rate, population).

    >>> INDICATOR_COLUMNS[:3]
    ('Measure', 'Area', 'Current from')
"""

from __future__ import annotations

from policeplan.indicators import (
    Breakdown,
    HarmIndicatorResult,
    IndicatorResult,
    LoadedIndicatorResult,
    Scorecard,
)
from policeplan.indicators.count_change import CountChange
from policeplan.render.tables.table import COUNT, PERCENT, RATE, RATIO, Cell, Table, table

__all__ = ["INDICATOR_COLUMNS", "breakdown_table", "indicator_table", "scorecard_table"]

INDICATOR_COLUMNS = (
    "Measure", "Area", "Current from", "Current to", "Current", "Comparison from",
    "Comparison to", "Comparison", "Difference", "% difference", "p-value", "Significant",
    "Rate per 1,000", "Population", "Population year", "Solved rate",
)  # fmt: skip
_FORMATS = {"Current": COUNT, "Comparison": COUNT, "Difference": "#,##0.0",
            "% difference": "0.0", "p-value": RATIO, "Rate per 1,000": RATE,
            "Population": COUNT, "Population year": "0", "Solved rate": PERCENT}  # fmt: skip


def _change_cells(change: CountChange | None) -> tuple[Cell, ...]:
    """Difference (1 dp), % difference, p-value and the test's verdict, as in the JSON."""
    if change is None:
        return (None, None, None, None)
    percent = change.percent_difference
    return (round(change.difference, 1), None if percent is None else float(percent),
            change.p_value, change.significant)  # fmt: skip


def _crime_row(result: IndicatorResult) -> tuple[Cell, ...]:
    population = result.population
    solved = None if result.solved is None else result.solved.proportion
    return (
        result.measure, result.area.label,
        result.current.window.first, result.current.window.last, result.current.count,
        result.comparison.window.first, result.comparison.window.last, result.comparison.count,
        *_change_cells(result.change),
        result.rate_per_1000,
        None if population is None else population.population,
        None if population is None else population.year,
        solved,
    )  # fmt: skip


def _loaded_row(result: LoadedIndicatorResult) -> tuple[Cell, ...]:
    change = result.change
    return (
        result.measure, result.area,
        result.current.window.first, result.current.window.last, result.current.value,
        result.comparison.window.first, result.comparison.window.last, result.comparison.value,
        change.diff, change.pct_diff, change.p_value, change.significant,
        None, None, None, None,
    )  # fmt: skip


def _harm_row(result: HarmIndicatorResult) -> tuple[Cell, ...]:
    change, now, then = result.change, result.current, result.comparison
    return (
        result.measure, result.area.label, now.window.first, now.window.last, now.total,
        then.window.first, then.window.last, then.total,
        None if change is None else round(change.difference, 1),
        None if change is None else change.percent_difference,
        None if change is None else change.p_value,
        None if change is None else change.significant,
        result.rate_per_1000, now.population, now.population_year, None,
    )  # fmt: skip


def indicator_table(result: IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult) -> Table:
    """One row: the two windows' counts (values for a loaded measure, scores for a harm
    measure), the change and its test, the rate per 1,000 and the solved rate."""
    if isinstance(result, HarmIndicatorResult):
        row = _harm_row(result)
    elif isinstance(result, LoadedIndicatorResult):
        row = _loaded_row(result)
    else:
        row = _crime_row(result)
    return table(f"Indicator {result.measure}", INDICATOR_COLUMNS, [row], _FORMATS)


def scorecard_table(card: Scorecard) -> Table:
    """One row per measure; `Significant` is the verdict across the scorecard (q < 0.05),
    `Significant alone` the test's own."""
    rows = []
    for index, (result, q_value) in enumerate(zip(card.indicators, card.q_values, strict=True)):
        cells = list(_crime_row(result))
        alone = cells[INDICATOR_COLUMNS.index("Significant")]
        cells[INDICATOR_COLUMNS.index("Significant")] = card.significant(index)
        rows.append((*cells, q_value, alone))
    if card.harm is not None:
        rows.append((*_harm_row(card.harm), None, None))
    return table(
        f"Scorecard {card.force}",
        (*INDICATOR_COLUMNS, "q-value", "Significant alone"),
        rows,
        {**_FORMATS, "q-value": RATIO},
    )


def breakdown_table(result: Breakdown) -> Table:
    """One row per part (the crimes in no district last), with the change, its q-value
    across the parts, and the rate per 1,000 people over the window."""
    rows = []
    for row in result.rows:
        population = row.population
        # Significant: the verdict across the table (q < 0.05), as in the JSON
        rows.append(
            (row.part, row.current.count, row.comparison.count, *_change_cells(row.change)[:3],
             row.significant, row.q_value, row.rate_per_1000,
             None if population is None else population.population,
             None if population is None else population.year)
        )  # fmt: skip
    return table(
        f"Breakdown {result.measure} by {result.by}",
        ("Part", "Current", "Comparison", "Difference", "% difference", "p-value",
         "Significant", "q-value", "Rate per 1,000", "Population", "Population year"),
        rows,
        {**{k: v for k, v in _FORMATS.items() if k != "Solved rate"}, "q-value": RATIO},
    )  # fmt: skip
