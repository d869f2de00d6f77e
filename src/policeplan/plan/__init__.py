"""The Police and Crime Plan a workspace runs: its definition file, validation and storage.

load_plan(path) -> Plan            read and validate a plan file (YAML)
plan_from_dict(data, source)       validate already-parsed data
plan_to_dict(plan)                 back to plain data (YAML layout, --json)
save_plan(workspace, plan)         store as <workspace>/plan.yaml
current_plan(workspace)            the stored plan, or DataError
"""

from policeplan.plan.model import (
    MSG_AVERAGE,
    UPPER_QUARTILE,
    Baseline,
    ChangePoint,
    CompositeMeasure,
    GoodDirection,
    HomeOfficeMeasure,
    Indicator,
    LoadedMeasure,
    MsgIndicator,
    Plan,
    PlanPeriod,
    Priority,
    RecordsMeasure,
    StrategyStrand,
)
from policeplan.plan.parse import load_plan, plan_from_dict
from policeplan.plan.serialise import plan_to_dict
from policeplan.plan.storage import PLAN_FILE, current_plan, example_plan_path, save_plan

__all__ = [
    "MSG_AVERAGE",
    "PLAN_FILE",
    "UPPER_QUARTILE",
    "Baseline",
    "ChangePoint",
    "CompositeMeasure",
    "GoodDirection",
    "HomeOfficeMeasure",
    "Indicator",
    "LoadedMeasure",
    "MsgIndicator",
    "Plan",
    "PlanPeriod",
    "Priority",
    "RecordsMeasure",
    "StrategyStrand",
    "current_plan",
    "example_plan_path",
    "load_plan",
    "plan_from_dict",
    "plan_to_dict",
    "save_plan",
]
