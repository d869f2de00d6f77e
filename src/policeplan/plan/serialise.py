"""A `Plan` back to plain data, in the layout of the plan file (for YAML and --json)."""

from __future__ import annotations

from typing import Any

from policeplan.plan.model import HOME_OFFICE_SOURCE, LOADED_SOURCE, RECORDS_SOURCE, Plan


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data that `plan_from_dict` reads back to an equal plan.

    >>> from policeplan.plan import example_plan_path, load_plan, plan_from_dict
    >>> plan = load_plan(example_plan_path())
    >>> plan_from_dict(plan_to_dict(plan)) == plan
    True
    """
    change_points = [
        {
            "month": point.month,
            "reason": point.reason,
            **({"measures": list(point.measures)} if point.measures else {}),
        }
        for point in plan.change_points
    ]
    return {
        "id": plan.id,
        "name": plan.name,
        "period": {"from": plan.period.start, "to": plan.period.end},
        "force": plan.force,
        "most_similar_group": list(plan.most_similar_group),
        "baselines": {
            baseline.name: {"to": baseline.to, "months": baseline.months}
            for baseline in plan.baselines
        },
        "composite_measures": [
            {
                "measure": composite.measure,
                "title": composite.title,
                "components": list(composite.components),
            }
            for composite in plan.composite_measures
        ],
        "priorities": [
            {
                "id": priority.id,
                "title": priority.title,
                "objective": priority.objective,
                "commitments": list(priority.commitments),
                "outcomes": list(priority.outcomes),
                "indicators": [
                    {
                        "id": indicator.id,
                        "title": indicator.title,
                        "measure": indicator.measure,
                        "direction": indicator.direction,
                        **({"source": indicator.source} if indicator.source else {}),
                        **({"target": indicator.target} if indicator.target is not None else {}),
                    }
                    for indicator in priority.indicators
                ],
            }
            for priority in plan.priorities
        ],
        "strategy_strands": [
            {
                "name": strand.name,
                "lead": strand.lead,
                "priorities": list(strand.priorities),
                **({"measures": list(strand.measures)} if strand.measures else {}),
            }
            for strand in plan.strategy_strands
        ],
        "msg_indicators": [
            {
                "measure": indicator.measure,
                "title": indicator.title,
                "aspiration": indicator.aspiration,
                "direction": indicator.direction,
            }
            for indicator in plan.msg_indicators
        ],
        **({"change_points": change_points} if change_points else {}),
        **({"measures": measures} if (measures := _measures(plan)) else {}),
    }


def _measures(plan: Plan) -> dict[str, dict[str, Any]]:
    return {**_records_measures(plan), **_home_office_measures(plan), **_loaded_measures(plan)}


def _records_measures(plan: Plan) -> dict[str, dict[str, Any]]:
    return {
        measure.measure: {
            "source": RECORDS_SOURCE,
            "title": measure.title,
            **({"flag": measure.flag} if measure.flag else {}),
            **({"offence_groups": list(measure.offence_groups)} if measure.offence_groups else {}),
            **({"crime_types": list(measure.crime_types)} if measure.crime_types else {}),
        }
        for measure in plan.records_measures
    }


def _home_office_measures(plan: Plan) -> dict[str, dict[str, Any]]:
    return {
        measure.measure: {
            "source": HOME_OFFICE_SOURCE,
            "title": measure.title,
            **({"offence_codes": list(measure.offence_codes)} if measure.offence_codes else {}),
            **({"offence_groups": list(measure.offence_groups)} if measure.offence_groups else {}),
            **(
                {"offence_subgroups": list(measure.offence_subgroups)}
                if measure.offence_subgroups
                else {}
            ),
        }
        for measure in plan.home_office_measures
    }


def _loaded_measures(plan: Plan) -> dict[str, dict[str, Any]]:
    return {
        measure.measure: {
            "source": LOADED_SOURCE,
            "title": measure.title,
            **({"numerator": measure.numerator} if measure.numerator else {}),
            **({"denominator": measure.denominator} if measure.denominator else {}),
        }
        for measure in plan.loaded_measures
    }
