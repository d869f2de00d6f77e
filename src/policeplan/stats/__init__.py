"""Pure statistical functions: plain numbers in, frozen dataclasses out.

No database and no printing here; `indicators/` and `reports/` call these.

- `compare_poisson_counts`: has a count changed? (exact conditional binomial test)
- `wilson_interval`, `compare_proportions`: solved rates and their change
- `xmr_chart`: Making Data Count statistical process control
- `funnel_plot`: Poisson funnel limits for rates per 1,000 people
- `random_effects_funnel`: the same widened for real differences between units
"""

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
from policeplan.stats.spc import (
    BEYOND_LIMIT,
    RUN,
    TREND,
    TWO_OF_THREE,
    Direction,
    ProcessLimits,
    SpcPoint,
    Variation,
    XmrChart,
    xmr_chart,
)

__all__ = [
    "ABOVE_95",
    "ABOVE_998",
    "BELOW_95",
    "BELOW_998",
    "BEYOND_LIMIT",
    "RUN",
    "TREND",
    "TWO_OF_THREE",
    "AdjustedMember",
    "Direction",
    "FunnelMember",
    "FunnelPlot",
    "PoissonComparison",
    "ProcessLimits",
    "ProportionComparison",
    "ProportionInterval",
    "RandomEffectsFunnel",
    "SpcPoint",
    "Variation",
    "XmrChart",
    "compare_poisson_counts",
    "compare_proportions",
    "count_limit",
    "funnel_plot",
    "percent_change",
    "random_effects_funnel",
    "rate_limits",
    "wilson_interval",
    "xmr_chart",
]
