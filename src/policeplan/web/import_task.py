"""Importing an uploaded file in the job worker: the same `import_police_uk` and
`import_measures` as `policeplan import`, the same checks and rejects, with progress.

An upload is saved in its job's folder when it arrives; when the job runs (jobs run one at
a time) it is moved to `<workspace>/uploads/<name>`, so the file the import history and
the rejects name stays where they say, and the same file uploaded again is "unchanged".
The worker writes the workspace's own analytics file (the server reads its copy, which is
replaced once the import has finished: `web/snapshot.py`).
"""

from __future__ import annotations

from pathlib import Path

from policeplan.config import Settings
from policeplan.ingest.measures import MeasuresImport, import_measures
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from policeplan.web.jobs import Progress

__all__ = ["UPLOADS_DIR", "import_upload"]

UPLOADS_DIR = "uploads"
SHOWN_REJECTS = 20


def import_upload(progress: Progress, settings: Settings, kind: str, name: str) -> tuple[str, ...]:
    """Import the uploaded `name` as `kind` (police-uk or measures); what happened, in lines."""
    uploads = settings.workspace / UPLOADS_DIR
    uploads.mkdir(exist_ok=True)
    path = uploads / name
    (progress.path.parent / name).replace(path)
    workspace = Workspace.open(settings)
    if kind == "measures":
        progress.step(1, 1, f"importing {name}")
        return _measures_lines(import_measures(workspace, path))
    progress.step(0, 1, f"reading {name}")

    def on_progress(done: int, total: int) -> None:
        progress.step(done, max(total, 1), f"{done} of {total} files imported")

    summary = import_police_uk(workspace, [path], on_progress=on_progress)
    lines = []
    for result in summary.files:
        if result.status == "rejected":
            lines.append(f"rejected {Path(result.path).name}: {result.error}")
        else:
            lines.append(
                f"{result.status} {result.force} {result.dataset} {result.month}: "
                f"{result.rows_loaded:,} rows loaded, {result.rows_rejected:,} rows rejected"
            )
    if not summary.files:
        lines.append("no .csv, .csv.gz or .zip file found in the upload")
    return tuple(lines)


def _measures_lines(summary: MeasuresImport) -> tuple[str, ...]:
    lines = [
        f"{summary.status}: {summary.rows_loaded:,} rows loaded, {summary.rows_rejected:,} "
        f"rows rejected, {summary.rows_replaced:,} stored rows replaced; measures: "
        f"{', '.join(summary.measures) or 'none'}"
    ]
    lines += [
        f"line {r.line}, field {r.field}: {r.reason}" for r in summary.rejects[:SHOWN_REJECTS]
    ]
    if len(summary.rejects) > SHOWN_REJECTS:
        lines.append(f"… and {len(summary.rejects) - SHOWN_REJECTS} more (see Rejected rows)")
    return tuple(lines)
