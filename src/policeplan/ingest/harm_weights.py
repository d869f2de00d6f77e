"""Load a versioned table of harm weights (crime severity per police.uk crime type), such
as a force's Cambridge Crime Harm Index, with its provenance: name (version), source and
vintage, kept in `harm_weight_tables` and shown with every figure made from it.

policeplan ships the ONS Crime Severity Score weights (reference/css_weights.py); a loaded
table is for other schemes. A CSV with `crime_type,weight[,source]`, one row per crime type
(see docs/harm-weights.md).
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


# Provenance of each loaded table. Created here (not in store/schema.py) so that older
# workspaces gain it on their next load; readers treat its absence as "not recorded".
PROVENANCE_TABLE = """CREATE TABLE IF NOT EXISTS harm_weight_tables (
    version VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    vintage VARCHAR,
    file VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL)"""


@dataclass(frozen=True)
class WeightsLoaded:
    version: str
    weights: dict[str, float]
    source: str = ""
    vintage: str | None = None


def load_harm_weights(
    workspace: Workspace,
    path: Path,
    version: str,
    source: str | None = None,
    vintage: str | None = None,
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
    table_source = (source or "; ".join(sorted(set(sources.values())))).strip()
    with workspace.connect() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM harm_weights WHERE version = ?", [version])
            con.executemany(
                "INSERT INTO harm_weights VALUES (?, ?, ?, ?)",
                [(version, t, w, sources[t]) for t, w in weights.items()],
            )
            con.execute(PROVENANCE_TABLE)
            con.execute(
                "INSERT OR REPLACE INTO harm_weight_tables VALUES (?, ?, ?, ?, current_timestamp)",
                [version, table_source, vintage, str(path)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return WeightsLoaded(version, weights, table_source, vintage)
