"""Plan measures counted from crime records (`measures:` with `source: records`): every
indicator, breakdown, scorecard, SPC chart and card of them equals an independent count of
the generated extract (stdlib csv, re and datetime; the offence table for offence groups)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime, time
from typing import Any

import pytest

from policeplan.config import load_settings
from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    IndicatorResult,
    ScorecardQuery,
    SpcQuery,
    breakdown,
    compute_indicator,
    scorecard,
    spc_chart,
)
from policeplan.indicators.card import CardQuery, build_card
from policeplan.indicators.counts import CountTables
from policeplan.indicators.records_counts import read_records, read_records_by_district
from policeplan.ingest.crime_records import import_crime_records
from policeplan.months import months_between
from policeplan.plan import Plan, example_plan_path, load_plan, plan_from_dict, plan_to_dict
from policeplan.reference.districts import districts_of
from policeplan.reference.offences import offence_for_code
from policeplan.store import Workspace
from policeplan.synthetic.crime_records import CrimeRecordsExtract, write_crime_records_extract
from tests.ingest.crime_records.helpers import NTE_PLACES, SOLVED_LABELS, beats_of, read_rows

FIRST, LAST = "2023-07", "2025-06"
CURRENT = months_between("2024-07", "2025-06")
PREVIOUS = months_between("2023-07", "2024-06")
KNIFE_GROUPS = ("violence", "robbery", "burglary")
MEASURES: dict[str, Any] = {
    "domestic-abuse": {"source": "records", "title": "Domestic abuse", "flag": "domestic_abuse"},
    "knife-crime": {"source": "records", "title": "Knife crime", "flag": "knife",
                    "offence_groups": list(KNIFE_GROUPS)},
    "nte-violence": {"source": "records", "flag": "night_time_economy",
                     "offence_groups": ["violence"]},
    "all-records": {"source": "records", "title": "All crime records"},
}  # fmt: skip

Row = dict[str, str]


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> CrimeRecordsExtract:
    folder = tmp_path_factory.mktemp("records-extract")
    return write_crime_records_extract(
        folder, months_between(FIRST, LAST), seed=5, records_per_month=400
    )


@pytest.fixture(scope="module")
def plan() -> Plan:
    data = plan_to_dict(load_plan(example_plan_path()))
    return plan_from_dict({**data, "measures": {**data["measures"], **MEASURES}}, "plan.yaml")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, extract: CrimeRecordsExtract) -> Workspace:
    workspace = Workspace.open(load_settings(tmp_path_factory.mktemp("records") / "w", {}))
    summary = import_crime_records(workspace, extract.path, extract.mapping_path)
    assert summary.rows_rejected == 0
    return workspace


@pytest.fixture(scope="module")
def rows(extract: CrimeRecordsExtract) -> list[Row]:
    return read_rows(extract.path)


def _month(text: str) -> str:
    return datetime.strptime(text[:10], "%d/%m/%Y").strftime("%Y-%m")


def _group(row: Row) -> str:
    offence = offence_for_code(row["HO Offence Code"])
    assert offence is not None
    return offence.offence_group


def _domestic(row: Row) -> bool:
    return row["DA Flag"].strip().lower() in ("y", "yes")


def _knife(row: Row) -> bool:
    return bool(re.search("knife|blade|sharp", row["MO"], re.I)) and _group(row) in KNIFE_GROUPS


def _nte(row: Row) -> bool:
    committed = datetime.strptime(row["Committed From"], "%d/%m/%Y %H:%M").time()
    night = committed >= time(20) or committed < time(6)
    return night and row["Location Type"].lower() in NTE_PLACES and _group(row) == "violence"


def _by_month(rows: list[Row], chosen: Callable[[Row], bool]) -> Counter[str]:
    return Counter(_month(row["Date Recorded"]) for row in rows if chosen(row))


def _total(counts: Counter[str], months: list[str]) -> int:
    return sum(counts[m] for m in months)


def test_indicator_of_a_records_measure_counts_what_the_extract_holds(
    loaded: Workspace, plan: Plan, rows: list[Row]
) -> None:
    query = IndicatorQuery("domestic-abuse", "essex", to=LAST, months=12)
    result = compute_indicator(loaded, query, plan=plan)
    assert isinstance(result, IndicatorResult)
    expected = _by_month(rows, _domestic)
    assert result.source == "records"
    assert result.current.by_month == {m: expected[m] for m in CURRENT}
    assert result.current.count == _total(expected, CURRENT) > 0
    assert result.comparison.count == _total(expected, PREVIOUS)
    assert result.change is not None and result.title == "Domestic abuse"
    # Solved by recorded date: of the window's records, those with a solved outcome.
    current = [r for r in rows if _domestic(r) and _month(r["Date Recorded"]) in CURRENT]
    solved = [r for r in current if r["Outcome"] in SOLVED_LABELS]
    assert result.solved is not None and result.solved.successes == len(solved)
    # Solved by outcome date: solved with an outcome dated in the window, whenever recorded.
    by_outcome = [
        r
        for r in rows
        if _domestic(r)
        and r["Outcome"] in SOLVED_LABELS
        and r["Outcome Date"]
        and _month(r["Outcome Date"]) in CURRENT
    ]
    assert result.to_dict()["solved_by_outcome_date"] == {
        "count": len(by_outcome),
        "rate": round(len(by_outcome) / len(current), 4),
    }
    assert result.to_dict()["harm"]["score"] is None


@pytest.mark.parametrize(
    ("measure", "chosen"),
    [
        ("knife-crime", _knife),
        ("nte-violence", _nte),
        ("all-records", lambda row: True),
        ("hate-crime", lambda row: bool(row["Hate Crime Strands"].strip())),  # the example plan's
    ],
)
def test_each_records_measure_counts_its_flag_and_offence_groups(
    loaded: Workspace, plan: Plan, rows: list[Row], measure: str, chosen: Callable[[Row], bool]
) -> None:
    result = compute_indicator(loaded, IndicatorQuery(measure, "essex", to=LAST), plan=plan)
    assert isinstance(result, IndicatorResult)
    expected = _by_month(rows, chosen)
    assert result.current.count == _total(expected, CURRENT) > 0
    assert result.comparison.count == _total(expected, PREVIOUS)


def test_a_month_never_imported_makes_the_window_incomplete(loaded: Workspace, plan: Plan) -> None:
    query = IndicatorQuery("domestic-abuse", "essex", to="2025-08", months=12)
    result = compute_indicator(loaded, query, plan=plan)
    assert isinstance(result, IndicatorResult)
    assert result.current.missing_months == ("2025-07", "2025-08")
    assert result.current.count is None and result.change is None


@pytest.mark.parametrize("by", ["district", "lpa"])
def test_breakdown_by_area_of_a_records_measure(
    loaded: Workspace, plan: Plan, rows: list[Row], extract: CrimeRecordsExtract, by: str
) -> None:
    beats = beats_of(extract.mapping_path)
    lpa = {d.name: d.lpa or "" for d in districts_of("essex")}
    expected: Counter[str] = Counter()
    for row in rows:
        if _knife(row) and _month(row["Date Recorded"]) in CURRENT:
            district = beats[row["Beat"].upper()]
            expected[district if by == "district" else lpa[district]] += 1
    table = breakdown(loaded, BreakdownQuery("knife-crime", "essex", to=LAST, by=by), plan=plan)
    found = {row.part: row.current.count for row in table.rows if row.current.count}
    assert found == dict(expected)
    assert table.rows[-1].current.count == 0  # every record has a district


def test_breakdowns_and_indicators_sharing_count_tables_read_each_window_once(
    loaded: Workspace, plan: Plan, rows: list[Row], extract: CrimeRecordsExtract
) -> None:
    """A report computes and breaks down several measures by district and LPA with one
    `CountTables`: the force's records are read once per window (split by district), every
    area's count still equals the extract's and every result equals one read alone."""
    beats = beats_of(extract.mapping_path)
    lpa = {d.name: d.lpa or "" for d in districts_of("essex")}
    tables = CountTables()
    for measure, chosen in (("knife-crime", _knife), ("domestic-abuse", _domestic)):
        for by in ("district", "lpa"):
            expected: Counter[str] = Counter()
            for row in rows:
                if chosen(row) and _month(row["Date Recorded"]) in PREVIOUS:
                    district = beats[row["Beat"].upper()]
                    expected[district if by == "district" else lpa[district]] += 1
            query = BreakdownQuery(measure, "essex", to=LAST, by=by)
            shared = breakdown(loaded, query, plan=plan, tables=tables)
            alone = breakdown(loaded, query, plan=plan)
            assert {r.part: r.comparison.count for r in shared.rows if r.comparison.count} == (
                dict(expected)
            )
            assert shared == alone
        query = IndicatorQuery(measure, "essex", to=LAST, compare="previous")
        assert compute_indicator(loaded, query, plan=plan, tables=tables) == compute_indicator(
            loaded, query, plan=plan
        )
    assert tables.records_reads == 2  # the current window (with its history) and the previous


def test_records_split_by_district_sum_to_the_read_of_an_area(loaded: Workspace) -> None:
    north = tuple(d.name for d in districts_of("essex") if d.lpa == "North")
    with loaded.connect(read_only=True) as con:
        split = read_records_by_district(con, "essex", FIRST, "2024-07", LAST)
        for districts in (None, north, north[:1]):
            assert split.for_districts(districts) == read_records(
                con, "essex", FIRST, "2024-07", LAST, districts
            )


def test_breakdown_by_offence_group(loaded: Workspace, plan: Plan, rows: list[Row]) -> None:
    expected = Counter(
        _group(r) for r in rows if _knife(r) and _month(r["Date Recorded"]) in CURRENT
    )
    query = BreakdownQuery("knife-crime", "essex", to=LAST, by="offence-group")
    table = breakdown(loaded, query, plan=plan)
    assert [row.part for row in table.rows] == list(KNIFE_GROUPS)
    assert {row.part: row.current.count for row in table.rows} == {
        group: expected[group] for group in KNIFE_GROUPS
    }


def test_breakdown_by_offence_group_refuses_a_police_uk_measure(
    loaded: Workspace, plan: Plan
) -> None:
    from policeplan.errors import InputError

    with pytest.raises(InputError, match="no offence groups"):
        breakdown(loaded, BreakdownQuery("burglary", "essex", to=LAST, by="offence-group"))


def test_scorecard_mixes_records_and_police_uk_measures(
    loaded: Workspace, plan: Plan, rows: list[Row]
) -> None:
    query = ScorecardQuery("essex", to=LAST, measures=("burglary", "domestic-abuse"))
    card = scorecard(loaded, query, plan=plan)
    burglary, domestic = card.indicators
    assert burglary.source == "police-uk" and burglary.current.count is None  # none imported
    assert domestic.source == "records"
    assert domestic.current.count == _total(_by_month(rows, _domestic), CURRENT)


def test_spc_chart_of_a_records_measure(loaded: Workspace, plan: Plan, rows: list[Row]) -> None:
    result = spc_chart(loaded, SpcQuery("knife-crime", "essex", FIRST, LAST), plan=plan)
    expected = _by_month(rows, _knife)
    assert list(result.chart.values) == [float(expected[m]) for m in months_between(FIRST, LAST)]


def test_card_of_a_records_measure_has_no_msg_and_says_why(
    loaded: Workspace, plan: Plan, rows: list[Row]
) -> None:
    card = build_card(loaded, CardQuery("nte-violence", "essex", to=LAST, spc_months=24), plan=plan)
    assert card.latest is not None
    assert card.latest.value == _total(_by_month(rows, _nte), CURRENT)
    assert card.msg is None and card.spc is not None
    assert any("Most Similar Group" in caveat for caveat in card.caveats)


def test_msg_refuses_a_records_measure(loaded: Workspace, plan: Plan) -> None:
    from policeplan.errors import InputError
    from policeplan.indicators import MsgQuery, msg_comparison

    with pytest.raises(InputError, match="no Most Similar Group comparison"):
        msg_comparison(loaded, MsgQuery("knife-crime", "essex", to=LAST), plan=plan)


def test_card_of_a_records_measure_without_records_says_how_to_import_them(
    workspace: Workspace, plan: Plan
) -> None:
    card = build_card(workspace, CardQuery("domestic-abuse-offences", "essex", to=LAST), plan=plan)
    assert not card.has_data
    assert card.caveats[-1].startswith(
        "No data: 'domestic-abuse-offences' is counted from the force's own crime records and "
        "none are imported for essex; import them with `policeplan import records"
    )


def test_repeat_victims_and_locations_of_a_records_measure(
    loaded: Workspace, plan: Plan, rows: list[Row]
) -> None:
    query = IndicatorQuery("domestic-abuse", "essex", to=LAST, months=12)
    result = compute_indicator(loaded, query, plan=plan)
    assert isinstance(result, IndicatorResult)
    current = [r for r in rows if _domestic(r) and _month(r["Date Recorded"]) in CURRENT]
    expected = []
    for key, column in (("victim", "Victim URN"), ("location", "Location URN")):
        per_key = Counter(r[column] for r in current if r[column])
        expected.append(
            {
                "key": key,
                "records_with_key": sum(per_key.values()),
                "repeat_records": sum(n for n in per_key.values() if n > 1),
                "repeat_keys": sum(1 for n in per_key.values() if n > 1),
            }
        )
    assert result.to_dict()["repeats"] == expected
    assert expected[0]["repeat_keys"] > 0


def test_breakdown_text_names_the_offence_groups(loaded: Workspace, plan: Plan) -> None:
    from policeplan.render.text.breakdown import breakdown_text

    query = BreakdownQuery("knife-crime", "essex", to=LAST, by="offence-group")
    lines = breakdown_text(breakdown(loaded, query, plan=plan)).splitlines()
    assert lines[0].startswith("Knife crime by offence group — essex:")


def test_indicator_text_of_a_records_measure(loaded: Workspace, plan: Plan) -> None:
    from policeplan.render.text.indicator import indicator_text

    query = IndicatorQuery("domestic-abuse", "essex", to=LAST, months=12)
    result = compute_indicator(loaded, query, plan=plan)
    assert isinstance(result, IndicatorResult)
    text = indicator_text(result)
    by_outcome = result.to_dict()["solved_by_outcome_date"]
    victims = result.repeats[0]
    assert "Domestic abuse (domestic-abuse) — essex, whole force, the force's crime records" in text
    assert (
        f"  solved by outcome date: {by_outcome['count']:,} with a solved outcome dated in the "
        f"window ({by_outcome['rate']:.1%} of its records)"
    ) in text
    assert f"  repeat victims: {victims.repeat_keys:,} on more than one record" in text
    assert "the outcome in the force's crime" in text
