"""What an import of crime records did, as a typed result with `to_dict()` for JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from policeplan.ingest.csv_rows import RowReject

__all__ = ["CrimeRecordsSummary", "DuplicateReference", "MonthResult"]

SHOWN = 50  # rejects and duplicate references listed in a summary


@dataclass(frozen=True)
class MonthResult:
    """One (force, recorded month) partition: `status` is loaded (new) or replaced."""

    month: str
    status: str
    rows_loaded: int
    rows_rejected: int


@dataclass(frozen=True)
class DuplicateReference:
    """A record reference found on more than one kept row of a month (all are kept)."""

    month: str
    reference: str
    records: int


@dataclass
class CrimeRecordsSummary:
    file: str
    force: str
    dry_run: bool
    encoding: str
    delimiter: str
    date_formats: dict[str, list[str]]
    months: list[MonthResult] = field(default_factory=list)
    rejects: list[RowReject] = field(default_factory=list)  # the first SHOWN, by line
    rejected_by_field: dict[str, int] = field(default_factory=dict)
    duplicate_references: list[DuplicateReference] = field(default_factory=list)  # first SHOWN
    duplicate_reference_count: int = 0  # (month, reference) pairs on more than one row
    unmapped_outcomes: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)  # flag -> kept records with it

    @property
    def rows_loaded(self) -> int:
        return sum(m.rows_loaded for m in self.months)

    @property
    def rows_rejected(self) -> int:
        return sum(self.rejected_by_field.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "force": self.force,
            "dry_run": self.dry_run,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "date_formats": self.date_formats,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "months": [asdict(m) for m in self.months],
            "rejected_by_field": self.rejected_by_field,
            "rejects": [r.to_dict() for r in self.rejects],
            "duplicate_reference_count": self.duplicate_reference_count,
            "duplicate_references": [asdict(d) for d in self.duplicate_references],
            "unmapped_outcomes": self.unmapped_outcomes,
            "flags": self.flags,
        }
