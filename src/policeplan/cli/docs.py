"""`policeplan docs [TOPIC]`: the documentation installed with the package."""

from __future__ import annotations

import click

from policeplan.docs import TOPICS, doc_text


@click.command("docs")
@click.argument("topic", required=False)
def docs_command(topic: str | None) -> None:
    """Print the documentation of TOPIC (statistics, indicators, msg); without TOPIC, list
    the topics."""
    if topic is None:
        width = max(len(name) for name in TOPICS)
        click.echo("Topics (policeplan docs TOPIC):")
        for name, about in TOPICS.items():
            click.echo(f"  {name:<{width}}  {about}")
        return
    click.echo(doc_text(topic), nl=False)
