"""The analytics store: the workspace directory and its DuckDB database."""

from policeplan.store.schema import DATA_TABLES
from policeplan.store.workspace import SYNTHETIC_LABEL, Workspace

__all__ = ["DATA_TABLES", "SYNTHETIC_LABEL", "Workspace"]
