"""policeplan: run a Police and Crime Plan from reproducible, statistically honest data."""

from policeplan.config import Settings, load_settings
from policeplan.errors import PolicePlanError

__all__ = ["PolicePlanError", "Settings", "load_settings"]
__version__ = "0.1.0"
