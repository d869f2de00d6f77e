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
        f"{msg.change_to_average:+,}" if msg.change_to_average else "0",
        f"{msg.change_to_top_quartile:+,}" if msg.change_to_top_quartile else "0",
        "met" if msg.aspiration_met else "not met",
    ]
    assert len(msg.members) + len(msg.excluded) == 10
    for left_out in msg.excluded:
        assert f"{left_out.force.short_name} ({left_out.reason})" in html


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
