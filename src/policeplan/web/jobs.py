"""Background jobs (reports, uploads): run in a worker process, followed by polling.

A job runs a top-level function in a separate process ("spawn": a fresh interpreter), so
rendering a PDF or importing a file never holds the server's interpreter lock and never
blocks another request. The function gets a `Progress` that writes its current step to
`progress.json` in the job's folder; the job's page reads it back. Results are files in
the same folder (`<workspace>/.web/jobs/<id>/`).

>>> Progress(Path("/nonexistent")).path.name
'progress.json'
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import secrets
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from policeplan.errors import PolicePlanError

__all__ = ["Job", "JobRunner", "JobStatus", "Progress", "TooManyJobs"]

_log = logging.getLogger("policeplan.web")
JOBS_DIR = "jobs"
MAX_WAITING = 4  # jobs queued or running at once, per server
MAX_KEPT = 30  # finished jobs remembered (oldest forgotten, their files removed)


class TooManyJobs(PolicePlanError):
    """More jobs are waiting than the worker should queue."""


class Progress:
    """A job's current step, written where the server can read it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "progress.json"

    def step(self, number: int, of: int, words: str) -> None:
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps({"step": number, "of": of, "words": words}))
        partial.replace(self.path)

    def read(self) -> tuple[int, int, str] | None:
        try:
            data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return None
        return int(data["step"]), int(data["of"]), str(data["words"])


@dataclass(frozen=True)
class JobStatus:
    """`state`: queued, running, done or failed; `step`/`of`/`words` the latest progress."""

    state: str
    step: int
    of: int
    words: str
    error: str | None
    lines: tuple[str, ...] = ()  # what a finished job says it did

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    title: str
    owner: str
    created_at: datetime
    folder: Path
    future: Future[Any]
    output: str | None = None  # the file name of the result, in `folder`

    def status(self) -> JobStatus:
        progress = Progress(self.folder).read()
        step, of, words = progress or (0, 1, "waiting for the worker")
        if not self.future.done():
            return JobStatus("running" if progress else "queued", step, of, words, None)
        error = None if self.future.cancelled() else self.future.exception()
        if self.future.cancelled():
            return JobStatus("failed", step, of, words, "the server stopped before the job ran")
        if error is None:
            result = self.future.result()
            lines = tuple(str(line) for line in result) if isinstance(result, tuple) else ()
            return JobStatus("done", of, of, "finished", None, lines)
        if isinstance(error, PolicePlanError):
            message = str(error)
        else:
            message = "the job failed unexpectedly; the error has been logged"
        return JobStatus("failed", step, of, words, message)

    @property
    def output_path(self) -> Path | None:
        return None if self.output is None else self.folder / self.output


def _run(function: Callable[..., Any], folder: str, args: tuple[Any, ...]) -> Any:
    """In the worker: call `function(Progress, *args)`."""
    return function(Progress(Path(folder)), *args)


class JobRunner:
    """One worker process per server; jobs wait their turn (at most MAX_WAITING)."""

    def __init__(self, root: Path) -> None:
        self.root = root / JOBS_DIR
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return self._pool

    def submit(
        self,
        kind: str,
        title: str,
        owner: str,
        function: Callable[..., Any],
        *args: Any,
        output: str | None = None,
        prepare: Callable[[Path], tuple[Any, ...]] | None = None,
    ) -> Job:
        """Start `function(progress, *args)` in the worker. `prepare(folder)` (in the
        server, before the job starts) may add arguments, e.g. an uploaded file saved there."""
        with self._lock:
            waiting = sum(1 for job in self._jobs.values() if not job.future.done())
            if waiting >= MAX_WAITING:
                raise TooManyJobs(
                    f"{waiting} jobs are already waiting; try again when one has finished"
                )
            job_id = secrets.token_urlsafe(12)
            folder = self.root / job_id
            folder.mkdir(parents=True)
            extra = prepare(folder) if prepare is not None else ()
            future = self._executor().submit(_run, function, str(folder), (*args, *extra))
            job = Job(job_id, kind, title, owner, datetime.now(UTC), folder, future, output)
            future.add_done_callback(lambda done: self._log_failure(job, done))
            self._jobs[job_id] = job
            self._forget_old()
            return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def jobs(self, kind: str) -> list[Job]:
        """The jobs of `kind`, newest first."""
        with self._lock:
            return [job for job in reversed(self._jobs.values()) if job.kind == kind]

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [job for job in self._jobs.values() if job.future.done()]
        for job in finished[: max(0, len(finished) - MAX_KEPT)]:
            del self._jobs[job.id]
            shutil.rmtree(job.folder, ignore_errors=True)

    @staticmethod
    def _log_failure(job: Job, done: Future[Any]) -> None:
        error = None if done.cancelled() else done.exception()
        if error is not None and not isinstance(error, PolicePlanError):
            _log.error("job %s (%s) failed", job.id, job.title, exc_info=error)
