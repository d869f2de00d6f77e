"""The analytics database's tables (DuckDB). One row of `partitions` per imported
(force, dataset, month) file; the data tables hold every row, duplicates included."""

from __future__ import annotations

SCHEMA_VERSION = 3

VERSIONED_TABLES = (
    "street_crimes", "outcomes", "stop_and_search", "partitions", "rejects",
    "home_office_crimes", "measures", "crime_records",
)  # fmt: skip

# Each data table starts with (force, month): the partition key. `source_line` is the
# line number in the source file, so any figure can be traced back to its record.
STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS workspace_info (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS street_crimes (
        force VARCHAR NOT NULL,
        month DATE NOT NULL,
        crime_id VARCHAR,
        falls_within VARCHAR NOT NULL,
        longitude DOUBLE,
        latitude DOUBLE,
        location VARCHAR,
        lsoa_code VARCHAR,
        lsoa_name VARCHAR,
        district VARCHAR,
        crime_type VARCHAR NOT NULL,
        last_outcome VARCHAR,
        outcome_group VARCHAR,
        solved BOOLEAN,
        context VARCHAR,
        source_line INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS outcomes (
        force VARCHAR NOT NULL,
        month DATE NOT NULL,
        crime_id VARCHAR,
        falls_within VARCHAR NOT NULL,
        longitude DOUBLE,
        latitude DOUBLE,
        location VARCHAR,
        lsoa_code VARCHAR,
        lsoa_name VARCHAR,
        district VARCHAR,
        outcome_type VARCHAR,
        outcome_group VARCHAR,
        solved BOOLEAN,
        source_line INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS stop_and_search (
        force VARCHAR NOT NULL,
        month DATE NOT NULL,
        search_type VARCHAR,
        searched_at VARCHAR,
        part_of_policing_operation BOOLEAN,
        policing_operation VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        gender VARCHAR,
        age_range VARCHAR,
        self_defined_ethnicity VARCHAR,
        officer_defined_ethnicity VARCHAR,
        legislation VARCHAR,
        object_of_search VARCHAR,
        outcome VARCHAR,
        outcome_linked_to_object_of_search BOOLEAN,
        removal_of_more_than_outer_clothing BOOLEAN,
        source_line INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS partitions (
        force VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        month DATE NOT NULL,
        source_file VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        rows_loaded BIGINT NOT NULL,
        rows_rejected BIGINT NOT NULL,
        PRIMARY KEY (force, dataset, month))""",
    """CREATE TABLE IF NOT EXISTS rejects (
        dataset VARCHAR NOT NULL,
        force VARCHAR,
        month DATE,
        source_file VARCHAR NOT NULL,
        line INTEGER NOT NULL,
        field VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        raw VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS home_office_crimes (
        financial_year VARCHAR NOT NULL,
        quarter INTEGER NOT NULL,
        force VARCHAR NOT NULL,
        force_name VARCHAR NOT NULL,
        offence_code VARCHAR NOT NULL,
        offence_description VARCHAR,
        offence_group VARCHAR,
        offence_subgroup VARCHAR,
        crime_type VARCHAR,
        offences BIGINT NOT NULL,
        source_file VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS harm_weights (
        version VARCHAR NOT NULL,
        crime_type VARCHAR NOT NULL,
        weight DOUBLE NOT NULL,
        source VARCHAR NOT NULL,
        PRIMARY KEY (version, crime_type))""",
    """CREATE TABLE IF NOT EXISTS measures (
        measure VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        period_kind VARCHAR NOT NULL,
        period_start DATE NOT NULL,
        period_end DATE NOT NULL,
        area VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        numerator DOUBLE,
        denominator DOUBLE,
        unit VARCHAR,
        source_file VARCHAR NOT NULL,
        source_line INTEGER NOT NULL)""",
    # A force's own crime records (`import records`), partitioned by force and recorded
    # month. Only mapped fields are kept; victim/location keys are stored as keyed hashes;
    # `flags` lists the mapping's flags true for the record (docs/crime-records.md).
    """CREATE TABLE IF NOT EXISTS crime_records (
        force VARCHAR NOT NULL,
        month DATE NOT NULL,
        reference VARCHAR,
        recorded_date DATE NOT NULL,
        recorded_time TIME,
        committed_date DATE,
        committed_time TIME,
        offence_code VARCHAR,
        offence_group VARCHAR,
        crime_type VARCHAR NOT NULL,
        district VARCHAR,
        lpa VARCHAR,
        beat VARCHAR,
        easting DOUBLE,
        northing DOUBLE,
        latitude DOUBLE,
        longitude DOUBLE,
        outcome VARCHAR,
        outcome_group VARCHAR,
        solved BOOLEAN,
        outcome_date DATE,
        victim_key VARCHAR,
        location_key VARCHAR,
        flags VARCHAR[] NOT NULL,
        source_line INTEGER NOT NULL)""",
    # One row per partition an import (or a revert) replaced; see store/history.py.
    """CREATE TABLE IF NOT EXISTS import_history (
        id BIGINT NOT NULL,
        imported_at TIMESTAMP NOT NULL,
        command VARCHAR NOT NULL,
        file VARCHAR,
        sha256 VARCHAR,
        dataset VARCHAR NOT NULL,
        force VARCHAR,
        period VARCHAR NOT NULL,
        measure VARCHAR,
        rows_before BIGINT NOT NULL,
        rows_after BIGINT NOT NULL,
        status VARCHAR NOT NULL,
        reverts BIGINT,
        version_kept BOOLEAN NOT NULL)""",
    # The previous version of each replaced partition, under the import that replaced it.
    *(
        f"CREATE TABLE IF NOT EXISTS {table}_versions AS "
        f"SELECT CAST(NULL AS BIGINT) AS import_id, * FROM {table} LIMIT 0"
        for table in VERSIONED_TABLES
    ),
    # Version 3: a loaded measure's interval or standard error (survey estimates), added
    # to workspaces made before it as well (NULL in rows loaded without them).
    *(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} DOUBLE"
        for table in ("measures", "measures_versions")
        for column in ("lower_bound", "upper_bound", "standard_error")
    ),
)

# The dataset name of a force's own crime records (`import records`) in `partitions`.
RECORDS_DATASET = "records"

DATA_TABLES = {
    "street": "street_crimes",
    "outcomes": "outcomes",
    "stop-and-search": "stop_and_search",
    RECORDS_DATASET: "crime_records",
}
