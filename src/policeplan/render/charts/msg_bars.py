"""The most similar group as bars of rates, beside each member's rank and plausible rank range."""

from __future__ import annotations

import altair as alt

from policeplan.render.charts.inputs import MsgRanking
from policeplan.render.charts.theme import (
    COMMON_CAUSE,
    HIGHLIGHT,
    LIGHT,
    TEXT,
    VegaLiteSpec,
    finish,
    number,
)


def msg_ranking_spec(ranking: MsgRanking) -> VegaLiteSpec:
    """Bars of each member's rate (lowest first) and its rank with the range of plausible ranks.

    >>> from policeplan.render.charts.inputs import RankedMember
    >>> ranking = MsgRanking("Burglary", "crimes per 1,000 people", 5.0,
    ...     (RankedMember("Essex", 4.0, 1, 1, 2, True), RankedMember("Kent", 6.0, 2, 1, 2)))
    >>> msg_ranking_spec(ranking)["title"]["text"]
    'Burglary'
    """
    members = sorted(ranking.members, key=lambda member: (member.rank, member.name))
    order = [member.name for member in members]
    rows = [
        {
            "name": m.name,
            "rate": m.rate,
            "rank": m.rank,
            "rank_low": m.rank_low,
            "rank_high": m.rank_high,
            "member": "This force" if m.highlighted else "Other members",
            "label": f"{m.rank} ({m.rank_low}–{m.rank_high})",
        }
        for m in members
    ]
    data = alt.Data(values=rows)
    unit = f"{ranking.unit[:1].upper()}{ranking.unit[1:]}"
    y = alt.Y("name:N", title=None, sort=order, axis=alt.Axis(labelFontSize=12))
    colour = alt.Color(
        "member:N",
        legend=None,
        scale=alt.Scale(domain=["This force", "Other members"], range=[HIGHLIGHT, LIGHT]),
    )
    height = max(120, 24 * len(rows))

    def rank_x(field: str) -> alt.X:
        return alt.X(
            field,
            title="Rank (1 = lowest rate), with plausible range",
            scale=alt.Scale(domain=[0.5, len(rows) + 0.5], nice=False),
            axis=alt.Axis(format="d", values=list(range(1, len(rows) + 1)), labelOverlap=False),
        )

    bars = alt.layer(
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("rate:Q", title=unit),
            y=y,
            color=colour,
            tooltip=[alt.Tooltip("name:N", title="Member"), alt.Tooltip("rate:Q", format=",.2f")],
        ),
        alt.Chart(alt.Data(values=[{"rate": ranking.average}]))
        .mark_rule(color=TEXT, strokeDash=[4, 3], strokeWidth=1.5)
        .encode(x="rate:Q"),
    ).properties(width=360, height=height)
    ranks = alt.layer(
        alt.Chart(data)
        .mark_rule(strokeWidth=2, color=COMMON_CAUSE)
        .encode(
            x=rank_x("rank_low:Q"),
            x2="rank_high:Q",
            y=alt.Y("name:N", sort=order, axis=None),
        ),
        alt.Chart(data)
        .mark_circle(size=70, opacity=1)
        .encode(
            x=rank_x("rank:Q"),
            y=alt.Y("name:N", sort=order, axis=None),
            color=alt.Color(
                "member:N",
                legend=None,
                scale=alt.Scale(
                    domain=["This force", "Other members"], range=[HIGHLIGHT, COMMON_CAUSE]
                ),
            ),
        ),
    ).properties(width=240, height=height)
    chart = (
        alt.hconcat(bars, ranks, spacing=16)
        .resolve_scale(color="independent")
        .properties(
            title=alt.TitleParams(
                text=ranking.title,
                subtitle=[
                    f"Most similar group, lowest rate first; dashed line: group average "
                    f"{number(ranking.average)}. Right: rank and the range of ranks chance allows"
                ],
            )
        )
    )
    description = (
        f"{ranking.title}: {len(rows)} members of the most similar group ranked by "
        f"{ranking.unit}, lowest first, with the group average {number(ranking.average)}. "
        + " ".join(
            f"{m.name}: {number(m.rate)}, rank {m.rank} (plausible {m.rank_low} to {m.rank_high})."
            for m in members
            if m.highlighted
        )
    )
    return finish(chart, description.strip())
