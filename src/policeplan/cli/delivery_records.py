"""`policeplan delivery risk|action …` and `delivery update show`: the risk register,
actions read back and linked to indicators, a strand's quarterly update read back.

Thin wrappers over `policeplan.delivery`; `policeplan.cli.delivery` adds them to its group.
"""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option
from policeplan.cli._delivery_options import actor_option, quarter_option, records_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.delivery import (
    Quarter,
    action_history,
    add_risk,
    close_risk,
    find_actions,
    get_update,
    link_plan_indicator,
    list_risks,
    rate_risk,
)
from policeplan.errors import RecordsError
from policeplan.records import RISK_RATINGS
from policeplan.render.tables import actions_table, risks_table
from policeplan.render.text.delivery_records import (
    action_list_text,
    action_show_text,
    risks_text,
    update_text,
)


def _risk_id(_ctx: click.Context, _param: click.Parameter, value: str) -> int:
    """A risk's number as listed (`3`; `R3` and `RISK-3` also)."""
    digits = value.strip().upper().removeprefix("RISK").removeprefix("R").lstrip("-")
    if not digits.isdigit():
        raise click.BadParameter(f"{value!r} is not a risk number (see delivery risk list)")
    return int(digits)


rating_choice = click.Choice(RISK_RATINGS, case_sensitive=False)
strand_option = click.option("--strand", default=None, help="Only this strand (code or name).")
reason_option = click.option("--reason", required=True, help="Why, as written in the audit log.")
risk_id_argument = click.argument("risk_id", metavar="RISK-ID", callback=_risk_id)


@click.group("risk", cls=PolicePlanGroup)
def risk_group() -> None:
    """The risk register: risks to each strand's delivery, rated and owned (all audited)."""


@risk_group.command("add")
@click.argument("strand")
@click.option("--description", required=True, help="What could go wrong.")
@click.option("--mitigation", default="", help="What is being done about it.")
@click.option("--owner", default="", help="Who owns the risk.")
@click.option("--rating", type=rating_choice, default="medium", show_default=True, help="Rating.")
@actor_option
@click.pass_context
def risk_add_command(
    ctx: click.Context,
    strand: str,
    description: str,
    mitigation: str,
    owner: str,
    rating: str,
    actor: str,
) -> None:
    """Record an open risk to STRAND's delivery (STRAND is a code or name)."""
    risk = add_risk(
        records_workspace(ctx),
        strand,
        description=description,
        mitigation=mitigation,
        owner=owner,
        rating=rating,
        actor=actor,
    )
    click.echo(f"risk {risk.id} added to {risk.strand}: {risk.rating}, open")


@risk_group.command("list")
@strand_option
@click.option(
    "--status", type=click.Choice(("open", "closed")), default=None, help="Only open or closed."
)
@json_option
@table_file_options
@click.pass_context
def risk_list_command(
    ctx: click.Context,
    strand: str | None,
    status: str | None,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """List the risks, oldest first, with rating, status, owner and mitigation."""
    risks = list_risks(records_workspace(ctx), strand=strand, status=status)
    write_table_files(risks_table(risks), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json([r.to_dict() for r in risks])
    else:
        click.echo(risks_text(risks))


@risk_group.command("rate")
@risk_id_argument
@click.argument("rating", type=rating_choice)
@reason_option
@actor_option
@click.pass_context
def risk_rate_command(
    ctx: click.Context, risk_id: int, rating: str, reason: str, actor: str
) -> None:
    """Re-rate open risk RISK-ID as RATING (low, medium or high), saying why."""
    risk = rate_risk(records_workspace(ctx), risk_id, rating, reason=reason, actor=actor)
    click.echo(f"risk {risk.id} ({risk.strand}): rated {risk.rating}")


@risk_group.command("close")
@risk_id_argument
@reason_option
@actor_option
@click.pass_context
def risk_close_command(ctx: click.Context, risk_id: int, reason: str, actor: str) -> None:
    """Close risk RISK-ID (it stays on record), saying why."""
    risk = close_risk(records_workspace(ctx), risk_id, reason=reason, actor=actor)
    click.echo(f"risk {risk.id} ({risk.strand}): closed")


@click.group("action", cls=PolicePlanGroup)
def action_group() -> None:
    """Actions read back (list, show with history) and linked to plan indicators."""


@action_group.command("list")
@strand_option
@click.option(
    "--status",
    default=None,
    help="Only this status: not-started, ongoing, at-risk, complete or dropped.",
)
@json_option
@table_file_options
@click.pass_context
def action_list_command(
    ctx: click.Context,
    strand: str | None,
    status: str | None,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """List the actions, strands in order, with status, due quarter, owner and title."""
    actions = find_actions(records_workspace(ctx), strand=strand, status=status)
    write_table_files(actions_table(actions), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json([a.to_dict() for a in actions])
    else:
        click.echo(action_list_text(actions))


@action_group.command("show")
@click.argument("ref")
@json_option
@click.pass_context
def action_show_command(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Show action REF: its fields and every audited change to it."""
    shown = action_history(records_workspace(ctx), ref)
    if as_json:
        echo_json(shown.to_dict())
    else:
        click.echo(action_show_text(shown))


def _link(ctx: click.Context, ref: str, indicator: str, actor: str, linked: bool) -> None:
    action = link_plan_indicator(records_workspace(ctx), ref, indicator, linked=linked, actor=actor)
    click.echo(f"{action.ref} indicators: {', '.join(action.indicators) or '(none)'}")


@action_group.command("link")
@click.argument("ref")
@click.argument("indicator")
@actor_option
@click.pass_context
def action_link_command(ctx: click.Context, ref: str, indicator: str, actor: str) -> None:
    """Link action REF to INDICATOR (an indicator id of the loaded plan, when one is loaded)."""
    _link(ctx, ref, indicator, actor, linked=True)


@action_group.command("unlink")
@click.argument("ref")
@click.argument("indicator")
@actor_option
@click.pass_context
def action_unlink_command(ctx: click.Context, ref: str, indicator: str, actor: str) -> None:
    """Remove the link between action REF and INDICATOR (kept in the audit log)."""
    _link(ctx, ref, indicator, actor, linked=False)


@click.command("show")
@click.argument("strand")
@quarter_option
@json_option
@click.pass_context
def update_show_command(ctx: click.Context, strand: str, quarter: Quarter, as_json: bool) -> None:
    """Show STRAND's quarterly update for the quarter: its state and each part's text."""
    update = get_update(records_workspace(ctx), strand, quarter.key)
    if update is None:
        raise RecordsError(f"{strand} has no update for {quarter.label}")
    if as_json:
        echo_json(update.to_dict())
    else:
        click.echo(update_text(update))
