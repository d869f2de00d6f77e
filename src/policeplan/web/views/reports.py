"""Reports: an analyst generates a report kind for a quarter in a chosen format; it is
built in the job worker (never in a request), its page shows the progress and then the
download. Every signed-in user can see the reports generated and download them."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from policeplan.errors import InputError
from policeplan.periods import FinancialQuarter
from policeplan.reports import FORMATS, REPORT_KINDS
from policeplan.web.auth import can_generate_reports, can_read_internal
from policeplan.web.guard import change, page, text_field
from policeplan.web.report_task import generate_report, report_file_name
from policeplan.web.results import default_month
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import data_snapshot
from policeplan.web.views._jobs import job_page_response, job_runner, requested_job

KIND = "report"
QUARTERS_OFFERED = 8
_MEDIA = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _quarters(request: Request) -> list[FinancialQuarter]:
    """The latest quarters whose last month the data holds, newest first."""
    latest = default_month(request.app.state.cache, data_snapshot(request))
    if latest is None:
        return []
    year, month = (int(part) for part in latest.split("-"))
    quarter = FinancialQuarter.containing(date(year, month, 1))
    if quarter.last_month != latest:
        quarter = quarter + -1
    return [quarter + -n for n in range(QUARTERS_OFFERED)]


@page(can_read_internal)
def reports_page(request: Request, user: SignedIn) -> Response:
    jobs = [(job, job.status()) for job in job_runner(request).jobs(KIND)]
    return render(
        request,
        "reports.html",
        {"kinds": REPORT_KINDS, "formats": FORMATS, "quarters": _quarters(request), "jobs": jobs},
        user=user,
    )


@change(can_generate_reports)
def start_report(request: Request, user: SignedIn, form: FormData) -> Response:
    kind = text_field(form, "kind", limit=40)
    fmt = text_field(form, "format", limit=8)
    if kind not in REPORT_KINDS:
        raise InputError(f"unknown report {kind!r}: choose one of the list", field="kind")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose html, pdf or xlsx", field="format")
    quarter = FinancialQuarter.parse(text_field(form, "quarter", limit=20))
    snapshot = data_snapshot(request)
    name = report_file_name(kind, quarter.key, fmt)
    job = job_runner(request).submit(
        KIND,
        f"{kind}, {quarter.label} ({fmt.upper()})",
        user.name,
        generate_report,
        snapshot.workspace.settings,
        kind,
        quarter.label,
        fmt,
        name,
        output=name,
    )
    return RedirectResponse(f"/reports/jobs/{job.id}", status_code=303)


@page(can_read_internal)
def job_page(request: Request, user: SignedIn) -> Response:
    return job_page_response(request, user, KIND, "report job", ("/reports", "Reports"),
                             "The report could not be generated:")  # fmt: skip


@page(can_read_internal)
def download(request: Request, user: SignedIn) -> Response:
    job = requested_job(request, KIND, "report job")
    path = job.output_path
    if job.status().state != "done" or path is None or not path.is_file():
        raise HTTPException(404, "The report is not ready yet.")
    return FileResponse(
        path,
        media_type=_MEDIA[path.suffix.lstrip(".")],
        filename=path.name,
        headers={"cache-control": "no-store"},
    )


routes = [
    Route("/reports", reports_page, methods=["GET"]),
    Route("/reports", start_report, methods=["POST"]),
    Route("/reports/jobs/{job}", job_page, methods=["GET"]),
    Route("/reports/jobs/{job}/download", download, methods=["GET"]),
]
