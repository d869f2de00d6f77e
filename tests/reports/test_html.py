"""The HTML report: self-contained, escaped, accessible, reproducible, and its tables say
what the library says."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.delivery import delivery_summary, get_update
from policeplan.indicators import BreakdownQuery, IndicatorQuery, breakdown, compute_indicator
from policeplan.periods import FinancialQuarter
from policeplan.render.charts import external_addresses
from policeplan.render.html import report_html
from policeplan.reports import REPORT_KINDS, ReportQuery, build_report, render_report
from policeplan.reports.strategy_quarterly import lpa_label
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER, SCRIPT
from tests.reports.html_tables import html_tables


def _html(workspace: Workspace, kind: str) -> str:
    return report_html(
        build_report(workspace, ReportQuery(kind, QUARTER, generated_at=GENERATED_AT))
    )


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_html_refers_to_nothing_outside_itself(report_workspace: Workspace, kind: str) -> None:
    html = _html(report_workspace, kind)
    # The only address is one a thematic lead wrote in their narrative.
    assert set(external_addresses(html)) <= {"https://example.org/plan"}
    assert not re.search(r"""(src|href)=["'](?!data:|#)""", html)
    assert "@import" not in html and "url(" not in html


def test_narrative_is_shown_as_written_never_run(report_workspace: Workspace) -> None:
    html = _html(report_workspace, "strategy-quarterly")

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Training for 300 officers." in html
    assert "<script" not in html.lower()


def test_only_approved_narrative_appears_and_the_rest_is_listed(
    report_workspace: Workspace,
) -> None:
    strategy = _html(report_workspace, "strategy-quarterly")
    plan = _html(report_workspace, "plan-quarterly")

    assert get_update(report_workspace, "GKC", QUARTER) is not None
    assert "Draft words" not in strategy
    assert "Gangs and Knife Crime: update is draft" in strategy
    assert "Force-wide: 312 officers recruited." in plan
    assert '<strong class="area">North LPA •</strong> Two teams.' in plan
    assert "Not yet approved words" not in plan
    assert "P1-C2 (force-wide): narrative is draft" in plan


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_every_page_says_synthetic_and_every_chart_has_alt_text(
    report_workspace: Workspace, kind: str
) -> None:
    html = _html(report_workspace, kind)

    assert '<div class="banner" role="note"><span class="banner-text">SYNTHETIC DEMO DATA' in html
    assert "@top-right { content: string(banner)" in html
    assert '<html lang="en-GB">' in html
    for alt in re.findall(r'<img [^>]*alt="([^"]*)"', html):
        assert len(alt) > 40
    assert '<th scope="col"' in html and '<th scope="row">' in html
    assert "About the data" in html and "policeplan docs statistics" in html


@pytest.mark.parametrize("kind", REPORT_KINDS)
@pytest.mark.parametrize("format", ["html", "xlsx"])
def test_same_workspace_and_arguments_give_the_same_bytes(
    report_workspace: Workspace, kind: str, format: str
) -> None:
    query = ReportQuery(kind, QUARTER, generated_at=GENERATED_AT)
    first = render_report(build_report(report_workspace, query), format)
    second = render_report(build_report(report_workspace, query), format)
    assert first == second


def test_strand_tables_hold_the_engines_numbers(report_workspace: Workspace) -> None:
    tables = html_tables(_html(report_workspace, "strategy-quarterly"))
    result = compute_indicator(
        report_workspace, IndicatorQuery("burglary", "essex", to="2025-12", compare="previous")
    )
    header, burglary, _robbery = tables["da-12-months"]
    assert header[1:5] == ["12 months ending Dec 24", "12 months ending Dec 25", "Diff.", "% Diff."]
    assert burglary[0] == "Burglary"
    assert burglary[1] == f"{result.comparison.count:,}"
    assert burglary[2] == f"{result.current.count:,}"
    pct = result.to_dict()["pct_diff"]
    assert burglary[4] == f"{pct:+.1f}%"

    by_lpa = breakdown(report_workspace, BreakdownQuery("burglary", "essex", "2025-12", by="lpa"))
    lpa_rows = tables["da-lpa-months"][1:]
    for row, part in zip(lpa_rows, by_lpa.rows, strict=True):
        assert row[0] == lpa_label(part.part)
        assert row[1:-1] == [f"{part.current.by_month[m]:,}" for m in sorted(part.current.by_month)]
        assert row[-1] == f"{part.current.count:,}"
    summary = delivery_summary(report_workspace, FinancialQuarter.parse(QUARTER))
    total = [f"{summary.total[k]:,}" for k in ("total", "complete", "ongoing", "at_risk")]
    assert tables["delivery-progress"][-1] == ["Total", *total]
    assert total[0] == "326"  # the 325 example actions and DA-900


def _run(settings_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--workspace", str(settings_dir), *args])
    return result.exit_code, result.output


def test_report_command_writes_the_file_and_says_where(
    report_workspace: Workspace, out: Path
) -> None:
    target = out / "update.html"
    code, output = _run(report_workspace.path, "report", "plan-quarterly", "--quarter",
                        "2025-26Q3", "--out", str(target), "--generated-at",
                        GENERATED_AT.isoformat())  # fmt: skip
    assert code == 0, output
    assert output.strip().endswith(f"(html) to {target}")
    assert target.read_text(encoding="utf-8") == _html(report_workspace, "plan-quarterly")
    assert [p.name for p in out.iterdir()] == ["update.html"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "Q5 2025"], "'Q5 2025' is not a financial quarter"),
        (["--quarter", "2019/20 Q1"], "holds no police.uk data for Essex in June 2019"),
        (["--quarter", QUARTER, "--out", "/nonexistent-folder/r.html"], "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    report_workspace: Workspace, out: Path, args: list[str], message: str
) -> None:
    if "--out" not in args:
        args = [*args, "--out", str(out / "r.html")]
    code, output = _run(report_workspace.path, "report", "plan-quarterly", *args)
    assert code == 1
    assert output.startswith("Error: ") and output.count("\n") == 1
    assert message in output
    assert list(out.iterdir()) == []


def test_a_failed_render_leaves_the_old_file_and_no_partial_file(
    report_workspace: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policeplan.reports import build as build_module

    target = out / "r.html"
    target.write_text("old", encoding="utf-8")
    report = build_report(report_workspace, ReportQuery("plan-quarterly", QUARTER))

    def broken(*_args: object) -> bytes:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(build_module, "render_report", broken)
    with pytest.raises(RuntimeError):
        build_module.write_report(report, "html", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.iterdir()] == ["r.html"]


def test_plan_quarterly_says_why_each_msg_indicator_has_no_figures(
    report_workspace: Workspace,
) -> None:
    """The workspace holds police.uk data only: loaded per-force measures and Home Office
    offence groups are named with what would answer them, not just "no data held"."""
    html = _html(report_workspace, "plan-quarterly")
    start = html.index('id="table-msg"')
    note = unescape(html[start : html.index("</figure>", start)])
    assert (
        "Homicide offences per 1,000 population (needs the Home Office recorded-crime table: "
        "policeplan import home-office)" in note
    )
    assert (
        "Percentage of contracted hours lost to sickness (police staff) (each force's figures "
        "are not loaded: policeplan import measures)" in note
    )
    assert "no solved rate of homicide is held" in note
