"""`policeplan card`: one indicator's card."""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import STATISTICS_HELP, area_option, force_option, to_option
from policeplan.indicators import CardQuery, build_card
from policeplan.render import card_text


@click.command("card", epilog=STATISTICS_HELP)
@click.argument("indicator")
@force_option
@to_option
@click.option(
    "--months", type=int, default=12, show_default=True, help="Months in the latest window."
)
@area_option
@click.option(
    "--spc-months",
    type=int,
    default=36,
    show_default=True,
    help="Months of the SPC chart, ending with --to.",
)
@json_option
@click.pass_context
def card_command(
    ctx: click.Context,
    indicator: str,
    force: str,
    to: str,
    months: int,
    area: str | None,
    spc_months: int,
    as_json: bool,
) -> None:
    """The card of INDICATOR: latest value, comparisons, SPC icons, MSG position, solved
    rate, caveats and commentary generated from those facts.

    INDICATOR is an indicator id of the plan (e.g. all-crime, public-confidence) or any
    measure (a crime measure, a composite of the plan, a loaded measure).
    """
    query = CardQuery(indicator, force, to, months, area, spc_months)
    card = build_card(open_workspace(ctx), query)
    if as_json:
        echo_json(card.to_dict())
    else:
        click.echo(card_text(card))
