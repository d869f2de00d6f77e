"""`policeplan coverage`"""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.store.coverage import coverage


@click.command("coverage")
@json_option
@click.pass_context
def coverage_command(ctx: click.Context, as_json: bool) -> None:
    """Show which forces, datasets and months the workspace holds.

    Months with far fewer rows than their neighbours are marked as suspect (incomplete
    publication); gaps between the first and last month are listed.
    """
    workspace = open_workspace(ctx)
    report = coverage(workspace)
    if as_json:
        echo_json(report.to_json())
        return
    label = workspace.label()
    if label:
        click.echo(f"[{label}]")
    if not report.partitions:
        click.echo("No police.uk data yet: run `policeplan import police-uk PATH...`.")
        return
    current: tuple[str, str] | None = None
    for p in report.partitions:
        if (p.force, p.dataset) != current:
            current = (p.force, p.dataset)
            click.echo(f"\n{p.force} — {p.dataset}")
        flag = "  ← suspect incomplete" if p.suspect_incomplete else ""
        rejected = f" ({p.rows_rejected:,} rejected)" if p.rows_rejected else ""
        click.echo(f"  {p.month}  {p.rows:>9,}{rejected}{flag}")
    for gap in report.gaps:
        click.echo(f"\n{gap.force} {gap.dataset}: missing {', '.join(gap.missing_months)}")
