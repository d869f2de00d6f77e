"""Reports on the real sample (Essex and its peers, 2025): every figure of the MSG and
strand tables in the HTML equals the engine's result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.delivery import add_action, seed_example
from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    MsgQuery,
    breakdown,
    compute_indicator,
    msg_comparison,
)
from policeplan.indicators.card import msg_rank_ranges
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_values import ValueComparison
from policeplan.ingest.police_uk import ImportSummary
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.render import wording
from policeplan.render.html import report_html
from policeplan.reports import ReportQuery, build_report
from policeplan.reports.strategy_quarterly import lpa_label
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT
from tests.reports.html_tables import html_tables

QUARTER = "2025/26 Q3"  # October to December 2025: windows end in December 2025


@pytest.fixture(scope="module")
def real_copy(
    real_sample: tuple[Workspace, ImportSummary], tmp_path_factory: pytest.TempPathFactory
) -> Workspace:
    """A copy of the real sample's analytics database (the shared one stays untouched) with
    the example plan and delivery plan, one action linked to burglary."""
    source, _ = real_sample
    settings = load_settings(tmp_path_factory.mktemp("real-report") / "w", {})
    Path(settings.workspace).mkdir(parents=True)
    shutil.copy(source.settings.analytics_path, settings.analytics_path)
    workspace = Workspace.open(settings)
    save_plan(workspace, load_plan(example_plan_path()))
    seed_example(workspace)
    add_action(workspace, ref="DA-900", strand="DA", title="Burglary focus",
               indicators=("burglary",), actor="test")  # fmt: skip
    dispose_engines()
    return workspace


def test_plan_quarterly_msg_figures_equal_the_engine(real_copy: Workspace) -> None:
    report = build_report(real_copy, ReportQuery("plan-quarterly", QUARTER,
                                                 generated_at=GENERATED_AT))  # fmt: skip
    html = report_html(report)
    assert "SYNTHETIC" not in html
    msg = msg_comparison(real_copy, MsgQuery("all-crime", "essex", to="2025-12"))
    row = next(r for r in html_tables(html)["msg"] if r[0].startswith("All crime offences"))
    member = msg.force_member
    low, high = msg_rank_ranges(msg)["essex"]
    assert low <= member.rank <= high
    plausible = (
        wording.ordinal(low) if low == high else f"{wording.ordinal(low)}–{wording.ordinal(high)}"
    )
    assert row[2:] == [
        f"{msg.to_dict()['force_rate_per_1000']:,.3f}",
        f"{msg.to_dict()['msg_average_rate']:,.3f}",
        wording.rank_phrase(member.rank, len(msg.members)),
        plausible,
        "met" if msg.aspiration_met else "not met",
    ]
    change = next(r for r in html_tables(html)["msg-change"] if r[0] == row[0])
    assert change[1:4] == [
        "offences",
        f"{msg.change_to_average:+,}" if msg.change_to_average else "0",
        f"{msg.change_to_top_quartile:+,}" if msg.change_to_top_quartile else "0",
    ]
    assert len(msg.members) + len(msg.excluded) == 10
    note = " ".join(html.split("Left out of the group: ", 1)[1].split("</figcaption>")[0].split())
    for left_out in msg.excluded:  # members sharing a reason are named together
        part = next(p for p in note.split("; ") if left_out.reason.replace("'", "&#39;") in p)
        assert left_out.force.short_name in part.split(" (", 1)[0]


def test_plan_quarterly_solved_rate_row_equals_the_engine(real_copy: Workspace) -> None:
    """The plan's all-crime-solved-rate row: Essex's 2025 solved rate ranked among its peers
    (the engine's figures, whose counts test_msg_solved checks against the raw files)."""
    html = report_html(build_report(real_copy, ReportQuery("plan-quarterly", QUARTER,
                                                           generated_at=GENERATED_AT)))  # fmt: skip
    query = MsgQuery("all-crime", "essex", to="2025-12", statistic="solved-rate")
    solved = compare_with_group(real_copy, query)
    assert isinstance(solved, ValueComparison)
    essex = solved.force_member
    assert (essex.figure.numerator, essex.figure.denominator) == (20_913, 143_676)
    tables = html_tables(html)
    row = next(r for r in tables["msg"] if r[0] == "All crime solved rate")
    assert row[1:] == [
        "upper-quartile",
        f"{20_913 / 143_676 * 100:.1f}%",  # 14.6%
        f"{float(solved.average) * 100:.1f}%",
        "3rd of 8",
        "3rd",
        "not met",  # the top quartile is 2nd of 8
    ]
    to_quartile = solved.change_to_top_quartile
    change = next(r for r in tables["msg-change"] if r[0] == "All crime solved rate")
    assert change[1:] == [
        "solved crimes",
        "0",  # above the MSG average already
        f"{to_quartile.change_count:+,}",
        "0.0",
        f"{to_quartile.change:+.1f}",
    ]
    assert to_quartile.change_count == 852


def test_strategy_quarterly_strand_figures_equal_the_engine(real_copy: Workspace) -> None:
    html = report_html(
        build_report(
            real_copy, ReportQuery("strategy-quarterly", QUARTER, generated_at=GENERATED_AT)
        )
    )
    tables = html_tables(html)
    result = compute_indicator(real_copy, IndicatorQuery("burglary", "essex", to="2025-12"))
    row = tables["da-12-months"][1]
    # 2024 is only partly in the sample: the earlier window is incomplete, never compared.
    assert result.comparison.count is None
    assert row == ["Burglary", "–", f"{result.current.count:,}", "–", "–", "not compared"]
    lpas = breakdown(real_copy, BreakdownQuery("burglary", "essex", "2025-12", by="lpa"))
    for shown, part in zip(tables["da-lpa-months"][1:], lpas.rows, strict=True):
        months = sorted(part.current.by_month)
        assert shown == [lpa_label(part.part), *(f"{part.current.by_month[m]:,}" for m in months),
                         f"{part.current.count:,}"]  # fmt: skip
    districts = breakdown(real_copy, BreakdownQuery("burglary", "essex", "2025-12", by="district"))
    shown_districts = {r[0]: r[2] for r in tables["da-districts"][1:]}
    assert shown_districts == {d.part: f"{d.current.count:,}" for d in districts.rows}
