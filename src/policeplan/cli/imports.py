"""`policeplan import …`: one subcommand per kind of source."""

from __future__ import annotations

import click

from policeplan.cli.import_crime_records import import_crime_records_command
from policeplan.cli.import_home_office import import_home_office_command
from policeplan.cli.import_measures import import_measures_command
from policeplan.cli.import_police_uk import import_police_uk_command
from policeplan.cli.import_population import import_population_command


@click.group("import")
def import_group() -> None:
    """Load data into the workspace (police.uk files, Home Office tables, other measures).

    \b
    Exit codes: 0 everything loaded, 3 finished with rejected rows or files
    (see `policeplan rejects`), 1 error, 2 usage error, 130 interrupted (Ctrl-C).
    Replaced data is kept: see `policeplan history` and `policeplan revert`.
    """


import_group.add_command(import_police_uk_command)
import_group.add_command(import_home_office_command)
import_group.add_command(import_measures_command)
import_group.add_command(import_crime_records_command)
import_group.add_command(import_population_command)
