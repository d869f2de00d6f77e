"""The shrink guard: an import may not silently replace what is held with far less.

A replacement whose new rows are fewer than `SHRINK_SHARE` of the rows held is refused
(nothing of the file is written) unless the caller allows it. Why one half (see
docs/data-safety.md): in the real police.uk sample the smallest genuine month of any force
holds 0.77 of its neighbours' median rows and the one incomplete publication 0.55, while
the truncated files that caused silent losses held 1-2 % of the month they replaced. Half
lets every real month (and a half-published one) through and stops every truncation seen.

    >>> shrinks_sharply(199, 13_859), shrinks_sharply(10_000, 13_859), shrinks_sharply(5, 0)
    (True, False, False)
"""

from __future__ import annotations

from pathlib import Path

from policeplan.errors import FileRejected

__all__ = ["ALLOW_SHRINK_HINT", "SHRINK_SHARE", "ShrinkRefused", "shrinks_sharply"]

SHRINK_SHARE = 0.5

# How every refusal ends; a front end may name its own way of allowing it (the command
# line adds its flag: see cli/_import_outcome.py).
ALLOW_SHRINK_HINT = "if the smaller file is right, import it again allowing the shrink"


def shrinks_sharply(rows_after: int, rows_before: int) -> bool:
    """Whether replacing `rows_before` held rows with `rows_after` loses more than half."""
    return rows_before > 0 and rows_after < SHRINK_SHARE * rows_before


class ShrinkRefused(FileRejected):
    """A file would replace what the workspace holds with far fewer rows; nothing loaded."""

    def __init__(self, what: str, rows_after: int, rows_before: int, *, file: str | Path) -> None:
        self.rows_after = rows_after
        self.rows_before = rows_before
        super().__init__(
            f"{what}: {rows_after:,} rows would replace the {rows_before:,} held "
            f"(fewer than {SHRINK_SHARE:.0%}); nothing changed; {ALLOW_SHRINK_HINT}",
            file=file,
        )
