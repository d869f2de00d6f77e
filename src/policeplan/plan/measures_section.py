"""The plan file's `measures:` section: measures the plan defines, each by its slug with a
`source` saying where its figures come from:

- `records`: counted from the force's own crime records (`records_measures.py`);
- `home-office`: offence codes, groups and subgroups of the Home Office recorded-crime
  table (`home_office_measures.py`);
- `measures`: a measure loaded with `import measures`, with the names of what its
  numerator and denominator count (`loaded_measure_names.py`).

Every mistake is a PlanError naming the key and suggesting the fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from policeplan.plan._fields import SLUG, Fields
from policeplan.plan.home_office_measures import (
    HOME_OFFICE_KEYS,
    built_in_offence_slugs,
    home_office_measure,
)
from policeplan.plan.loaded_measure_names import LOADED_KEYS, loaded_measure
from policeplan.plan.model import (
    HOME_OFFICE_SOURCE,
    LOADED_SOURCE,
    RECORDS_SOURCE,
    HomeOfficeMeasure,
    LoadedMeasure,
    RecordsMeasure,
)
from policeplan.plan.records_measures import RECORDS_KEYS, records_measure
from policeplan.reference.crime_types import CRIME_TYPE_SLUGS

__all__ = ["PlanMeasures", "plan_measures"]


@dataclass(frozen=True)
class PlanMeasures:
    records: tuple[RecordsMeasure, ...] = ()
    home_office: tuple[HomeOfficeMeasure, ...] = ()
    loaded: tuple[LoadedMeasure, ...] = ()


_KEYS = {RECORDS_SOURCE: RECORDS_KEYS, HOME_OFFICE_SOURCE: HOME_OFFICE_KEYS,
         LOADED_SOURCE: LOADED_KEYS}  # fmt: skip
_WHAT = {
    RECORDS_SOURCE: "the force's crime records, `import records`",
    HOME_OFFICE_SOURCE: "offences of the Home Office table, `import home-office`",
    LOADED_SOURCE: "figures loaded with `import measures`",
}
_POLICE_UK = frozenset({"all-crime", *CRIME_TYPE_SLUGS.values()})


def plan_measures(top: Fields, taken: Collection[str]) -> PlanMeasures:
    """The `measures:` mapping of the plan (absent: none); `taken` are the slugs of the
    plan's composite measures, which no measure here may reuse."""
    value = top.data.get("measures")
    if value is None:
        return PlanMeasures()
    names = tuple(value) if isinstance(value, dict) else ()
    section = top.child("measures", optional=names)
    found: dict[str, list[Any]] = {source: [] for source in _KEYS}
    every_key = tuple(dict.fromkeys(key for keys in _KEYS.values() for key in keys))
    for slug in section.data:
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise section.error(
                f"measure names must be slugs (lowercase letters, digits and hyphens, e.g. "
                f"'knife-crime'), got {slug!r}"
            )
        if slug in taken:
            raise section.error(f"{slug!r} is also a composite measure; rename one", slug)
        source = _source(section.child(slug, required=("source",), optional=every_key))
        _check_not_built_in(section, slug, source)
        entry = section.child(slug, required=("source",), optional=_KEYS[source])
        found[source].append(_READERS[source](slug, entry))
    return PlanMeasures(
        tuple(found[RECORDS_SOURCE]), tuple(found[HOME_OFFICE_SOURCE]), tuple(found[LOADED_SOURCE])
    )


_READERS: dict[str, Callable[[str, Fields], Any]] = {
    RECORDS_SOURCE: records_measure,
    HOME_OFFICE_SOURCE: home_office_measure,
    LOADED_SOURCE: loaded_measure,
}


def _source(entry: Fields) -> str:
    source = entry.data.get("source")
    if source not in _KEYS:
        close = difflib.get_close_matches(str(source), list(_KEYS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        choices = "; ".join(f"{name!r} ({what})" for name, what in _WHAT.items())
        raise entry.error(f"'source' must be one of {choices}; got {source!r}{hint}", "source")
    return str(source)


def _check_not_built_in(section: Fields, slug: str, source: str) -> None:
    """A measure counted from crimes may not take a built-in measure's name."""
    if source == LOADED_SOURCE:
        return
    suffix = "records" if source == RECORDS_SOURCE else "plan"
    if slug in _POLICE_UK:
        raise section.error(
            f"{slug!r} is a built-in police.uk measure; give the {source} measure its own "
            f"name (e.g. '{slug}-{suffix}')",
            slug,
        )
    if source == HOME_OFFICE_SOURCE and slug in built_in_offence_slugs():
        raise section.error(
            f"{slug!r} is a built-in Home Office offence group or subgroup measure (use it "
            f"as it is); give the plan's set its own name (e.g. '{slug}-{suffix}')",
            slug,
        )
