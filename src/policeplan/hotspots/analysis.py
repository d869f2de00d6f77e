"""Hotspots of a crime measure: counts or harm per grid cell, Gi* tested, FDR-corrected,
with concentration and stability across windows and quarters.

    >>> query = HotspotQuery("violent-crime", "essex", to="2025-12", cell_m=250)
    >>> result = hotspot_analysis(workspace, query)                # doctest: +SKIP
    >>> result.cells[0].hot, result.to_dict()["fdr"]["method"]     # doctest: +SKIP
    (True, 'Benjamini-Hochberg')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import duckdb
import numpy as np
from numpy.typing import NDArray

from policeplan.errors import DataError, IncompleteWindow, InputError
from policeplan.hotspots.cell_tests import gi_star_cells, ranking
from policeplan.hotspots.cells import cell_districts, ranked_cells
from policeplan.hotspots.concentration import concentration_shares
from policeplan.hotspots.fdr import FALSE_DISCOVERY_RATE
from policeplan.hotspots.grid import Grid, check_cell_size
from policeplan.hotspots.projection import to_british_national_grid
from policeplan.hotspots.result import HotspotResult, Stability
from policeplan.hotspots.rows import LocatedRows, read_located_rows
from policeplan.hotspots.stability import classify_cells, top_cells_overlap
from policeplan.hotspots.study_area import STUDY_AREAS, StudyArea, study_area
from policeplan.indicators.harm_css import CategoryWeights, css_category_weights
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.windows import Window
from policeplan.months import month_index, shift_month
from policeplan.plan.model import Plan
from policeplan.reference.boundaries import Outlines, outlines_for
from policeplan.store import Workspace

WEIGHTINGS = ("harm", "count")


@dataclass(frozen=True)
class HotspotQuery:
    """What to map: a crime measure for a force, the `months` to `to`, cells of `cell_m`."""

    measure: str
    force: str
    to: str
    months: int = 12
    cell_m: int = 250
    weights: str = "harm"
    top: int = 20
    quarters: int = 4
    fdr_rate: float = FALSE_DISCOVERY_RATE
    study_area: str = "force"


def hotspot_analysis(
    workspace: Workspace, query: HotspotQuery, plan: Plan | None = None
) -> HotspotResult:
    """Run the analysis `query` describes on the workspace's police.uk street records."""
    check_cell_size(query.cell_m)
    if query.weights not in WEIGHTINGS:
        raise InputError(f"weights must be harm or count, not {query.weights!r}", field="weights")
    if query.study_area not in STUDY_AREAS:
        raise InputError(
            f"study area must be {' or '.join(STUDY_AREAS)}, not {query.study_area!r}",
            field="study_area",
        )
    if query.top < 0 or query.quarters < 2:
        raise InputError("--top must be 0 or more and --quarters at least 2", field="top")
    measure = crime_measure(query.measure, plan)
    if measure.records is not None:
        raise InputError(
            f"{measure.slug!r} is counted from crime records; hotspots map police.uk street "
            "records: choose a police.uk measure",
            field="measure",
        )
    window = Window.ending(query.to, query.months)
    previous = window.previous()
    quarters = tuple(
        Window.ending(window_last, 3)
        for window_last in (shift_month(query.to, -3 * k) for k in reversed(range(query.quarters)))
    )
    first = min(previous.first, quarters[0].first)
    with workspace.connect(read_only=True) as con:
        present = _present_months(con, query.force, first, window.last)
        missing = [m for m in window.months if m not in present]
        if missing:
            raise IncompleteWindow(
                f"{query.force} has no police.uk street file for {', '.join(missing)} in "
                f"{window.label()}: import those months or choose another window",
                missing,
            )
        weights = None
        if query.weights == "harm":
            weights = css_category_weights(con, query.force)
            unweighted = weights.missing(measure.crime_types)
            if unweighted:
                raise InputError(
                    f"{measure.slug} includes {', '.join(unweighted)}, which has no harm "
                    "weight (never counted as 0): use --weights count",
                    field="weights",
                )
        rows = read_located_rows(con, query.force, measure, first, window.last)
    label = workspace.label()
    current = rows.in_months(month_index(window.first), month_index(window.last))
    if not current.any():
        raise DataError(
            f"{query.force} has no located {measure.slug} rows in {window.label()}: nothing "
            "to map (rows with no location are never placed)"
        )
    outlines = outlines_for(query.force)
    corner_e, corner_n = _outline_corners(outlines) if query.study_area == "force" else ([], [])
    grid = Grid.spanning(
        np.concatenate([rows.easting[current], corner_e]),
        np.concatenate([rows.northing[current], corner_n]),
        query.cell_m,
    )
    row_score = _row_scores(rows, weights)
    index = grid.flat_index(rows.easting, rows.northing)

    occupied = grid.sum_by_cell(index, np.ones(index.size)) > 0
    area = study_area(grid, query.study_area, outlines, occupied)
    counts = grid.sum_by_cell(index[current], np.ones(int(current.sum()))).ravel()
    values = grid.sum_by_cell(index[current], row_score[current]).ravel()
    test = gi_star_cells(grid, values, query.fdr_rate, area.mask)
    order = ranking(test)
    stability, patterns = _stability(
        grid, area, rows, index, row_score, query, window, present, order
    )
    listed = order[(counts[order] > 0) | test.hot[order]]
    districts = cell_districts(grid, index[current], rows.district[current], listed)
    cells = ranked_cells(grid, listed, counts, test, patterns, districts)
    no_location = _months_total(rows.no_location, window)
    outside = _months_total(rows.outside_area, window)
    return HotspotResult(
        measure=measure.slug,
        measure_title=measure.title,
        force=query.force,
        window=window,
        cell_m=query.cell_m,
        weights=query.weights,
        weight_table=weights,
        located_rows=int(current.sum()),
        excluded_no_location=no_location,
        excluded_outside_area=outside,
        grid=grid,
        study_area=area,
        cells=cells,
        top=query.top,
        total_score=float(test.values.sum()),
        fdr_rate=query.fdr_rate,
        hot_cells=int(test.hot.sum()),
        concentration=concentration_shares(test.values[test.inside]),
        stability=stability,
        caveats=_caveats(query, area, int(current.sum()), no_location, outside, weights),
        data_label=label,
    )


