"""Indicators: what a panel reads, computed from the workspace.

Each computation takes the `Workspace` and one query object, and returns a frozen result
with one `to_dict()` (the `--json` shape). Every computation runs against the workspace's
plan, if one is loaded, unless given `plan=`.

    >>> from policeplan.indicators import IndicatorQuery, compute_indicator
    >>> query = IndicatorQuery("burglary", "essex", to="2025-12", compare="last-year")
    >>> result = compute_indicator(workspace, query)  # doctest: +SKIP
    >>> result.to_dict()["pct_diff"]  # doctest: +SKIP
    -6.1

query object        library call          result
IndicatorQuery      compute_indicator     IndicatorResult | LoadedIndicatorResult |
                                          HarmIndicatorResult (`…-harm-score` measures)
ScorecardQuery      scorecard             Scorecard
BreakdownQuery      breakdown             Breakdown
SpcQuery (+SpcOptions) spc_chart          SpcResult (an MdcChart and its seasonality)
CardQuery           build_card            IndicatorCard
SummaryQuery        plan_summary          PlanSummary
MsgQuery            msg_comparison        MsgComparison
MsgQuery            compare_with_group    MsgComparison | ValueComparison (solved rates,
                                          loaded per-force measures)
"""

from policeplan.indicators.breakdown import Breakdown, BreakdownRow, breakdown
from policeplan.indicators.card import CardQuery, IndicatorCard, build_card
from policeplan.indicators.counts import HOME_OFFICE, POLICE_UK, SOURCES, WindowCount
from policeplan.indicators.harm import HarmScore
from policeplan.indicators.harm_measure import HarmIndicatorResult
from policeplan.indicators.indicator import (
    IndicatorResult,
    LoadedIndicatorResult,
    compute_indicator,
)
from policeplan.indicators.loaded_measures import LoadedChange, LoadedWindow
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure
from policeplan.indicators.msg import (
    ExcludedMember,
    MsgComparison,
    MsgMember,
    Position,
    msg_comparison,
    msg_tables,
)
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_values import ValueComparison, ValueMember
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, loaded_plan
from policeplan.indicators.queries import (
    BREAKDOWNS,
    BreakdownQuery,
    IndicatorQuery,
    MsgQuery,
    ScorecardQuery,
    SpcQuery,
    parse_direction,
    parse_group,
)
from policeplan.indicators.ranking import rate_per_1000
from policeplan.indicators.scorecard import Scorecard, scorecard
from policeplan.indicators.spc_series import SpcOptions, SpcResult, spc_chart
from policeplan.indicators.summary import PlanSummary, SummaryQuery, SummaryRow, plan_summary
from policeplan.indicators.windows import COMPARISONS, Window

__all__ = [
    "BREAKDOWNS",
    "COMPARISONS",
    "CRIME_MEASURES",
    "HOME_OFFICE",
    "LOADED_PLAN",
    "POLICE_UK",
    "SOURCES",
    "Breakdown",
    "BreakdownQuery",
    "BreakdownRow",
    "CardQuery",
    "CrimeMeasure",
    "ExcludedMember",
    "HarmIndicatorResult",
    "HarmScore",
    "IndicatorCard",
    "IndicatorQuery",
    "IndicatorResult",
    "LoadedChange",
    "LoadedIndicatorResult",
    "LoadedWindow",
    "MsgComparison",
    "MsgMember",
    "MsgQuery",
    "PlanChoice",
    "PlanSummary",
    "Position",
    "Scorecard",
    "ScorecardQuery",
    "SpcOptions",
    "SpcQuery",
    "SpcResult",
    "SummaryQuery",
    "SummaryRow",
    "ValueComparison",
    "ValueMember",
    "Window",
    "WindowCount",
    "breakdown",
    "build_card",
    "compare_with_group",
    "compute_indicator",
    "loaded_plan",
    "msg_comparison",
    "msg_tables",
    "parse_direction",
    "parse_group",
    "plan_summary",
    "rate_per_1000",
    "scorecard",
    "spc_chart",
]
