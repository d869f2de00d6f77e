"""The card's MSG part for every statistic (issue #15), on a copy of the real sample with the
example plan, per-force loaded measures and the Home Office 2017/18 table: a solved-rate card
whose figures equal the engine's, a loaded proportion ranked down-is-good and checked by
hand, a survey estimate whose last data ends before the window, a Home Office offence group,
and the summary-table rows built from them."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from scipy.stats import chi2_contingency

from policeplan.config import load_settings
from policeplan.indicators import CardQuery, MsgQuery, SummaryQuery, build_card, plan_summary
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_values import ValueComparison
from policeplan.ingest.home_office import import_home_office
from policeplan.ingest.measures import import_measures
from policeplan.ingest.police_uk import ImportSummary
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.plan.model import Indicator
from policeplan.reference import population_for
from policeplan.render.summary_files import write_summary_xlsx
from policeplan.render.text.card import card_text
from policeplan.store import Workspace
from tests.conftest import TEST_DATA
from tests.indicators.test_msg import _home_office_file
from tests.indicators.test_msg_home_office_groups import _raw_sums

MEASURES_FILE = TEST_DATA / "indicators" / "msg-measures.csv"
# Police staff sickness in eight forces, 3.88% to 4.15% of 10,000 hours each: alike.
ALIKE_FILE = TEST_DATA / "indicators" / "msg-measures-alike.csv"


@pytest.fixture(scope="module")
def ranked(
    real_sample: tuple[Workspace, ImportSummary],
    shared_data: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Workspace:
    """A copy of the real sample's database (the shared one stays untouched) with the
    example plan, the loaded per-force measures and the Home Office table."""
    source, _ = real_sample
    settings = load_settings(tmp_path_factory.mktemp("card-msg") / "w", {})
    Path(settings.workspace).mkdir(parents=True)
    shutil.copy(source.settings.analytics_path, settings.analytics_path)
    workspace = Workspace.open(settings)
    save_plan(workspace, load_plan(example_plan_path()))
    import_measures(workspace, MEASURES_FILE)
    import_measures(workspace, ALIKE_FILE)
    import_home_office(workspace, _home_office_file(shared_data))
    return workspace


def test_solved_rate_card_equals_the_engine(ranked: Workspace) -> None:
    card = build_card(ranked, CardQuery("all-crime-solved-rate", "essex", "2025-12"))
    engine = compare_with_group(
        ranked,
        MsgQuery("all-crime", "essex", to="2025-12", statistic="solved-rate", history=4),
    )
    assert isinstance(engine, ValueComparison)
    assert card.msg is not None and card.msg_result == engine
    data = json.loads(json.dumps(card.to_dict()))["msg"]
    assert card.title == "All crime solved rate"  # the plan's MSG indicator title
    assert (data["statistic"], data["source"], data["unit"]) == ("solved-rate", "police-uk", "%")
    assert data["value"] == round(20_913 / 143_676 * 100, 3) == 14.556
    assert data["rate_per_1000"] is None
    assert (data["position"], data["of"], data["best_end"]) == (3, 8, "highest")
    rows = engine.to_dict()["rows"]
    assert data["average"] == round(sum(r["value"] for r in rows) / 8 * 100, 3)
    # The top quartile is the 2nd best of 8; Essex needs its rate on Essex's 143,676 crimes.
    second = sorted((r["value"] for r in rows), reverse=True)[1]
    assert data["top_quartile_rate"] == round(second * 100, 3)
    assert data["change_to_top_quartile_value"] == round((second - 20_913 / 143_676) * 100, 3)
    assert data["change_to_top_quartile"] == 852 == round(second * 143_676 - 20_913)
    assert (data["change_to_average"], data["change_count_of"]) == (0, "solved crimes")
    assert data["change_units"] == "percentage points"
    assert (data["aspiration"], data["aspiration_met"]) == ("upper-quartile", False)
    assert data["positions"][-1] == 3 and data["position_ends"][-1] == "2025-12"
    # The card's own latest value is the same solved rate, in per cent.
    assert card.latest is not None and card.latest.unit == "%"
    assert card.latest.value == pytest.approx(20_913 / 143_676 * 100)
    assert (
        "Essex is 3rd of 8 in its Most Similar Group at 14.6% (plausibly 3rd–3rd); 0.6 points "
        "(852 solved crimes) below the top quartile; the aspiration (in the top quartile) is "
        "not met."
    ) in card.commentary
    assert any("police.uk outcomes" in c for c in card.caveats)
    text = card_text(card)
    assert "MSG (solved-rate, police-uk): 3rd of 8" in text
    assert "the top quartile (15.1%): +0.6 points (+852 solved crimes)" in text


def test_loaded_proportion_card_is_ranked_lowest_first(ranked: Workspace) -> None:
    card = build_card(ranked, CardQuery("sickness-police-officers", "essex", "2025-09", 3))
    assert card.msg is not None
    data = card.msg.to_dict()
    # By hand: hours lost / hours available; lowest is best (the plan's direction down):
    # Sussex 3.33%, Hertfordshire 3.57%, Essex 4.20%, Kent 4.25%, … Staffordshire 5.50%.
    assert (data["statistic"], data["source"]) == ("proportion", "measures")
    assert (data["position"], data["of"], data["best_end"]) == (3, 8, "lowest")
    assert data["value"] == 4.2 and data["unit"] == "%"
    assert data["top_quartile_rate"] == round(2_500 / 70_000 * 100, 3)  # Hertfordshire, 2nd
    assert data["change_to_top_quartile_value"] == round((2_500 / 70_000 - 0.042) * 100, 3)
    assert data["change_to_top_quartile"] == -round(4_200 - 2_500 / 70_000 * 100_000) == -629
    assert data["average"] == round(
        (4200 / 1e5 + 5100 / 12e4 + 3000 / 9e4 + 6000 / 11e4 + 2500 / 7e4 + 7000 / 15e4
         + 4800 / 105e3 + 3300 / 6e4) / 8 * 100, 3)  # fmt: skip
    assert data["change_to_average"] == 0  # 4.20% is below (better than) the 4.44% average
    assert (data["aspiration"], data["aspiration_met"]) == ("rank:2", False)
    assert card.latest is not None and card.latest.value == pytest.approx(4.2)
    assert (
        "Essex is 3rd of 8 in its Most Similar Group (ranked from the highest value: 6th, "
        "where 8th is best) at 4.2% (plausibly 3rd–4th); 0.6 points (629 hours lost to "
        "sickness) above the top quartile; the aspiration (2nd or better) is not met."
    ) in card.commentary


def test_survey_card_says_last_data_to(ranked: Workspace) -> None:
    card = build_card(ranked, CardQuery("public-confidence", "essex", "2025-12"))
    assert card.msg is not None
    msg = card.msg
    # 2019/20 by hand, up is good: Sussex 80, Essex 78, Kent 76, Hampshire 74.
    assert (msg.statistic, msg.last_data_to, msg.position, msg.of) == ("estimate", "2020-03", 2, 4)
    assert (msg.value, msg.lower, msg.upper) == (78.0, 75.5, 80.5)
    assert msg.average == 77.0 and msg.top_quartile_rate == 80.0
    assert msg.change_to_top_quartile_value == 2.0 and msg.change_to_top_quartile is None
    assert msg.change_units == "percentage points" and msg.change_count_of is None
    assert any("(last data to March 2020; plausibly" in s for s in card.commentary)
    assert "MSG: last data to March 2020; the group is ranked on the 12 months to then." in (
        card.caveats
    )


def test_homogeneous_group_says_no_significant_difference(ranked: Workspace) -> None:
    """Eight forces' staff sickness between 3.88% and 4.15%: the chi-square test of the
    2 × 8 table finds no difference, so the card says so in the reference update's words."""
    card = build_card(ranked, CardQuery("sickness-police-staff", "essex", "2025-09", 3))
    assert card.msg is not None and card.msg.homogeneity_p is not None
    lost = [410, 395, 402, 388, 415, 399, 405, 392]
    expected = chi2_contingency([lost, [10_000 - n for n in lost]], correction=False).pvalue
    assert card.msg.homogeneity_p == pytest.approx(expected)
    assert card.msg.homogeneity_p >= 0.05 and card.msg.forces_differ is False
    p = f"{card.msg.homogeneity_p:.2g}"
    assert (
        f"There is no significant statistical difference across the MSG (p = {p})."
        in card.commentary
    )
    # 4.10% is the 7th lowest of 8: 3.88, 3.92, 3.95, 3.99, 4.02, 4.05, 4.10, 4.15.
    assert (card.msg.position, card.msg.best_end) == (7, "lowest")


