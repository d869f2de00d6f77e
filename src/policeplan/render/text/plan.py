"""The text view of a plan (`policeplan plan show`): an outline of priorities, indicators,
strategy strands, Most Similar Group indicators, composite measures and measures from
crime records.

    >>> from policeplan.plan import example_plan_path, load_plan
    >>> plan_text(load_plan(example_plan_path())).splitlines()[0]
    'Police and Crime Plan 2021-2024 (essex-2021-24), 2021-04 to 2024-03'
"""

from __future__ import annotations

from policeplan.plan import Plan

__all__ = ["plan_loaded_text", "plan_text"]


def plan_text(plan: Plan, *, commitments: bool = False) -> str:
    """The plan as readable lines; `commitments` lists every "We will…" line."""
    lines = [
        f"{plan.name} ({plan.id}), {plan.period.start} to {plan.period.end}",
        f"Force: {plan.force}; Most Similar Group ({len(plan.most_similar_group)} forces): "
        + ", ".join(plan.most_similar_group),
    ]
    if plan.baselines:
        lines.append(
            "Baselines: "
            + "; ".join(f"{b.name} ({b.first_month} to {b.to})" for b in plan.baselines)
        )
    for number, priority in enumerate(plan.priorities, start=1):
        lines += ["", f"{number}. {priority.title} [{priority.id}]"]
        if commitments:
            lines.append("   We will:")
            lines += [f"     - {commitment}" for commitment in priority.commitments]
        else:
            lines.append(f"   We will: {len(priority.commitments)} commitments")
        lines += [f"   So that: {outcome}" for outcome in priority.outcomes]
        for indicator in priority.indicators:
            measure = indicator.measure or "narrative only"
            lines.append(f"   - {indicator.title} ({measure}; good: {indicator.direction})")
    if plan.strategy_strands:
        lines += ["", "Strategy strands:"]
        lines += [
            f"  - {strand.name}: {strand.lead} (serves {', '.join(strand.priorities)})"
            + (f"; measures: {', '.join(strand.measures)}" if strand.measures else "")
            for strand in plan.strategy_strands
        ]
    if plan.msg_indicators:
        lines += ["", "Most Similar Group indicators:"]
        lines += [
            f"  - {indicator.title} [{indicator.measure}]: aspiration "
            f"{indicator.aspiration or 'none'}; good: {indicator.direction}"
            for indicator in plan.msg_indicators
        ]
    if plan.composite_measures:
        lines += ["", "Composite measures:"]
        lines += [
            f"  - {composite.measure} = {' + '.join(composite.components)}"
            for composite in plan.composite_measures
        ]
    sections = (
        ("Measures from crime records:", plan.records_measures),
        ("Measures from Home Office offences:", plan.home_office_measures),
        ("Loaded measures:", plan.loaded_measures),
    )
    for heading, measures in sections:
        if measures:
            lines += ["", heading]
            lines += [f"  - {m.measure}: {m.title} ({m.describe()})" for m in measures]
    return "\n".join(lines)


def plan_loaded_text(plan: Plan) -> str:
    """What `plan load` says: the plan and how much it holds."""
    return (
        f"Loaded plan {plan.id} ({plan.name}): {len(plan.priorities)} priorities, "
        f"{len(plan.indicators)} indicators, {len(plan.strategy_strands)} strategy strands."
    )
