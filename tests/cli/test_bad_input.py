"""Every command of `policeplan --help`, given bad input, answers with one line naming the
file, line or field, exits with 1 (error) or 2 (usage), never shows a traceback, and leaves
the workspace exactly as it was (every file hashed before and after).

The workspace is a small demo (two forces, two months, the example plan and delivery plan),
copied afresh for each case. Bad files live outside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result

from policeplan.cli import cli
from policeplan.config import load_settings
from policeplan.demo import build_demo
from policeplan.plan import example_plan_path
from policeplan.records import dispose_engines
from policeplan.store import Workspace
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.slow

STREET_HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Crime type,Last outcome category,Context"
)


@dataclass(frozen=True)
class Case:
    """`args` after the command's path may hold {placeholders} (see `_inputs`); the error
    line must contain `names` (formatted the same way)."""

    command: tuple[str, ...]
    kind: str
    args: tuple[str, ...]
    names: str
    read_only: bool = False
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{' '.join(self.command)}: {self.kind}"


def _file_cases(command: tuple[str, ...], suffix: str, *extra: str) -> list[Case]:
    """A missing, an empty, a binary file, a wrong header and a folder given as FILE."""
    cases = [
        Case(command, kind, (f"{{{kind}_{suffix[1:]}}}", *extra), f"{kind}{suffix}")
        for kind in ("missing", "empty", "binary", "header")
    ]
    return [*cases, Case(command, "folder", ("{folder}", *extra), "folder")]


def _window_cases(command: tuple[str, ...], *, measure: bool = True) -> list[Case]:
    """An unknown force, an unknown measure and a malformed month."""
    first = ("burglary",) if measure else ()
    window = ("--to", "2025-02", "--months", "1")
    cases = [
        Case(command, "unknown force", (*first, "--force", "nowhere", *window), "'nowhere'"),
        Case(
            command,
            "malformed period",
            (*first, "--force", "essex", "--to", "2025-13", "--months", "1"),
            "'2025-13'",
        ),
    ]
    if measure:
        cases.append(
            Case(command, "unknown measure", ("burglar", "--force", "essex", *window), "'burglar'")
        )
    return cases


def _no_workspace(command: tuple[str, ...], *args: str) -> Case:
    """A file where the workspace directory is expected."""
    return Case(command, "file as workspace", args, "empty.csv")


QUARTER = ("--quarter", "2021/22 Q2")
ONE_MONTH = ("--force", "essex", "--to", "2025-02", "--months", "1")
CSV_FOLDER = ("--csv", "{folder}")
CASES = [
    *_file_cases(("import", "home-office"), ".csv"),
    Case(("import", "home-office"), "read-only workspace", ("{good_home_office}",), "{ws}", True),
    *_file_cases(("import", "measures"), ".csv"),
    Case(("import", "measures"), "read-only workspace", ("{good_measures}",), "{ws}", True),
    *_file_cases(("import", "population"), ".csv"),
    Case(("import", "population"), "read-only workspace", ("{good_population}",), "{ws}", True),
    *_file_cases(("import", "police-uk"), ".csv"),
    Case(("import", "police-uk"), "read-only workspace", ("{good_street}",), "{ws}", True),
    *_file_cases(("import", "records"), ".csv", "--mapping", "{records_mapping}"),
    Case(
        ("import", "records"),
        "mapping typo",
        ("{good_records}", "--mapping", "{typo_mapping}"),
        "'colums'",
    ),
    Case(
        ("import", "records"),
        "read-only workspace",
        ("{good_records}", "--mapping", "{records_mapping}"),
        "{ws}",
        True,
    ),
    *_file_cases(("weights", "load"), ".csv", "--version", "v1"),
    Case(
        ("weights", "load"),
        "read-only workspace",
        ("{good_weights}", "--version", "v1"),
        "{ws}",
        True,
    ),
    *_file_cases(("plan", "load"), ".yaml"),
    Case(("plan", "load"), "read-only workspace", ("{good_plan}",), "{ws}", True),
    Case(
        ("plan", "load"),
        "unknown offence code",
        ("{offence_plan}",),
        "offence-plan.yaml, field 'measures.knives.offence_codes[0]'",
    ),
    _no_workspace(("plan", "show")),
    _no_workspace(("coverage",)),
    Case(("coverage",), "missing folder", ("--xlsx", "{missing_folder}/c.xlsx"), "missing-folder"),
    Case(("rejects",), "folder as file", ("--csv", "{folder}"), "folder"),
    _no_workspace(("rejects",)),
    Case(
        ("rejects",),
        "unknown force",
        ("--force", "nowhere"),
        "'nowhere'",
    ),
    Case(("rejects",), "unknown dataset", ("--dataset", "streets"), "'streets'"),
    *_window_cases(("indicator",)),
    *_window_cases(("breakdown",)),
    Case(
        ("breakdown",),
        "offence groups of a police.uk measure",
        ("burglary", "--force", "essex", "--to", "2025-02", "--by", "offence-group"),
        "no offence groups",
    ),
    *_window_cases(("scorecard",), measure=False),
    *_window_cases(("msg",)),
    Case(
        ("indicator",),
        "no data in the window",
        ("burglary", "--force", "essex", "--to", "2030-01"),
        "latest month held is 2025-02",
    ),
    Case(
        ("indicator",),
        "harm of crimes police.uk cannot pick out",
        ("rural-crime-harm-score", *ONE_MONTH),
        "no rural or other flag",
    ),
    Case(
        ("msg",),
        "harm from the Home Office table",
        ("all-crime-harm-score", *ONE_MONTH, "--group", "kent", "--source", "home-office"),
        "police.uk records only",
    ),
    Case(
        ("indicator",),
        "missing folder",
        ("burglary", *ONE_MONTH, "--csv", "{missing_folder}/i.csv"),
        "missing-folder",
    ),
    Case(
        ("scorecard",),
        "folder as file",
        (*ONE_MONTH, "--xlsx", "{folder}"),
        "folder",
    ),
    Case(
        ("breakdown",),
        "missing folder",
        ("burglary", *ONE_MONTH, "--xlsx", "{missing_folder}/b.xlsx"),
        "missing-folder",
    ),
    Case(
        ("msg",),
        "missing folder",
        ("burglary", *ONE_MONTH, "--group", "kent", "--csv", "{missing_folder}/m.csv"),
        "missing-folder",
    ),
    Case(
        ("msg",),
        "measure from crime records",
        ("knife-crime", "--force", "essex", "--to", "2025-02", "--months", "1"),
        "no Most Similar Group comparison",
    ),
    *_window_cases(("hotspots",)),
    *_window_cases(("stop-search",), measure=False),
    Case(
        ("stop-search",),
        "no data in the window",
        ("--force", "essex", "--to", "2030-01"),
        "no stop-and-search data for essex",
    ),
    Case(
        ("hotspots",),
        "cell too small",
        ("all-crime", "--force", "essex", "--to", "2025-02", "--months", "1", "--cell", "10"),
        "--cell",
    ),
    _no_workspace(("weights", "list")),
    _no_workspace(("measures", "list")),
    Case(
        ("measures", "list"),
        "missing folder",
        ("--csv", "{missing_folder}/m.csv"),
        "missing-folder",
    ),
    Case(("measures", "remove"), "unknown measure", ("answer-999",), "'answer-999'"),
    _no_workspace(("measures", "remove"), "burglary"),
    Case(("weights", "show"), "unknown force", ("--force", "nowhere"), "'nowhere'"),
    Case(
        ("msg",),
        "unknown force in group",
        ("burglary", "--force", "essex", "--to", "2025-02", "--months", "1", "--group", "kent,xx"),
        "--group",
    ),
    Case(
        ("msg",),
        "solved rate of anti-social behaviour",
        (
            "anti-social-behaviour",
            "--force",
            "essex",
            "--to",
            "2025-02",
            "--months",
            "1",
            "--statistic",
            "solved-rate",
        ),
        "no solved rate",
    ),
    Case(
        ("msg",),
        "solved rate from the Home Office table",
        (
            "all-crime",
            "--force",
            "essex",
            "--to",
            "2025-03",
            "--months",
            "3",
            "--statistic",
            "solved-rate",
            "--source",
            "home-office",
        ),
        "--source",
    ),
    Case(
        ("msg",),
        "offence group from police.uk",
        ("homicide", "--force", "essex", "--to", "2025-02", "--months", "1"),
        "--source",
    ),
    Case(
        ("msg",),
        "unknown statistic",
        ("burglary", "--force", "essex", "--to", "2025-02", "--statistic", "median"),
        "'median'",
    ),
    Case(
        ("msg",),
        "history too long",
        ("burglary", "--force", "essex", "--to", "2025-02", "--history", "99"),
        "--history",
    ),
    Case(
        ("msg",),
        "loaded measure not held",
        # The two-month demo holds no whole quarter, so no sickness figures.
        ("sickness-police-officers", "--force", "essex", "--to", "2025-02", "--source", "measures"),
        "'sickness-police-officers'",
    ),
    Case(
        ("spc",),
        "unknown force",
        ("burglary", "--force", "nowhere", "--from", "2025-01", "--to", "2025-02"),
        "'nowhere'",
    ),
    Case(
        ("spc",),
        "unknown measure",
        ("burglar", "--force", "essex", "--from", "2025-01", "--to", "2025-02"),
        "'burglar'",
    ),
    Case(
        ("spc",),
        "folder as file",
        ("burglary", "--force", "essex", "--from", "2025-01", "--to", "2025-02", *CSV_FOLDER),
        "folder",
    ),
    Case(
        ("spc",),
        "malformed period",
        ("burglary", "--force", "essex", "--from", "2025-1", "--to", "2025-02"),
        "--from",
    ),
    Case(("demo",), "malformed period", ("--from", "2025-13", "--to", "2025-12"), "'2025-13'"),
    Case(("demo",), "months the wrong way round", ("--from", "2025-03", "--to", "2025-01"), "--to"),
    Case(("demo",), "read-only workspace", ("--from", "2025-01", "--to", "2025-01"), "{ws}", True),
    *_file_cases(("delivery", "import"), ".csv"),
    Case(("delivery", "import"), "binary xlsx", ("{binary_xlsx}",), "binary.xlsx"),
    Case(("delivery", "import"), "read-only workspace", ("{good_delivery}",), "{ws}", True),
    Case(
        ("delivery", "export"), "missing folder", ("{missing_folder}/plan.xlsx",), "missing-folder"
    ),
    Case(("delivery", "export"), "folder", ("{folder}",), "folder"),
    Case(("delivery", "export"), "unknown format", ("{output}.txt",), "output.txt"),
    _no_workspace(("delivery", "audit")),
    Case(("delivery", "summary"), "malformed period", ("--quarter", "2021Q2"), "'2021Q2'"),
    Case(
        ("delivery", "summary"),
        "malformed date",
        (*QUARTER, "--as-of", "2021-13-01"),
        "'2021-13-01'",
    ),
    Case(
        ("delivery", "approve"), "malformed period", ("DA", "--quarter", "2021-23Q2"), "'2021-23Q2'"
    ),
    Case(("delivery", "approve"), "unknown strand", ("XX", *QUARTER), "'XX'"),
    Case(("delivery", "status"), "unknown action", ("DA-999", "complete"), "'DA-999'"),
    Case(("delivery", "status"), "unknown status", ("DA-001", "finished"), "'finished'"),
    Case(("delivery", "status"), "read-only workspace", ("DA-001", "complete"), "{ws}", True),
    Case(
        ("delivery", "update", "save"),
        "missing file",
        ("DA", *QUARTER, "--achieved", "{missing_txt}"),
        "missing.txt",
    ),
    Case(
        ("delivery", "update", "save"),
        "binary file",
        ("DA", *QUARTER, "--achieved", "{binary_csv}"),
        "binary.csv",
    ),
    Case(
        ("delivery", "update", "save"),
        "folder",
        ("DA", *QUARTER, "--achieved", "{folder}"),
        "folder",
    ),
    Case(
        ("delivery", "update", "save"),
        "malformed period",
        ("DA", "--quarter", "Q5 2021/22"),
        "'Q5 2021/22'",
    ),
    Case(
        ("delivery", "update", "save"),
        "read-only workspace",
        ("DA", *QUARTER, "--insight", "{good_text}"),
        "{ws}",
        True,
    ),
    Case(
        ("delivery", "update", "save"), "no text", ("DA", *QUARTER), "achieved, scheduled, insight"
    ),
    Case(("delivery", "update", "show"), "unknown strand", ("XX", *QUARTER), "'XX'"),
    Case(("delivery", "update", "show"), "malformed period", ("DA", "--quarter", "Q5"), "'Q5'"),
    Case(("delivery", "audit"), "unknown entity", ("--entity", "foo"), "'foo'"),
    Case(("delivery", "status"), "reopening silently", ("DA-001", "ongoing"), "--reopen"),
    Case(("delivery", "risk", "add"), "unknown strand", ("XX", "--description", "d"), "'XX'"),
    Case(
        ("delivery", "risk", "add"),
        "unknown rating",
        ("DA", "--description", "d", "--rating", "dire"),
        "'dire'",
    ),
    Case(
        ("delivery", "risk", "add"),
        "read-only workspace",
        ("DA", "--description", "d"),
        "{ws}",
        True,
    ),
    Case(("delivery", "risk", "list"), "unknown strand", ("--strand", "XX"), "'XX'"),
    Case(
        ("delivery", "risk", "list"),
        "missing folder",
        ("--csv", "{missing_folder}/risks.csv"),
        "missing-folder",
    ),
    Case(("delivery", "risk", "rate"), "unknown risk", ("999", "high", "--reason", "r"), "999"),
    Case(
        ("delivery", "risk", "rate"), "not a number", ("first", "high", "--reason", "r"), "'first'"
    ),
    Case(("delivery", "risk", "close"), "unknown risk", ("999", "--reason", "r"), "999"),
    Case(("delivery", "action", "list"), "unknown status", ("--status", "finished"), "'finished'"),
    Case(
        ("delivery", "action", "list"),
        "folder as file",
        ("--xlsx", "{folder}"),
        "folder",
    ),
    Case(("delivery", "action", "show"), "unknown action", ("DA-999",), "'DA-999'"),
    Case(("delivery", "action", "link"), "unknown indicator", ("DA-001", "nonsense"), "'nonsense'"),
    Case(("delivery", "action", "unlink"), "unknown action", ("DA-999", "x"), "'DA-999'"),
    Case(
        ("delivery", "summary"),
        "missing folder",
        (*QUARTER, "--csv", "{missing_folder}/s.csv"),
        "missing-folder",
    ),
    Case(("docs",), "unknown topic", ("nonsense",), "'nonsense'"),
    Case(("revert",), "unknown import", ("999",), "999"),
    Case(("revert",), "read-only workspace", ("1",), "{ws}", True),
    Case(("history", "prune"), "negative count", ("--keep", "-1"), "--keep"),
    Case(("history", "prune"), "read-only workspace", ("--keep", "0"), "{ws}", True),
    *[
        Case(("delivery", "commitment", verb), "unknown commitment", ("P99-C1", *QUARTER), "P99-C1")
        for verb in ("submit", "approve")
    ],
    Case(("delivery", "commitment", "approve"), "no narrative yet", ("P1-C1", *QUARTER), "P1-C1"),
    Case(("delivery", "commitment", "return"), "no reason", ("P1-C1", *QUARTER), "--reason"),
    Case(
        ("delivery", "commitment", "update"),
        "unknown area",
        ("P1-C1", *QUARTER, "--lpa", "East", "--text-file", "{good_text}"),
        "'East'",
    ),
    Case(
        ("delivery", "commitment", "update"),
        "missing file",
        ("P1-C1", *QUARTER, "--text-file", "{missing_txt}"),
        "missing.txt",
    ),
    Case(
        ("delivery", "commitment", "update"),
        "read-only workspace",
        ("P1-C1", *QUARTER, "--text-file", "{good_text}"),
        "{ws}",
        True,
    ),
    Case(("delivery", "commitment", "show"), "malformed period", ("--quarter", "Q5"), "'Q5'"),
    *_file_cases(("delivery", "commitment", "import"), ".csv"),
    Case(
        ("delivery", "commitment", "export"),
        "missing folder",
        ("{missing_folder}/narrative.xlsx",),
        "missing-folder",
    ),
    Case(
        ("report",),
        "malformed period",
        ("plan-quarterly", "--quarter", "Q5 2025", "--out", "{output}.html"),
        "'Q5 2025'",
    ),
    Case(
        ("report",),
        "quarter with no data",
        ("plan-quarterly", "--quarter", "2025/26 Q3", "--out", "{output}.html"),
        "December 2025",
    ),
    Case(
        ("report",),
        "missing folder",
        ("plan-quarterly", "--quarter", "2024/25 Q4", "--out", "{missing_folder}/r.html"),
        "missing-folder",
    ),
    Case(
        ("report",),
        "unknown priority",
        ("deep-dive", "--quarter", "2024/25 Q4", "--priority", "nowhere", "--out", "{output}.html"),
        "no priority 'nowhere'",
    ),
    Case(
        ("report",),
        "folder as output",
        ("strategy-quarterly", "--quarter", "2024/25 Q4", "--out", "{folder}"),
        "folder",
    ),
    *_window_cases(("card",)),
    Case(
        ("card",),
        "unknown area",
        ("burglary", "--force", "essex", "--to", "2025-02", "--area", "lpa:Nowhere"),
        "'Nowhere'",
    ),
    *_window_cases(("summary",), measure=False),
    Case(
        ("summary",),
        "csv to a folder",
        ("--force", "essex", "--to", "2025-02", "--csv", "{folder}"),
        "folder",
    ),
    Case(
        ("summary",),
        "xlsx in a missing folder",
        ("--force", "essex", "--to", "2025-02", "--xlsx", "{missing_folder}/s.xlsx"),
        "missing-folder",
    ),
    *[
        Case(case.command, case.kind, ("monthly", *case.args, "--out", "{output}.svg"), case.names)
        for case in _window_cases(("chart",))
    ],
    Case(
        ("chart",),
        "spc of one month",
        (
            "spc",
            "burglary",
            "--force",
            "essex",
            "--to",
            "2025-02",
            "--months",
            "1",
            "--out",
            "{output}.svg",
        ),
        "--months",
    ),
    Case(
        ("chart",),
        "unknown kind",
        ("pie", "burglary", "--force", "essex", "--to", "2025-02", "--out", "{output}.svg"),
        "'pie'",
    ),
    Case(
        ("chart",),
        "unknown format",
        ("spc", "burglary", "--force", "essex", "--to", "2025-02", "--out", "{output}.txt"),
        "output.txt",
    ),
    Case(("serve",), "port out of range", ("--port", "70000"), "70000"),
    Case(("publish",), "file as output folder", ("--out", "{empty_csv}"), "empty.csv"),
    Case(
        ("user", "add"),
        "unknown role",
        ("x", "--role", "boss", "--password-file", "{good_text}"),
        "'boss'",
    ),
    Case(
        ("user", "add"),
        "missing password file",
        ("x", "--role", "panel", "--password-file", "{missing_txt}"),
        "missing.txt",
    ),
    Case(
        ("user", "add"),
        "short password",
        ("x", "--role", "panel", "--password-file", "{empty_csv}"),
        "at least 12",
    ),
    Case(("user", "set-role"), "unknown user", ("nobody", "--role", "panel"), "'nobody'"),
    Case(
        ("user", "reset-password"),
        "unknown user",
        ("nobody", "--password-file", "{good_text}"),
        "'nobody'",
    ),
    _no_workspace(("user", "list")),
]


def _leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    # list_commands/get_command, not .commands: the root group loads its commands lazily.
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from _leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def test_every_command_of_the_help_has_bad_input_cases() -> None:
    assert {case.command for case in CASES} == set(_leaf_commands(cli))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace, built once and copied for each case."""
    folder = tmp_path_factory.mktemp("template") / "workspace"
    settings = load_settings(folder, {})
    build_demo(settings, "2025-01", "2025-02", forces=("essex", "kent"))
    dispose_engines()
    # Not marked as a demo, so that imports reach their file checks (a demo workspace
    # refuses every import first: tests/test_demo_isolation.py).
    with Workspace.open(settings).connect() as con:
        con.execute("DELETE FROM workspace_info WHERE key = 'label'")
    return folder


