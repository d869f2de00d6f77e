"""The server keeps serving while an import writes the analytics database, then shows the
new data once the import has finished: never a lock error, never a partial month."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.synthetic import generate_police_uk
from tests.web.conftest import sign_in


@pytest.mark.slow
def test_pages_keep_working_during_an_import_and_show_it_afterwards(
    client: TestClient, web_settings: Settings, tmp_path: Path
) -> None:
    sign_in(client, "panel")
    assert "2026-03" not in client.get("/data").text
    files = tmp_path / "new"
    generate_police_uk(files, ["essex"], ["2026-01", "2026-02", "2026-03"], datasets=("street",))
    workspace = str(web_settings.workspace)
    # The library's import (the command refuses real data in a demo workspace; these files
    # are synthetic, like the rest of it), in another process, as a real import would run.
    script = (
        "import sys; from policeplan.config import load_settings; "
        "from policeplan.store import Workspace; "
        "from policeplan.ingest import import_police_uk; "
        "import_police_uk(Workspace.open(load_settings(sys.argv[1], {})), [sys.argv[2]])"
    )
    command = [sys.executable, "-c", script, workspace, str(files)]
    importer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    statuses = []
    while importer.poll() is None:
        for path in ("/data", "/indicators/burglary", "/"):
            statuses.append(client.get(path).status_code)
        time.sleep(0.05)
    output, _ = importer.communicate()
    assert importer.returncode == 0, output.decode()
    assert set(statuses) == {200}
    # The new copy is made (and the pages computed) in the background, then swapped in.
    deadline = time.monotonic() + 120
    while "2026-03" not in client.get("/data").text:
        assert time.monotonic() < deadline, "the import's months never appeared"
        time.sleep(0.2)
