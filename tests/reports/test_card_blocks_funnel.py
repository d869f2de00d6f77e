"""A card's blocks in a report carry the MSG funnel of its statistic: rates per 1,000
against population, solved rates against crimes recorded (binomial limits)."""

from __future__ import annotations

from policeplan.indicators.card import CardQuery, build_card
from policeplan.indicators.msg_values import ValueComparison
from policeplan.render.document import Chart
from policeplan.reports.indicator_blocks import card_blocks
from policeplan.store import Workspace


def _funnels(workspace: Workspace, measure: str) -> list[Chart]:
    card = build_card(workspace, CardQuery(measure, "essex", "2025-12"))
    return [b for b in card_blocks(card, "x") if isinstance(b, Chart) and b.key == "x-funnel"]


def test_a_solved_rate_card_draws_the_binomial_funnel(report_workspace: Workspace) -> None:
    card = build_card(report_workspace, CardQuery("all-crime-solved-rate", "essex", "2025-12"))
    assert isinstance(card.msg_result, ValueComparison) and card.msg_result.funnel is not None
    (funnel,) = _funnels(report_workspace, "all-crime-solved-rate")
    assert "against its crimes recorded" in funnel.title
    assert "binomial funnel limits" in funnel.title


def test_a_rate_card_draws_the_population_funnel(report_workspace: Workspace) -> None:
    (funnel,) = _funnels(report_workspace, "burglary")
    assert "against its population" in funnel.title
