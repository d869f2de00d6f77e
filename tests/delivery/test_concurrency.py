"""Two processes changing the delivery plan at the same time lose nothing."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from policeplan.delivery import add_action, add_strand, audit_trail, get_action, list_actions
from policeplan.records import dispose_engines
from policeplan.store import Workspace

EDITS = 20
WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from policeplan.config import load_settings
    from policeplan.delivery import edit_action, link_indicator
    from policeplan.store import Workspace

    folder, url, name, edits, go = sys.argv[1:6]
    workspace = Workspace(load_settings(folder, {}, database_url=url or None))
    while not Path(go).exists():
        time.sleep(0.01)
    for i in range(int(edits)):
        edit_action(workspace, f"{name}-{i}", owner=f"owner set by {name}", actor=name)
        edit_action(workspace, "SHARED", title=f"{name} edit {i}", actor=name)
        link_indicator(workspace, "SHARED", f"{name}_indicator_{i}", actor=name)
    """
)


@pytest.mark.slow
def test_two_processes_editing_at_once_lose_no_change(workspace: Workspace, tmp_path: Path) -> None:
    settings = workspace.settings
    add_strand(workspace, code="DA", name="Domestic Abuse", lead="Ch Supt", actor="setup")
    add_action(workspace, ref="SHARED", strand="DA", title="start", actor="setup")
    for name in ("alpha", "beta"):
        for i in range(EDITS):
            add_action(
                workspace, ref=f"{name}-{i}", strand="DA", title=f"{name} {i}", actor="setup"
            )
    dispose_engines()
    script, go = tmp_path / "worker.py", tmp_path / "go"
    script.write_text(WORKER, encoding="utf-8")
    url = settings.database_url or ""
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(settings.workspace), url, name, str(EDITS), str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    time.sleep(0.5)  # let both import policeplan and open the store before starting together
    go.touch()
    errors = [worker.communicate(timeout=180)[1] for worker in workers]

    assert [w.returncode for w in workers] == [0, 0], errors
    owners = {a.ref: a.owner for a in list_actions(workspace) if a.ref != "SHARED"}
    assert owners == {
        f"{name}-{i}": f"owner set by {name}" for name in ("alpha", "beta") for i in range(EDITS)
    }
    shared = get_action(workspace, "SHARED")
    assert len(shared.indicators) == 2 * EDITS
    titles = [e for e in audit_trail(workspace, ref="SHARED") if e.field == "title"]
    assert len(titles) == 1 + 2 * EDITS
    # Each edit started from the value the previous one left: no write was based on a stale read.
    for before, after in itertools.pairwise(titles):
        assert after.old_value == before.new_value
    assert shared.title == titles[-1].new_value
