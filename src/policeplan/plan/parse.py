"""Reading and validating a plan file (YAML) into a `Plan`.

Every problem is a PlanError naming the file and the key path, e.g.
`plan.yaml, field 'priorities[2].indicators[0].direction': 'direction' must be 'up' or
'down', got 'sideways'`. List positions count from 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from policeplan.errors import InputError, PlanError
from policeplan.plan._fields import Fields
from policeplan.plan.measures_section import plan_measures
from policeplan.plan.model import (
    MSG_AVERAGE,
    RANK_PREFIX,
    UPPER_QUARTILE,
    Baseline,
    ChangePoint,
    CompositeMeasure,
    GoodDirection,
    Indicator,
    MsgIndicator,
    Plan,
    PlanPeriod,
    Priority,
    StrategyStrand,
)
from policeplan.reference import get_force
from policeplan.user_files import os_error_reason

DIRECTIONS: tuple[GoodDirection, ...] = ("up", "down")
TOP_LEVEL_REQUIRED = ("id", "name", "period", "force", "most_similar_group", "priorities")
TOP_LEVEL_OPTIONAL = (
    "baselines",
    "strategy_strands",
    "msg_indicators",
    "composite_measures",
    "change_points",
    "measures",
)


def load_plan(path: str | Path) -> Plan:
    """Read and validate the plan file at `path`.

    >>> from policeplan.plan import example_plan_path
    >>> len(load_plan(example_plan_path()).priorities)
    12
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = os_error_reason(exc, path)
        raise PlanError(f"cannot read the plan file: {reason}", file=path) from exc
    except UnicodeDecodeError as exc:
        raise PlanError("not a YAML text file (not UTF-8)", file=path) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise PlanError(f"not valid YAML: {problem}", file=path, line=line) from exc
    return plan_from_dict(data, source=path.name)


def plan_from_dict(data: Mapping[str, Any] | Any, source: str = "plan") -> Plan:
    """Validate plan data (as parsed from YAML) into a `Plan`; `source` names it in errors.

    >>> plan_from_dict({"id": "p"}, "plan.yaml")
    Traceback (most recent call last):
    ...
    policeplan.errors.PlanError: plan.yaml, field 'name': missing required key 'name'
    """
    top = Fields(data, "", source, TOP_LEVEL_REQUIRED, TOP_LEVEL_OPTIONAL)
    force = _force_slug(top, "force")
    msg = _most_similar_group(top, force)
    priorities = _priorities(top)
    priority_ids = {priority.id for priority in priorities}
    composites = _composites(top)
    measures = plan_measures(top, {c.measure for c in composites})
    return Plan(
        id=top.slug("id"),
        name=top.text("name"),
        period=_period(top),
        force=force,
        most_similar_group=msg,
        priorities=priorities,
        strategy_strands=_strands(top, priority_ids),
        baselines=_baselines(top),
        msg_indicators=_msg_indicators(top, len(msg)),
        composite_measures=composites,
        change_points=_change_points(top),
        records_measures=measures.records,
        home_office_measures=measures.home_office,
        loaded_measures=measures.loaded,
    )


def _period(top: Fields) -> PlanPeriod:
    period = top.child("period", required=("from", "to"))
    start, end = period.month("from"), period.month("to")
    if end < start:
        raise period.error(f"'to' ({end}) is before 'from' ({start})", "to")
    return PlanPeriod(start=start, end=end)


def _force_slug(fields: Fields, key: str) -> str:
    value = fields.data.get(key)
    if not isinstance(value, str):
        raise fields.error(f"{key!r} must be a police.uk force slug such as 'essex'", key)
    try:
        return get_force(value).slug
    except InputError as exc:
        raise fields.error(exc.message, key) from exc


def _most_similar_group(top: Fields, force: str) -> tuple[str, ...]:
    members = top.list("most_similar_group")
    slugs: list[str] = []
    for index, value in enumerate(members):
        if not isinstance(value, str):
            raise top.error(
                f"entries must be police.uk force slugs, got {value!r}",
                f"most_similar_group[{index}]",
            )
        try:
            slug = get_force(value).slug
        except InputError as exc:
            raise top.error(exc.message, f"most_similar_group[{index}]") from exc
        if slug in slugs:
            raise top.error(f"{slug!r} is listed twice", f"most_similar_group[{index}]")
        slugs.append(slug)
    if force not in slugs:
        raise top.error(
            f"the Most Similar Group must include the plan's force {force!r}",
            "most_similar_group",
        )
    return tuple(slugs)


def _priorities(top: Fields) -> tuple[Priority, ...]:
    entries = top.items(
        "priorities",
        required=("id", "title", "objective", "commitments", "outcomes"),
        optional=("indicators",),
    )
    if not entries:
        raise top.error("a plan needs at least one priority", "priorities")
    priorities: list[Priority] = []
    seen: dict[str, str] = {}
    for entry in entries:
        priority_id = entry.slug("id")
        if priority_id in seen:
            raise entry.error(
                f"duplicate priority id {priority_id!r} (also {seen[priority_id]})", "id"
            )
        seen[priority_id] = entry.path
        priorities.append(
            Priority(
                id=priority_id,
                title=entry.text("title"),
                objective=entry.text("objective"),
                commitments=entry.texts("commitments"),
                outcomes=entry.texts("outcomes"),
                indicators=_indicators(entry),
            )
        )
    return tuple(priorities)


