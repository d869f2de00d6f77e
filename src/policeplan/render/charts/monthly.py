"""Monthly bars: the latest months beside the same months a year earlier."""

from __future__ import annotations

import altair as alt

from policeplan.months import shift_month
from policeplan.render.charts.inputs import MonthlySeries
from policeplan.render.charts.theme import HIGHLIGHT, VegaLiteSpec, finish, number

EARLIER = "#bdbdbd"

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def monthly_comparison_spec(series: MonthlySeries, *, months: int = 12) -> VegaLiteSpec:
    """Bars of the last `months` months of `series`, each beside its month a year earlier.

    >>> months = tuple(f"{2024 + i // 12}-{i % 12 + 1:02d}" for i in range(24))
    >>> series = MonthlySeries("Burglary, Essex", "offences", months, tuple(range(100, 124)))
    >>> spec = monthly_comparison_spec(series)
    >>> spec["title"]["text"]
    'Burglary, Essex'
    """
    shown = series.months[-months:]
    latest_label = f"{months} months to {_label(shown[-1])}"
    earlier_label = "Same month a year earlier"
    rows = []
    missing = []
    for month in shown:
        for period, source in ((latest_label, month), (earlier_label, shift_month(month, -12))):
            value = series.value_of(source)
            if value is None:
                missing.append(_label(source))
            rows.append({"month": _label(month), "period": period, "value": value})
    order = [_label(month) for month in shown]
    unit = f"{series.unit[:1].upper()}{series.unit[1:]}"
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("month:O", title="Month", sort=order, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("period:N", sort=[latest_label, earlier_label]),
            y=alt.Y("value:Q", title=unit),
            color=alt.Color(
                "period:N",
                title=None,
                scale=alt.Scale(domain=[latest_label, earlier_label], range=[HIGHLIGHT, EARLIER]),
            ),
            tooltip=[
                alt.Tooltip("month:O", title="Month"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("value:Q", title=unit, format=",.1f"),
            ],
        )
        .properties(
            width=660,
            height=280,
            title=alt.TitleParams(
                text=series.title,
                subtitle=[f"Each month of the {latest_label} beside the same month a year earlier"],
            ),
        )
    )
    total = sum(series.value_of(m) or 0 for m in shown)
    description = (
        f"{series.title}: bar chart of {series.unit} in each of the {latest_label}, each beside "
        f"the same month a year earlier. Total shown for the latest months: {number(total)}."
    )
    if missing:
        description += f" No value for {', '.join(missing)}."
    return finish(bars, description)


def _label(month: str) -> str:
    year, number_ = month.split("-")
    return f"{MONTH_NAMES[int(number_) - 1]} {year}"