def test_offence_group_card_ranks_on_the_home_office_table(
    ranked: Workspace, shared_data: Path
) -> None:
    card = build_card(ranked, CardQuery("violence-with-injury", "essex", "2018-03"))
    assert card.msg is not None and card.latest is not None
    assert card.msg.source == "home-office"
    assert any("police.uk has no offence groups" in c for c in card.caveats)
    counts = _raw_sums(_home_office_file(shared_data), "Offence_Subgroup", "Violence with injury")
    assert card.latest.value == counts["essex"]
    population = population_for("essex", 2017).population
    assert card.msg.value == round(counts["essex"] / population * 1000, 3)
    assert card.msg.rate == card.msg.value and card.msg.change_count_of == "offences"
    homicide = build_card(ranked, CardQuery("homicide", "essex", "2018-03"))
    assert homicide.msg is not None and homicide.latest is not None
    homicides = _raw_sums(_home_office_file(shared_data), "Offence_Subgroup", "Homicide")
    assert homicide.latest.value == homicides["essex"]
    # Fewer than 30 homicides a year: the small-numbers caveat, and a wide rank range.
    assert any(c.startswith("small numbers:") for c in homicide.msg.caveats)
    assert any(c.startswith("MSG: small numbers:") for c in homicide.caveats)
    assert homicide.msg.rank_range is not None
    assert homicide.msg.rank_range[1] - homicide.msg.rank_range[0] >= 3


