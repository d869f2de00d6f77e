"""Which measures exist and what each counts.

Crime measures use police.uk category slugs (`burglary`, `violent-crime`…); `all-crime` is
every crime type except anti-social behaviour, which is an incident count, not a crime.
A plan may add composite measures (sums of crime measures) and measures counted from the
force's own crime records (`measures:` with `source: records`). Measures loaded with
`import measures` are values, not crime records, and are read by `loaded_measures.py`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from policeplan.errors import InputError
from policeplan.plan.model import Plan, RecordsMeasure
from policeplan.reference.crime_types import ANTI_SOCIAL_BEHAVIOUR, CRIME_TYPE_SLUGS, CRIME_TYPES

ALL_CRIME = "all-crime"


@dataclass(frozen=True)
class CrimeMeasure:
    """A count of police.uk street-level records of the given crime types, or, with
    `records`, of the force's own crime records that filter selects (`records_counts.py`)."""

    slug: str
    title: str
    crime_types: tuple[str, ...]
    records: RecordsMeasure | None = None

    @property
    def counts_crimes(self) -> bool:
        """False for anti-social behaviour: incidents have no outcome, so no solved rate."""
        return ANTI_SOCIAL_BEHAVIOUR not in self.crime_types


def _builtin_measures() -> dict[str, CrimeMeasure]:
    measures = {
        ALL_CRIME: CrimeMeasure(
            ALL_CRIME,
            "All crime (excluding anti-social behaviour)",
            tuple(c for c in CRIME_TYPES if c != ANTI_SOCIAL_BEHAVIOUR),
        )
    }
    for crime_type, slug in CRIME_TYPE_SLUGS.items():
        measures[slug] = CrimeMeasure(slug, crime_type, (crime_type,))
    return measures


CRIME_MEASURES: dict[str, CrimeMeasure] = _builtin_measures()


def crime_measure(slug: str, plan: Plan | None = None) -> CrimeMeasure:
    """The crime measure named `slug`: built in, or a composite of the plan's."""
    if slug in CRIME_MEASURES:
        return CRIME_MEASURES[slug]
    from_records = plan.records_measure(slug) if plan is not None else None
    if from_records is not None:
        return CrimeMeasure(slug, from_records.title, from_records.crime_types, from_records)
    composite = plan.composite(slug) if plan is not None else None
    if composite is not None:
        types: list[str] = []
        for component in composite.components:
            if component not in CRIME_MEASURES:
                raise InputError(
                    f"composite measure {slug!r} includes {component!r}, which is not a "
                    "crime measure; only crime measures can be added up from records",
                    field="measure",
                )
            types += [t for t in CRIME_MEASURES[component].crime_types if t not in types]
        return CrimeMeasure(slug, composite.title, tuple(types))
    known = [*CRIME_MEASURES]
    if plan is not None:
        known += [c.measure for c in plan.composite_measures]
        known += [m.measure for m in plan.records_measures]
    close = difflib.get_close_matches(slug, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    raise InputError(f"unknown crime measure {slug!r}{hint}", field="measure")
