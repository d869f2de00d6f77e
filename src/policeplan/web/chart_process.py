"""Charts are turned into SVG (and the Vega scripts bundled) in a separate worker process.

vl-convert holds Python's global interpreter lock while it renders (about 0.1 s a chart,
far more on a loaded machine), which would stall every other request of the server. One
worker process per server process renders them instead; the server thread only waits.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from typing import Any

import vl_convert

from policeplan.render.charts import to_svg
from policeplan.render.charts.export import VEGA_LITE_VERSION

__all__ = ["VEGA_BUNDLE_VERSION", "render_svg", "vega_bundle"]

# The bundle's address carries this, so browsers may keep it for good.
VEGA_BUNDLE_VERSION = f"{version('vl-convert-python')}-vl{VEGA_LITE_VERSION}"

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_bundle: bytes | None = None


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


def vega_bundle() -> bytes:
    """Vega, Vega-Lite and vega-embed as one script (`vl_convert.javascript_bundle`, no
    network), made once per server in the worker process."""
    global _bundle
    if _bundle is None:
        text = _executor().submit(_javascript_bundle).result()
        _bundle = text.encode("utf-8")
    return _bundle


# The bundle's default snippet: vega-embed, Vega and Vega-Lite as globals for charts.js.
_EXPOSE_GLOBALS = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"


def _javascript_bundle() -> str:
    return str(vl_convert.javascript_bundle(_EXPOSE_GLOBALS, VEGA_LITE_VERSION))
