"""Tables for files: typed `Table` objects built from results, written as CSV or Excel.

A builder is a small function from one typed result to a `Table` (real numbers, headings,
an Excel number format per numeric column); `write_csv`/`write_xlsx` write any `Table`.
A command adopts them with `policeplan.cli.table_options`: `@table_file_options` adds
`--csv PATH` and `--xlsx PATH`, and one line, `write_table_files(some_table(result), **files)`,
writes whichever were asked for.

    >>> t = table("Counts", ("Month", "Crimes"), [("2025-01", 1234)], {"Crimes": COUNT})
    >>> t.number_formats["Crimes"]
    '#,##0'
"""

from policeplan.render.tables.delivery import actions_table, risks_table, summary_table
from policeplan.render.tables.indicators import breakdown_table, indicator_table, scorecard_table
from policeplan.render.tables.msg_spc import harm_msg_table, msg_table, msg_values_table, spc_table
from policeplan.render.tables.table import COUNT, PERCENT, RATE, RATIO, Cell, Table, table
from policeplan.render.tables.workspace import (
    coverage_table,
    history_table,
    measures_table,
    rejects_table,
)
from policeplan.render.tables.writers import sheet_name, write_csv, write_xlsx

__all__ = [
    "COUNT",
    "PERCENT",
    "RATE",
    "RATIO",
    "Cell",
    "Table",
    "actions_table",
    "breakdown_table",
    "coverage_table",
    "harm_msg_table",
    "history_table",
    "indicator_table",
    "measures_table",
    "msg_table",
    "msg_values_table",
    "rejects_table",
    "risks_table",
    "scorecard_table",
    "sheet_name",
    "spc_table",
    "summary_table",
    "table",
    "write_csv",
    "write_xlsx",
]
