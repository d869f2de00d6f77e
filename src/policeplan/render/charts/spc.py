"""The SPC chart of a Making Data Count result: values, mean, limits, signals, icons, target.

Points are coloured as MDC colours them (blue improvement, orange concern, purple special
cause with no improvement direction, grey common cause); the line breaks at a missing month
and at each rebase, where a rule marks the month with its reason; the variation and
assurance icons of the latest month sit at the right.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from policeplan.render.charts.theme import (
    COMMON_CAUSE,
    CONCERN,
    IMPROVEMENT,
    NEUTRAL,
    TARGET,
    TEXT,
    VegaLiteSpec,
    finish,
    month_date,
    number,
)
from policeplan.render.icons import icon_alt_text, icon_data_url
from policeplan.stats.mdc_chart import MdcChart

WIDTH = 620
HEIGHT = 300
ICON = 46
CAUSE_LABELS = {
    None: "Common cause",
    "improvement": "Improvement",
    "concern": "Concern",
    "neutral": "Special cause",
}


def spc_spec(chart: MdcChart, *, title: str, unit: str) -> VegaLiteSpec:
    """The Vega-Lite definition of the SPC chart of `chart`.

    >>> from policeplan.stats.mdc_chart import mdc_chart
    >>> months = [f"2024-{m:02d}" for m in range(1, 13)] + ["2025-01"]
    >>> result = mdc_chart(months, [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 6, 20], direction="down")
    >>> spec = spc_spec(result, title="Burglary", unit="offences")
    >>> spec["title"]["text"], "concern" in spec["description"]
    ('Burglary', True)
    """
    rows = [_row(chart, index) for index in range(len(chart.points))]
    data = alt.Data(values=rows)
    x = alt.X(
        "month:T",
        title="Month",
        timeUnit="utcyearmonth",
        axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount={"interval": "month", "step": 3}),
        scale=alt.Scale(type="utc"),
    )
    # The points' data sits once on the layered chart; each layer inherits it.
    base = alt.Chart()
    y_title = f"{unit[:1].upper()}{unit[1:]}"
    layers: list[alt.Chart] = [
        base.mark_line(color=COMMON_CAUSE, strokeDash=[6, 4], strokeWidth=1.5).encode(
            x=x, y=alt.Y("upper:Q", title=y_title, scale=alt.Scale(zero=False)), detail="group:N"
        ),
        base.mark_line(color=COMMON_CAUSE, strokeDash=[6, 4], strokeWidth=1.5).encode(
            x=x, y="lower:Q", detail="group:N"
        ),
        base.mark_line(color=TEXT, strokeWidth=1.5).encode(x=x, y="mean:Q", detail="group:N"),
        base.mark_line(
            color=COMMON_CAUSE, strokeWidth=1.5, invalid="break-paths-show-domains"
        ).encode(x=x, y="value:Q", detail="group:N"),
        base.mark_circle(size=55, opacity=1).encode(
            x=x,
            y="value:Q",
            color=alt.Color("cause:N", title="Variation", scale=_cause_scale(chart)),
            tooltip=[
                alt.Tooltip("month:T", timeUnit="utcyearmonth", format="%B %Y", title="Month"),
                alt.Tooltip("value:Q", title=y_title, format=",.1f"),
                alt.Tooltip("cause:N", title="Variation"),
                alt.Tooltip("rules:N", title="Rules"),
            ],
        ),
    ]
    if chart.target is not None:
        target = alt.Chart(alt.Data(values=[{"target": chart.target}]))
        layers.append(
            target.mark_rule(color=TARGET, strokeDash=[2, 3], strokeWidth=2).encode(y="target:Q")
        )
    if chart.rebase:
        changes = alt.Chart(
            alt.Data(
                values=[
                    {"month": month_date(c.month), "label": f"Rebased: {c.reason or c.month}"}
                    for c in chart.rebase
                ]
            )
        )
        layers.append(changes.mark_rule(color=TEXT, strokeWidth=1).encode(x=x))
        layers.append(
            changes.mark_text(align="left", baseline="top", dx=4, fontSize=11, color=TEXT).encode(
                x=x, y=alt.value(2), text="label:N"
            )
        )
    layers.extend(_icon_layers(chart))
    layered = alt.layer(*layers, data=data).properties(
        width=WIDTH,
        height=HEIGHT,
        title=alt.TitleParams(text=title, subtitle=_subtitle(chart)),
    )
    return finish(layered, _description(chart, title, unit))


def _row(chart: MdcChart, index: int) -> dict[str, Any]:
    point = chart.points[index]
    return {
        "month": month_date(point.month),
        "value": point.value,
        "mean": point.mean,
        "upper": point.upper,
        "lower": point.lower,
        "group": point.group,
        "cause": CAUSE_LABELS[point.special_cause] if point.value is not None else None,
        "rules": ", ".join(rule.replace("_", " ") for rule in point.rules) or "none",
    }


def _cause_scale(chart: MdcChart) -> alt.Scale:
    if chart.direction == "neutral":
        return alt.Scale(domain=["Common cause", "Special cause"], range=[COMMON_CAUSE, NEUTRAL])
    return alt.Scale(
        domain=["Common cause", "Improvement", "Concern"],
        range=[COMMON_CAUSE, IMPROVEMENT, CONCERN],
    )


def _icon_layers(chart: MdcChart) -> list[alt.Chart]:
    icons = [("Variation", chart.variation_icon), ("Assurance", chart.assurance_icon)]
    rows = [
        {"url": icon_data_url(str(icon)), "label": label, "top": offset * (ICON + 26)}
        for offset, (label, icon) in enumerate(item for item in icons if item[1] is not None)
    ]
    if not rows:
        return []
    data = alt.Chart(alt.Data(values=rows))
    left = WIDTH + 18 + ICON / 2
    return [
        data.mark_image(width=ICON, height=ICON, baseline="top").encode(
            x=alt.value(left), y=alt.YValue(alt.ExprRef("datum.top")), url="url:N"
        ),
        data.mark_text(baseline="top", fontSize=11, color=TEXT).encode(
            x=alt.value(left), y=alt.YValue(alt.ExprRef(f"datum.top + {ICON + 3}")), text="label:N"
        ),
    ]


def _subtitle(chart: MdcChart) -> list[str]:
    lines = ["Mean (solid line) and process limits (dashed) of each period"]
    if chart.target is not None:
        lines[0] += f"; target {number(chart.target)} (red dotted line)"
    if chart.trial_limits and chart.reason:
        lines.append(f"Trial limits: {chart.reason}")
    elif chart.reason:
        lines.append(f"No variation icon: {chart.reason}")
    return lines


def _description(chart: MdcChart, title: str, unit: str) -> str:
    latest = chart.latest
    parts = [
        f"{title}: statistical process control chart of {len(chart.points)} months "
        f"from {chart.points[0].month} to {latest.month}, in {unit}."
    ]
    if latest.value is not None:
        parts.append(f"Latest month {latest.month}: {number(latest.value)}.")
    group = chart.latest_group
    if group.limits is not None:
        parts.append(
            f"Mean {number(group.limits.mean)}, process limits {number(group.limits.lower)} "
            f"to {number(group.limits.upper)} since {group.first}."
        )
    if chart.variation_icon is not None:
        parts.append(icon_alt_text(str(chart.variation_icon)) + ".")
    elif chart.reason:
        parts.append(f"No variation icon: {chart.reason}.")
    if chart.assurance_icon is not None and chart.target is not None:
        parts.append(f"Target {number(chart.target)}. {icon_alt_text(str(chart.assurance_icon))}.")
    for change in chart.rebase:
        parts.append(f"Limits recalculated from {change.month}: {change.reason or 'rebased'}.")
    return " ".join(parts)
