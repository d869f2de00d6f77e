"""The documentation installed with the package is the repository's, word for word."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.docs import TOPICS, doc_text
from tests.conftest import REPO


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_packaged_doc_is_identical_to_the_repository_doc(topic: str) -> None:
    original = (REPO / "docs" / f"{topic}.md").read_text(encoding="utf-8")
    assert doc_text(topic) == original, f"copy docs/{topic}.md to src/policeplan/docs/"


def test_docs_command_prints_the_statistics_guide() -> None:
    result = CliRunner().invoke(cli, ["docs", "statistics"])
    assert result.exit_code == 0
    assert result.output.startswith("# Reading the statistics\n")
    assert "less than 1 time in 20" in result.output


def test_docs_without_a_topic_lists_the_topics() -> None:
    result = CliRunner().invoke(cli, ["docs"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == list(TOPICS)


def test_unknown_topic_is_one_line_with_a_suggestion() -> None:
    result = CliRunner().invoke(cli, ["docs", "statistcs"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: field 'topic': no documentation topic 'statistcs'; did you mean 'statistics'?\n"
    )


@pytest.mark.parametrize("command", ["indicator", "scorecard", "breakdown", "spc", "msg"])
def test_help_of_every_verdict_command_points_to_the_statistics_docs(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert "policeplan docs statistics" in result.output
