"""Where a crime measure clusters, for a printed report: the hotspot map drawn as a static
SVG (`render.hotspot_map.hotspot_svg`) and the table of the highest cells, from
`hotspot_analysis` on the police.uk street records of the 12 months to the quarter's end.
Offences are counted (not weighted) in 1 km cells, so the map reads at page size."""

from __future__ import annotations

from policeplan.errors import PolicePlanError
from policeplan.hotspots import HotspotQuery, HotspotResult, hotspot_analysis
from policeplan.indicators.card_commentary import month_name
from policeplan.render.document import Block, Cell, Chart, Table
from policeplan.render.hotspot_map import hotspot_svg
from policeplan.render.hotspot_text import fdr_statement
from policeplan.reports.context import ReportContext

__all__ = ["REPORT_CELL_M", "REPORT_TOP_CELLS", "hotspot_blocks"]

REPORT_CELL_M = 1000
REPORT_TOP_CELLS = 10


def _alt(result: HotspotResult, title: str) -> str:
    top = result.top_cells[:3]
    where = "; ".join(f"{c.district or 'no district'} ({c.count:,})" for c in top)
    return (
        f"Map of {title} in {REPORT_CELL_M // 1000} km squares over the force's districts, "
        f"{result.located_rows:,} located offences; {result.hot_cells:,} squares are hot "
        f"spots. The highest squares lie in {where}."
    )


def hotspot_blocks(context: ReportContext, measure: str, title: str, key: str) -> list[Block]:
    """The map and top-cells table, or nothing when the measure has no located rows."""
    query = HotspotQuery(measure, context.force, context.to, cell_m=REPORT_CELL_M,
                         weights="count", top=REPORT_TOP_CELLS)  # fmt: skip
    try:
        result = hotspot_analysis(context.workspace, query, context.plan)
    except PolicePlanError:
        return []
    if result.located_rows == 0:
        return []
    period = f"12 months to {month_name(context.to)}"
    chart = Chart(
        key=f"{key}-hotspots",
        title=f"{title}: offences per {REPORT_CELL_M // 1000} km square, {period}; hot spots "
        "outlined (the table below lists the highest-ranked squares)",
        spec={},
        svg=hotspot_svg(result),
        alt=_alt(result, title),
    )
    table = Table(
        key=f"{key}-hotspots",
        caption=f"{title}: the {len(result.top_cells)} highest-ranked squares, {period}",
        header=("Rank", "District", "Offences", "z-score", "Hot spot", "Latitude, longitude"),
        rows=tuple(
            (
                Cell.number(c.rank),
                Cell.text(c.district or "no district"),
                Cell.number(c.count),
                Cell.number(round(c.z, 1), "decimal1"),
                Cell.text("yes" if c.hot else "no"),
                Cell.text(f"{c.lat:.4f}, {c.lon:.4f}"),
            )
            for c in result.top_cells
        ),
        note=f"{fdr_statement(result)}. "
        + " ".join(f"{c[0].upper()}{c[1:]}." for c in result.caveats),
    )
    return [chart, table]
