"""Statistical process control the way NHS England's "Making Data Count" does it: XmR charts.

The engine (`mdc_chart`, from `mdc_chart`, `mdc_rules`, `mdc_limits`, `mdc_icons`,
`mdc_seasonality`) follows the current MDC guidance: monthly series with missing months,
improvement direction up/down/neutral, rebasing with reasons, baselines, trial limits,
MDC's November 2023 two-of-three rule, variation and assurance icons. docs/spc.md documents
every rule and its source.

>>> chart = mdc_chart(["2025-01", "2025-02"], [3.0, 4.0])
>>> chart.trial_limits
True
"""

from __future__ import annotations

from policeplan.stats.mdc_chart import MdcChart, MdcGroup, MdcPoint, Rebase, mdc_chart
from policeplan.stats.mdc_icons import (
    AssuranceIcon,
    ImprovementDirection,
    SpecialCause,
    VariationIcon,
    assurance_icon,
    variation_icon,
)
from policeplan.stats.mdc_limits import GroupLimits, xmr_limits
from policeplan.stats.mdc_rules import (
    ASTRONOMICAL,
    MDC_RULES,
    RULE_NAMES,
    SHIFT,
    RuleSet,
)
from policeplan.stats.mdc_seasonality import (
    Seasonality,
    same_month_earlier_years,
    seasonal_signal_note,
    seasonality,
)

__all__ = [
    "ASTRONOMICAL",
    "MDC_RULES",
    "RULE_NAMES",
    "SHIFT",
    "AssuranceIcon",
    "GroupLimits",
    "ImprovementDirection",
    "MdcChart",
    "MdcGroup",
    "MdcPoint",
    "Rebase",
    "RuleSet",
    "Seasonality",
    "SpecialCause",
    "VariationIcon",
    "assurance_icon",
    "mdc_chart",
    "same_month_earlier_years",
    "seasonal_signal_note",
    "seasonality",
    "variation_icon",
    "xmr_limits",
]
