"""Data: coverage (months held per force and dataset, suspiciously small months), rejects,
and an analyst's uploads of police.uk files and measures CSVs, checked here (name, kind,
size, the first bytes) and imported in the job worker with progress (`import_task.py`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.errors import InputError
from policeplan.store.coverage import coverage
from policeplan.store.rejects import list_rejects
from policeplan.web.auth import can_import_data, can_read_internal
from policeplan.web.guard import change, page, text_field
from policeplan.web.import_task import import_upload
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import cached, data_snapshot
from policeplan.web.views._jobs import job_page_response, job_runner

UPLOAD_PATH = "/data/uploads"
KIND = "import"
KINDS = {"police-uk": (".csv", ".csv.gz", ".zip"), "measures": (".csv",)}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")
_MAGIC = {".gz": b"\x1f\x8b", ".zip": b"PK\x03\x04"}


@page(can_read_internal)
def data_page(request: Request, user: SignedIn) -> Response:
    snapshot = data_snapshot(request)
    held = cached(request, (snapshot.version, "coverage"), lambda: coverage(snapshot.workspace))
    rejects = cached(
        request, (snapshot.version, "rejects"), lambda: list_rejects(snapshot.workspace)
    )
    groups: dict[tuple[str, str], list[str]] = {}
    for partition in held.partitions:
        groups.setdefault((partition.force, partition.dataset), []).append(partition.month)
    rows = [
        (force, dataset, min(months), max(months), len(months))
        for (force, dataset), months in sorted(groups.items())
    ]
    return render(
        request,
        "data.html",
        {
            "rows": rows,
            "gaps": held.gaps,
            "rejects": rejects,
            "suspect": [p for p in held.partitions if p.suspect_incomplete],
            "jobs": [(job, job.status()) for job in job_runner(request).jobs(KIND)],
            "upload_limit_mb": request.app.state.config.max_upload_bytes // (1024 * 1024),
        },
        user=user,
    )


def checked_upload(form: FormData, kind: str) -> UploadFile:
    """The uploaded file, refused (InputError, nothing saved) unless its name, extension
    and first bytes fit the kind; the importer then checks every row as the CLI does."""
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InputError("choose a file to upload", field="file")
    name = Path(upload.filename).name
    if not _NAME.match(name):
        raise InputError(
            f"the file name {name!r} may hold only letters, digits, dots, hyphens and underscores",
            field="file",
        )
    endings = KINDS[kind]
    if not name.lower().endswith(endings):
        raise InputError(f"{name}: a {kind} file must end in {' or '.join(endings)}", field="file")
    head = upload.file.read(4096)
    upload.file.seek(0)
    if not head:
        raise InputError(f"{name} is empty", field="file")
    magic = next((m for ending, m in _MAGIC.items() if name.lower().endswith(ending)), None)
    if magic is not None and not head.startswith(magic):
        raise InputError(f"{name} is not a {name.rsplit('.', 1)[1]} file", field="file")
    if magic is None:
        try:
            head.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not just a character cut at the end
                raise InputError(f"{name} is not a UTF-8 text file", field="file") from exc
    return upload


@change(can_import_data)
def upload(request: Request, user: SignedIn, form: FormData) -> Response:
    kind = text_field(form, "kind", limit=20)
    if kind not in KINDS:
        raise InputError(f"unknown kind of file {kind!r}: police-uk or measures", field="kind")
    if data_snapshot(request).workspace.is_demo():
        raise InputError("this is a demo workspace (synthetic data); real data is never "
                         "imported into it", field="file")  # fmt: skip
    file = checked_upload(form, kind)
    name = Path(file.filename or "").name

    def save(folder: Path) -> tuple[()]:
        with (folder / name).open("wb") as out:
            shutil.copyfileobj(file.file, out)
        return ()

    job = job_runner(request).submit(
        KIND,
        f"{name} ({kind})",
        user.name,
        import_upload,
        request.app.state.config.settings,
        kind,
        name,
        prepare=save,
    )
    return RedirectResponse(f"{UPLOAD_PATH}/{job.id}", status_code=303)


@page(can_read_internal)
def upload_page(request: Request, user: SignedIn) -> Response:
    return job_page_response(request, user, KIND, "upload", ("/data", "Data"),
                             "The file could not be imported:")  # fmt: skip


routes = [
    Route("/data", data_page, methods=["GET"]),
    Route(UPLOAD_PATH, upload, methods=["POST"]),
    Route(UPLOAD_PATH + "/{job}", upload_page, methods=["GET"]),
]
