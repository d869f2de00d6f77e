"""What an import says when Ctrl-C stops it: how much was committed."""

from __future__ import annotations

__all__ = ["ImportInterrupted"]


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an import. Whole files (or, for one-file imports, nothing) were
    committed; the rest of the workspace is as it was.

    >>> str(ImportInterrupted(12, 40))
    'Interrupted: 12 of 40 files committed; the rest left unchanged.'
    >>> str(ImportInterrupted(0, 1))
    'Interrupted: nothing committed; the workspace is unchanged.'
    """

    def __init__(self, committed: int, total: int) -> None:
        self.committed = committed
        self.total = total
        super().__init__(self.message())

    def message(self) -> str:
        if self.committed == 0:
            return "Interrupted: nothing committed; the workspace is unchanged."
        return (
            f"Interrupted: {self.committed} of {self.total} files committed; "
            "the rest left unchanged."
        )

    def __str__(self) -> str:
        return self.message()
