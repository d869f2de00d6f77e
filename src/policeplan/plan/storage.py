"""The plan a workspace runs: saved as `<workspace>/plan.yaml`."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import yaml

from policeplan.errors import DataError
from policeplan.plan.model import Plan
from policeplan.plan.parse import load_plan
from policeplan.plan.serialise import plan_to_dict
from policeplan.store import Workspace
from policeplan.user_files import writing_file

PLAN_FILE = "plan.yaml"
EXAMPLE_PLAN = "essex-2021-24.yaml"

_HEADER = (
    "# The plan this workspace runs, written by `policeplan plan load`.\n"
    "# Edit the original plan file and load it again rather than editing this copy.\n"
)


def save_plan(workspace: Workspace, plan: Plan) -> Path:
    """Write the (validated) plan to `<workspace>/plan.yaml`, replacing any earlier plan.

    The file is written beside and then renamed over the old one, so a failed write
    never leaves half a plan.
    """
    target = workspace.path / PLAN_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    text = _HEADER + yaml.safe_dump(
        plan_to_dict(plan), sort_keys=False, allow_unicode=True, width=100
    )
    partial = target.with_suffix(".yaml.partial")
    with writing_file(target):
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    return target


def current_plan(workspace: Workspace) -> Plan:
    """The plan saved in the workspace; DataError when none has been loaded."""
    path = workspace.path / PLAN_FILE
    if not path.is_file():
        raise DataError("no plan loaded: run policeplan plan load FILE")
    return load_plan(path)


def example_plan_path() -> Path:
    """The bundled example plan (Essex, 2021-24), for demos and tests."""
    with as_file(files("policeplan.plan") / "examples" / EXAMPLE_PLAN) as path:
        return Path(path)
