"""`policeplan delivery …`: the delivery plan — import/export, statuses, quarterly updates.

Thin wrappers: each command turns options into arguments for `policeplan.delivery` and prints
the result. Who made a change (`--actor`) defaults to the operating-system user name.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option
from policeplan.cli._delivery_options import actor_option, quarter_option, records_workspace
from policeplan.cli._delivery_options import read_text as _read_text
from policeplan.cli.commitments import commitment_group
from policeplan.cli.delivery_records import action_group, risk_group, update_show_command
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.delivery import (
    Quarter,
    approve_update,
    audit_trail,
    delivery_summary,
    export_actions,
    import_actions,
    save_update,
    set_action_status,
    submit_update,
)
from policeplan.delivery.summary import parse_as_of
from policeplan.errors import InputError
from policeplan.render import (
    action_status_text,
    audit_text,
    import_text,
    summary_text,
    update_state_text,
)
from policeplan.render.tables import summary_table

_workspace = records_workspace


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    try:
        return None if value is None else parse_as_of(value)
    except InputError as exc:
        raise click.BadParameter(exc.message) from exc


@click.group("delivery", cls=PolicePlanGroup)
def delivery_group() -> None:
    """Track the delivery plan: strands, actions, quarterly updates, risks (all audited)."""


@delivery_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and show what would change; change nothing."
)
@actor_option
@json_option
@click.pass_context
def import_command(
    ctx: click.Context, file: Path, dry_run: bool, actor: str, as_json: bool
) -> None:
    """Import actions from FILE (.xlsx or .csv, one row per action). All rows or none."""
    result = import_actions(_workspace(ctx), file, actor=actor, dry_run=dry_run)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(import_text(result))


@delivery_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_command(ctx: click.Context, file: Path) -> None:
    """Write every action to FILE (.xlsx or .csv), in the shape `delivery import` reads."""
    count = export_actions(_workspace(ctx), file)
    click.echo(f"wrote {count} action(s) to {file}")


@delivery_group.command("status")
@click.argument("action_id")
@click.argument("status")
@click.option("--reason", default=None, help="Why (required for 'at risk' and 'dropped').")
@click.option(
    "--reopen", is_flag=True, help="Allow moving a complete or dropped action to another status."
)
@actor_option
@click.pass_context
def status_command(
    ctx: click.Context, action_id: str, status: str, reason: str | None, reopen: bool, actor: str
) -> None:
    """Set ACTION-ID to STATUS: not-started, ongoing, at-risk, complete or dropped."""
    record = set_action_status(
        _workspace(ctx), action_id, status, reason=reason, reopen=reopen, actor=actor
    )
    click.echo(action_status_text(record))


class _UpdateGroup(PolicePlanGroup):
    """`delivery update STRAND …` saves (the `save` subcommand); `delivery update show …`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["save", *args]
        return super().parse_args(ctx, args)


@delivery_group.group("update", cls=_UpdateGroup)
def update_group() -> None:
    """Quarterly updates per strand: save (`delivery update STRAND …`) or show one."""


@update_group.command("save")
@click.argument("strand")
@quarter_option
@click.option(
    "--achieved", metavar="FILE", help="Text file: delivery achieved this quarter ('-' = stdin)."
)
@click.option("--scheduled", metavar="FILE", help="Text file: delivery scheduled next quarter.")
@click.option("--insight", metavar="FILE", help="Text file: insight commentary.")
@click.option("--submit", is_flag=True, help="Submit the update for approval after saving it.")
@actor_option
@click.pass_context
def update_command(
    ctx: click.Context,
    strand: str,
    quarter: Quarter,
    achieved: str | None,
    scheduled: str | None,
    insight: str | None,
    submit: bool,
    actor: str,
) -> None:
    """Save STRAND's quarterly update (a draft) from text files; STRAND is a code or name."""
    workspace = _workspace(ctx)
    texts = {"achieved": achieved, "scheduled": scheduled, "insight": insight}
    if submit and all(path is None for path in texts.values()):
        record = submit_update(workspace, strand, quarter.key, actor=actor)
        click.echo(update_state_text(record))
        return
    record = save_update(
        workspace,
        strand,
        quarter.key,
        achieved=_read_text(achieved),
        scheduled=_read_text(scheduled),
        insight=_read_text(insight),
        actor=actor,
    )
    if submit:
        record = submit_update(workspace, strand, quarter.key, actor=actor)
    click.echo(update_state_text(record))


@delivery_group.command("approve")
@click.argument("strand")
@quarter_option
@actor_option
@click.pass_context
def approve_command(ctx: click.Context, strand: str, quarter: Quarter, actor: str) -> None:
    """Approve STRAND's submitted update for the quarter."""
    record = approve_update(_workspace(ctx), strand, quarter.key, actor=actor)
    click.echo(update_state_text(record))


@delivery_group.command("summary")
@quarter_option
@click.option(
    "--as-of",
    "as_of",
    default=None,
    callback=_as_of,
    metavar="DATE",
    help="Count as recorded by the end of DATE (YYYY-MM-DD) instead of the quarter's end.",
)
@json_option
@table_file_options
@click.pass_context
def summary_command(
    ctx: click.Context,
    quarter: Quarter,
    as_of: datetime | None,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Actions per strand by status (the report's progress table) for a quarter."""
    summary = delivery_summary(_workspace(ctx), quarter, as_of=as_of)
    write_table_files(summary_table(summary), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(summary.to_dict())
    else:
        click.echo(summary_text(summary))


@delivery_group.command("audit")
@click.option("--ref", default=None, help="Only this record (action id, strand code…).")
@click.option(
    "--entity",
    default=None,
    help="Only this kind of record: action, strand, risk, quarterly update…",
)
@json_option
@click.pass_context
def audit_command(ctx: click.Context, ref: str | None, entity: str | None, as_json: bool) -> None:
    """Show the audit log: who changed what, when, from what to what."""
    entries = audit_trail(_workspace(ctx), entity=entity, ref=ref)
    if as_json:
        echo_json([e.to_dict() for e in entries])
    else:
        click.echo(audit_text(entries))


delivery_group.add_command(risk_group)
delivery_group.add_command(action_group)
update_group.add_command(update_show_command)
delivery_group.add_command(commitment_group)
