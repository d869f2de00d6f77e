"""Funnel plot of the most similar group: rates against population, 95% and 99.8% limits."""

from __future__ import annotations

import altair as alt

from policeplan.render.charts.inputs import FunnelInput
from policeplan.render.charts.theme import (
    COMMON_CAUSE,
    HIGHLIGHT,
    TEXT,
    VegaLiteSpec,
    finish,
    number,
)

LIMIT_95 = "95% limits"
LIMIT_998 = "99.8% limits"
LIMIT_ADJUSTED = "95% limits allowing for the spread between forces"


def funnel_spec(funnel: FunnelInput) -> VegaLiteSpec:
    """The funnel plot: both funnels, the group average, every member, the force highlighted.

    >>> from policeplan.render.charts.inputs import FunnelLimit, FunnelPoint
    >>> funnel = FunnelInput("Burglary", "crimes per 1,000 people", 5.0,
    ...     (FunnelPoint("Essex", 1.8e6, 5.5, True),), (FunnelLimit(1e6, 4, 4.5, 5.5, 6),))
    >>> funnel_spec(funnel)["title"]["text"]
    'Burglary'
    """
    limit_rows = []
    adjusted = all(limit.adjusted_lower_95 is not None for limit in funnel.limits)
    for limit in funnel.limits:
        lines = [
            (LIMIT_95, "lower", limit.lower_95),
            (LIMIT_95, "upper", limit.upper_95),
            (LIMIT_998, "lower", limit.lower_998),
            (LIMIT_998, "upper", limit.upper_998),
        ]
        if adjusted:
            lines += [
                (LIMIT_ADJUSTED, "lower", limit.adjusted_lower_95 or 0.0),
                (LIMIT_ADJUSTED, "upper", limit.adjusted_upper_95 or 0.0),
            ]
        for name, side, rate in lines:
            # Six decimals: far finer than a printed chart, and stable across scipy versions.
            limit_rows.append(
                {
                    "population": round(limit.population, 1),
                    "limit": name,
                    "side": side,
                    "rate": round(rate, 6),
                }
            )
    point_rows = [
        {
            "name": point.name,
            "population": point.population,
            "rate": point.rate,
            "member": "This force" if point.highlighted else "Other members",
        }
        for point in funnel.points
    ]
    unit = f"{funnel.unit[:1].upper()}{funnel.unit[1:]}"
    x = alt.X("population:Q", title=funnel.size_title, axis=alt.Axis(format=",.0f", tickCount=6))
    y = alt.Y("rate:Q", title=unit, scale=alt.Scale(zero=False))
    limits = (
        alt.Chart(alt.Data(values=limit_rows))
        .mark_line(color=COMMON_CAUSE, strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            detail="side:N",
            strokeDash=alt.StrokeDash(
                "limit:N",
                title="Funnel",
                scale=alt.Scale(
                    domain=[LIMIT_95, LIMIT_998, *([LIMIT_ADJUSTED] if adjusted else [])],
                    range=[[6, 4], [1, 0], *([[2, 2]] if adjusted else [])],
                ),
                legend=alt.Legend(labelLimit=320) if adjusted else alt.Undefined,
            ),
        )
    )
    average = (
        alt.Chart(alt.Data(values=[{"rate": funnel.average}]))
        .mark_rule(color=TEXT, strokeWidth=1.5)
        .encode(y="rate:Q")
    )
    points = (
        alt.Chart(alt.Data(values=point_rows))
        .mark_circle(opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "member:N",
                title="Member",
                scale=alt.Scale(
                    domain=["This force", "Other members"], range=[HIGHLIGHT, COMMON_CAUSE]
                ),
            ),
            size=alt.Size(
                "member:N",
                legend=None,
                scale=alt.Scale(domain=["This force", "Other members"], range=[120, 50]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title="Member"),
                alt.Tooltip("population:Q", title=funnel.size_title.split(" (")[0], format=","),
                alt.Tooltip("rate:Q", title=unit, format=",.2f"),
            ],
        )
    )
    labels = (
        alt.Chart(alt.Data(values=point_rows))
        .transform_filter(alt.datum.member == "This force")
        .mark_text(align="left", dx=9, fontSize=12, fontWeight="bold", color=HIGHLIGHT)
        .encode(x=x, y=y, text="name:N")
    )
    chart = alt.layer(limits, average, points, labels).properties(
        width=560,
        height=340,
        title=alt.TitleParams(
            text=funnel.title,
            subtitle=[
                f"Group average {number(funnel.average)} (solid line); a member outside a "
                "funnel differs from the average by more than chance"
            ],
        ),
    )
    highlighted = [p for p in funnel.points if p.highlighted]
    description = (
        f"{funnel.title}: funnel plot of {len(funnel.points)} members, {funnel.unit} against "
        f"{funnel.size_title.split(' (')[0].lower()}, with 95% and 99.8% limits around the "
        f"group average of {number(funnel.average)}"
        + (", and 95% limits allowing for the spread between forces." if adjusted else ".")
    )
    for point in highlighted:
        where = (
            f"outside the funnel ({point.outside}% limit)"
            if point.outside
            else "within the 95% limits"
        )
        description += (
            f" {point.name}: {number(point.rate)} for {number(point.population)} "
            f"{_size_unit(funnel)}, {where}."
        )
    return finish(chart, description)


def _size_unit(funnel: FunnelInput) -> str:
    """What the x axis counts, in words: 'people' from 'Population (people)'."""
    title = funnel.size_title
    return title[title.index("(") + 1 : -1] if "(" in title else title.lower()
