"""What the job pages (uploads, reports) share: the server's job runner and the job a
URL names, found or a 404 that says jobs are kept until the server restarts."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from policeplan.web.jobs import Job, JobRunner
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render

_JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")


def job_runner(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.jobs
    return runner


def requested_job(request: Request, kind: str, what: str) -> Job:
    """The job of `kind` the path's `job` names; 404 (naming `what`) when there is none."""
    job_id = str(request.path_params["job"])
    job = job_runner(request).get(job_id) if _JOB_ID.match(job_id) else None
    if job is None or job.kind != kind:
        raise HTTPException(404, f"There is no such {what} (jobs are kept until the server "
                                 "restarts).")  # fmt: skip
    return job


def job_page_response(
    request: Request, user: SignedIn, kind: str, what: str, back: tuple[str, str], failed: str
) -> Response:
    """The page of one job: its progress (refreshing itself), result or failure."""
    job = requested_job(request, kind, what)
    context = {"job": job, "status": job.status(), "back": back, "failed_words": failed}
    return render(request, "job.html", context, user=user)
