"""Gi*: equal to esda and to the textbook formula; finds a planted cluster; under a uniform
random field calls no more cells hot than the false-discovery rate allows; weights matter."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from policeplan.hotspots import Grid
from policeplan.hotspots.cell_tests import gi_star_cells
from policeplan.hotspots.getis_ord import gi_star
from policeplan.hotspots.rows import read_located_rows
from policeplan.hotspots.study_area import study_area
from policeplan.indicators.harm_css import national_category_weights
from policeplan.indicators.measures import crime_measure
from policeplan.reference.boundaries import outlines_for
from policeplan.store import Workspace


def textbook_gi_star(x: np.ndarray) -> np.ndarray:
    """Getis & Ord (1992) Gi*, binary queen weights with self, written cell by cell."""
    rows, columns = x.shape
    values = x.ravel()
    n = values.size
    mean = values.mean()
    s = np.sqrt((values**2).sum() / n - mean**2)
    z = np.empty_like(x, dtype=float)
    for r in range(rows):
        for c in range(columns):
            neighbours = [
                x[rr, cc]
                for rr in range(max(r - 1, 0), min(r + 2, rows))
                for cc in range(max(c - 1, 0), min(c + 2, columns))
            ]
            w = len(neighbours)
            z[r, c] = (sum(neighbours) - mean * w) / (s * np.sqrt((n * w - w * w) / (n - 1)))
    return z


def essex_field(workspace: Workspace, cell_m: int, harm: bool) -> np.ndarray:
    with workspace.connect(read_only=True) as con:
        rows = read_located_rows(con, "essex", crime_measure("all-crime"), "2025-01", "2025-12")
    grid = Grid.spanning(rows.easting, rows.northing, cell_m)
    weights = national_category_weights().weights
    scores = np.array([weights[t] for t in rows.crime_type]) if harm else np.ones(rows.month.size)
    return grid.sum_by_cell(grid.flat_index(rows.easting, rows.northing), scores)


@pytest.mark.realdata
@pytest.mark.parametrize("harm", [False, True], ids=["count", "harm"])
def test_gi_star_equals_esda_on_the_real_essex_grid(essex_2025: Workspace, harm: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        esda = pytest.importorskip("esda")
        lat2w = pytest.importorskip("libpysal.weights").lat2W
        field = essex_field(essex_2025, 1000, harm)
        rows, columns = field.shape
        w = lat2w(rows, columns, rook=False)  # queen; ids row-major like our flat index
        expected = esda.G_Local(field.ravel(), w, transform="B", star=True, permutations=0).Zs
    assert field.size > 5000
    np.testing.assert_allclose(gi_star(field).ravel(), expected, rtol=0, atol=1e-9)


@pytest.mark.realdata
def test_gi_star_on_the_force_study_area_equals_esda_on_the_restricted_weights(
    essex_2025: Workspace,
) -> None:
    field = essex_field(essex_2025, 1000, harm=True)
    with essex_2025.connect(read_only=True) as con:
        rows = read_located_rows(con, "essex", crime_measure("all-crime"), "2025-01", "2025-12")
    grid = Grid.spanning(rows.easting, rows.northing, 1000)
    area = study_area(grid, "force", outlines_for("essex"), field > 0).mask
    assert 0.4 * area.size < area.sum() < 0.9 * area.size
    ids = np.flatnonzero(area.ravel())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        esda = pytest.importorskip("esda")
        weights = pytest.importorskip("libpysal.weights")
        w = weights.w_subset(weights.lat2W(*field.shape, rook=False), ids.tolist())
        expected = esda.G_Local(field.ravel()[ids], w, transform="B", star=True,
                                permutations=0).Zs  # fmt: skip
    z = gi_star(field, area).ravel()
    np.testing.assert_allclose(z[ids], expected, rtol=0, atol=1e-9)
    assert np.isnan(z[~area.ravel()]).all()


@pytest.mark.realdata
def test_gi_star_equals_the_textbook_formula_on_real_harm_scores(essex_2025: Workspace) -> None:
    field = essex_field(essex_2025, 2500, harm=True)
    np.testing.assert_allclose(gi_star(field), textbook_gi_star(field), rtol=0, atol=1e-9)


def test_a_planted_cluster_is_found() -> None:
    rng = np.random.default_rng(13)
    field = rng.poisson(2.0, size=(60, 80)).astype(float)
    field[30:33, 40:43] += 12  # a 3 x 3 block of cells with about 7 times the background
    grid = Grid(250, 0, 0, 80, 60)
    test = gi_star_cells(grid, field.ravel(), 0.05)
    hot = test.hot.reshape(field.shape)
    assert hot[30:33, 40:43].all()
    # Cells next to the block are hot by construction (their neighbourhood holds it);
    # elsewhere, only the few false discoveries the FDR allows.
    near = np.zeros_like(hot)
    near[29:34, 39:44] = True
    assert (hot & ~near).sum() <= 0.2 * hot.sum()


def test_a_uniform_random_field_has_no_more_discoveries_than_the_fdr_allows() -> None:
    # Every cell is a true null: BH at 5% then bounds P(any discovery) by 5%.
    seeds, grid = 300, Grid(250, 0, 0, 30, 30)
    with_discoveries = 0
    for seed in range(seeds):
        field = np.random.default_rng(seed).poisson(20.0, size=grid.size).astype(float)
        test = gi_star_cells(grid, field, 0.05)
        with_discoveries += bool((test.p_adjusted <= 0.05).any())
    allowed = 0.05 + 3 * np.sqrt(0.05 * 0.95 / seeds)
    assert with_discoveries / seeds <= allowed


def test_weights_change_the_result_when_they_differ_and_not_when_all_equal() -> None:
    rng = np.random.default_rng(7)
    grid = Grid(250, 0, 0, 40, 40)
    cell = rng.integers(0, grid.size, size=4000)
    kind = rng.integers(0, 2, size=4000)  # two crime types
    cell[:300], kind[:300] = 41 * 10, 0  # a cluster of type 0 at (10, 10)
    cell[300:600], kind[300:600] = 41 * 30, 1  # a cluster of type 1 at (30, 30)

    def z_for(weights: tuple[float, float]) -> np.ndarray:
        scores = np.where(kind == 0, weights[0], weights[1])
        return gi_star_cells(grid, grid.sum_by_cell(cell, scores).ravel(), 0.05).z

    counts = z_for((1.0, 1.0))
    np.testing.assert_allclose(z_for((7.5, 7.5)), counts, rtol=0, atol=1e-9)
    harm = z_for((380.0, 11.9))
    assert not np.allclose(harm, counts)
    assert harm[41 * 10] > harm[41 * 30]
