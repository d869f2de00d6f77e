"""One entry for every Most Similar Group comparison: crime rates per 1,000 people
(`msg.py`), solved rates (`msg_solved.py`) and per-force loaded measures
(`msg_loaded.py`), chosen by the query's statistic and source. A plan measure named
`X-solved-rate` (as the example plan's `all-crime-solved-rate`) is the solved rate of X.

    >>> compare_with_group(workspace, MsgQuery("all-crime", "essex", to="2025-12",
    ...                                        statistic="solved-rate"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from policeplan.errors import InputError
from policeplan.indicators.counts import CountTable
from policeplan.indicators.msg import msg_comparison
from policeplan.indicators.msg_history import MAX_HISTORY
from policeplan.indicators.msg_loaded import MEASURES, msg_loaded_measure
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_solved import msg_solved_rate
from policeplan.indicators.msg_values import SOLVED_RATE, ValueComparison
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice
from policeplan.indicators.queries import MsgQuery
from policeplan.store import Workspace

__all__ = ["RATE", "SOLVED_SUFFIX", "STATISTICS", "compare_with_group"]

RATE = "rate"
SOLVED_SUFFIX = "-solved-rate"
STATISTICS = (RATE, SOLVED_RATE)


def compare_with_group(
    workspace: Workspace,
    query: MsgQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
    tables: Mapping[str, CountTable] | None = None,
) -> MsgComparison | ValueComparison:
    """The MSG comparison the query asks for (see the module docstring); `tables` (the
    members' police.uk counts, `msg.read_group_tables`) saves re-reading them for a rate."""
    if query.statistic not in STATISTICS:
        raise InputError(
            f"unknown statistic {query.statistic!r}: use {' or '.join(STATISTICS)}",
            field="statistic",
        )
    if not 0 <= query.history <= MAX_HISTORY:
        raise InputError(
            f"history must be 0 to {MAX_HISTORY} quarter ends, not {query.history}",
            field="history",
        )
    if query.source == MEASURES:
        if query.statistic != RATE:
            raise InputError(
                "a loaded measure is ranked on its own figures: leave out the statistic",
                field="statistic",
            )
        return msg_loaded_measure(workspace, query, plan=plan)
    base = query.measure.removesuffix(SOLVED_SUFFIX)
    if query.statistic == RATE and base != query.measure:
        # The plan's "all-crime-solved-rate": the solved rate of all-crime.
        query = replace(query, measure=base, statistic=SOLVED_RATE)
    if query.statistic == SOLVED_RATE:
        return msg_solved_rate(workspace, query, plan=plan)
    return msg_comparison(workspace, query, plan=plan, tables=tables)
