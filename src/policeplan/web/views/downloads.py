"""A page's table as a download: CSV or xlsx, named for what it holds."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.responses import Response

from policeplan.web.tables import Table

DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_download(table: Table | None, fmt: str, stem: str) -> Response:
    """`table` as `stem.fmt`; 404 for an unknown table or format."""
    if table is None or fmt not in DOWNLOAD_TYPES:
        raise HTTPException(404)
    body = table.to_csv() if fmt == "csv" else table.to_xlsx()
    return Response(
        body,
        media_type=DOWNLOAD_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{stem}.{fmt}"'},
    )
