"""JSON that every reader accepts: no NaN or infinity ever reaches the output.

Python's `json` writes `NaN` and `Infinity` by default, which is not JSON (browsers,
`jq` and most libraries refuse it). `json_safe` turns every non-finite number into None
(`null`) and numpy scalars into plain numbers; `dumps` does that and then encodes with
`allow_nan=False`, so a non-finite number that slipped past (through `default`) raises
instead of writing invalid JSON.

>>> dumps({"phi": float("nan"), "ratio": 1.5}, indent=None)
'{"phi": null, "ratio": 1.5}'
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, SupportsFloat


def finite_or_none(value: SupportsFloat | Decimal | None) -> float | Decimal | None:
    """The number itself when finite, else None (NaN, infinities, None).

    >>> finite_or_none(2.5), finite_or_none(float("inf"))
    (2.5, None)
    """
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    number = float(value)
    if not math.isfinite(number):
        return None
    return value if isinstance(value, float) else number


def json_safe(data: Any) -> Any:
    """`data` with every non-finite number replaced by None, tuples as lists, numpy
    scalars and arrays as plain Python values; other objects are left to the encoder.

    >>> json_safe({"a": [1.0, float("-inf")], "b": (float("nan"),)})
    {'a': [1.0, None], 'b': [None]}
    """
    if isinstance(data, bool) or data is None or isinstance(data, str | int):
        return data
    if type(data).__module__ == "numpy":  # arrays and scalars, without importing numpy
        return json_safe(data.tolist())
    if isinstance(data, float | Decimal):
        return finite_or_none(data)
    if isinstance(data, Mapping):
        return {key: json_safe(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [json_safe(value) for value in data]
    return data


def dumps(data: Any, *, indent: int | None = 2, default: Callable[[Any], Any] = str) -> str:
    """Encode `data` as strict JSON (NaN and infinity as null; anything else unknown to
    `json` through `default`, `str` unless given). Raises ValueError if a non-finite
    number still reaches the encoder."""
    return json.dumps(json_safe(data), indent=indent, allow_nan=False, default=default)
