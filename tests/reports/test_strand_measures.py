"""Which crime measures a strategy strand's insights show, and what the report says when
they are not the strand's own (its plan priorities' indicators) or cannot be counted."""

from __future__ import annotations

from dataclasses import replace

from policeplan.delivery import list_actions, list_strands
from policeplan.periods import FinancialQuarter
from policeplan.plan import Plan
from policeplan.plan.storage import current_plan
from policeplan.reports.context import ReportContext
from policeplan.reports.figures import LibraryFigures
from policeplan.reports.strategy_quarterly import strand_measures
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER


def _context(workspace: Workspace, plan: Plan) -> ReportContext:
    return ReportContext(workspace, FinancialQuarter.parse(QUARTER), "essex", plan,
                         GENERATED_AT, LibraryFigures(workspace, plan), None)  # fmt: skip


def _chosen(
    workspace: Workspace, plan: Plan, code: str
) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    strand = next(s for s in list_strands(workspace) if s.code == code)
    found = strand_measures(_context(workspace, plan), strand, list_actions(workspace))
    return found.measures, found.from_priorities, found.not_held


def test_a_strand_shows_its_own_plan_measures(report_workspace: Workspace) -> None:
    plan = current_plan(report_workspace)
    assert _chosen(report_workspace, plan, "DBSR") == (("burglary", "robbery"), False, ())


def test_records_measures_not_held_are_named_not_replaced(report_workspace: Workspace) -> None:
    plan = current_plan(report_workspace)  # the workspace holds no crime records
    assert _chosen(report_workspace, plan, "GKC") == ((), False, ("knife-crime",))


def test_without_measures_of_its_own_a_strand_falls_back_to_its_priorities(
    report_workspace: Workspace,
) -> None:
    plan = current_plan(report_workspace)
    strands = tuple(
        replace(s, measures=()) if s.name == "Dwelling Burglary and Street Robbery" else s
        for s in plan.strategy_strands
    )
    # crime-prevention's indicators: the harm score and public confidence are not crime
    # counts a strand's 12-month table shows; all crime is.
    chosen = replace(plan, strategy_strands=strands)
    assert _chosen(report_workspace, chosen, "DBSR") == (("all-crime",), True, ())
