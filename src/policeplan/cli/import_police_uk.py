"""`policeplan import police-uk PATH...`"""

from __future__ import annotations

import click

from policeplan.cli._common import ProgressBar, echo_json, json_option
from policeplan.cli._import_outcome import (
    allow_shrink_option,
    exit_for,
    open_real_workspace,
    run_import,
    with_flag,
)
from policeplan.errors import FileRejected, InputError
from policeplan.ingest.police_uk import ImportOptions, ImportSummary, import_police_uk


@click.command("police-uk")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@allow_shrink_option
@json_option
@click.pass_context
def import_police_uk_command(
    ctx: click.Context, paths: tuple[str, ...], allow_shrink: bool, as_json: bool
) -> None:
    """Import police.uk street, outcomes and stop-and-search files.

    PATHS may be .csv or .csv.gz files, folders (searched recursively) or the .zip archives
    data.police.uk serves. Each file replaces its (force, dataset, month) partition, so
    importing the same files again changes nothing. Bad rows are kept aside in the
    workspace's rejects table with their line number and reason. A file identical to the
    one a partition holds is reported unchanged and not read again; a file that would
    replace a month with under half its rows is refused unless --allow-shrink. Every
    replaced month is kept in `policeplan history` and can be put back with `revert`.

    \b
    Exit codes: 0 everything loaded, 3 finished with rejected rows or files
    (see `policeplan rejects`), 1 error or every file rejected, 130 interrupted.
    """
    workspace = open_real_workspace(ctx)
    options = ImportOptions(allow_shrink=allow_shrink)

    def work() -> ImportSummary:
        with ProgressBar("Importing") as progress:
            return import_police_uk(workspace, paths, on_progress=progress, options=options)

    summary = run_import(ctx, work)
    if not summary.files:
        raise InputError("no .csv, .csv.gz or .zip file found", file=", ".join(paths))
    nothing_loaded = all(f.status == "rejected" for f in summary.files)
    if as_json:
        echo_json(summary.to_dict())
    elif nothing_loaded:
        more = len(summary.files) - 1
        also = f" (and {more} more file{'s' if more > 1 else ''} rejected)" if more else ""
        raise FileRejected(with_flag(f"{summary.files[0].error}{also}; nothing was loaded"))
    else:
        _print_summary(summary)
    exit_for(ctx, nothing_loaded=nothing_loaded, rejects=not summary.complete)


def _print_summary(summary: ImportSummary) -> None:
    for result in summary.files:
        if result.status == "rejected":
            click.echo(f"rejected  {with_flag(result.error or '')}")
        else:
            extra = f", {result.rows_rejected:,} rows rejected" if result.rows_rejected else ""
            click.echo(
                f"{result.status:<9} {result.force} {result.dataset} {result.month}: "
                f"{result.rows_loaded:,} rows{extra}  ({result.path})"
            )
    held = sum(f.rows_loaded for f in summary.files if f.status == "unchanged")
    unchanged = (
        f"; {summary.files_unchanged} files unchanged (already held, {held:,} rows, not read again)"
        if summary.files_unchanged
        else ""
    )
    click.echo(
        f"{summary.rows_loaded - held:,} rows loaded, {summary.rows_rejected:,} rows rejected, "
        f"{summary.files_rejected} files rejected{unchanged}."
    )
    if summary.unmapped_outcomes:
        labels = ", ".join(f"{k!r} ({v:,})" for k, v in summary.unmapped_outcomes.items())
        click.echo(f"Outcome labels with no outcome group (counted as 'unmapped'): {labels}")
