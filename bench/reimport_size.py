"""Does the database file grow across re-imports? Imports the real police.uk sample, then
re-imports it five times: as the same files (recognised by hash, nothing written) and as
changed copies (every month replaced, its previous version kept in the history, then
`history prune --keep 0`). Prints the file size after each step."""

from __future__ import annotations

import gzip
import shutil
import tempfile
import time
from pathlib import Path

from bench.datasets import real_sample

ROUNDS = 5


def _mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def reimport_size_benchmark(keep: bool = False) -> dict[str, list[float]] | None:
    from policeplan.config import load_settings
    from policeplan.ingest.police_uk import ImportOptions, import_police_uk
    from policeplan.store import Workspace
    from policeplan.store.history import prune_history

    sample = real_sample()
    if sample is None:
        print("\nRe-import size: skipped (../shared/data is not beside the repository)")
        return None
    scratch = Path(tempfile.mkdtemp(prefix="policeplan-reimport-"))
    try:
        workspace = Workspace.open(load_settings(scratch / "workspace", {}))
        database = workspace.settings.analytics_path
        files = list(sample.files)
        start = time.perf_counter()
        import_police_uk(workspace, files)
        first = time.perf_counter() - start
        sizes = {"same files": [_mb(database)], "changed files + prune": []}
        print(f"\nRe-import size: {len(files)} real files; first import {first:.1f} s, "
              f"{_mb(database):.1f} MB")  # fmt: skip
        for _ in range(ROUNDS):
            import_police_uk(workspace, files)
            sizes["same files"].append(_mb(database))
        changed = _uncompressed_copies(files, scratch / "changed")
        for round_ in range(ROUNDS):
            # Alternate compressed and uncompressed copies: same rows, different hashes.
            chosen = changed if round_ % 2 == 0 else files
            import_police_uk(workspace, chosen, options=ImportOptions(allow_shrink=True))
            prune_history(workspace, keep=0)
            sizes["changed files + prune"].append(_mb(database))
        for name, values in sizes.items():
            print(f"  {name:<22}" + " ".join(f"{v:7.1f}" for v in values) + "  MB")
        return sizes
    finally:
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)


def _uncompressed_copies(files: list[Path], folder: Path) -> list[Path]:
    copies = []
    for path in files:
        target = folder / path.parent.name / path.name.removesuffix(".gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "rb") as packed, target.open("wb") as plain:
            shutil.copyfileobj(packed, plain)
        copies.append(target)
    return copies