def _present_months(con: duckdb.DuckDBPyConnection, force: str, first: str, last: str) -> set[str]:
    found = con.execute(
        "SELECT strftime(month, '%Y-%m') FROM partitions WHERE force = ? AND dataset = 'street' "
        "AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
        [force, f"{first}-01", f"{last}-01"],
    ).fetchall()
    return {str(r[0]) for r in found}


def _outline_corners(outlines: Outlines) -> tuple[list[float], list[float]]:
    """South-west and north-east corners (BNG) of the outline, so the grid covers it."""
    points = [p for shape in outlines.shapes for ring in shape.rings for p in ring]
    if not points:
        return [], []
    east, north = to_british_national_grid([p[0] for p in points], [p[1] for p in points])
    return [float(east.min()), float(east.max())], [float(north.min()), float(north.max())]


def _row_scores(rows: LocatedRows, weights: CategoryWeights | None) -> NDArray[np.float64]:
    if weights is None:
        return np.ones(rows.crime_type.size, dtype=np.float64)
    weight = weights.weights
    return np.fromiter((weight[t] for t in rows.crime_type.tolist()), np.float64)


def _stability(
    grid: Grid,
    area: StudyArea,
    rows: LocatedRows,
    index: NDArray[np.int64],
    row_score: NDArray[np.float64],
    query: HotspotQuery,
    window: Window,
    present: set[str],
    order: NDArray[np.int64],
) -> tuple[Stability, NDArray[np.object_] | None]:
    def field_in(w: Window) -> NDArray[np.float64]:
        mask = rows.in_months(month_index(w.first), month_index(w.last))
        return grid.sum_by_cell(index[mask], row_score[mask]).ravel()

    notes: list[str] = []
    previous = window.previous()
    top_n = query.top or 20
    overlap = None
    missing_previous = [m for m in previous.months if m not in present]
    if missing_previous:
        notes.append(f"previous window {previous.label()} lacks {_months_text(missing_previous)}")
    else:
        earlier = ranking(gi_star_cells(grid, field_in(previous), query.fdr_rate, area.mask))
        current_ids = order[:top_n].tolist()
        overlap = top_cells_overlap(current_ids, earlier[:top_n].tolist())
    quarters = tuple(
        Window.ending(shift_month(window.last, -3 * k), 3) for k in reversed(range(query.quarters))
    )
    missing_quarters = [m for q in quarters for m in q.months if m not in present]
    if missing_quarters:
        notes.append(
            f"no classification: the last {query.quarters} quarters lack "
            f"{_months_text(missing_quarters)}"
        )
        return Stability(top_n, previous, overlap, quarters, (), {}, tuple(notes)), None
    hot = np.array(
        [gi_star_cells(grid, field_in(q), query.fdr_rate, area.mask).hot for q in quarters]
    )
    patterns = classify_cells(hot)
    ever_hot = hot.any(axis=0) & area.mask.ravel()
    classes = dict(Counter(patterns[ever_hot].tolist()))
    classes["no pattern"] = area.cells - int(ever_hot.sum())
    hot_by_quarter = tuple(int(h.sum()) for h in hot)
    return Stability(top_n, previous, overlap, quarters, hot_by_quarter, classes, tuple(notes)), (
        patterns
    )


def _months_text(months: list[str]) -> str:
    """Missing months for a note: listed when few, else counted with the first and last.

    >>> _months_text(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"])
    '5 months (2024-01 to 2024-05)'
    """
    if len(months) <= 4:
        return ", ".join(months)
    return f"{len(months)} months ({months[0]} to {months[-1]})"


def _months_total(by_month: dict[int, int], window: Window) -> int:
    first, last = month_index(window.first), month_index(window.last)
    return sum(n for m, n in by_month.items() if first <= m <= last)


def _caveats(
    query: HotspotQuery,
    area: StudyArea,
    located: int,
    no_location: int,
    outside: int,
    weights: CategoryWeights | None,
) -> tuple[str, ...]:
    caveats = [
        "police.uk locations are anonymised snap points, each standing for several addresses: "
        f"results are at the scale of snap points and {query.cell_m} m cells, never addresses",
        f"{no_location:,} rows with no location are excluded (never placed)",
        f"study area: {area.cells:,} cells: {area.rule}",
    ]
    if outside:
        caveats.append(
            f"{outside:,} located rows whose LSOA lies outside the force's districts are excluded"
        )
    if located < area.cells:
        caveats.append(
            f"sparse: {located:,} rows for {area.cells:,} cells; Gi*'s normal approximation "
            "overstates significance when most cells are empty: prefer larger cells or a "
            "longer window, and read the ranking rather than the p-values"
        )
    if weights is not None:
        caveats.append(
            f"harm weights are per police.uk category ({weights.table.name}, "
            f"{weights.table.vintage}; {weights.mix}): police.uk rows carry no offence code"
        )
    return tuple(caveats)
