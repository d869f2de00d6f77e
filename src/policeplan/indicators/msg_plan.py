"""The plan's Most Similar Group indicators, each compared from the data that answers it
(`compare_with_group`), or "not held" with the reason.

Which comparison answers an indicator (`msg_choice`):

- a measure loaded with `import measures` for the group's forces (figures from iQuanta:
  confidence, KSI, sickness, or a solved rate loaded under the indicator's own name): the
  loaded figures (`source="measures"`);
- `X-solved-rate` with X a police.uk crime measure: the solved rate of X from police.uk
  outcomes; with X a Home Office offence group (homicide) there is none: police.uk
  outcomes are not split into those groups and the Home Office table holds no outcomes;
- a police.uk crime measure: crimes per 1,000 people (police.uk);
- a Home Office offence group or subgroup (violence with injury, trafficking of drugs,
  homicide): offences per 1,000 people from the Home Office table, over the 12 months to
  the last quarter end at or before the month asked for;
- anything else: a loaded measure (whose absence is the reason it is not held).

A loaded measure whose periods cannot fill the window (a quarterly sickness figure asked
for 12 months) is compared over its latest period instead (`msg_loaded` moves the window
back to the latest data held and says "last data to").

    >>> rows = plan_msg_rows(workspace, plan, "2025-12")  # doctest: +SKIP
    >>> [(r.indicator.title, r.held) for r in rows][:2]  # doctest: +SKIP
    [('Public confidence (CSEW)', False), ('All crime offences per 1,000 population', True)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from policeplan.errors import DataError, InputError, PolicePlanError
from policeplan.indicators.counts import HOME_OFFICE, POLICE_UK
from policeplan.indicators.harm_measure import is_harm_measure
from policeplan.indicators.measures import CrimeMeasure, crime_measure
from policeplan.indicators.msg import group_forces
from policeplan.indicators.msg_compare import RATE, SOLVED_SUFFIX, compare_with_group
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.indicators.msg_measure import home_office_measure
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import SOLVED_RATE, ValueComparison
from policeplan.indicators.queries import MsgQuery
from policeplan.periods import FinancialYear, month_index, shift_month
from policeplan.plan.model import MsgIndicator, Plan
from policeplan.reference import get_force
from policeplan.store import Workspace

__all__ = [
    "MsgChoice",
    "PlanMsgRow",
    "compare_indicator",
    "loaded_for_group",
    "msg_choice",
    "plan_msg_rows",
]

Comparison = MsgComparison | ValueComparison


@dataclass(frozen=True)
class MsgChoice:
    """The comparison answering an indicator: `measure` as `compare_with_group` takes it
    (the crime measure of a solved rate), its source and statistic."""

    measure: str
    source: str
    statistic: str


@dataclass(frozen=True)
class PlanMsgRow:
    """One plan MSG indicator: its comparison, or why none is held (`reason`)."""

    indicator: MsgIndicator
    choice: MsgChoice | None
    result: Comparison | None
    reason: str | None = None

    @property
    def held(self) -> bool:
        return self.result is not None


def plan_msg_rows(
    workspace: Workspace, plan: Plan, to: str, *, months: int = 12
) -> tuple[PlanMsgRow, ...]:
    """Every MSG indicator of the plan compared for the plan's force over the `months` to
    `to`, in the plan's order; an indicator without the data says why."""
    loaded = loaded_for_group(workspace, plan)
    rows = []
    for indicator in plan.msg_indicators:
        try:
            choice = msg_choice(plan, indicator.measure, loaded)
        except PolicePlanError as exc:
            rows.append(PlanMsgRow(indicator, None, None, _reason(exc)))
            continue
        try:
            result = compare_indicator(workspace, plan, choice, to, months=months)
        except PolicePlanError as exc:
            rows.append(PlanMsgRow(indicator, choice, None, _reason(exc)))
            continue
        rows.append(PlanMsgRow(indicator, choice, result))
    return tuple(rows)


