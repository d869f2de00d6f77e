"""The progress, deep-dive and national-measures reports hold the engine's numbers, say
honestly what they cannot compare, and refuse a priority the plan does not have."""

from __future__ import annotations

import html as html_module

import pytest

from policeplan.errors import InputError
from policeplan.hotspots import HotspotQuery, hotspot_analysis
from policeplan.indicators import BreakdownQuery, IndicatorQuery, breakdown, compute_indicator
from policeplan.indicators.indicator import IndicatorResult
from policeplan.render.html import report_html
from policeplan.reports import ReportQuery, build_report
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER
from tests.reports.html_tables import html_tables


def _html(workspace: Workspace, kind: str, *priorities: str) -> str:
    query = ReportQuery(kind, QUARTER, generated_at=GENERATED_AT, priorities=priorities)
    return report_html(build_report(workspace, query))


def _previous(workspace: Workspace, measure: str) -> IndicatorResult:
    result = compute_indicator(
        workspace, IndicatorQuery(measure, "essex", to="2025-12", months=12, compare="previous")
    )
    assert isinstance(result, IndicatorResult)
    return result


def test_progress_compares_with_the_previous_year_and_is_honest_about_the_baselines(
    report_workspace: Workspace,
) -> None:
    page = _html(report_workspace, "progress", "crime-prevention")
    tables = html_tables(page)
    assert list(tables) == ["progress-1", "data-coverage"]  # only the priority asked for
    header, *rows = tables["progress-1"]
    previous, pre_plan, pre_covid = [row for row in rows if row[0] == "All Crime"]
    # The harm score is compared too, from the same card (its own test)
    assert [row[1] for row in rows if row[0] == "All Crime Harm Score"] == [
        "previous 12 months", "pre-plan baseline (Apr 2020 to Mar 2021)",
        "pre-covid baseline (Jan 2019 to Dec 2019)",
    ]  # fmt: skip
    assert header == ["Indicator", "Compared with", "Then", "Now", "Diff.", "% Diff.", "Verdict"]
    result = _previous(report_workspace, "all-crime")
    pct = result.change.percent_difference if result.change else None
    assert pct is not None
    assert previous == [
        "All Crime",
        "previous 12 months",
        f"{result.comparison.count:,}",
        f"{result.current.count:,}",
        previous[4],
        f"{pct:+.1f}%",
        previous[6],
    ]
    # The workspace starts in January 2024: neither baseline can be compared.
    assert pre_plan[:4] == ["All Crime", "pre-plan baseline (Apr 2020 to Mar 2021)", "–",
                            f"{result.current.count:,}"]  # fmt: skip
    assert pre_plan[4:] == ["–", "–", "not compared"] == pre_covid[4:]
    text = html_module.unescape(page)
    assert f"All Crime {'rose' if pct > 0 else 'fell'} by {abs(pct):.1f}%" in text
    assert "Not compared with the pre-plan baseline (Apr 2020 to Mar 2021): April 2020" in text
    assert "No data held for Independent Public Confidence Survey" in text


def test_deep_dive_covers_the_priority_asked_for_with_its_districts(
    report_workspace: Workspace,
) -> None:
    page = _html(report_workspace, "deep-dive", "crime-prevention")
    tables = html_tables(page)
    assert '<h2 id="h-priority">Further investment in crime prevention</h2>' in page
    assert "P1-C1" in page and "P2-C1" not in page
    by_district = breakdown(
        report_workspace, BreakdownQuery("all-crime", "essex", "2025-12", by="district")
    )
    rows = tables["indicator-2-districts"][1:]
    assert len(rows) == len(by_district.rows)
    for row, part in zip(rows, by_district.rows, strict=True):
        assert row[0] == part.part
        assert row[1:3] == [f"{part.comparison.count:,}", f"{part.current.count:,}"]
    hotspots = hotspot_analysis(
        report_workspace,
        HotspotQuery("all-crime", "essex", "2025-12", cell_m=1000, weights="count", top=10),
    )
    assert [row[:3] for row in tables["indicator-2-hotspots"][1:]] == [
        [str(c.rank), c.district or "no district", f"{c.count:,}"] for c in hotspots.top_cells
    ]
    assert "chart-indicator-2-hotspots" in page
    assert 'alt="Variation icon: ' in page
    assert "chart-indicator-2-spc" in page and "chart-indicator-2-funnel" in page
    other = _html(report_workspace, "deep-dive", "drug-driven-violence")
    assert '<h2 id="h-priority">Reducing drug driven violence</h2>' in other


def test_national_measures_give_figures_held_and_say_no_data_held_otherwise(
    report_workspace: Workspace,
) -> None:
    page = _html(report_workspace, "national-measures")
    table = html_tables(page)["national-measures"]
    rows = {row[0]: row for row in table[1:]}
    result = _previous(report_workspace, "neighbourhood-crime")
    neighbourhood = rows["Reduce neighbourhood crime"]
    assert neighbourhood[2] == f"{result.current.count:,}"
    assert neighbourhood[3] == "offences"
    assert rows["Disrupt drug supply and county lines"][1] == "Drugs"
    for name in ("Reduce murder and other homicide", "Tackle cyber crime",
                 "Improve victim satisfaction"):  # fmt: skip
        assert rows[name][1] == "no data held" and rows[name][6] == "no data held"
    summary = html_module.unescape(page.split('id="summary"')[1].split("</section>")[0])
    assert "figures for 2 of the 6 national measures: drug supply and county lines, " in summary
    assert (
        "No data held for homicide, serious violence, cyber crime, victim satisfaction." in summary
    )


def test_a_priority_the_plan_does_not_have_is_refused(report_workspace: Workspace) -> None:
    with pytest.raises(InputError, match="no priority 'nowhere'"):
        build_report(report_workspace, ReportQuery("progress", QUARTER, priorities=("nowhere",)))
