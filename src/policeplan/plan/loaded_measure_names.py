"""A `measures:` entry with `source: measures`: the plan's names for a measure loaded with
`import measures` (figures taken from iQuanta), so the MSG can say what a change counts.

```yaml
measures:
  sickness-police-officers:
    source: measures
    title: Police officer sickness
    numerator: hours lost to sickness
    denominator: contracted hours
```

The slug is the measure's name in the loaded file; the workspace may load it later.
"""

from __future__ import annotations

from policeplan.plan._fields import Fields
from policeplan.plan.model import LoadedMeasure

__all__ = ["LOADED_KEYS", "loaded_measure"]

LOADED_KEYS = ("title", "numerator", "denominator")


def loaded_measure(slug: str, entry: Fields) -> LoadedMeasure:
    """The plan's names for the loaded measure `slug` (its keys checked by the caller)."""
    return LoadedMeasure(
        measure=slug,
        title=entry.optional_text("title") or slug,
        numerator=entry.optional_text("numerator"),
        denominator=entry.optional_text("denominator"),
    )
