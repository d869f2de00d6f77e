"""`policeplan history [--json]`, `policeplan history prune --keep N`, `policeplan revert ID`."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.render.tables import history_table
from policeplan.store.history import HistoryEntry, list_history, prune_history, revert

HEADERS = ("id", "when", "command", "dataset", "force/measure", "period", "before", "after",
           "status", "file")  # fmt: skip


@click.group("history", invoke_without_command=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Show only the newest N entries.")  # fmt: skip
@json_option
@table_file_options
@click.pass_context
def history_group(
    ctx: click.Context,
    limit: int | None,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Show the import history, newest first: every partition (a police.uk force-month,
    a Home Office quarter of one force, a measure's period) an import or a revert
    replaced, with its file, hash and rows before and after. The version each entry
    replaced is kept, so `policeplan revert ID` can put it back.
    """
    if ctx.invoked_subcommand is not None:
        return
    entries = list_history(open_workspace(ctx), limit)
    write_table_files(history_table(entries), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json({"entries": [e.to_dict() for e in entries]})
        return
    if not entries:
        click.echo("No imports recorded yet.")
        return
    rows = [HEADERS, *(_row(e) for e in entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    numeric = {"id", "before", "after"}
    for row in rows:
        cells = [
            cell.rjust(width) if name in numeric else cell.ljust(width)
            for name, cell, width in zip(HEADERS, row, widths, strict=True)
        ]
        click.echo("  ".join(cells).rstrip())


def _row(entry: HistoryEntry) -> tuple[str, ...]:
    status = entry.status
    if entry.reverts is not None:
        status = f"{status} #{entry.reverts}"
    if not entry.version_kept:
        status = f"{status} (pruned)"
    return (
        str(entry.id),
        entry.at,
        entry.command,
        entry.dataset,
        entry.measure or entry.force or "",
        entry.period,
        f"{entry.rows_before:,}",
        f"{entry.rows_after:,}",
        status,
        Path(entry.file).name if entry.file else "",
    )


@history_group.command("prune")
@click.option("--keep", type=click.IntRange(min=0), required=True,
              help="Keep what the newest N entries replaced; drop the rest.")  # fmt: skip
@json_option
@click.pass_context
def prune_command(ctx: click.Context, keep: int, as_json: bool) -> None:
    """Drop the previous versions kept for all but the newest N history entries, and
    compact the database. The entries stay listed (marked pruned) but can no longer be
    reverted."""
    result = prune_history(open_workspace(ctx), keep)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(
        f"Pruned the kept versions of {result.entries_pruned:,} entries; "
        f"{result.entries_kept:,} can still be reverted."
    )


@click.command("revert")
@click.argument("import_ids", metavar="IMPORT-ID...", nargs=-1, required=True, type=int)
@json_option
@click.pass_context
def revert_command(ctx: click.Context, import_ids: tuple[int, ...], as_json: bool) -> None:
    """Put back the version of a partition that history entry IMPORT-ID replaced (see
    `policeplan history`), in one transaction per entry. Each revert is recorded in the
    history with the version it replaced, so it can itself be reverted."""
    workspace = open_workspace(ctx)
    done = [revert(workspace, import_id) for import_id in import_ids]
    if as_json:
        echo_json({"reverted": [e.to_dict() for e in done]})
        return
    for entry in done:
        what = entry.measure or entry.force
        click.echo(
            f"Reverted import {entry.reverts}: {entry.dataset} {what} {entry.period} now holds "
            f"{entry.rows_after:,} rows (was {entry.rows_before:,}); recorded as {entry.id}."
        )
