"""Reading one value of a plan file, with a PlanError naming the file and key path."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from datetime import date
from typing import Any

from policeplan.errors import PlanError

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


class Fields:
    """The keys of one mapping in a plan file, at key path `path` in file `source`.

    >>> Fields({"id": "x"}, "priorities[0]", "plan.yaml", required=["id"]).text("id")
    'x'
    """

    def __init__(
        self,
        value: object,
        path: str,
        source: str,
        required: Collection[str] = (),
        optional: Collection[str] = (),
    ) -> None:
        self.path = path
        self.source = source
        if not isinstance(value, dict):
            raise self.error(f"must be a mapping of keys to values, got {_kind(value)}")
        self.data: dict[str, Any] = value
        allowed = [*required, *optional]
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.error(f"unknown key {key!r}{hint}", key)
        for key in required:
            if key not in value:
                raise self.error(f"missing required key {key!r}", key)

    def key_path(self, key: str | int | None = None) -> str:
        if key is None:
            return self.path
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def error(self, message: str, key: str | None = None) -> PlanError:
        return PlanError(message, file=self.source, field=self.key_path(key) or None)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def child(
        self, key: str, required: Collection[str] = (), optional: Collection[str] = ()
    ) -> Fields:
        return Fields(self.data.get(key), self.key_path(key), self.source, required, optional)

    def items(
        self, key: str, required: Collection[str] = (), optional: Collection[str] = ()
    ) -> list[Fields]:
        """Each entry of the list at `key` (absent = empty) as Fields."""
        path = self.key_path(key)
        return [
            Fields(item, f"{path}[{index}]", self.source, required, optional)
            for index, item in enumerate(self.list(key))
        ]

    def list(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be a list, got {_kind(value)}", key)
        return value

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{key!r} must be non-empty text, got {_kind(value)}", key)
        return " ".join(value.split())

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self.has(key) else None

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of non-empty strings."""
        values = self.list(key)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(
                    f"entries of {key!r} must be non-empty text, got {_kind(value)}",
                    f"{key}[{index}]",
                )
        return tuple(" ".join(value.split()) for value in values)

    def slug(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not SLUG.fullmatch(value):
            raise self.error(
                f"{key!r} must be a slug (lowercase letters, digits and hyphens, "
                f"e.g. 'all-crime'), got {value!r}",
                key,
            )
        return value

    def optional_slug(self, key: str) -> str | None:
        return self.slug(key) if self.has(key) else None

    def slugs(self, key: str) -> tuple[str, ...]:
        values = self.list(key)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not SLUG.fullmatch(value):
                raise self.error(
                    f"entries of {key!r} must be slugs (lowercase letters, digits and "
                    f"hyphens), got {value!r}",
                    f"{key}[{index}]",
                )
        return tuple(values)

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.data.get(key)
        if value not in choices:
            allowed = " or ".join(repr(choice) for choice in choices)
            raise self.error(f"{key!r} must be {allowed}, got {value!r}", key)
        assert isinstance(value, str)
        return value

    def month(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not MONTH.fullmatch(value):
            raise self.error(
                f"{key!r} must be a month written YYYY-MM (e.g. 2021-03), got {_kind(value)}",
                key,
            )
        return value

    def positive_int(self, key: str) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(f"{key!r} must be a whole number of 1 or more, got {value!r}", key)
        return value


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