def _indicators(priority: Fields) -> tuple[Indicator, ...]:
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for entry in priority.items(
        "indicators",
        required=("id", "title", "direction"),
        optional=("measure", "source", "target"),
    ):
        indicator_id = entry.slug("id")
        if indicator_id in seen:
            raise entry.error(f"duplicate indicator id {indicator_id!r} in this priority", "id")
        seen.add(indicator_id)
        indicators.append(
            Indicator(
                id=indicator_id,
                title=entry.text("title"),
                measure=entry.optional_slug("measure"),
                direction=_direction(entry),
                source=entry.optional_text("source"),
                target=_target(entry),
            )
        )
    return tuple(indicators)


def _target(entry: Fields) -> float | None:
    value = entry.data.get("target")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise entry.error(f"'target' must be a number, got {value!r}", "target")
    return float(value)


def _change_points(top: Fields) -> tuple[ChangePoint, ...]:
    """`change_points: [{month: 2020-04, reason: ..., measures: [...]}]` (measures optional)."""
    result: list[ChangePoint] = []
    for entry in top.items("change_points", required=("month", "reason"), optional=("measures",)):
        measures = entry.slugs("measures") if entry.has("measures") else ()
        result.append(ChangePoint(entry.month("month"), entry.text("reason"), measures))
    return tuple(result)


def _direction(entry: Fields) -> GoodDirection:
    return "up" if entry.choice("direction", DIRECTIONS) == "up" else "down"


def _strands(top: Fields, priority_ids: set[str]) -> tuple[StrategyStrand, ...]:
    strands: list[StrategyStrand] = []
    for entry in top.items(
        "strategy_strands", required=("name", "lead", "priorities"), optional=("measures",)
    ):
        linked = entry.slugs("priorities")
        for index, priority_id in enumerate(linked):
            if priority_id not in priority_ids:
                raise entry.error(f"no priority has id {priority_id!r}", f"priorities[{index}]")
        measures = entry.slugs("measures")
        strands.append(StrategyStrand(entry.text("name"), entry.text("lead"), linked, measures))
    return tuple(strands)


def _baselines(top: Fields) -> tuple[Baseline, ...]:
    value = top.data.get("baselines")
    if value is None:
        return ()
    baselines = top.child("baselines", optional=tuple(value) if isinstance(value, dict) else ())
    result: list[Baseline] = []
    for name in baselines.data:
        if not isinstance(name, str) or not name.strip():
            raise baselines.error(f"baseline names must be text, got {name!r}")
        window = baselines.child(name, required=("to", "months"))
        result.append(
            Baseline(name=name, to=window.month("to"), months=window.positive_int("months"))
        )
    return tuple(result)


def _msg_indicators(top: Fields, group_size: int) -> tuple[MsgIndicator, ...]:
    result: list[MsgIndicator] = []
    for entry in top.items(
        "msg_indicators", required=("measure", "title", "direction"), optional=("aspiration",)
    ):
        result.append(
            MsgIndicator(
                measure=entry.slug("measure"),
                title=entry.text("title"),
                aspiration=_aspiration(entry, group_size),
                direction=_direction(entry),
            )
        )
    return tuple(result)


def _aspiration(entry: Fields, group_size: int) -> str | None:
    value = entry.data.get("aspiration")
    if value is None or value in (MSG_AVERAGE, UPPER_QUARTILE):
        return value
    if isinstance(value, str) and value.startswith(RANK_PREFIX):
        rank = value.removeprefix(RANK_PREFIX)
        if rank.isdigit() and 1 <= int(rank) <= group_size:
            return f"{RANK_PREFIX}{int(rank)}"
        raise entry.error(
            f"'aspiration' {value!r}: the rank must be a whole number from 1 (best) to "
            f"{group_size}, the number of forces in the Most Similar Group",
            "aspiration",
        )
    raise entry.error(
        f"'aspiration' must be 'msg-average', 'upper-quartile', 'rank:N' (Nth in the MSG) "
        f"or null, got {value!r}",
        "aspiration",
    )


def _composites(top: Fields) -> tuple[CompositeMeasure, ...]:
    entries = top.items(
        "composite_measures", required=("measure", "components"), optional=("title",)
    )
    slugs = [entry.slug("measure") for entry in entries]
    result: list[CompositeMeasure] = []
    for entry, slug in zip(entries, slugs, strict=True):
        if slugs.count(slug) > 1:
            raise entry.error(f"composite measure {slug!r} is defined twice", "measure")
        components = entry.slugs("components")
        if not components:
            raise entry.error("a composite measure needs at least one component", "components")
        for index, component in enumerate(components):
            if component in slugs:
                raise entry.error(
                    f"{component!r} is itself a composite measure; list its components instead",
                    f"components[{index}]",
                )
        title = entry.optional_text("title") or slug
        result.append(CompositeMeasure(measure=slug, title=title, components=components))
    return tuple(result)
