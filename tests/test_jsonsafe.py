"""No NaN or infinity ever reaches JSON output (issue #8 item 6)."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import numpy as np
import pytest

from policeplan.jsonsafe import dumps, finite_or_none, json_safe


def test_finite_numbers_pass_and_the_rest_become_none() -> None:
    assert finite_or_none(1.5) == 1.5
    assert finite_or_none(0) == 0
    assert finite_or_none(None) is None
    assert finite_or_none(math.nan) is None
    assert finite_or_none(-math.inf) is None
    assert finite_or_none(Decimal("NaN")) is None
    assert finite_or_none(np.float32("inf")) is None


def test_json_safe_walks_nested_containers() -> None:
    data = {"phi": math.nan, "rows": [(1, math.inf), {"x": np.float64(2.5)}], "ok": True}

    assert json_safe(data) == {"phi": None, "rows": [[1, None], {"x": 2.5}], "ok": True}


def test_dumps_writes_null_for_nan_and_is_valid_strict_json() -> None:
    text = dumps({"phi": float("nan"), "pct": Decimal("2.5"), "n": np.int64(3)})

    assert json.loads(text, parse_constant=_reject) == {"phi": None, "pct": "2.5", "n": 3}
    assert "NaN" not in text


def test_dumps_refuses_a_nan_hidden_from_the_walk() -> None:
    class Opaque:
        pass

    # An object json cannot encode goes through `default`; one that returns a NaN is refused.
    with pytest.raises(ValueError):
        dumps({"x": Opaque()}, default=lambda _: math.nan)


def _reject(constant: str) -> None:
    raise AssertionError(f"invalid JSON constant {constant}")
