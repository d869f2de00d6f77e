"""Load a versioned table of harm weights (crime severity per police.uk crime type).

policeplan ships no weights: no machine-readable, citable table of the ONS Crime Severity
Score (or the Cambridge Crime Harm Index) by police.uk category could be found, and
inventing weights would make every harm figure fiction. A user supplies one (see
docs/harm-weights.md): a CSV with `crime_type,weight[,source]`, one row per crime type.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from policeplan.errors import FileRejected, InputError
from policeplan.reference.crime_types import CRIME_TYPE_SLUGS, crime_type_for_label
from policeplan.store import Workspace
from policeplan.user_files import reading_file

_SLUG_TO_TYPE = {slug: label for label, slug in CRIME_TYPE_SLUGS.items()}


@dataclass(frozen=True)
class WeightsLoaded:
    version: str
    weights: dict[str, float]


def load_harm_weights(
    workspace: Workspace, path: Path, version: str, source: str | None = None
) -> WeightsLoaded:
    """Read and store weights under `version`, replacing an earlier table of that version.
    Any bad row rejects the whole file (a partial weights table would mis-state harm)."""
    if not version.strip():
        raise InputError("a weights table needs a version name", field="version")
    weights: dict[str, float] = {}
    sources: dict[str, str] = {}
    with reading_file(path):
        data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejected("not UTF-8 text: save it as CSV UTF-8", file=path) from exc
    reader = csv.DictReader(text.splitlines())
    missing = {"crime_type", "weight"} - set(reader.fieldnames or [])
    if missing:
        raise FileRejected(f"lacks column(s) {', '.join(sorted(missing))}", file=path, line=1)
    for line, row in enumerate(reader, start=2):
        label = row["crime_type"] or ""
        crime_type = _SLUG_TO_TYPE.get(label.strip()) or crime_type_for_label(label)
        if crime_type is None:
            raise FileRejected(f"unknown crime type {label!r}", file=path, line=line,
                               field="crime_type")  # fmt: skip
        try:
            weight = float(row["weight"])
        except (TypeError, ValueError):
            weight = math.nan
        if not math.isfinite(weight) or weight < 0:
            raise FileRejected(f"weight {row['weight']!r} is not a number of 0 or more",
                               file=path, line=line, field="weight")  # fmt: skip
        if crime_type in weights:
            raise FileRejected(f"{crime_type!r} appears twice", file=path, line=line,
                               field="crime_type")  # fmt: skip
        weights[crime_type] = weight
        sources[crime_type] = (row.get("source") or source or str(path)).strip()
    if not weights:
        raise FileRejected("has no weights", file=path)
    with workspace.connect() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM harm_weights WHERE version = ?", [version])
            con.executemany(
                "INSERT INTO harm_weights VALUES (?, ?, ?, ?)",
                [(version, t, w, sources[t]) for t, w in weights.items()],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return WeightsLoaded(version, weights)
