from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.errors import DataError
from policeplan.plan import PLAN_FILE, current_plan, example_plan_path, load_plan, save_plan
from policeplan.store import Workspace


def test_saved_plan_is_the_current_plan(tmp_path: Path) -> None:
    plan = load_plan(example_plan_path())

    written = save_plan(Workspace(load_settings(tmp_path, {})), plan)

    assert written == tmp_path / PLAN_FILE
    assert current_plan(Workspace(load_settings(tmp_path, {}))) == plan


def test_saving_replaces_the_earlier_plan(tmp_path: Path) -> None:
    plan = load_plan(example_plan_path())
    save_plan(Workspace(load_settings(tmp_path, {})), plan)
    smaller = type(plan)(
        id="smaller",
        name="Smaller",
        period=plan.period,
        force=plan.force,
        most_similar_group=plan.most_similar_group,
        priorities=plan.priorities[:1],
    )

    save_plan(Workspace(load_settings(tmp_path, {})), smaller)

    assert current_plan(Workspace(load_settings(tmp_path, {}))) == smaller
    assert not list(tmp_path.glob("*.partial"))


def test_workspace_without_a_plan_says_how_to_load_one(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no plan loaded: run policeplan plan load FILE"):
        current_plan(Workspace(load_settings(tmp_path, {})))
