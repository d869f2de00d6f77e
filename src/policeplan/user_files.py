"""Reading and writing the user's own files: an `OSError` becomes a named error that
names the path and says what is wrong in words (no traceback, no errno).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with reading_file(folder / "missing.csv"):
...     (folder / "missing.csv").read_text()
Traceback (most recent call last):
...
policeplan.errors.FileNotReadable: .../missing.csv: cannot read the file: no such file
>>> with writing_file(folder / "no-folder" / "plan.xlsx"):
...     (folder / "no-folder" / "plan.xlsx").write_text("x")
Traceback (most recent call last):
...
policeplan.errors.FileNotWritable: .../plan.xlsx: cannot write the file: the folder .../no-folder does not exist
"""  # noqa: E501

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from policeplan.errors import FileNotReadable, FileNotWritable

__all__ = ["os_error_reason", "reading_file", "writing_file"]


def os_error_reason(exc: OSError, path: Path, *, writing: bool = False) -> str:
    """What went wrong, in words: 'no such file', 'it is a folder, not a file'…"""
    if isinstance(exc, FileNotFoundError):
        if writing and not path.parent.is_dir():
            return f"the folder {path.parent} does not exist"
        return "no such file"
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return "it is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno in (errno.EROFS,):
        return "the file system is read-only"
    if exc.errno == errno.ENOSPC:
        return "no space left on the disk"
    return exc.strerror or type(exc).__name__


@contextmanager
def reading_file(path: str | Path) -> Iterator[None]:
    """Turn an OSError raised inside the block into FileNotReadable naming `path`."""
    try:
        yield
    except OSError as exc:
        reason = os_error_reason(exc, Path(path))
        raise FileNotReadable(f"cannot read the file: {reason}", file=path) from exc


@contextmanager
def writing_file(path: str | Path) -> Iterator[None]:
    """Turn an OSError raised inside the block into FileNotWritable naming `path`."""
    try:
        yield
    except OSError as exc:
        reason = os_error_reason(exc, Path(path), writing=True)
        raise FileNotWritable(f"cannot write the file: {reason}", file=path) from exc
