"""Charts are turned into SVG in a separate worker process.

vl-convert holds Python's global interpreter lock while it renders (about 0.1 s a chart,
far more on a loaded machine), which would stall every other request of the server. One
worker process per server process renders them instead; the server thread only waits.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from policeplan.render.charts import to_svg

__all__ = ["render_svg"]

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # "spawn": a fresh interpreter, never a fork of a process running threads.
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return _pool


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG text, rendered in the worker process."""
    return _executor().submit(to_svg, spec).result()
