"""The text view of stop and search for a force (`policeplan stop-search`)."""

from __future__ import annotations

from policeplan.stats import ProportionInterval
from policeplan.stop_search import StopSearchResult

__all__ = ["stop_search_text"]


def _share(interval: ProportionInterval) -> str:
    if interval.proportion is None or interval.lower is None or interval.upper is None:
        return "no outcomes recorded"
    return (
        f"{interval.proportion:.1%} ({interval.successes:,} of {interval.trials:,}; "
        f"95% interval {interval.lower:.1%} to {interval.upper:.1%})"
    )


def stop_search_text(result: StopSearchResult) -> str:
    """Searches and their rates, the change on a year earlier, then rates by ethnic group."""
    current, population = result.current, result.population
    lines = [
        f"Stop and search, {result.force}, {current.window.label()}",
        f"  searches: {current.searches:,} = {result.per_1000:.2f} per 1,000 people "
        f"(ONS mid-{population.year} population {population.population:,})",
        f"  find rate: {_share(result.find_rate)}",
        f"  arrest rate: {_share(result.arrest_rate)}",
    ]
    change = result.change
    if change is not None:
        ratio = "" if change.rate_ratio is None else f", rate ratio {change.rate_ratio:.2f}"
        verdict = "a real change (p < 0.05)" if change.significant else "not a clear change"
        earlier = result.comparison
        lines.append(
            f"  compared with {earlier.window.label()}: {earlier.searches:,} searches"
            f"{ratio}, p = {change.p_value:.3f}: {verdict}"
        )
    lines += [
        "",
        f"By {result.ethnicity_basis} ethnicity, per 1,000 residents (Census 2011 "
        "populations, not Census 2021):",
        f"  {'group':<6}  {'searches':>8}  {'residents':>10}  {'per 1,000':>9}  ratio to white",
    ]
    for g in result.groups:
        rate = "-" if g.per_1000 is None else f"{g.per_1000:.2f}"
        ratio_text = "(reference)" if g.group == "white" else "-"
        r = g.ratio_to_white
        if r is not None and r.rate_ratio is not None:
            upper = "∞" if r.rate_ratio_upper is None else f"{r.rate_ratio_upper:.2f}"
            lower = "-" if r.rate_ratio_lower is None else f"{r.rate_ratio_lower:.2f}"
            ratio_text = f"{r.rate_ratio:.2f} (95% interval {lower} to {upper})"
        lines.append(
            f"  {g.group:<6}  {g.searches:>8,}  {g.population:>10,}  {rate:>9}  {ratio_text}"
        )
    lines.append(f"  ethnicity not recorded: {result.ethnicity_not_recorded:,} searches")
    lines.append(f"  source: {result.census_source}")
    lines += [f"note: {note}" for note in result.notes]
    return "\n".join(lines)
