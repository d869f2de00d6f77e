"""The examples in the statistics and reference docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import policeplan.stats

MODULES = sorted(
    {
        "policeplan.jsonsafe",
        "policeplan.reference.population",
        *(
            f"policeplan.stats.{info.name}"
            for info in pkgutil.iter_modules(policeplan.stats.__path__)
        ),
    }
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
