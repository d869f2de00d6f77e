"""Run one contender in a fresh child process and measure it.

The child times only the contender's work (after its libraries are imported) and writes the
result to a JSON file; the parent collects the child's own peak resident memory with
`os.wait4`, which reports per child (unlike getrusage(RUSAGE_CHILDREN), a running maximum
over every child so far).
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.contenders import CONTENDERS, PRELOAD

REPO_ROOT = Path(__file__).resolve().parents[1]


class ContenderFailed(RuntimeError):
    """A contender's process exited with an error."""


@dataclass(frozen=True)
class Measurement:
    contender: str
    seconds: float
    rows: int
    peak_rss_mb: float
    process_seconds: float
    database_mb: float
    load_average: float
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rows_per_second": round(self.rows_per_second)}


def measure(contender: str, files: tuple[Path, ...], scratch: Path) -> Measurement:
    """Run `contender` on `files` in a child process; its database goes under `scratch`."""
    workdir = Path(tempfile.mkdtemp(prefix=f"{contender}-", dir=scratch))
    file_list = workdir / "files.txt"
    file_list.write_text("".join(f"{path}\n" for path in files), encoding="utf-8")
    result_path = workdir / "result.json"
    command = [
        sys.executable, "-m", "bench", "contender", contender,
        "--files", str(file_list), "--workdir", str(workdir), "--result", str(result_path),
    ]  # fmt: skip
    load_average = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO_ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    process_seconds = time.perf_counter() - started
    try:
        if child.returncode != 0:
            raise ContenderFailed(f"{contender} exited with status {child.returncode}")
        result = json.loads(result_path.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Measurement(
        contender=contender,
        seconds=result["seconds"],
        rows=result["rows"],
        peak_rss_mb=usage.ru_maxrss / 1024,  # Linux reports kilobytes
        process_seconds=process_seconds,
        database_mb=result["database_bytes"] / 2**20,
        load_average=load_average,
        detail=result["detail"],
    )


def run_contender_here(contender: str, files: list[Path], workdir: Path, result: Path) -> None:
    """The child's side: import what the contender needs, then time only its work."""
    for module in PRELOAD[contender]:
        importlib.import_module(module)
    run = CONTENDERS[contender]
    started = time.perf_counter()
    outcome = run(files, workdir)
    seconds = time.perf_counter() - started
    database_bytes = sum(
        path.stat().st_size for path in workdir.rglob("*.duckdb*") if path.is_file()
    )
    result.write_text(
        json.dumps(
            {
                "seconds": seconds,
                "rows": outcome.rows,
                "database_bytes": database_bytes,
                "detail": outcome.detail,
            }
        ),
        encoding="utf-8",
    )
