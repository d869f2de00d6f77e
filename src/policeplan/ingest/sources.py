"""Turn what the user names (files, folders, data.police.uk `.zip` archives) into the
individual CSV files to import, each with the name it is reported under."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from policeplan.errors import FileRejected

CSV_SUFFIXES = (".csv", ".csv.gz")


@dataclass(frozen=True)
class SourceFile:
    """A CSV to import: `display` is what messages call it (`archive.zip!2025-01/…csv`),
    `path` is where it can be read (a temporary copy for archive members)."""

    display: str
    path: Path

    @property
    def name(self) -> str:
        return Path(self.display.split("!")[-1]).name


def _is_csv(path: Path) -> bool:
    return path.name.lower().endswith(CSV_SUFFIXES)


@contextmanager
def expand_sources(paths: Sequence[str | Path]) -> Iterator[list[SourceFile | FileRejected]]:
    """Every CSV named by `paths`, in a stable order; archives are unpacked to a temporary
    folder that lives as long as the context. A path that cannot be used becomes a
    FileRejected in the list, so the other files still load."""
    with tempfile.TemporaryDirectory(prefix="policeplan-") as scratch:
        found: list[SourceFile | FileRejected] = []
        for given in paths:
            path = Path(given)
            if path.is_dir():
                members = sorted(
                    p for p in path.rglob("*") if p.is_file() and (_is_csv(p) or _is_zip(p))
                )
                for member in members:
                    found.extend(_expand_file(member, Path(scratch)))
            elif path.is_file():
                found.extend(_expand_file(path, Path(scratch)))
            else:
                found.append(FileRejected("no such file or folder", file=str(path)))
        yield found


def _is_zip(path: Path) -> bool:
    return path.name.lower().endswith(".zip")


def _expand_file(path: Path, scratch: Path) -> list[SourceFile | FileRejected]:
    if _is_csv(path):
        return [SourceFile(str(path), path)]
    if _is_zip(path):
        return _expand_zip(path, scratch)
    return [FileRejected("not a .csv, .csv.gz or .zip file", file=str(path))]


def _expand_zip(archive: Path, scratch: Path) -> list[SourceFile | FileRejected]:
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = sorted(
                info.filename
                for info in zipped.infolist()
                if not info.is_dir() and _is_csv(Path(info.filename))
            )
            target_dir = Path(tempfile.mkdtemp(dir=scratch))
            found: list[SourceFile | FileRejected] = []
            for index, member in enumerate(members):
                # Each member gets its own folder: archives may repeat a base name.
                target = target_dir / str(index) / Path(member).name
                target.parent.mkdir()
                with zipped.open(member) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
                found.append(SourceFile(f"{archive}!{member}", target))
            return found
    except (zipfile.BadZipFile, OSError) as exc:
        return [FileRejected(f"cannot read the archive ({exc})", file=str(archive))]
