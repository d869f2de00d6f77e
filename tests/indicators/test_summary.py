"""The plan summary: one row per plan indicator, the executive summary from those rows,
and its CSV and xlsx files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from policeplan.errors import DataError
from policeplan.indicators import CardQuery, SummaryQuery, build_card, plan_summary
from policeplan.plan import example_plan_path, load_plan
from policeplan.render.summary_files import write_summary_csv, write_summary_xlsx
from policeplan.render.text.summary import SUMMARY_COLUMNS
from policeplan.store import Workspace

TO = "2025-06"


def test_one_row_per_plan_indicator_in_plan_order(card_workspace: Workspace) -> None:
    summary = plan_summary(card_workspace, SummaryQuery("essex", TO))
    plan = load_plan(example_plan_path())
    assert [(r.priority, r.indicator) for r in summary.rows] == [
        (p.id, i.id) for p, i in plan.indicators
    ]
    assert [key for key, _, _ in summary.priorities] == [p.id for p in plan.priorities]


def test_row_matches_the_indicator_card(card_workspace: Workspace) -> None:
    summary = plan_summary(card_workspace, SummaryQuery("essex", TO))
    row = next(r for r in summary.rows if r.indicator == "all-crime")
    card = build_card(card_workspace, CardQuery("all-crime", "essex", TO))
    previous = card.comparison("previous")
    assert previous is not None and card.latest is not None and card.msg is not None
    assert row.latest == card.latest.value
    assert row.pct_change == previous.pct_diff and row.verdict == previous.verdict
    assert row.variation_icon == (None if card.spc is None else card.spc.variation_icon)
    assert row.msg_position == card.msg.position and row.rank_range == card.msg.rank_range
    assert row.aspiration_met == card.msg.aspiration_met
    data = row.to_dict()
    if row.variation_icon is not None:
        assert data["variation_alt"].startswith(("Common cause", "Special cause"))


def test_executive_summary_names_the_areas(card_workspace: Workspace) -> None:
    summary = plan_summary(card_workspace, SummaryQuery("essex", TO))
    sentences = summary.executive_summary
    assert sentences[0].endswith("figures for the 12 months to June 2025.")
    row = next(r for r in summary.rows if r.indicator == "all-crime")
    assert row.aspiration_met is not None
    aspiration = next(s for s in sentences if s.startswith("Meeting its aspiration"))
    expected = "in 1 area: All Crime;" if row.aspiration_met else "not meeting in 1: All Crime."
    assert expected in aspiration
    assert any(s.startswith("MSG position improved in") for s in sentences)


def test_summary_needs_a_plan(workspace: Workspace) -> None:
    with pytest.raises(DataError, match="needs a plan"):
        plan_summary(workspace, SummaryQuery("essex", TO))


def test_csv_and_xlsx_hold_the_rows_with_numbers_as_numbers(
    card_workspace: Workspace, tmp_path: Path
) -> None:
    summary = plan_summary(card_workspace, SummaryQuery("essex", TO))
    assert write_summary_csv(summary, tmp_path / "s.csv") == len(summary.rows)
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(SUMMARY_COLUMNS) and len(rows) == len(summary.rows)
    write_summary_xlsx(summary, tmp_path / "s.xlsx")
    book = load_workbook(tmp_path / "s.xlsx")
    sheet = book["Summary"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == list(SUMMARY_COLUMNS)
    latest = SUMMARY_COLUMNS.index("latest")
    all_crime = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "all-crime")
    assert isinstance(all_crime[latest], int | float) and all_crime[latest] > 0
    assert book["Executive summary"]["A1"].value.startswith("Police and Crime Plan")
