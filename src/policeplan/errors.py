"""The one exception family of policeplan.

Library code raises these; the command line turns them into a one-line message and
exit code 1, the web layer into an error page. Users never see a traceback.

    PolicePlanError
    ├── ConfigurationError      a setting or workspace is unusable
    ├── InputError              a file or value given by the user is wrong (file/line/field)
    │   ├── FileRejected        a whole input file was refused; nothing of it was loaded
    │   │   └── FileNotReadable   the file could not be opened or read (names the path)
    │   ├── FileNotWritable     an output file could not be written (names the path)
    │   ├── BadFieldError       one field of one row is wrong; importers turn it into a reject
    │   └── PlanError           a plan file is invalid (names the key)
    ├── DataError               the workspace lacks the data a computation needs
    │   └── IncompleteWindow    a window has missing months, so it cannot be compared
    └── RecordsError            the delivery-plan records store refused a change

Messages speak of fields and values (`field 'group'`), never of command-line flags: the
command line maps a field to its flag, the web layer to its form field.
`policeplan.user_files` turns an `OSError` on a user's file into FileNotReadable or
FileNotWritable.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BadFieldError",
    "ConfigurationError",
    "DataError",
    "FileNotReadable",
    "FileNotWritable",
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


class FileNotReadable(FileRejected):
    """A user's file could not be opened or read: missing, a folder, no permission…"""


class FileNotWritable(InputError):
    """A file could not be written where the user asked: missing folder, no permission…"""


class BadFieldError(InputError):
    """Raised while reading one row: `field` is wrong for `reason`; the row becomes a reject."""

    field: str

    def __init__(self, field: str, reason: str) -> None:
        self.reason = reason
        super().__init__(reason, field=field)


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
