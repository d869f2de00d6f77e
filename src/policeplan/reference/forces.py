"""The police forces police.uk publishes for: 43 territorial forces of England and Wales,
British Transport Police and the Police Service of Northern Ireland.

Source: police.uk force list (slugs and display names); ONS "Police Force Areas
(December 2019) Names and Codes in the United Kingdom" (PFA codes). OGL v3.0.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from policeplan.errors import InputError
from policeplan.reference._files import read_table


@dataclass(frozen=True)
class Force:
    """One police force. `slug` is police.uk's identifier (`essex`, `thames-valley`)."""

    slug: str
    police_uk_name: str
    short_name: str
    pfa_code: str
    kind: str  # territorial | national | northern-ireland
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.police_uk_name, self.short_name, *self.aliases)


@cache
def all_forces() -> tuple[Force, ...]:
    return tuple(
        Force(
            slug=row["slug"],
            police_uk_name=row["police_uk_name"],
            short_name=row["short_name"],
            pfa_code=row["pfa_code"],
            kind=row["kind"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in read_table("forces.csv")
    )


def territorial_forces() -> tuple[Force, ...]:
    return tuple(f for f in all_forces() if f.kind == "territorial")


@cache
def _by_key() -> dict[str, Force]:
    index: dict[str, Force] = {}
    for force in all_forces():
        index[_key(force.slug)] = force
        for name in force.names:
            index[_key(name)] = force
    return index


def _key(text: str) -> str:
    return " ".join(text.lower().replace("&", "and").replace("-", " ").split())


def force_by_name(name: str) -> Force | None:
    """The force a display name, short name, alias or slug refers to, or None."""
    return _by_key().get(_key(name))


def get_force(slug_or_name: str) -> Force:
    """The force named, or an InputError suggesting the closest slug."""
    force = force_by_name(slug_or_name)
    if force is None:
        slugs = [f.slug for f in all_forces()]
        close = difflib.get_close_matches(slug_or_name.lower(), slugs, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InputError(f"unknown force {slug_or_name!r}{hint}", field="force")
    return force


def force_name_lookup() -> dict[str, str]:
    """Every accepted spelling of every force (as written) -> slug, for SQL joins."""
    lookup: dict[str, str] = {}
    for force in all_forces():
        for name in (force.slug, *force.names):
            lookup[name] = force.slug
    return lookup
