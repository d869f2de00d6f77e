"""Tables of the Most Similar Group comparison (one row per member, ranked) and of an SPC
chart (one row per month), with the numbers their `--json` gives."""

from __future__ import annotations

from policeplan.indicators import MsgComparison, SpcResult
from policeplan.indicators.harm_msg import HarmMsgComparison
from policeplan.indicators.msg_values import ValueComparison
from policeplan.render.tables.table import COUNT, PERCENT, RATE, Cell, Table, table

__all__ = ["harm_msg_table", "msg_table", "msg_values_table", "spc_table"]


def msg_table(result: MsgComparison) -> Table:
    """Each member ranked best first: count, population, rate per 1,000, rank and its 95%
    range, the funnel's 95% and 99.8% limits and whether the rate lies outside them."""
    funnel = {f.name: f for f in result.funnel.members}
    rows: list[tuple[Cell, ...]] = []
    for m in result.members:
        f, ranks = funnel[m.force.slug], m.rank_range
        rows.append(
            (m.rank, m.force.slug, m.force.short_name, m.count, m.population.population,
             m.population.year, round(float(m.rate), 3),
             None if ranks is None else ranks.rank_lower,
             None if ranks is None else ranks.rank_upper,
             round(f.lower_95, 3), round(f.upper_95, 3), round(f.lower_998, 3),
             round(f.upper_998, 3), f.outside)
        )  # fmt: skip
    return table(
        f"MSG {result.measure.slug}",
        ("Rank", "Force", "Name", "Count", "Population", "Population year", "Rate per 1,000",
         "Rank low", "Rank high", "Funnel lower 95%", "Funnel upper 95%",
         "Funnel lower 99.8%", "Funnel upper 99.8%", "Outside funnel"),
        rows,
        {"Count": COUNT, "Population": COUNT, "Population year": "0", "Rate per 1,000": RATE,
         "Funnel lower 95%": RATE, "Funnel upper 95%": RATE, "Funnel lower 99.8%": RATE,
         "Funnel upper 99.8%": RATE},
    )  # fmt: skip


def harm_msg_table(result: HarmMsgComparison) -> Table:
    """Each member ranked best first on harm per 1,000: score, population, rate and its
    95% interval, z against the group rate, and the member's weights mix."""
    rows = [
        (d["rank"], d["force"], d["name"], d["score"], d["population"], d["population_year"],
         d["rate_per_1000"], d["rate_low"], d["rate_high"], d["z_against_group"],
         d["differs_from_group"], d["weights_mix"])
        for d in (m.to_dict(result.group_rate) for m in result.members)
    ]  # fmt: skip
    return table(
        f"MSG {result.measure}",
        ("Rank", "Force", "Name", "Harm score", "Population", "Population year",
         "Harm per 1,000", "Lower 95%", "Upper 95%", "z against group", "Differs from group",
         "Weights mix"),
        rows,
        {"Harm score": COUNT, "Population": COUNT, "Population year": "0",
         "Harm per 1,000": RATE, "Lower 95%": RATE, "Upper 95%": RATE, "z against group": RATE},
    )  # fmt: skip


def msg_values_table(result: ValueComparison) -> Table:
    """Each member ranked best first on a solved rate, proportion or loaded value: numerator,
    denominator, value with its interval, rank and its 95% range, any note (e.g. outcomes
    not comparable), and what the numerator and denominator count where named."""
    names = (result.numerator_name, result.denominator_name)
    rows = [
        (d["rank"], d["force"], d["name"], d["numerator"], d["denominator"], d["value"],
         d["lower"], d["upper"], d["rank_low"], d["rank_high"], d["note"], *names)
        for d in (m.to_dict() for m in result.members)
    ]  # fmt: skip
    value = PERCENT if result.is_proportion else "#,##0.000"
    return table(
        f"MSG {result.measure} {result.statistic}",
        ("Rank", "Force", "Name", "Numerator", "Denominator", "Value", "Lower 95%",
         "Upper 95%", "Rank low", "Rank high", "Note", "Numerator counts",
         "Denominator counts"),
        rows,
        {"Numerator": COUNT, "Denominator": COUNT, "Value": value, "Lower 95%": value,
         "Upper 95%": value},
    )  # fmt: skip


def spc_table(result: SpcResult) -> Table:
    """One row per month: value, mean, process limits, the special cause and rules fired."""
    rows = [
        (p.month, p.value, p.mean, p.lower, p.upper, p.special_cause, ", ".join(p.rules))
        for p in result.chart.points
    ]
    return table(
        f"SPC {result.measure}",
        ("Month", "Value", "Mean", "Lower limit", "Upper limit", "Special cause", "Rules"),
        rows,
        dict.fromkeys(("Value", "Mean", "Lower limit", "Upper limit"), RATE),
    )
