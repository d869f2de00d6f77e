"""Options shared by the indicator commands (indicator, scorecard, breakdown, spc, msg)."""

from __future__ import annotations

import click

from policeplan.indicators.counts import SOURCES
from policeplan.render.wording import STATISTICS_DOCS

# Closes the help of every command that prints a "significant" or "funnel" verdict.
STATISTICS_HELP = f"How to read the tests and limits: {STATISTICS_DOCS}"

force_option = click.option("--force", required=True, help="Force slug or name, e.g. essex.")
to_option = click.option("--to", "to", required=True, help="Last month of the window (YYYY-MM).")
months_option = click.option(
    "--months",
    type=click.IntRange(min=1, max=120),
    default=12,
    show_default=True,
    help="Window length in months (a multiple of 3 for the Home Office table).",
)
compare_option = click.option(
    "--compare",
    default=None,
    help="previous (the window before), last-year (same months a year earlier) or "
    "baseline:NAME (a baseline of the plan). Default: previous, or last-year with "
    "--year-to-date.",
)
area_option = click.option(
    "--area", default=None, help="district:NAME or lpa:NAME (default: the whole force)."
)
source_option = click.option(
    "--source",
    type=click.Choice(SOURCES),
    default=SOURCES[0],
    show_default=True,
    help="police-uk (monthly street records) or home-office (financial quarters).",
)
direction_option = click.option(
    "--direction",
    type=click.Choice(["up", "down"]),
    default=None,
    help="The good direction (default: the plan's, else down: fewer is better).",
)
accept_suspect_option = click.option(
    "--accept-suspect-months",
    is_flag=True,
    help="Count months that look incomplete (far fewer rows than their neighbours) instead "
    "of treating them as missing; every output then carries a warning.",
)
year_to_date_option = click.option(
    "--year-to-date",
    is_flag=True,
    help="Use the financial year to date (April to --to) instead of --months.",
)
