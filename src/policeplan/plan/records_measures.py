"""The plan file's `measures:` section: measures counted from the force's own crime
records (`import records`), by flag, offence group and police.uk category.

```yaml
measures:
  domestic-abuse: {source: records, title: Domestic abuse, flag: domestic_abuse}
  knife-crime: {source: records, flag: knife, offence_groups: [violence, robbery, burglary]}
```

Every mistake is a PlanError naming the key and suggesting the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from policeplan.plan._fields import SLUG, Fields
from policeplan.plan.model import RECORDS_SOURCE, RecordsMeasure
from policeplan.reference.crime_types import CRIME_TYPE_SLUGS, CRIME_TYPES
from policeplan.reference.offences import OFFENCE_GROUPS

__all__ = ["records_measures"]

# A flag's name as the mapping file writes it (ingest/crime_records/mapping.py).
FLAG_NAME = re.compile(r"[a-z][a-z0-9_]*")
SOURCES = (RECORDS_SOURCE,)


def records_measures(top: Fields, taken: Collection[str]) -> tuple[RecordsMeasure, ...]:
    """The `measures:` mapping of the plan (absent: none); `taken` are the slugs of the
    plan's composite measures, which a records measure may not reuse."""
    value = top.data.get("measures")
    if value is None:
        return ()
    names = tuple(value) if isinstance(value, dict) else ()
    section = top.child("measures", optional=names)
    found: list[RecordsMeasure] = []
    for slug in section.data:
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise section.error(
                f"measure names must be slugs (lowercase letters, digits and hyphens, e.g. "
                f"'knife-crime'), got {slug!r}"
            )
        if slug in taken:
            raise section.error(f"{slug!r} is also a composite measure; rename one", slug)
        if slug in _BUILT_IN:
            raise section.error(
                f"{slug!r} is a built-in police.uk measure; give the records measure its own "
                f"name (e.g. '{slug}-records')",
                slug,
            )
        entry = section.child(
            slug, required=("source",), optional=("title", "flag", "offence_groups", "crime_types")
        )
        source = entry.data.get("source")
        if source not in SOURCES:
            close = difflib.get_close_matches(str(source), SOURCES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise entry.error(
                f"'source' must be {RECORDS_SOURCE!r} (the force's crime records, `import "
                f"records`), got {source!r}{hint}",
                "source",
            )
        found.append(
            RecordsMeasure(
                measure=slug,
                title=entry.optional_text("title") or slug,
                flag=_flag(entry),
                offence_groups=_choices(entry, "offence_groups", OFFENCE_GROUPS),
                crime_types=_crime_types(entry),
            )
        )
    return tuple(found)


_BUILT_IN = frozenset({"all-crime", *CRIME_TYPE_SLUGS.values()})


def _flag(entry: Fields) -> str | None:
    value = entry.data.get("flag")
    if value is None:
        return None
    if not isinstance(value, str) or not FLAG_NAME.fullmatch(value):
        raise entry.error(
            f"'flag' must be the name of a flag of the records mapping file (lower case "
            f"letters, digits and _, e.g. 'domestic_abuse'), got {value!r}",
            "flag",
        )
    return value


def _choices(entry: Fields, key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    values = entry.list(key)
    for index, value in enumerate(values):
        if value not in allowed:
            close = difflib.get_close_matches(str(value), allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"choose from {', '.join(allowed)}"
            raise entry.error(f"unknown offence group {value!r}; {hint}", f"{key}[{index}]")
    return tuple(dict.fromkeys(values))


def _crime_types(entry: Fields) -> tuple[str, ...]:
    """police.uk categories, written as police.uk spells them or as their slugs."""
    by_slug = {slug: name for name, slug in CRIME_TYPE_SLUGS.items()}
    found: list[str] = []
    for index, value in enumerate(entry.list("crime_types")):
        name = value if value in CRIME_TYPES else by_slug.get(str(value))
        if name is None:
            known = [*CRIME_TYPES, *by_slug]
            close = difflib.get_close_matches(str(value), known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "use a police.uk category"
            raise entry.error(f"unknown crime type {value!r}; {hint}", f"crime_types[{index}]")
        if name not in found:
            found.append(name)
    return tuple(found)
