"""Reading one mapping-file section, with a MappingError naming the key path and the fix."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from typing import Any

from policeplan.errors import InputError


class MappingError(InputError):
    """A crime-records mapping file is invalid; `field` names the key path
    (`columns.recorded.format`), the message says what to write instead."""


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """`"; did you mean 'columns'?"` when a choice is close to `word`, else `""`.

    >>> did_you_mean("colums", ["force", "columns", "flags"])
    "; did you mean 'columns'?"
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:  # a shortened name: 'charged' for 'charged_summonsed'
        close = [c for c in choices if c.lower().startswith(word.lower())][:1]
    return f"; did you mean {close[0]!r}?" if close and word else ""


def kind_of(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


class Section:
    """The keys of one mapping in the file, at key path `path`.

    >>> Section({"force": "essex"}, "", "m.yaml", required=["force"]).text("force")
    'essex'
    >>> try:
    ...     Section({"forse": "essex"}, "", "m.yaml", required=["force"])
    ... except MappingError as exc:
    ...     print(exc)
    m.yaml, field 'forse': unknown key 'forse'; did you mean 'force'?
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
            raise self.error(f"must be a mapping of keys to values, got {kind_of(value)}")
        self.data: dict[str, Any] = value
        allowed = [*required, *optional]
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                if not hint:
                    hint = f"; expected one of {', '.join(allowed)}"
                raise self.error(f"unknown key {key!r}{hint}", str(key))
        for key in required:
            if value.get(key) is None:
                raise self.error(f"missing required key {key!r}", key)

    def key_path(self, key: str | None = None) -> str:
        if key is None:
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def error(self, message: str, key: str | None = None) -> MappingError:
        return MappingError(message, file=self.source, field=self.key_path(key) or None)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def child(
        self, key: str, required: Collection[str] = (), optional: Collection[str] = ()
    ) -> Section:
        return Section(self.data.get(key), self.key_path(key), self.source, required, optional)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(f"{key!r} must be text, got {kind_of(value)}", key)
        text = str(value).strip()
        if not text:
            raise self.error(f"{key!r} must not be empty", key)
        return text

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self.has(key) else None

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts; a single text is a list of one."""
        value = self.data.get(key)
        items = value if isinstance(value, list) else [value]
        if not items or any(isinstance(v, bool) or not isinstance(v, str | int) for v in items):
            got = kind_of(value)
            raise self.error(f"{key!r} must be a text or a list of texts, got {got}", key)
        return tuple(str(v).strip() for v in items)

    def choice(self, key: str, choices: Collection[str], default: str) -> str:
        if not self.has(key):
            return default
        value = self.text(key)
        if value not in choices:
            hint = did_you_mean(value, choices) or f"; choose from {', '.join(choices)}"
            raise self.error(f"{key!r} is {value!r}{hint}", key)
        return value
