"""The stop-and-search table by ethnic group, for `stop-search --csv/--xlsx`."""

from __future__ import annotations

from policeplan.render.tables.table import COUNT, RATE, RATIO, Table, table
from policeplan.stop_search import StopSearchResult

__all__ = ["stop_search_table"]


def stop_search_table(result: StopSearchResult) -> Table:
    """One row per broad ethnic group: searches, residents, rate, ratio to white."""
    rows = []
    for g in result.groups:
        r = g.ratio_to_white
        rows.append(
            (g.group, g.searches, g.population, g.per_1000,
             None if r is None else r.rate_ratio,
             None if r is None else r.rate_ratio_lower,
             None if r is None else r.rate_ratio_upper)
        )  # fmt: skip
    return table(
        f"Stop and search {result.force}",
        ("Group", "Searches", "Residents (Census 2011)", "Per 1,000 residents",
         "Ratio to white", "Ratio lower 95%", "Ratio upper 95%"),
        rows,
        {"Searches": COUNT, "Residents (Census 2011)": COUNT, "Per 1,000 residents": RATE,
         "Ratio to white": RATIO, "Ratio lower 95%": RATIO, "Ratio upper 95%": RATIO},
    )  # fmt: skip
