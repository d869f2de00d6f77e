"""Issue #9: the database file does not keep growing across re-imports (`make bench`
measures the whole real sample: see bench/reimport_size.py and docs/data-safety.md)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from policeplan.ingest.police_uk import ImportOptions, import_police_uk
from policeplan.store import Workspace
from policeplan.store.history import prune_history

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def _size(workspace: Workspace) -> int:
    return workspace.settings.analytics_path.stat().st_size


def test_file_size_is_stable_over_five_reimports(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    files = sorted((shared_data / "police_uk" / "essex").glob("2025-*"))
    import_police_uk(workspace, files)
    first = _size(workspace)

    same = []
    for _ in range(5):
        import_police_uk(workspace, files)
        same.append(_size(workspace))

    plain = []
    for path in files:  # the same rows uncompressed: other hashes, so every month replaced
        target = tmp_path / path.name.removesuffix(".gz")
        with gzip.open(path, "rb") as packed, target.open("wb") as out:
            shutil.copyfileobj(packed, out)
        plain.append(target)
    changed = []
    for round_ in range(5):
        summary = import_police_uk(
            workspace, plain if round_ % 2 == 0 else files, options=ImportOptions(True)
        )
        assert {f.status for f in summary.files} == {"replaced"}
        prune_history(workspace, keep=0)
        changed.append(_size(workspace))

    assert same == [first] * 5  # unchanged files write nothing
    # Replaced months free their blocks for reuse: the file settles, it does not climb.
    assert max(changed) < 3 * first
    assert changed[-1] <= max(changed[:3])
