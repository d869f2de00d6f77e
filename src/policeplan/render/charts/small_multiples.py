"""Local policing area × month: one small line chart per area."""

from __future__ import annotations

import altair as alt

from policeplan.render.charts.inputs import AreaMonths
from policeplan.render.charts.theme import HIGHLIGHT, VegaLiteSpec, finish, month_date, number


def area_months_spec(areas: AreaMonths, *, columns: int = 3) -> VegaLiteSpec:
    """Small multiples of each area's monthly values, `columns` panels a row.

    >>> from policeplan.render.charts.inputs import MonthlySeries
    >>> area = MonthlySeries("Colchester", "offences", ("2025-01", "2025-02"), (50.0, 40.0))
    >>> area_months_spec(AreaMonths("Burglary by area", "offences", (area,)))["columns"]
    3
    """
    rows = [
        {"area": area.title, "month": month_date(month), "value": value}
        for area in areas.areas
        for month, value in zip(area.months, area.values, strict=True)
    ]
    unit = f"{areas.unit[:1].upper()}{areas.unit[1:]}"
    x = alt.X(
        "month:T",
        title="Month",
        timeUnit="utcyearmonth",
        scale=alt.Scale(type="utc"),
        axis=alt.Axis(format="%b %y", labelAngle=0, tickCount=4),
    )
    y = alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True))
    panel = alt.layer(
        alt.Chart()
        .mark_line(color=HIGHLIGHT, strokeWidth=1.5, invalid="break-paths-show-domains")
        .encode(x=x, y=y),
        alt.Chart().mark_circle(color=HIGHLIGHT, size=14, opacity=1).encode(x=x, y=y),
    ).properties(width=190, height=110)
    order = [area.title for area in areas.areas]
    chart = (
        panel.facet(
            facet=alt.Facet("area:N", title=None, sort=order, header=alt.Header(labelFontSize=12)),
            columns=columns,
            data=alt.Data(values=rows),
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.TitleParams(
                text=areas.title,
                subtitle=["Each panel has its own vertical scale, starting at zero"],
            )
        )
    )
    totals = [
        f"{area.title} {number(sum(v for v in area.values if v is not None))}"
        for area in areas.areas
    ]
    description = (
        f"{areas.title}: {len(areas.areas)} small line charts of {areas.unit} by month, one per "
        f"area. Totals over the period: {'; '.join(totals)}."
    )
    return finish(chart, description)
