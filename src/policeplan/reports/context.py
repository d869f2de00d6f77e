"""What every report kind starts from: the workspace, the quarter, the force, the plan, the
clock, and where its figures come from (`figures.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from policeplan.errors import InputError
from policeplan.indicators.card import CardQuery, IndicatorCard, build_cards
from policeplan.indicators.card_sources import measure_kind
from policeplan.indicators.summary import PlanSummary, SummaryQuery, plan_summary
from policeplan.periods import FinancialQuarter
from policeplan.plan.model import Plan, Priority
from policeplan.render.charts import MonthlySeries, monthly_comparison_spec, to_svg
from policeplan.render.document import BulletList, Chart, Section
from policeplan.reports.about import short_month
from policeplan.reports.figures import IndicatorFigures, TwelveMonths
from policeplan.store import Workspace

# What a report kind's builder returns: its sections (before "About the data"), the
# population years its figures used, and the narrative still missing.
Built = tuple[tuple[Section, ...], list[int], tuple[str, ...]]

__all__ = [
    "Built",
    "ReportContext",
    "chart",
    "chosen_priorities",
    "executive_summary_section",
    "monthly_chart",
    "window_heading",
]


@dataclass(frozen=True)
class ReportContext:
    workspace: Workspace
    quarter: FinancialQuarter
    force: str
    plan: Plan
    generated_at: datetime
    figures: IndicatorFigures
    data_label: str | None
    priorities: tuple[str, ...] = ()

    @property
    def to(self) -> str:
        """The last month of the quarter: every 12-month window ends there."""
        return self.quarter.last_month

    @property
    def chosen_priorities(self) -> tuple[Priority, ...]:
        return chosen_priorities(self.plan, self.priorities)

    def measure_cards(self, measures: Sequence[str]) -> dict[str, IndicatorCard]:
        """The card of each measure the workspace knows (crime or loaded), for the 12 months
        to the quarter's end, built in one batch (the MSG's counts read once)."""
        with self.workspace.connect(read_only=True) as con:
            known = [m for m in dict.fromkeys(measures) if measure_kind(con, m, self.plan)]
        queries = [CardQuery(measure, self.force, self.to) for measure in known]
        cards = build_cards(self.workspace, queries, plan=self.plan)
        return dict(zip(known, cards, strict=True))

    @cached_property
    def summary_table(self) -> PlanSummary:
        """The plan's summary table for the 12 months to the quarter's end, with the card of
        every plan indicator (built once per report)."""
        return plan_summary(self.workspace, SummaryQuery(self.force, self.to), plan=self.plan)


def chosen_priorities(plan: Plan, wanted: tuple[str, ...]) -> tuple[Priority, ...]:
    """The priorities named (`--priority`), in plan order; all when none was named."""
    known = [p.id for p in plan.priorities]
    for name in wanted:
        if name not in known:
            raise InputError(
                f"the plan has no priority {name!r}: use one of {', '.join(known)}",
                field="priority",
            )
    return tuple(p for p in plan.priorities if not wanted or p.id in wanted)


def window_heading(last_month: str) -> str:
    """'12 months ending Sep 21', as the reference report heads its columns."""
    return f"12 months ending {short_month(last_month)}"


def chart(key: str, title: str, spec: dict[str, Any]) -> Chart:
    """A chart block: the spec drawn as SVG, its description the text alternative."""
    return Chart(key=key, title=title, spec=spec, svg=to_svg(spec),
                 alt=str(spec.get("description", "")))  # fmt: skip


def monthly_chart(figures: TwelveMonths, force_name: str) -> Chart:
    series = MonthlySeries(
        f"{figures.title}, {force_name}", "offences", figures.months, figures.values
    )
    return chart(
        f"monthly-{figures.measure}",
        f"{figures.title}: each month of the 12 months ending "
        f"{short_month(figures.current_last)} beside the same month a year earlier",
        monthly_comparison_spec(series),
    )


def executive_summary_section(context: ReportContext) -> Section:
    """The executive summary: the summary table's generated sentences."""
    sentences = context.summary_table.executive_summary
    return Section("executive-summary", "Executive summary", (BulletList(sentences),))
