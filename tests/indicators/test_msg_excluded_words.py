"""Why members of a Most Similar Group are not ranked: one reason shared by several
members is said once, naming them together."""

from __future__ import annotations

from policeplan.indicators.msg import excluded_words
from policeplan.indicators.msg_result import ExcludedMember
from policeplan.reference import get_force


def test_members_with_the_same_reason_are_named_together() -> None:
    gap = "incomplete window: no police.uk street records for 2025-01 to 2025-12"
    excluded = [
        ExcludedMember(get_force("kent"), gap, ("2025-01",)),
        ExcludedMember(get_force("hampshire"), "no population figure for Hampshire", ()),
        ExcludedMember(get_force("sussex"), gap, ("2025-01",)),
    ]
    assert excluded_words(excluded) == (
        f"Kent, Sussex: {gap}; Hampshire: no population figure for Hampshire"
    )
