"""The plan file's `measures:` section (measures counted from crime records): parsed,
written back, and every mistake refused naming the key and suggesting the fix."""

from __future__ import annotations

from typing import Any

import pytest

from policeplan.errors import PlanError
from policeplan.plan import (
    RecordsMeasure,
    example_plan_path,
    load_plan,
    plan_from_dict,
    plan_to_dict,
)


def _plan(measures: Any, **extra: Any) -> dict[str, Any]:
    return {**plan_to_dict(load_plan(example_plan_path())), "measures": measures, **extra}


def test_records_measures_are_read_and_written_back() -> None:
    data = _plan(
        {
            "knife-crime": {
                "source": "records",
                "title": "Knife crime",
                "flag": "knife",
                "offence_groups": ["violence", "robbery", "burglary"],
            },
            "da-violence": {"source": "records", "flag": "domestic_abuse",
                            "crime_types": ["violent-crime"]},
        }
    )  # fmt: skip
    plan = plan_from_dict(data, "plan.yaml")
    assert plan.records_measure("knife-crime") == RecordsMeasure(
        "knife-crime", "Knife crime", "knife", ("violence", "robbery", "burglary")
    )
    assert plan.records_measure("da-violence") == RecordsMeasure(
        "da-violence", "da-violence", "domestic_abuse", (), ("Violence and sexual offences",)
    )
    assert plan_from_dict(plan_to_dict(plan)) == plan


@pytest.mark.parametrize(
    ("measures", "message"),
    [
        ({"knife": {"source": "record"}},
         "field 'measures.knife.source': 'source' must be one of 'records' (the force's "
         "crime records, `import records`); 'home-office' (offences of the Home Office "
         "table, `import home-office`); 'measures' (figures loaded with `import measures`); "
         "got 'record'; did you mean 'records'?"),
        ({"knife": {"source": "records", "offence_groups": ["violance"]}},
         "field 'measures.knife.offence_groups[0]': unknown offence group 'violance'; did "
         "you mean 'violence'?"),
        ({"knife": {"source": "records", "flag": "Knife Flag"}},
         "field 'measures.knife.flag': 'flag' must be the name of a flag of the records "
         "mapping file"),
        ({"knife": {"source": "records", "flags": "knife"}},
         "field 'measures.knife.flags': unknown key 'flags'; did you mean 'flag'?"),
        ({"knife": {"source": "records", "crime_types": ["Burglery"]}},
         "unknown crime type 'Burglery'; did you mean 'Burglary'?"),
        ({"burglary": {"source": "records"}},
         "field 'measures.burglary': 'burglary' is a built-in police.uk measure"),
        ({"neighbourhood-crime": {"source": "records"}},
         "'neighbourhood-crime' is also a composite measure"),
        ({"Knife Crime": {"source": "records"}}, "measure names must be slugs"),
        ({"knife": {"flag": "knife"}}, "field 'measures.knife.source': missing required key"),
        (["knife"], "field 'measures': must be a mapping"),
    ],
)  # fmt: skip
def test_a_mistake_in_a_records_measure_names_the_key(measures: Any, message: str) -> None:
    with pytest.raises(PlanError) as raised:
        plan_from_dict(_plan(measures), "plan.yaml")
    assert message in str(raised.value)
