"""`policeplan coverage`"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.render.tables import coverage_table
from policeplan.store.coverage import Coverage, ForceDataset, coverage
from policeplan.store.schema import RECORDS_DATASET


@click.command("coverage")
@json_option
@table_file_options
@click.pass_context
def coverage_command(
    ctx: click.Context, as_json: bool, csv_path: Path | None, xlsx_path: Path | None
) -> None:
    """Show which data the workspace holds: police.uk months per force, Home Office
    quarters and loaded measures.

    police.uk months are shown as ranges ("2018-01 to 2018-07, 2018-10 to 2019-02");
    months with far fewer rows than their neighbours are named as suspect (incomplete
    publication) and gaps between the first and last month are listed.
    """
    workspace = open_workspace(ctx)
    report = coverage(workspace)
    write_table_files(coverage_table(report), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(report.to_dict())
        return
    label = workspace.label()
    if label:
        click.echo(f"[{label}]")
    if report.empty:
        click.echo(
            "No data yet: run `policeplan import police-uk PATH...`, "
            "`policeplan import home-office FILE` or `policeplan import measures FILE`."
        )
        return
    _police_uk(report)
    _home_office(report)
    _measures(report)


def _police_uk(report: Coverage) -> None:
    """police.uk datasets, then the force's own crime records (`import records`), which the
    coverage report keeps in the same list under the dataset "records"."""
    police_uk = [f for f in report.police_uk if f.dataset != RECORDS_DATASET]
    records = [f for f in report.police_uk if f.dataset == RECORDS_DATASET]
    click.echo("police.uk data")
    if police_uk:
        _datasets(police_uk)
    else:
        click.echo("  none: run `policeplan import police-uk PATH...`")
    if records:
        click.echo("\nForce crime records")
        _datasets(records)


def _datasets(held: list[ForceDataset]) -> None:
    rows = [
        (
            f.force,
            f.dataset,
            f"{f.months:,}",
            f"{f.rows:,}",
            f"{f.rows_rejected:,}",
            ", ".join(f.ranges),
            ", ".join(f.suspect_months) or "-",
        )
        for f in held
    ]
    _table(("force", "dataset", "months", "rows", "rejected", "months held", "suspect incomplete"),
           rows, numeric={2, 3, 4})  # fmt: skip
    for f in held:
        if f.missing_months:
            click.echo(f"  {f.force} {f.dataset}: missing {', '.join(f.missing_months)}")


def _home_office(report: Coverage) -> None:
    click.echo("\nHome Office recorded crime")
    if not report.home_office:
        click.echo("  none: run `policeplan import home-office FILE`")
        return
    rows = [
        (h.period, f"{h.forces:,}", f"{h.rows:,}", f"{h.offences:,}") for h in report.home_office
    ]
    _table(("quarter", "forces", "rows", "offences"), rows, numeric={1, 2, 3})


def _measures(report: Coverage) -> None:
    click.echo("\nLoaded measures")
    if not report.measures:
        click.echo("  none: run `policeplan import measures FILE`")
        return
    rows = [
        (
            m.measure,
            ", ".join(m.areas),
            f"{m.periods:,}",
            _period_range(m.first_period, m.last_period),
            f"{m.rows:,}",
        )
        for m in report.measures
    ]
    _table(("measure", "areas", "periods", "period range", "rows"), rows, numeric={2, 4})


def _period_range(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> None:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        click.echo(("  " + "  ".join(cells)).rstrip())
