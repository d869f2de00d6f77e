"""A `measures:` entry with `source: home-office`: a set of Home Office offence codes,
offence groups and subgroups, counted from the Home Office recorded-crime table (`import
home-office`) and ranked across the Most Similar Group (`msg MEASURE --source
home-office`).

```yaml
measures:
  homicide-and-attempted-murder:
    source: home-office
    title: Homicide and attempted murder
    offence_codes: ['1/4.1/4.10/4.2', '2']
  serious-violence:
    source: home-office
    offence_subgroups: [Homicide, violence-with-injury]
```

Groups and subgroups are written as the Home Office names them or as their slugs; codes as
the bundled offence-code table writes them. Codes published only together (homicide's
1, 4.1, 4.10 and 4.2) are listed as their combined code or all of their parts. Every
mistake is a PlanError naming the key and suggesting the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from policeplan.plan._fields import Fields
from policeplan.plan.model import HomeOfficeMeasure
from policeplan.reference.offence_catalogue import (
    code_parts,
    home_office_offences,
    name_slug,
    offence_groups,
)
from policeplan.reference.offences import code_key

__all__ = ["HOME_OFFICE_KEYS", "built_in_offence_slugs", "home_office_measure"]

HOME_OFFICE_KEYS = ("title", "offence_codes", "offence_groups", "offence_subgroups")
_GROUPS, _SUBGROUPS = "offence_groups", "offence_subgroups"


def home_office_measure(slug: str, entry: Fields) -> HomeOfficeMeasure:
    """The Home Office measure `slug` of the entry (its keys checked by the caller)."""
    if not any(entry.has(key) for key in HOME_OFFICE_KEYS[1:]):
        raise entry.error(
            "a home-office measure counts offences: give offence_codes, offence_groups or "
            "offence_subgroups"
        )
    measure = HomeOfficeMeasure(
        measure=slug,
        title=entry.optional_text("title") or slug,
        offence_codes=_codes(entry),
        offence_groups=_names(entry, _GROUPS),
        offence_subgroups=_names(entry, _SUBGROUPS),
    )
    if not (measure.offence_codes or measure.offence_groups or measure.offence_subgroups):
        raise entry.error("the measure lists no offence code, group or subgroup")
    return measure


def built_in_offence_slugs() -> frozenset[str]:
    """The slugs of the built-in measures of each Home Office offence group and subgroup."""
    return frozenset(name_slug(name) for name in [*offence_groups(), *_subgroup_names()])


def _names(entry: Fields, key: str) -> tuple[str, ...]:
    """Group (or subgroup) names, each written as its name (any case) or its slug."""
    groups, subgroups = list(offence_groups()), _subgroup_names()
    names, others, other_key = (
        (groups, subgroups, _SUBGROUPS) if key == _GROUPS else (subgroups, groups, _GROUPS)
    )
    kind, other_kind = _kind(key), _kind(other_key)
    by_slug = {name_slug(name): name for name in names}
    found: list[str] = []
    for index, value in enumerate(entry.list(key)):
        if not isinstance(value, str) or not value.strip():
            raise entry.error(
                f"entries of {key!r} must be Home Office offence {kind} names, got {value!r}",
                f"{key}[{index}]",
            )
        name = by_slug.get(name_slug(value))
        if name is None:
            if name_slug(value) in {name_slug(other) for other in others}:
                hint = f"that is an offence {other_kind}: list it under {other_key}"
            else:
                hint = _suggestion([*names, *by_slug], value, f"choose from {', '.join(names)}")
            raise entry.error(
                f"unknown Home Office offence {kind} {value!r}; {hint}", f"{key}[{index}]"
            )
        if name not in found:
            found.append(name)
    return tuple(found)


def _kind(key: str) -> str:
    """'offence_subgroups' -> 'subgroup'"""
    return key.removeprefix("offence_").removesuffix("s")


def _subgroup_names() -> list[str]:
    return [subgroup for subs in offence_groups().values() for subgroup in subs]


def _codes(entry: Fields) -> tuple[str, ...]:
    """Offence codes as the bundled table writes them, each once; a combined code's parts
    must all be listed, since the table counts them together."""
    offences = home_office_offences()
    whole = {code_key(o.code): o for o in offences}
    parts = {code_key(part): o for o in offences for part in code_parts(o.code)}
    found: list[str] = []
    listed_whole: set[str] = set()
    listed_parts: dict[str, list[tuple[int, str]]] = {}  # combined code -> (index, part)
    for index, value in enumerate(entry.list("offence_codes")):
        text = _code_text(entry, index, value)
        offence = whole.get(code_key(text)) or parts.get(code_key(text))
        if offence is None:
            raise entry.error(
                f"unknown Home Office offence code {text!r}; {_code_hint(text)}",
                f"offence_codes[{index}]",
            )
        if code_key(text) in whole:
            listed_whole.add(offence.code)
        else:
            listed_parts.setdefault(offence.code, []).append((index, text))
        if offence.code not in found:
            found.append(offence.code)
    for combined, listed in listed_parts.items():
        every_part = {code_key(p) for p in code_parts(combined)}
        if combined not in listed_whole and not every_part <= {code_key(t) for _, t in listed}:
            index, text = listed[0]
            description = whole[code_key(combined)].description
            raise entry.error(
                f"offence code {text!r} is published only together with the other codes of "
                f"{combined!r} ({description}): list {combined!r}, or all of "
                f"{', '.join(code_parts(combined))}",
                f"offence_codes[{index}]",
            )
    return tuple(found)


def _code_text(entry: Fields, index: int, value: object) -> str:
    if isinstance(value, float):
        raise entry.error(
            f"write the offence code {value!r} in quotes ('{value}'): unquoted, YAML reads "
            "a code such as 4.10 as the number 4.1",
            f"offence_codes[{index}]",
        )
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise entry.error(
            f"entries of 'offence_codes' must be offence codes such as '8N', got {value!r}",
            f"offence_codes[{index}]",
        )
    return str(value).strip()


def _code_hint(text: str) -> str:
    """A close code, else the codes of the same number ('8X': 8L, 8M, 8N…)."""
    known = [
        code
        for o in home_office_offences()
        for code in dict.fromkeys([o.code, *code_parts(o.code)])
    ]
    number = _NUMBER.match(text)
    same = [c for c in known if number and (m := _NUMBER.match(c)) and m[0] == number[0]]
    otherwise = (
        f"the bundled offence-code table has {', '.join(sorted(same))}"
        if same
        else "it is not in the bundled offence-code table"
    )
    return _suggestion(known, text.upper(), otherwise)


_NUMBER = re.compile(r"\d+")


def _suggestion(known: Iterable[str], value: str, otherwise: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"did you mean {close[0]!r}?" if close else otherwise
