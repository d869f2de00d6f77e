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
IndicatorQuery      compute_indicator     IndicatorResult | LoadedIndicatorResult
ScorecardQuery      scorecard             Scorecard
BreakdownQuery      breakdown             Breakdown
SpcQuery            spc_chart             SpcResult
MsgQuery            msg_comparison        MsgComparison
"""

from policeplan.indicators.breakdown import Breakdown, BreakdownRow, breakdown
from policeplan.indicators.counts import HOME_OFFICE, POLICE_UK, SOURCES, WindowCount
from policeplan.indicators.harm import HarmScore
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
from policeplan.indicators.spc_series import SpcResult, spc_chart
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
    "CrimeMeasure",
    "ExcludedMember",
    "HarmScore",
    "IndicatorQuery",
    "IndicatorResult",
    "LoadedChange",
    "LoadedIndicatorResult",
    "LoadedWindow",
    "MsgComparison",
    "MsgMember",
    "MsgQuery",
    "PlanChoice",
    "Position",
    "Scorecard",
    "ScorecardQuery",
    "SpcQuery",
    "SpcResult",
    "Window",
    "WindowCount",
    "breakdown",
    "compute_indicator",
    "loaded_plan",
    "msg_comparison",
    "msg_tables",
    "parse_direction",
    "parse_group",
    "rate_per_1000",
    "scorecard",
    "spc_chart",
]
