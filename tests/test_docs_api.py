"""docs/api.md: the examples of calling the library from Python run and give what they show."""

from __future__ import annotations

import doctest

from policeplan.records import dispose_engines
from tests.conftest import REPO


def test_the_python_api_examples_run() -> None:
    try:
        result = doctest.testfile(
            str(REPO / "docs" / "api.md"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
            raise_on_error=False,
            verbose=False,
        )
    finally:
        dispose_engines()
    assert result.attempted > 10
    assert result.failed == 0
