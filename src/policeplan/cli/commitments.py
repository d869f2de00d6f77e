"""`policeplan delivery commitment …`: narrative on the plan's "We will…" commitments.

COMMITMENT is an id such as P1-C2 (second commitment of the plan's first priority); see
`policeplan.delivery.commitments`. Thin wrappers over the library, like `cli/delivery.py`.
"""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option
from policeplan.cli._delivery_options import (
    actor_option,
    quarter_option,
    read_text,
    records_workspace,
)
from policeplan.delivery.commitment_sheet import export_commitments, import_commitments
from policeplan.delivery.commitments import (
    approve_commitment_update,
    list_commitment_updates,
    return_commitment_update,
    save_commitment_update,
    submit_commitment_update,
)
from policeplan.delivery.quarters import Quarter
from policeplan.render.text.commitments import (
    commitment_list_text,
    commitment_state_text,
    narrative_import_text,
)

lpa_option = click.option(
    "--lpa",
    default=None,
    help="Local policing area, e.g. North (default: force-wide narrative).",
)


@click.group("commitment", cls=PolicePlanGroup)
def commitment_group() -> None:
    """Narrative per plan commitment (e.g. P1-C2) and quarter: draft, submit, approve."""


@commitment_group.command("update")
@click.argument("commitment")
@quarter_option
@lpa_option
@click.option(
    "--text-file", "text_file", required=True, metavar="FILE", help="The narrative ('-' = stdin)."
)
@click.option("--submit", is_flag=True, help="Submit the narrative for approval after saving it.")
@actor_option
@click.pass_context
def update_command(
    ctx: click.Context,
    commitment: str,
    quarter: Quarter,
    lpa: str | None,
    text_file: str,
    submit: bool,
    actor: str,
) -> None:
    """Save COMMITMENT's narrative for the quarter (a draft) from a text file."""
    workspace = records_workspace(ctx)
    text = read_text(text_file) or ""
    record = save_commitment_update(
        workspace, commitment, quarter.key, lpa=lpa, text=text, actor=actor
    )
    if submit:
        record = submit_commitment_update(workspace, commitment, quarter.key, lpa=lpa, actor=actor)
    click.echo(commitment_state_text(record))


@commitment_group.command("submit")
@click.argument("commitment")
@quarter_option
@lpa_option
@actor_option
@click.pass_context
def submit_command(
    ctx: click.Context, commitment: str, quarter: Quarter, lpa: str | None, actor: str
) -> None:
    """Submit COMMITMENT's draft narrative for approval."""
    record = submit_commitment_update(
        records_workspace(ctx), commitment, quarter.key, lpa=lpa, actor=actor
    )
    click.echo(commitment_state_text(record))


@commitment_group.command("approve")
@click.argument("commitment")
@quarter_option
@lpa_option
@actor_option
@click.pass_context
def approve_command(
    ctx: click.Context, commitment: str, quarter: Quarter, lpa: str | None, actor: str
) -> None:
    """Approve COMMITMENT's submitted narrative: reports show it from now on."""
    record = approve_commitment_update(
        records_workspace(ctx), commitment, quarter.key, lpa=lpa, actor=actor
    )
    click.echo(commitment_state_text(record))


@commitment_group.command("return")
@click.argument("commitment")
@quarter_option
@lpa_option
@click.option("--reason", required=True, help="Why it goes back to draft (audit log).")
@actor_option
@click.pass_context
def return_command(
    ctx: click.Context,
    commitment: str,
    quarter: Quarter,
    lpa: str | None,
    reason: str,
    actor: str,
) -> None:
    """Return COMMITMENT's submitted narrative to draft."""
    record = return_commitment_update(
        records_workspace(ctx), commitment, quarter.key, lpa=lpa, reason=reason, actor=actor
    )
    click.echo(commitment_state_text(record))


@commitment_group.command("show")
@click.argument("commitment", required=False)
@quarter_option
@json_option
@click.pass_context
def show_command(
    ctx: click.Context, commitment: str | None, quarter: Quarter, as_json: bool
) -> None:
    """Show the quarter's narrative (every state), for one COMMITMENT or all."""
    records = list_commitment_updates(records_workspace(ctx), quarter.key, commitment=commitment)
    if as_json:
        echo_json([r.to_dict() for r in records])
    else:
        click.echo(commitment_list_text(records))


@commitment_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and show what would change.")
@actor_option
@json_option
@click.pass_context
def import_command(
    ctx: click.Context, file: Path, dry_run: bool, actor: str, as_json: bool
) -> None:
    """Import narrative from FILE (.xlsx or .csv): all rows or none; drafts only."""
    result = import_commitments(records_workspace(ctx), file, actor=actor, dry_run=dry_run)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(narrative_import_text(result))


@commitment_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--quarter", default=None, help="Only this quarter, e.g. 2021/22 Q3.")
@click.pass_context
def export_command(ctx: click.Context, file: Path, quarter: str | None) -> None:
    """Write the narrative to FILE (.xlsx or .csv), in the shape `import` reads."""
    count = export_commitments(records_workspace(ctx), file, quarter=quarter)
    click.echo(f"wrote {count} narrative row(s) to {file}")
