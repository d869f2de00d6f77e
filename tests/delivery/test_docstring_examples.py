"""The examples in the delivery and records docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

from policeplan.records import dispose_engines

MODULES = [
    "policeplan.delivery",
    "policeplan.delivery.actions",
    "policeplan.delivery.audit",
    "policeplan.delivery.example",
    "policeplan.delivery.exporting",
    "policeplan.delivery.importing",
    "policeplan.delivery.quarters",
    "policeplan.delivery.risks",
    "policeplan.delivery.statuses",
    "policeplan.delivery.strands",
    "policeplan.delivery.summary",
    "policeplan.delivery.updates",
    "policeplan.records",
    "policeplan.records.engine",
    "policeplan.records.session",
    "policeplan.records.types",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    dispose_engines()
    assert result.failed == 0
