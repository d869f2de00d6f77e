"""Hotspot results as text lines (the command line) and as a CSV of ranked cells.

>>> print("\\n".join(hotspot_lines(result)))   # doctest: +SKIP
Hotspots of All crime (excluding anti-social behaviour), essex, 2025-01 to 2025-12 …
"""

from __future__ import annotations

import csv
from pathlib import Path

from policeplan.hotspots.result import HotspotResult

CSV_COLUMNS = (
    "rank", "id", "district", "lat", "lon", "easting", "northing", "count", "score", "z",
    "p_adjusted", "hot", "class",
)  # fmt: skip


def p_text(p: float) -> str:
    """An adjusted p-value for reading: below 1e-15 the float has no meaning left.

    >>> p_text(0.0), p_text(0.0123)
    ('<1e-15', '0.012')
    """
    return "<1e-15" if p < 1e-15 else f"{p:.2g}"


def weighting_label(result: HotspotResult) -> str:
    """How cells were valued, with the weight table's name, vintage and mix."""
    if result.weight_table is None:
        return "counts of rows (unweighted)"
    table = result.weight_table
    return f"harm: {table.table.name} weights ({table.table.vintage}), {table.mix}"


def fdr_statement(result: HotspotResult) -> str:
    return (
        f"Gi* (queen neighbours, cell included), two-sided p, Benjamini-Hochberg false "
        f"discovery rate {result.fdr_rate:.0%} over {result.study_area.cells:,} cells: "
        f"{result.hot_cells:,} hot"
    )


def stability_statement(result: HotspotResult) -> str:
    stability = result.stability
    parts = []
    if stability.top_cells_in_previous is not None:
        parts.append(
            f"{stability.top_cells_in_previous} of the top {stability.top_n} cells were top "
            f"cells in {stability.previous_window.label()}"
        )
    if stability.classes:
        shown = ", ".join(
            f"{name} {stability.classes[name]:,}"
            for name in ("persistent", "emerging", "fading", "intermittent")
            if name in stability.classes
        )
        parts.append(f"across {len(stability.quarters)} quarters: {shown or 'no hot cells'}")
    parts.extend(stability.notes)
    return "; ".join(parts)


def hotspot_lines(result: HotspotResult) -> list[str]:
    """The summary and the ranked top cells, one line each."""
    c = result.concentration
    lines = [
        f"Hotspots of {result.measure_title}, {result.force}, {result.window.label()}, "
        f"{result.cell_m} m cells" + (f" [{result.data_label}]" if result.data_label else ""),
        f"  values: {weighting_label(result)}",
        f"  located rows: {result.located_rows:,}; excluded: {result.excluded_no_location:,} "
        f"with no location, {result.excluded_outside_area:,} outside the force's districts",
        f"  test: {fdr_statement(result)}",
        "  concentration: "
        + ", ".join(
            f"top {label} of cells hold {'n/a' if c[key] is None else f'{c[key]:.1%}'}"
            for key, label in (("top_1pct", "1%"), ("top_5pct", "5%"), ("top_10pct", "10%"))
        ),
        f"  stability: {stability_statement(result)}",
        f"  {'rank':>4}  {'cell':<17} {'district':<16} {'count':>6} {'score':>11} "
        f"{'z':>7} {'p adj.':>8}  hot  class",
    ]
    for cell in result.top_cells:
        lines.append(
            f"  {cell.rank:>4}  {cell.id:<17} {(cell.district or '-')[:16]:<16} "
            f"{cell.count:>6,} {cell.score:>11,.1f} {cell.z:>7.2f} {p_text(cell.p_adjusted):>8}  "
            f"{'yes' if cell.hot else 'no ':<3}  {cell.pattern or '-'}"
        )
    lines.extend(f"  note: {caveat}" for caveat in result.caveats)
    return lines


def write_cells_csv(result: HotspotResult, path: Path) -> int:
    """Every ranked cell (with rows, or hot) to `path`; returns how many."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for cell in result.cells:
            data = cell.to_dict()
            writer.writerow([data[column] for column in CSV_COLUMNS])
    return len(result.cells)
