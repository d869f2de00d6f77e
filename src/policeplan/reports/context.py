"""What every report kind starts from: the workspace, the quarter, the force, the plan, the
clock, and where its figures come from (`figures.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from policeplan.indicators.summary import PlanSummary, SummaryQuery, plan_summary
from policeplan.periods import FinancialQuarter
from policeplan.plan.model import Plan
from policeplan.render.charts import MonthlySeries, monthly_comparison_spec, to_svg
from policeplan.render.document import BulletList, Chart, Section
from policeplan.reports.about import short_month
from policeplan.reports.figures import IndicatorFigures, TwelveMonths
from policeplan.store import Workspace

# What a report kind's builder returns: its sections (before "About the data"), the
# population years its figures used, and the narrative still missing.
Built = tuple[tuple[Section, ...], list[int], tuple[str, ...]]

__all__ = ["Built", "ReportContext", "executive_summary_section", "monthly_chart", "window_heading"]


@dataclass(frozen=True)
class ReportContext:
    workspace: Workspace
    quarter: FinancialQuarter
    force: str
    plan: Plan
    generated_at: datetime
    figures: IndicatorFigures
    data_label: str | None

    @property
    def to(self) -> str:
        """The last month of the quarter: every 12-month window ends there."""
        return self.quarter.last_month

    @cached_property
    def summary_table(self) -> PlanSummary:
        """The plan's summary table for the 12 months to the quarter's end, with the card of
        every plan indicator (built once per report)."""
        return plan_summary(self.workspace, SummaryQuery(self.force, self.to), plan=self.plan)


def window_heading(last_month: str) -> str:
    """'12 months ending Sep 21', as the reference report heads its columns."""
    return f"12 months ending {short_month(last_month)}"


def monthly_chart(figures: TwelveMonths, force_name: str) -> Chart:
    series = MonthlySeries(
        f"{figures.title}, {force_name}", "offences", figures.months, figures.values
    )
    spec = monthly_comparison_spec(series)
    return Chart(
        key=f"monthly-{figures.measure}",
        title=f"{figures.title}: each month of the 12 months ending "
        f"{short_month(figures.current_last)} beside the same month a year earlier",
        spec=spec,
        svg=to_svg(spec),
        alt=str(spec.get("description", "")),
    )


def executive_summary_section(context: ReportContext) -> Section:
    """The executive summary: the summary table's generated sentences."""
    sentences = context.summary_table.executive_summary
    return Section("executive-summary", "Executive summary", (BulletList(sentences),))
