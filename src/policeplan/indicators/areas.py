"""Areas within a force: the whole force, a district (community safety partnership area)
or a local policing area (LPA: for Essex North, South and West).

Areas are written `district:Basildon` or `lpa:North`; no area means the whole force.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from policeplan.errors import InputError
from policeplan.reference import districts_of


@dataclass(frozen=True)
class Area:
    """`districts` is None for the whole force, else the district names it covers."""

    label: str
    districts: tuple[str, ...] | None

    @property
    def is_force(self) -> bool:
        return self.districts is None


WHOLE_FORCE = Area("force", None)


def parse_area(text: str | None, force: str) -> Area:
    """`None` -> the whole force; `district:NAME` or `lpa:NAME` -> the districts covered."""
    if not text:
        return WHOLE_FORCE
    kind, _, name = text.partition(":")
    districts = districts_of(force)
    if kind == "district":
        names = [d.name for d in districts]
        match = _matching(name, names)
        if match is None:
            raise InputError(f"{force} has no district {name!r}{_hint(name, names)}", field="area")
        return Area(f"district:{match}", (match,))
    if kind == "lpa":
        lpas = sorted({d.lpa for d in districts if d.lpa})
        match = _matching(name, lpas)
        if match is None:
            known = f"; its LPAs are {', '.join(lpas)}" if lpas else " (no LPAs are defined)"
            raise InputError(f"{force} has no local policing area {name!r}{known}", field="area")
        return Area(f"lpa:{match}", tuple(d.name for d in districts if d.lpa == match))
    raise InputError(
        f"area {text!r} is not understood: write district:NAME or lpa:NAME", field="area"
    )


def _matching(name: str, names: list[str]) -> str | None:
    wanted = name.strip().lower()
    return next((n for n in names if n.lower() == wanted), None)


def _hint(name: str, names: list[str]) -> str:
    close = difflib.get_close_matches(name, names, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
