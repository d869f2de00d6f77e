"""Pure statistical functions: plain numbers in, frozen dataclasses out.

No database and no printing here; `indicators/` and `reports/` call these.

- `compare_poisson_counts`: has a count changed? (exact conditional binomial test,
  central p-value, Clopper-Pearson rate-ratio interval: the two always agree)
- `estimate_dispersion`, `compare_allowing_for_dispersion`: the same allowing for a force's
  month-to-month overdispersion (quasi-Poisson), exact Poisson p kept beside
- `benjamini_hochberg`: q-values for a table of many tests
- `days_in_month`, `window_days`: days as the exposure of windows of different lengths
- `msg_targets`: the change that reaches the recomputed MSG average (mean of rates, pooled)
- `rank_uncertainty`: 95% plausible range of each MSG rank, indistinguishable peers
- `compare_outcome_maturity`: are two windows' solved rates comparable?
- `compare_unlocated_shares`, `window_rate`: district caveats, rates labelled per window
- `wilson_interval`, `compare_proportions`: solved rates and their change
- `mdc_chart`: Making Data Count statistical process control
- `funnel_plot`: Poisson funnel limits for rates per 1,000 people
- `random_effects_funnel`: the same widened for real differences between units
"""

from policeplan.stats.adjusted_comparison import AdjustedComparison, compare_allowing_for_dispersion
from policeplan.stats.dispersion import Dispersion, estimate_dispersion
from policeplan.stats.exposure import (
    WindowRate,
    days_in_month,
    days_in_months,
    window_days,
    window_rate,
)
from policeplan.stats.funnel import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    FunnelMember,
    FunnelPlot,
    count_limit,
    funnel_plot,
    rate_limits,
)
from policeplan.stats.funnel_overdispersion import (
    AdjustedMember,
    RandomEffectsFunnel,
    random_effects_funnel,
)
from policeplan.stats.msg_targets import (
    DEFAULT_AVERAGE,
    MEAN_OF_RATES,
    POOLED_RATE,
    ChangeToAverage,
    MsgTargets,
    msg_targets,
)
from policeplan.stats.multiple_comparisons import benjamini_hochberg
from policeplan.stats.outcome_maturity import OutcomeMaturity, compare_outcome_maturity
from policeplan.stats.poisson_comparison import (
    PoissonComparison,
    compare_poisson_counts,
    percent_change,
)
from policeplan.stats.proportions import (
    ProportionComparison,
    ProportionInterval,
    compare_proportions,
    wilson_interval,
)
from policeplan.stats.rank_uncertainty import RankRange, RankUncertainty, rank_uncertainty
from policeplan.stats.spc import MdcChart, RuleSet, mdc_chart
from policeplan.stats.unlocated import UnlocatedShares, compare_unlocated_shares

__all__ = [
    "ABOVE_95",
    "ABOVE_998",
    "BELOW_95",
    "BELOW_998",
    "DEFAULT_AVERAGE",
    "MEAN_OF_RATES",
    "POOLED_RATE",
    "AdjustedComparison",
    "AdjustedMember",
    "ChangeToAverage",
    "Dispersion",
    "FunnelMember",
    "FunnelPlot",
    "MdcChart",
    "MsgTargets",
    "OutcomeMaturity",
    "PoissonComparison",
    "ProportionComparison",
    "ProportionInterval",
    "RandomEffectsFunnel",
    "RankRange",
    "RankUncertainty",
    "RuleSet",
    "UnlocatedShares",
    "WindowRate",
    "benjamini_hochberg",
    "compare_allowing_for_dispersion",
    "compare_outcome_maturity",
    "compare_poisson_counts",
    "compare_proportions",
    "compare_unlocated_shares",
    "count_limit",
    "days_in_month",
    "days_in_months",
    "estimate_dispersion",
    "funnel_plot",
    "mdc_chart",
    "msg_targets",
    "percent_change",
    "random_effects_funnel",
    "rank_uncertainty",
    "rate_limits",
    "wilson_interval",
    "window_days",
    "window_rate",
]
