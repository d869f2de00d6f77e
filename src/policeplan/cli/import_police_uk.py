"""`policeplan import police-uk PATH...`"""

from __future__ import annotations

import click

from policeplan.cli._common import ProgressBar, echo_json, json_option, open_workspace
from policeplan.errors import FileRejected, InputError
from policeplan.ingest.police_uk import ImportSummary, import_police_uk


@click.command("police-uk")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@json_option
@click.pass_context
def import_police_uk_command(ctx: click.Context, paths: tuple[str, ...], as_json: bool) -> None:
    """Import police.uk street, outcomes and stop-and-search files.

    PATHS may be .csv or .csv.gz files, folders (searched recursively) or the .zip archives
    data.police.uk serves. Each file replaces its (force, dataset, month) partition, so
    importing the same files again changes nothing. Bad rows are kept aside in the
    workspace's rejects table with their line number and reason.
    """
    workspace = open_workspace(ctx)
    with ProgressBar("Importing") as progress:
        summary = import_police_uk(workspace, paths, on_progress=progress)
    if not summary.files:
        raise InputError("no .csv, .csv.gz or .zip file found", file=", ".join(paths))
    nothing_loaded = all(f.status == "rejected" for f in summary.files)
    if as_json:
        echo_json(summary.to_json())
    elif nothing_loaded:
        more = len(summary.files) - 1
        also = f" (and {more} more file{'s' if more > 1 else ''} rejected)" if more else ""
        raise FileRejected(f"{summary.files[0].error}{also}; nothing was loaded")
    else:
        _print_summary(summary)
    if nothing_loaded:
        ctx.exit(1)


def _print_summary(summary: ImportSummary) -> None:
    for result in summary.files:
        if result.status == "rejected":
            click.echo(f"rejected  {result.error}")
        else:
            extra = f", {result.rows_rejected:,} rows rejected" if result.rows_rejected else ""
            click.echo(
                f"{result.status:<9} {result.force} {result.dataset} {result.month}: "
                f"{result.rows_loaded:,} rows{extra}  ({result.path})"
            )
    click.echo(
        f"{summary.rows_loaded:,} rows loaded, {summary.rows_rejected:,} rows rejected, "
        f"{sum(f.status == 'rejected' for f in summary.files)} files rejected."
    )
    if summary.unmapped_outcomes:
        labels = ", ".join(f"{k!r} ({v:,})" for k, v in summary.unmapped_outcomes.items())
        click.echo(f"Outcome labels with no outcome group (counted as 'unmapped'): {labels}")