def msg_choice(plan: Plan | None, measure: str, loaded: Sequence[str] = ()) -> MsgChoice:
    """Which comparison answers `measure` (the module docstring); `loaded` are the measures
    loaded for the group's forces. Raises InputError saying why when none can."""
    if measure in loaded:
        return MsgChoice(measure, MEASURES, RATE)
    if is_harm_measure(measure):
        raise InputError(
            "a harm score weighs each force's own offence mix: compare it with "
            f"policeplan msg {measure}",
            field="measure",
        )
    base = measure.removesuffix(SOLVED_SUFFIX)
    if base != measure:
        if _crime_measure(base, plan) is not None:
            return MsgChoice(base, POLICE_UK, SOLVED_RATE)
        group = home_office_measure(base, plan)
        if group is not None:
            raise InputError(
                f"no solved rate of {_short(group.title)} is held: police.uk outcomes are not "
                "split into Home Office offence groups, and the Home Office table holds no "
                f"outcomes; load the group's solved rates as the measure {measure!r} "
                "(policeplan import measures)",
                field="measure",
            )
    if _crime_measure(measure, plan) is not None:
        return MsgChoice(measure, POLICE_UK, RATE)
    if home_office_measure(measure, plan) is not None:
        return MsgChoice(measure, HOME_OFFICE, RATE)
    return MsgChoice(measure, MEASURES, RATE)


def compare_indicator(
    workspace: Workspace,
    plan: Plan,
    choice: MsgChoice,
    to: str,
    *,
    months: int = 12,
    history: int = 0,
) -> Comparison:
    """The plan's force compared on `choice` over the `months` to `to` (the Home Office
    table: to the last quarter end at or before `to`; a loaded measure that cannot fill
    the window: over its latest period)."""
    if choice.source == HOME_OFFICE:
        to = shift_month(to, -(int(to[5:]) % 3))
    query = MsgQuery(choice.measure, plan.force, to, months, source=choice.source,
                     statistic=choice.statistic, history=history)  # fmt: skip
    try:
        return compare_with_group(workspace, query, plan=plan)
    except DataError as exc:
        if choice.source == HOME_OFFICE:
            raise DataError(f"{exc}; {_home_office_held(workspace, plan.force)}") from exc
        if choice.source != MEASURES:
            raise
        latest = _latest_period_months(workspace, choice.measure, plan.force)
        if latest is None or latest == months:
            raise
        return compare_with_group(workspace, replace(query, months=latest), plan=plan)


def _crime_measure(measure: str, plan: Plan | None) -> CrimeMeasure | None:
    """The police.uk crime measure named `measure`, None when there is none; a measure
    counted from the force's own records is refused with why."""
    try:
        found = crime_measure(measure, plan)
    except InputError:
        return None
    if found.records is not None:
        raise InputError(
            f"{found.title} is counted from {plan.force if plan else 'the force'}'s own crime "
            "records; other forces' are not held, so it has no Most Similar Group comparison",
            field="measure",
        )
    return found


def _short(title: str) -> str:
    """'Homicide (Home Office offence subgroup)' -> 'homicide'."""
    return title.split(" (", 1)[0].lower()


def loaded_for_group(workspace: Workspace, plan: Plan) -> tuple[str, ...]:
    """The loaded measures held for any of the plan's Most Similar Group forces."""
    forces = [f.slug for f in group_forces(get_force(plan.force), None, plan)]
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT DISTINCT measure FROM measures WHERE area IN (SELECT unnest(?::VARCHAR[]))",
            [forces],
        ).fetchall()
    return tuple(str(r[0]) for r in rows)


def _home_office_held(workspace: Workspace, force: str) -> str:
    """What the Home Office table holds for the force ('it covers 2017-04 to 2018-03')."""
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT DISTINCT financial_year, quarter FROM home_office_crimes WHERE force = ?",
            [force],
        ).fetchall()
    if not rows:
        return f"the workspace holds no Home Office table for {get_force(force).short_name}"
    quarters = sorted(FinancialYear.parse(str(y)).quarter(int(q)) for y, q in rows)
    return (
        f"the Home Office table held covers {quarters[0].first_month} to {quarters[-1].last_month}"
    )


def _latest_period_months(workspace: Workspace, measure: str, force: str) -> int | None:
    """The length in months of the force's latest period held for `measure`."""
    with workspace.connect(read_only=True) as con:
        row = con.execute(
            "SELECT strftime(period_start, '%Y-%m'), strftime(period_end, '%Y-%m') "
            "FROM measures WHERE measure = ? AND area = ? ORDER BY period_end DESC, "
            "period_start DESC LIMIT 1",
            [measure, force],
        ).fetchone()
    if row is None:
        return None
    return month_index(str(row[1])) - month_index(str(row[0])) + 1


def _reason(exc: PolicePlanError) -> str:
    return exc.message if isinstance(exc, InputError) else str(exc)
