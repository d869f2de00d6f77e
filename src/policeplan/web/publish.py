"""Publishing: an approved, read-only snapshot of the plan as static HTML files.

The public never reaches a query engine: `/public/` serves only files written here, by an
analyst's Publish button or `policeplan publish`. A snapshot holds the plan page (figures
as computed at publishing time, delivery counts) and the *approved* quarterly updates'
"achieved" and "scheduled" text. Drafts, submitted updates, the internal "insight" text,
actions' reasons, risks and the audit log are never written.

The served snapshot lives in `<workspace>/published/<stamp>/`; the link
`<workspace>/published/current` is swapped atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from policeplan.delivery import Quarter
from policeplan.records import QuarterlyUpdate, Strand, transaction
from policeplan.store import Workspace
from policeplan.web.plan_page import PlanPage, build_plan_page
from policeplan.web.tables import Table
from policeplan.web.templating import environment

__all__ = ["PUBLISHED_DIR", "Publication", "PublishedUpdate", "publish", "published_root"]

PUBLISHED_DIR = "published"
# What the public reads for an indicator without figures (the internal note says how to
# load them, which is for the office, not the public).
NO_FIGURES_PUBLISHED = "No figures published for this indicator yet."
STATIC_DIR = Path(__file__).parent / "static"


@dataclass(frozen=True)
class PublishedUpdate:
    strand_code: str
    strand_name: str
    quarter: str
    quarter_label: str
    achieved: str
    scheduled: str

    @property
    def file_name(self) -> str:
        return f"update-{self.strand_code.lower()}-{self.quarter.lower()}.html"


@dataclass(frozen=True)
class Publication:
    folder: Path
    files: tuple[str, ...]
    published_at: datetime
    published_by: str


def approved_updates(records: Workspace) -> list[PublishedUpdate]:
    """Every approved quarterly update, newest quarter first; nothing else is public."""
    with transaction(records.settings) as session:
        rows = session.execute(
            select(QuarterlyUpdate, Strand)
            .join(Strand, Strand.id == QuarterlyUpdate.strand_id)
            .where(QuarterlyUpdate.state == "approved")
            .order_by(QuarterlyUpdate.quarter.desc(), Strand.code)
        ).all()
        return [
            PublishedUpdate(
                strand.code,
                strand.name,
                update.quarter,
                Quarter.parse(update.quarter).label,
                update.achieved,
                update.scheduled,
            )
            for update, strand in rows
        ]


def plan_table(plan: PlanPage) -> Table:
    """Every indicator of the published page: the crime scorecard, then the summary table."""
    crime = tuple(
        ("Recorded crime", line.title, line.value, line.change, line.note or line.verdict,
         "", "", "", "", "", line.good_direction)
        for line in plan.crime
    )  # fmt: skip
    summary = tuple(
        (block.title, line.title, line.value, line.change,
         NO_FIGURES_PUBLISHED if line.note else line.verdict,
         line.variation.alt if line.variation else "",
         line.assurance.alt if line.assurance else "",
         line.msg_position, line.rank_range, line.aspiration, line.good_direction)
        for block in plan.priorities
        for line in block.indicators
    )  # fmt: skip
    return Table(
        "Indicators",
        ("Priority", "Indicator", "Latest", "Change", "Verdict", "Variation", "Assurance",
         "MSG position", "Plausible ranks", "Aspiration", "Good direction"),
        crime + summary,
    )  # fmt: skip


def publish(
    data: Workspace, records: Workspace, out: Path, *, by: str, now: datetime
) -> Publication:
    """Write the snapshot as static files into `out` (created; existing files replaced)."""
    plan = build_plan_page(data, records, to=None, today=now.date())
    updates = approved_updates(records)
    env = environment()
    out.mkdir(parents=True, exist_ok=True)
    context = {"published_at": now, "data_label": plan.data_label, "static": "static/",
               "no_figures_published": NO_FIGURES_PUBLISHED}  # fmt: skip
    files = {
        "index.html": env.get_template("public_plan.html").render(
            page=plan, updates=updates, table=plan_table(plan), **context
        ),
    }
    for update in updates:
        files[update.file_name] = env.get_template("public_update.html").render(
            update=update, **context
        )
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "indicators.csv").write_bytes(plan_table(plan).to_csv())
    (out / "static").mkdir(exist_ok=True)
    shutil.copyfile(STATIC_DIR / "site.css", out / "static" / "site.css")
    manifest = {"published_at": now.isoformat(), "published_by": by, "files": sorted(files)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return Publication(out, (*sorted(files), "indicators.csv"), now, by)


def published_root(workspace_path: Path) -> Path:
    return workspace_path / PUBLISHED_DIR


def publish_to_site(data: Workspace, records: Workspace, *, by: str, now: datetime) -> Publication:
    """Publish into the workspace's served folder and swap the `current` link atomically."""
    root = published_root(records.path)
    stamp = now.strftime("%Y%m%dT%H%M%S%f")
    publication = publish(data, records, root / stamp, by=by, now=now)
    link = root / f"current-{stamp}"
    link.symlink_to(stamp)
    link.replace(root / "current")
    for old in root.iterdir():
        if old.is_dir() and not old.is_symlink() and old.name not in (stamp,):
            shutil.rmtree(old, ignore_errors=True)
    return publication
