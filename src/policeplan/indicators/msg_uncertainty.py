"""What a Most Similar Group comparison adds for issue #8: each member's dispersion, the
95% plausible ranges of the ranks (seeded simulation from a random-effects model) and the
warnings every output carries (suspect months accepted, populations far from the window).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from policeplan.indicators.counts import CountTable, WindowCount
from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.msg_result import MsgMember
from policeplan.indicators.windows import Window
from policeplan.plan.model import GoodDirection
from policeplan.stats.dispersion import estimate_dispersion
from policeplan.stats.rank_uncertainty import RankUncertainty, rank_uncertainty

__all__ = ["group_rank_uncertainty", "group_warnings", "member_phi"]


def member_phi(
    table: CountTable, span: WindowCount, measure: CrimeMeasure, window: Window
) -> float:
    """A member's dispersion over the 36 months before `window` (1 when too few are held,
    and for the quarterly Home Office table)."""
    if not table.has_outcomes:  # the Home Office table: quarters, not a monthly series
        return 1.0
    monthly = {**table.history_for(measure), **span.by_month}
    return estimate_dispersion(monthly, before=window.first).phi


def group_rank_uncertainty(
    members: Sequence[MsgMember], phis: Sequence[float], direction: GoodDirection
) -> RankUncertainty:
    return rank_uncertainty(
        [m.force.slug for m in members],
        [m.count for m in members],
        [m.population.population for m in members],
        direction=direction,
        dispersion=list(phis),
    )


def group_warnings(
    members: Sequence[MsgMember], counts: Mapping[str, WindowCount], window: Window
) -> tuple[str, ...]:
    """Suspect months counted (accepted) in the window and populations far from it."""
    found: list[str] = []
    for member in members:
        name = member.force.short_name
        for suspect in counts[member.force.slug].suspect_months:
            if suspect.month in window.months and counts[member.force.slug].accept_suspect:
                found.append(f"{name}: {suspect.describe()}: counted as accepted")
        if member.population.warning:
            found.append(f"{name}: {member.population.warning}")
    return tuple(found)
