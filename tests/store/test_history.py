"""Issue #9: no import silently shrinks what is held; every replaced version can be put
back; the same file again does no work; the database does not grow across re-imports."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from policeplan.ingest.police_uk import ImportOptions, import_police_uk
from policeplan.store import Workspace
from policeplan.store.history import list_history, prune_history, revert
from tests.ingest.police_uk_helpers import data_lines, fingerprint

pytestmark = pytest.mark.realdata

ESSEX_2025_01 = "police_uk/essex/2025-01-essex-street.csv.gz"


def _truncated(shared_data: Path, folder: Path, rows: int) -> Path:
    """The real Essex January file cut to its header and first `rows` rows, named as the
    same partition: the kind of short download that replaced a complete month."""
    with gzip.open(shared_data / ESSEX_2025_01, "rt", encoding="utf-8-sig", newline="") as text:
        lines = text.read().splitlines()[: rows + 1]
    path = folder / "2025-01-essex-street.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_short_file_is_refused_with_both_counts_and_the_month_kept(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])
    before = fingerprint(workspace)

    [result] = import_police_uk(workspace, [_truncated(shared_data, tmp_path, 199)]).files

    assert result.status == "rejected"
    assert result.error is not None
    assert "199 rows would replace the 12,144 held" in result.error
    assert "import it again allowing the shrink" in result.error
    assert fingerprint(workspace) == before


def test_short_file_replaces_the_month_when_shrinking_is_allowed(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])

    summary = import_police_uk(
        workspace, [_truncated(shared_data, tmp_path, 199)], options=ImportOptions(True)
    )

    assert [(f.status, f.rows_loaded) for f in summary.files] == [("replaced", 199)]


def test_a_month_of_more_than_half_the_rows_is_not_a_shrink(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    held = len(data_lines(shared_data / ESSEX_2025_01))
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])

    rows = held // 2 + 1  # just over half: a small genuine month looks like this
    [result] = import_police_uk(workspace, [_truncated(shared_data, tmp_path, rows)]).files

    assert (result.status, result.rows_loaded) == ("replaced", rows)


def test_revert_puts_back_the_replaced_month_and_can_itself_be_reverted(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])
    original = fingerprint(workspace)
    short = _truncated(shared_data, tmp_path, 199)
    import_police_uk(workspace, [short], options=ImportOptions(allow_shrink=True))
    shrunk = fingerprint(workspace)
    replacing = list_history(workspace)[0]
    assert (replacing.status, replacing.rows_before, replacing.rows_after) == (
        "replaced",
        12_144,
        199,
    )
    assert replacing.file == str(short)

    undo = revert(workspace, replacing.id)

    assert fingerprint(workspace) == original
    assert (undo.status, undo.reverts, undo.rows_before, undo.rows_after) == (
        "reverted",
        replacing.id,
        199,
        12_144,
    )
    revert(workspace, undo.id)
    assert fingerprint(workspace) == shrunk


def test_reverting_a_first_load_removes_the_month(workspace: Workspace, shared_data: Path) -> None:
    empty = fingerprint(workspace)
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])
    [first] = list_history(workspace)

    revert(workspace, first.id)

    assert fingerprint(workspace) == empty


def test_same_file_again_is_unchanged_and_writes_nothing(
    workspace: Workspace, shared_data: Path
) -> None:
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])
    entries = list_history(workspace)

    summary = import_police_uk(workspace, [shared_data / ESSEX_2025_01])

    assert [(f.status, f.rows_loaded) for f in summary.files] == [("unchanged", 12_144)]
    assert summary.to_dict()["files_unchanged"] == 1
    assert list_history(workspace) == entries


def test_pruned_versions_can_no_longer_be_reverted(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    import_police_uk(workspace, [shared_data / ESSEX_2025_01])
    import_police_uk(
        workspace, [_truncated(shared_data, tmp_path, 199)], options=ImportOptions(True)
    )
    newest, oldest = list_history(workspace)

    result = prune_history(workspace, keep=1)

    assert (result.entries_pruned, result.entries_kept) == (1, 1)
    assert [e.version_kept for e in list_history(workspace)] == [True, False]
    with pytest.raises(Exception, match="pruned"):
        revert(workspace, oldest.id)
    revert(workspace, newest.id)  # the newest still can
