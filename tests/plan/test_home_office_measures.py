"""The plan's `measures:` entries with `source: home-office` (sets of Home Office offence
codes, groups and subgroups) and `source: measures` (names of a loaded measure's numerator
and denominator): parsed, written back, and every mistake refused naming the key."""

from __future__ import annotations

from typing import Any

import pytest

from policeplan.errors import PlanError
from policeplan.plan import (
    HomeOfficeMeasure,
    LoadedMeasure,
    example_plan_path,
    load_plan,
    plan_from_dict,
    plan_to_dict,
)


def _plan(measures: Any) -> dict[str, Any]:
    return {**plan_to_dict(load_plan(example_plan_path())), "measures": measures}


def test_home_office_measures_are_read_by_name_or_slug_and_written_back() -> None:
    data = _plan(
        {
            "serious-violence": {
                "source": "home-office",
                "title": "Serious violence",
                # Homicide's codes are published together: all four parts name the one code.
                "offence_codes": [1, "4.1", "4.10", "4.2", "2", "05d", "2"],
                "offence_subgroups": ["violence-with-injury", "Trafficking of drugs"],
                "offence_groups": ["ROBBERY"],
            },
            "hours-lost": {"source": "measures", "numerator": "hours lost to sickness"},
        }
    )
    plan = plan_from_dict(data, "plan.yaml")

    assert plan.home_office_measure("serious-violence") == HomeOfficeMeasure(
        "serious-violence",
        "Serious violence",
        offence_codes=("1/4.1/4.10/4.2", "2", "5D"),
        offence_groups=("Robbery",),
        offence_subgroups=("Violence with injury", "Trafficking of drugs"),
    )
    assert plan.loaded_measure("hours-lost") == LoadedMeasure(
        "hours-lost", "hours-lost", "hours lost to sickness", None
    )
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_the_example_plan_names_the_sickness_measures_numerators() -> None:
    plan = load_plan(example_plan_path())
    for staff in ("police-officers", "police-staff"):
        names = plan.loaded_measure(f"sickness-{staff}")
        assert names is not None
        assert names.numerator == "hours lost to sickness"
        assert names.denominator == "contracted hours"


@pytest.mark.parametrize(
    ("measure", "message"),
    [
        ({"offence_codes": ["8X"]},
         "field 'measures.m.offence_codes[0]': unknown Home Office offence code '8X'; the "
         "bundled offence-code table has 8L, 8M, 8N, 8P, 8Q, 8R, 8S"),
        ({"offence_codes": ["92Z"]}, "unknown Home Office offence code '92Z'; did you mean"),
        ({"offence_codes": ["8N", "4.1"]},
         "field 'measures.m.offence_codes[1]': offence code '4.1' is published only together "
         "with the other codes of '1/4.1/4.10/4.2' (Homicide): list '1/4.1/4.10/4.2', or all "
         "of 1, 4.1, 4.10, 4.2"),
        ({"offence_codes": [4.1]},
         "field 'measures.m.offence_codes[0]': write the offence code 4.1 in quotes ('4.1')"),
        ({"offence_codes": [None]}, "field 'measures.m.offence_codes[0]': entries of"),
        ({"offence_groups": ["Violence against the persons"]},
         "field 'measures.m.offence_groups[0]': unknown Home Office offence group 'Violence "
         "against the persons'; did you mean 'Violence against the person'?"),
        ({"offence_groups": ["Homicide"]},
         "field 'measures.m.offence_groups[0]': unknown Home Office offence group 'Homicide'; "
         "that is an offence subgroup: list it under offence_subgroups"),
        ({"offence_subgroups": ["trafficking-drugs"]},
         "unknown Home Office offence subgroup 'trafficking-drugs'; did you mean "
         "'trafficking-of-drugs'?"),
        ({"offence_subgroup": ["Homicide"]},
         "field 'measures.m.offence_subgroup': unknown key 'offence_subgroup'; did you mean "
         "'offence_subgroups'?"),
        ({"title": "No offences"},
         "field 'measures.m': a home-office measure counts offences: give offence_codes"),
        ({"offence_codes": []}, "the measure lists no offence code, group or subgroup"),
        ({"flag": "knife"}, "field 'measures.m.flag': unknown key 'flag'"),
    ],
)  # fmt: skip
def test_a_mistake_in_a_home_office_measure_names_the_plan_file_and_field(
    measure: dict[str, Any], message: str
) -> None:
    with pytest.raises(PlanError) as raised:
        plan_from_dict(_plan({"m": {"source": "home-office", **measure}}), "plan.yaml")
    assert str(raised.value).startswith("plan.yaml, field 'measures.m")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("measures", "message"),
    [
        ({"homicide": {"source": "home-office", "offence_codes": ["2"]}},
         "field 'measures.homicide': 'homicide' is a built-in Home Office offence group or "
         "subgroup measure (use it as it is); give the plan's set its own name (e.g. "
         "'homicide-plan')"),
        ({"robbery": {"source": "home-office", "offence_codes": ["34B"]}},
         "'robbery' is a built-in police.uk measure"),
        ({"sickness": {"source": "measures", "numerator": ""}},
         "field 'measures.sickness.numerator': 'numerator' must be non-empty text"),
        ({"sickness": {"source": "measures", "numerators": "hours"}},
         "unknown key 'numerators'; did you mean 'numerator'?"),
        ({"sickness": {"source": "measure"}}, "got 'measure'; did you mean 'measures'?"),
    ],
)  # fmt: skip
def test_a_mistake_in_a_measure_names_the_key(measures: Any, message: str) -> None:
    with pytest.raises(PlanError) as raised:
        plan_from_dict(_plan(measures), "plan.yaml")
    assert message in str(raised.value)
