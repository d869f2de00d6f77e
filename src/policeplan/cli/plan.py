"""`policeplan plan …`: load the Police and Crime Plan into the workspace and show it."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option, open_workspace
from policeplan.plan import Plan, current_plan, load_plan, plan_to_dict, save_plan


@click.group("plan", cls=PolicePlanGroup)
def plan_group() -> None:
    """The Police and Crime Plan the workspace runs (priorities, indicators, MSG)."""


@plan_group.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def load_command(ctx: click.Context, file: Path) -> None:
    """Validate the plan FILE (YAML) and make it the workspace's plan.

    Replaces any plan loaded before. See examples/essex-2021-24.yaml for the layout.
    """
    plan = load_plan(file)
    workspace = open_workspace(ctx)
    save_plan(workspace, plan)
    click.echo(
        f"Loaded plan {plan.id} ({plan.name}): {len(plan.priorities)} priorities, "
        f"{len(plan.indicators)} indicators, {len(plan.strategy_strands)} strategy strands."
    )


@plan_group.command("show")
@json_option
@click.option(
    "--commitments", is_flag=True, help='List every "We will…" commitment, not only the count.'
)
@click.pass_context
def show_command(ctx: click.Context, as_json: bool, commitments: bool) -> None:
    """Show the workspace's plan as an outline (or --json)."""
    plan = current_plan(open_workspace(ctx))
    if as_json:
        echo_json(plan_to_dict(plan))
        return
    for line in outline(plan, commitments=commitments):
        click.echo(line)


def outline(plan: Plan, *, commitments: bool = False) -> list[str]:
    """The plan as readable lines of text."""
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
    return lines
