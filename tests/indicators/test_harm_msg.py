"""A harm measure across the Most Similar Group: each member scored with its own weights."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from policeplan.indicators import MsgQuery
from policeplan.indicators.harm_msg import harm_msg_comparison
from policeplan.ingest.home_office import import_home_office
from policeplan.ingest.police_uk import import_police_uk
from policeplan.reference import population_for
from policeplan.store import Workspace
from tests.indicators.real_counts import street_rows
from tests.indicators.test_harm_css import pandas_category_weights

MONTHS = ("2025-10", "2025-11", "2025-12")


@pytest.mark.realdata
def test_each_member_is_scored_with_its_own_offence_mix(
    workspace: Workspace, shared_data: Path
) -> None:
    import_police_uk(workspace, [shared_data / "police_uk" / force / f"{m}-{force}-street.csv.gz"
                                 for force in ("essex", "kent") for m in MONTHS])  # fmt: skip
    import_home_office(
        workspace, shared_data / "reference/home-office/recorded_crime_by_force_2017-18.csv"
    )
    result = harm_msg_comparison(
        workspace, MsgQuery("all-crime-harm-score", "essex", "2025-12", 3, group=("kent",))
    )

    found = {row["force"]: row for row in result.to_dict()["rows"]}
    for slug, name in (("essex", "Essex"), ("kent", "Kent")):
        weights = pandas_category_weights(shared_data, [name])
        rows = [row for m in MONTHS for row in street_rows(shared_data, slug, m)]
        counts = Counter(row["Crime type"] for row in rows)
        typed = {t: n for t, n in counts.items() if t != "Anti-social behaviour"}
        harm = sum(n * weights[t.lower()] for t, n in typed.items())
        variance = sum(n * weights[t.lower()] ** 2 for t, n in typed.items())
        people = population_for(slug, 2025).population
        row = found[slug]
        assert row["score"] == pytest.approx(harm, rel=1e-12)
        assert row["rate_per_1000"] == round(harm / people * 1000, 3)
        half = 1.959964 * math.sqrt(variance) / people * 1000
        assert row["rate_high"] == pytest.approx(harm / people * 1000 + half, abs=2e-3)
        assert row["weights_mix"] == f"force mix: {slug}, Home Office police recorded crime 2017/18"
    rates = sorted(found.values(), key=lambda r: r["rate_per_1000"])
    assert [r["rank"] for r in rates] == [1, 2]  # lower harm per 1,000 is better
    assert result.to_dict()["weights"]["table"] == "ons-css"