def test_summary_rows_carry_the_msg_of_every_statistic(ranked: Workspace) -> None:
    plan = load_plan(example_plan_path())
    first = plan.priorities[0]
    extra = (
        Indicator("solved", "All crime solved rate", "all-crime-solved-rate", "up"),
        Indicator("sickness", "Officer sickness", "sickness-police-officers", "down"),
    )
    plan = replace(plan, priorities=(replace(first, indicators=first.indicators + extra),
                                     *plan.priorities[1:]))  # fmt: skip
    summary = plan_summary(ranked, SummaryQuery("essex", "2025-12"), plan=plan)
    solved = next(r for r in summary.rows if r.indicator == "solved")
    assert (solved.msg_statistic, solved.msg_unit, solved.msg_value) == ("solved-rate", "%", 14.556)
    assert (solved.msg_position, solved.msg_of, solved.aspiration_met) == (3, 8, False)
    assert (solved.msg_change_to_top_quartile, solved.msg_change_count_of) == (852, "solved crimes")
    assert solved.latest == pytest.approx(14.556, abs=1e-3) and solved.unit == "%"
    confidence = next(r for r in summary.rows if r.measure == "public-confidence")
    assert (confidence.msg_value, confidence.msg_last_data_to) == (78.0, "2020-03")
    # The sickness file holds one quarter, July to September 2025: the card shows it and
    # ranks the group on it, saying the data end before December.
    sickness = next(r for r in summary.rows if r.indicator == "sickness")
    assert (sickness.msg_position, sickness.msg_of, sickness.msg_value) == (3, 8, 4.2)
    assert (sickness.msg_last_data_to, sickness.msg_change_to_top_quartile) == ("2025-09", -629)
    data = solved.to_dict()
    assert data["msg_change_to_top_quartile_value"] == pytest.approx(0.593, abs=1e-3)


def test_summary_xlsx_holds_msg_values_as_numbers(ranked: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    summary = plan_summary(ranked, SummaryQuery("essex", "2025-12"))
    path = tmp_path / "summary.xlsx"
    write_summary_xlsx(summary, path)
    sheet = load_workbook(path)["Summary"]
    header = [c.value for c in sheet[1]]
    row = next(
        [c.value for c in r] for r in sheet.iter_rows(min_row=2) if r[4].value == "all-crime"
    )
    record = dict(zip(header, row, strict=True))
    card = next(r for r in summary.rows if r.measure == "all-crime").card
    assert card.msg is not None
    assert record["msg_value"] == card.msg.value and isinstance(record["msg_value"], float)
    assert record["msg_unit"] == "per 1,000 people"
    assert record["msg_change_to_top_quartile"] == card.msg.change_to_top_quartile
