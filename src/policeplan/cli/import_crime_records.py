"""`policeplan import records FILE --mapping MAPPING`: a force's own crime-records export."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import (
    SHOWN_REJECTS,
    ProgressBar,
    echo_json,
    echo_rejects,
    json_option,
)
from policeplan.cli._import_outcome import exit_for, open_real_workspace, run_import
from policeplan.ingest.crime_records import (
    CrimeRecordsSummary,
    import_crime_records,
    load_mapping,
)

SHOWN_DUPLICATES = 10


@click.command("records")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    "mapping_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="YAML file naming the export's columns (see examples/crime-records-mapping.yaml).",
)
@click.option("--dry-run", is_flag=True, help="Check every row and report, but change nothing.")
@json_option
@click.pass_context
def import_crime_records_command(
    ctx: click.Context, file: Path, mapping_path: Path, dry_run: bool, as_json: bool
) -> None:
    """Import a force's crime-records export (CSV, CSV.GZ or XLSX) through a mapping file.

    Each recorded month in the file replaces that month of the force's records, so
    importing the same export again changes nothing. Only mapped columns are stored;
    keyword (free-text) columns are matched for flags and never stored. Bad rows are kept
    in the workspace's rejects table (dataset `records`) with line, field and reason; a
    reference found twice in a month is kept and reported. See docs/crime-records.md.

    \b
    Exit codes: 0 everything loaded, 3 finished with rejected rows
    (see `policeplan rejects`), 1 error (nothing loaded), 130 interrupted.
    """
    mapping = load_mapping(mapping_path)
    workspace = open_real_workspace(ctx)
    with ProgressBar("Importing records") as progress:
        summary = run_import(
            ctx,
            lambda: import_crime_records(
                workspace, file, mapping, dry_run=dry_run, on_progress=None if as_json else progress
            ),
        )
    if as_json:
        echo_json(summary.to_dict())
    else:
        _print_summary(summary)
    exit_for(ctx, nothing_loaded=False, rejects=bool(summary.rows_rejected))


def _print_summary(summary: CrimeRecordsSummary) -> None:
    verb = "would be" if summary.dry_run else "were"
    if summary.dry_run:
        click.echo("Dry run: nothing was written.")
    for month in summary.months:
        extra = f", {month.rows_rejected:,} rows rejected" if month.rows_rejected else ""
        status = f"would be {month.status}" if summary.dry_run else month.status
        click.echo(f"{status:<9} {summary.force} records {month.month}: "
                   f"{month.rows_loaded:,} records{extra}")  # fmt: skip
    click.echo(
        f"{summary.rows_loaded:,} records {verb} loaded from {summary.file} "
        f"({summary.encoding}, delimiter {summary.delimiter!r})."
    )
    if summary.flags:
        click.echo("Flags: " + ", ".join(f"{k} {v:,}" for k, v in summary.flags.items()) + ".")
    if summary.dry_run:
        _print_rejects(summary)
    else:
        echo_rejects(summary.rows_rejected, summary.rejects)
    if summary.duplicate_reference_count:
        click.echo(
            f"{summary.duplicate_reference_count:,} references appear more than once in a "
            "month (every row kept):"
        )
        for dup in summary.duplicate_references[:SHOWN_DUPLICATES]:
            click.echo(f"  {dup.month} {dup.reference}: {dup.records} records")
    if summary.unmapped_outcomes:
        labels = ", ".join(f"{k!r} ({v:,})" for k, v in summary.unmapped_outcomes.items())
        click.echo(f"Outcome labels with no outcome group (counted as 'unmapped'): {labels}")


def _print_rejects(summary: CrimeRecordsSummary) -> None:
    if not summary.rows_rejected:
        click.echo("No rows would be rejected.")
        return
    click.echo(f"{summary.rows_rejected:,} rows would be rejected:")
    for reject in summary.rejects[:SHOWN_REJECTS]:
        click.echo(f"  {reject.describe()}")
    if summary.rows_rejected > SHOWN_REJECTS:
        click.echo(f"  … and {summary.rows_rejected - SHOWN_REJECTS:,} more (use --json)")
