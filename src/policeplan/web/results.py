"""The pages' computed results, cached per (data copy, query): shared by the views and by
the warmer that fills the cache for a new data copy before it is swapped in, so readers
never wait for a cold computation after an import.

Delivery counts change with the records store, not the data copy: the plan page's key also
holds the newest audit entry's id.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from policeplan.config import Settings
from policeplan.errors import PolicePlanError
from policeplan.indicators import CRIME_MEASURES
from policeplan.indicators.msg_compare import STATISTICS
from policeplan.plan.model import Plan
from policeplan.plan.storage import current_plan
from policeplan.records import AuditEntry, transaction
from policeplan.store import Workspace
from policeplan.web.cache import ResultCache
from policeplan.web.indicator_page import IndicatorPage, build_indicator_page
from policeplan.web.msg_detail import MsgDetail, build_msg_detail
from policeplan.web.msg_page import MsgPage, build_msg_page
from policeplan.web.plan_page import PlanPage, build_plan_page, latest_month
from policeplan.web.snapshot import SnapshotState

__all__ = [
    "indicator_result",
    "msg_detail_result",
    "msg_result",
    "plan_result",
    "records_version",
    "warm",
]


def records_version(settings: Settings) -> int:
    """The newest audit entry's id: delivery counts change only when it does (sign-ins and
    user changes, entity "user", do not change them)."""
    with transaction(settings) as session:
        newest = select(func.max(AuditEntry.id)).where(AuditEntry.entity != "user")
        return int(session.scalar(newest) or 0)


def the_plan(cache: ResultCache, snapshot: SnapshotState) -> Plan:
    return cache.get_or_compute(
        (snapshot.version, "plan"), lambda: current_plan(snapshot.workspace)
    )


def plan_result(
    cache: ResultCache, snapshot: SnapshotState, settings: Settings, to: str | None, day: date
) -> PlanPage:
    key = (snapshot.version, records_version(settings), "plan", to, day)
    return cache.get_or_compute(
        key, lambda: build_plan_page(snapshot.workspace, Workspace(settings), to=to, today=day)
    )


def default_month(cache: ResultCache, snapshot: SnapshotState) -> str | None:
    force = the_plan(cache, snapshot).force
    return cache.get_or_compute(
        (snapshot.version, "latest", force), lambda: latest_month(snapshot.workspace, force)
    )


def indicator_result(
    cache: ResultCache, snapshot: SnapshotState, measure: str, to: str
) -> IndicatorPage:
    force = the_plan(cache, snapshot).force
    return cache.get_or_compute(
        (snapshot.version, "indicator", force, measure, to),
        lambda: build_indicator_page(snapshot.workspace, force, measure, to),
    )


def msg_result(
    cache: ResultCache, snapshot: SnapshotState, to: str, statistic: str = "rate"
) -> MsgPage:
    plan = the_plan(cache, snapshot)
    return cache.get_or_compute(
        (snapshot.version, "msg", plan.force, to, statistic),
        lambda: build_msg_page(snapshot.workspace, plan, to, statistic),
    )


def msg_detail_result(
    cache: ResultCache,
    snapshot: SnapshotState,
    measure: str,
    to: str,
    statistic: str | None,
    source: str | None,
) -> MsgDetail:
    plan = the_plan(cache, snapshot)
    return cache.get_or_compute(
        (snapshot.version, "msg-detail", plan.force, measure, to, statistic, source),
        lambda: build_msg_detail(snapshot.workspace, plan, measure, to, statistic, source),
    )


def warm(cache: ResultCache, snapshot: SnapshotState, settings: Settings, day: date) -> None:
    """Compute the plan page, every crime indicator page and the MSG page on each statistic
    of a new copy (default month)."""
    try:
        plan_result(cache, snapshot, settings, None, day)
        to = default_month(cache, snapshot)
        if to is None:
            return
        for measure in CRIME_MEASURES:
            indicator_result(cache, snapshot, measure, to)
        for statistic in STATISTICS:
            msg_result(cache, snapshot, to, statistic)
    except PolicePlanError:
        return  # a page that cannot be built shows its error when asked for
