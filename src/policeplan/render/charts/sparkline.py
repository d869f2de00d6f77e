"""A small line of a force's position in its most similar group, 1 (best) at the top."""

from __future__ import annotations

import altair as alt

from policeplan.render.charts.inputs import PositionHistory
from policeplan.render.charts.theme import HIGHLIGHT, VegaLiteSpec, finish, month_date


def msg_positions_spec(history: PositionHistory) -> VegaLiteSpec:
    """The sparkline of `history`: position by month, inverted axis so 1 is at the top.

    >>> history = PositionHistory("Burglary", "Essex", 8, ("2025-01", "2025-02"), (3, 2))
    >>> msg_positions_spec(history)["layer"][0]["encoding"]["y"]["scale"]["reverse"]
    True
    """
    rows = [
        {"month": month_date(month), "position": position}
        for month, position in zip(history.months, history.positions, strict=True)
    ]
    x = alt.X(
        "month:T",
        title="Month",
        timeUnit="utcyearmonth",
        scale=alt.Scale(type="utc"),
        axis=alt.Axis(format="%b %y", labelAngle=0, tickCount=4, grid=False),
    )
    y = alt.Y(
        "position:Q",
        title=f"Position of {history.group_size}",
        scale=alt.Scale(domain=[1, history.group_size], reverse=True, nice=False),
        axis=alt.Axis(values=sorted({1, history.group_size}), format="d", grid=False),
    )
    base = alt.Chart(alt.Data(values=rows)).encode(x=x, y=y)
    chart = alt.layer(
        base.mark_line(color=HIGHLIGHT, strokeWidth=2, invalid="break-paths-show-domains"),
        base.mark_circle(color=HIGHLIGHT, size=28, opacity=1),
        alt.Chart(alt.Data(values=rows[-1:] if rows[-1]["position"] else []))
        .mark_text(align="left", dx=6, fontSize=11, fontWeight="bold", color=HIGHLIGHT)
        .encode(x=x, y=y, text=alt.Text("position:Q", format="d")),
    ).properties(
        width=260,
        height=80,
        title=alt.TitleParams(
            text=f"{history.title}: {history.name}",
            subtitle=["Position in the most similar group (1 = best)"],
            fontSize=13,
        ),
    )
    known = [(m, p) for m, p in zip(history.months, history.positions, strict=True) if p]
    description = (
        f"{history.title}: {history.name}'s position in its most similar group of "
        f"{history.group_size} in the {len(history.months)} windows ending "
        f"{history.months[0]} to {history.months[-1]}; 1 is best."
    )
    if known:
        description += f" Latest ({known[-1][0]}): {known[-1][1]} of {history.group_size}."
        description += " Positions: " + ", ".join(str(p) for _, p in known) + "."
    return finish(chart, description)
