"""The one exception family of policeplan.

Library code raises these; the command line turns them into a one-line message and
exit code 1, the web layer into an error page. Users never see a traceback.

    PolicePlanError
    ├── ConfigurationError      a setting or workspace is unusable
    ├── InputError              a file or value given by the user is wrong (file/line/field)
    │   ├── FileRejected        a whole input file was refused; nothing of it was loaded
    │   └── PlanError           a plan file is invalid (names the key)
    ├── DataError               the workspace lacks the data a computation needs
    │   └── IncompleteWindow    a window has missing months, so it cannot be compared
    └── RecordsError            the delivery-plan records store refused a change
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ConfigurationError",
    "DataError",
    "FileRejected",
    "IncompleteWindow",
    "InputError",
    "PlanError",
    "PolicePlanError",
    "RecordsError",
]


class PolicePlanError(Exception):
    """Base of every error policeplan raises on purpose."""


class ConfigurationError(PolicePlanError):
    """A setting, workspace or database URL cannot be used."""


class InputError(PolicePlanError):
    """Something the user supplied is wrong; says where (file, line, field) when known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FileRejected(InputError):
    """A whole input file was refused and nothing from it was loaded."""


class PlanError(InputError):
    """A plan definition file is invalid; `field` names the offending key path."""


class DataError(PolicePlanError):
    """The workspace does not hold the data a computation needs."""


class IncompleteWindow(DataError):
    """A time window has missing months and cannot be compared."""

    def __init__(self, message: str, missing_months: list[str]) -> None:
        self.missing_months = missing_months
        super().__init__(message)


class RecordsError(PolicePlanError):
    """The delivery-plan records store refused a change (bad state, unknown id…)."""