def _inputs(folder: Path) -> dict[str, str]:
    folder.mkdir()
    for suffix in (".csv", ".yaml", ".xlsx"):
        (folder / f"empty{suffix}").write_bytes(b"")
        (folder / f"binary{suffix}").write_bytes(bytes(range(256)) * 4)
    (folder / "header.csv").write_text("colour,size\nred,3\n")
    (folder / "header.yaml").write_text("colour: red\n")
    (folder / "folder").mkdir()
    (folder / "good.txt").write_text("Procedure reviewed.\n")
    (folder / "2025-02-essex-street.csv").write_text(
        f"{STREET_HEADER}\nid1,2025-02,Essex Police,Essex Police,0.47,51.73,On or near X,"
        "E01021720,Basildon 001A,Burglary,,\n"
    )
    (folder / "home-office.csv").write_text(
        "Financial_Year,Financial_Quarter,Force_Name,Offence_Code,Number_of_Offences\n"
        "2017/18,1,Essex,17A,12\n"
    )
    (folder / "records.csv").write_text("Ref,Recorded,Category\nR1,2025-02-03,Burglary\n")
    mapping = "force: essex\ncolumns: {reference: Ref, recorded: Recorded, crime_type: Category}\n"
    (folder / "records.yaml").write_text(mapping)
    (folder / "typo.yaml").write_text(mapping.replace("columns:", "colums:"))
    plan = yaml.safe_load(example_plan_path().read_text(encoding="utf-8"))
    plan["measures"]["knives"] = {"source": "home-office", "offence_codes": ["10X"]}
    (folder / "offence-plan.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    names = {
        f"{kind}_{suffix[1:]}": str(folder / f"{kind}{suffix}")
        for kind in ("missing", "empty", "binary", "header")
        for suffix in (".csv", ".yaml", ".xlsx", ".txt")
    }
    return {
        **names,
        "folder": str(folder / "folder"),
        "missing_folder": str(folder / "missing-folder"),
        "output": str(folder / "output"),
        "good_text": str(folder / "good.txt"),
        "good_street": str(folder / "2025-02-essex-street.csv"),
        "good_home_office": str(folder / "home-office.csv"),
        "good_records": str(folder / "records.csv"),
        "records_mapping": str(folder / "records.yaml"),
        "typo_mapping": str(folder / "typo.yaml"),
        "offence_plan": str(folder / "offence-plan.yaml"),
        "good_measures": str(TEST_DATA / "measures" / "good.csv"),
        "good_population": str(TEST_DATA / "population" / "good.csv"),
        "good_weights": str(TEST_DATA / "indicators" / "test-weights.csv"),
        "good_plan": str(example_plan_path()),
        "good_delivery": str(TEST_DATA / "delivery" / "plan_small.csv"),
    }


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _set_read_only(folder: Path, read_only: bool) -> None:
    """Make the workspace unwritable: file modes for a user, the immutable flag for root
    (who ignores modes); skip when neither is possible."""
    paths = [folder, *folder.rglob("*")]
    if os.geteuid() != 0:
        for path in paths:
            mode = path.stat().st_mode
            path.chmod(mode & ~0o222 if read_only else mode | 0o200)
        return
    flag = "+i" if read_only else "-i"
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, check=False)
    if done.returncode != 0 and read_only:
        pytest.skip("cannot make a folder read-only as root here (no chattr)")


