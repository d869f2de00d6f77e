"""A `measures:` entry with `source: records`: a measure counted from the force's own
crime records (`import records`), by flag, offence group and police.uk category.

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

from policeplan.plan._fields import Fields
from policeplan.plan.model import RecordsMeasure
from policeplan.reference.crime_types import CRIME_TYPE_SLUGS, CRIME_TYPES
from policeplan.reference.offences import OFFENCE_GROUPS

__all__ = ["RECORDS_KEYS", "records_measure"]

# A flag's name as the mapping file writes it (ingest/crime_records/mapping.py).
FLAG_NAME = re.compile(r"[a-z][a-z0-9_]*")
RECORDS_KEYS = ("title", "flag", "offence_groups", "crime_types")


def records_measure(slug: str, entry: Fields) -> RecordsMeasure:
    """The records measure `slug` of the entry (its keys checked by the caller)."""
    return RecordsMeasure(
        measure=slug,
        title=entry.optional_text("title") or slug,
        flag=_flag(entry),
        offence_groups=_choices(entry, "offence_groups", OFFENCE_GROUPS),
        crime_types=_crime_types(entry),
    )


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
