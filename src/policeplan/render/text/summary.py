"""The text view of the plan summary (`policeplan summary`): the executive summary, then
one line per indicator under its priority; and the same table as rows for CSV and xlsx.

    >>> print(plan_summary_text(summary))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from policeplan.indicators import PlanSummary, SummaryRow
from policeplan.render.text._common import guide_lines, label_lines, wrapped
from policeplan.render.wording import (
    SIGNIFICANCE_GUIDE,
    month_name,
    percent_change,
    spc_short,
    value_words,
)

__all__ = ["SUMMARY_COLUMNS", "plan_summary_text", "summary_records"]

# (header, the row's value): the CSV and spreadsheet columns, icon names and alt text as data.
SUMMARY_COLUMNS = (
    "priority",
    "priority_title",
    "indicator",
    "title",
    "measure",
    "direction",
    "latest",
    "unit",
    "change",
    "pct_change",
    "verdict",
    "variation_icon",
    "variation_alt",
    "assurance_icon",
    "assurance_alt",
    "msg_position",
    "msg_of",
    "rank_low",
    "rank_high",
    "aspiration",
    "aspiration_met",
    "position_change",
    "note",
    "msg_statistic",
    "msg_value",
    "msg_unit",
    "msg_average",
    "msg_change_to_average",
    "msg_change_to_top_quartile",
    "msg_change_to_average_value",
    "msg_change_to_top_quartile_value",
    "msg_change_units",
    "msg_change_count_of",
    "msg_last_data_to",
)


def summary_records(summary: PlanSummary) -> list[dict[str, Any]]:
    """One flat record per row, with the columns of SUMMARY_COLUMNS (numbers as numbers)."""
    records = []
    for row in summary.rows:
        data = row.to_dict()
        low, high = row.rank_range if row.rank_range is not None else (None, None)
        data.update(rank_low=low, rank_high=high)
        records.append({column: data.get(column) for column in SUMMARY_COLUMNS})
    return records


def plan_summary_text(summary: PlanSummary) -> str:
    """The plan on a page, as text."""
    lines = [
        *label_lines(summary.data_label),
        f"{summary.plan_name} — {summary.force}: {summary.months} months to "
        f"{month_name(summary.to)}",
        "",
    ]
    for sentence in summary.executive_summary:
        lines += wrapped(sentence)
    header = (
        f"  {'Indicator':<40} {'Latest':>10} {'Change':>7}  {'Verdict':<26} "
        f"{'Variation':<18} {'Assurance':<12} {'MSG':<12} Aspiration"
    )
    for _, title, rows in summary.priorities:
        lines += ["", title, header]
        lines += [_line(row) for row in rows]
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE))


def _line(row: SummaryRow) -> str:
    if row.latest is not None:
        latest = _number(row.latest)
    else:
        latest = "incomplete" if row.has_data else "no data"
    msg = ""
    if row.msg_position is not None:
        msg = f"{row.msg_position} of {row.msg_of}"
        if row.rank_range is not None:
            msg += f" ({row.rank_range[0]}-{row.rank_range[1]})"
    aspiration = "" if row.aspiration_met is None else ("met" if row.aspiration_met else "not met")
    return (
        f"  {row.title[:40]:<40} {latest:>10} {percent_change(row.pct_change):>7}  "
        f"{(row.verdict or '')[:26]:<26} {spc_short(row.variation_icon, '-'):<18} "
        f"{spc_short(row.assurance_icon, '-'):<12} {msg:<12} {aspiration}"
    ).rstrip()


def _number(value: float) -> str:
    return value_words(value)