def _answer(result: Result) -> list[str]:
    """The lines the user reads, without click's usage preamble (exit code 2)."""
    lines = [line for line in result.output.splitlines() if line.strip()]
    if result.exit_code == 2:
        lines = [line for line in lines if not line.startswith(("Usage:", "Try '"))]
    return lines


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case.xfail))
        if case.xfail
        else case
        for case in CASES
    ],
    ids=[case.id for case in CASES],
)
def test_bad_input_is_one_line_and_changes_nothing(
    case: Case, template: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "workspace"
    shutil.copytree(template, workspace)
    values = {**_inputs(tmp_path / "input"), "ws": str(workspace)}
    args = [arg.format(**values) for arg in case.args]
    root = [
        "--workspace",
        values["empty_csv"] if case.kind == "file as workspace" else str(workspace),
    ]
    before = _fingerprint(workspace)

    if case.read_only:
        _set_read_only(workspace, True)
    try:
        result = CliRunner().invoke(cli, [*root, *case.command, *args], env={"COLUMNS": "200"})
    finally:
        dispose_engines()
        if case.read_only:
            _set_read_only(workspace, False)

    lines = _answer(result)
    assert "Traceback" not in result.output
    assert result.exit_code in (1, 2), result.output
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: "), result.output
    assert case.names.format(**values) in lines[0]
    assert _fingerprint(workspace) == before
