"""The Making Data Count icons as SVG files shipped in the package, each with a text alternative.

Variation icons (`common_cause`, `improvement_high`, `improvement_low`, `concern_high`,
`concern_low`, `neutral_high`, `neutral_low`) and assurance icons (`pass`, `fail`,
`hit_and_miss`), drawn for policeplan in the MDC colours: blue #289de0 improvement, orange
#fab428 concern, grey #a6a6a6 common cause, purple #361475 special cause with no improvement
direction (the NHSRplotthedots palette). Each SVG carries its text alternative as `<title>`.

>>> icon_alt_text("concern_low")
'Special cause concern: unusually low values, where higher is better'
>>> icon_svg("pass").startswith("<svg")
True
>>> icon_path("fail").name
'fail.svg'
"""

from __future__ import annotations

import base64
from importlib import resources
from importlib.resources.abc import Traversable

from policeplan.stats.mdc_icons import ICON_ALT_TEXT

IMPROVEMENT_COLOUR = "#289de0"
CONCERN_COLOUR = "#fab428"
COMMON_CAUSE_COLOUR = "#a6a6a6"
NEUTRAL_COLOUR = "#361475"

ALT_TEXT = ICON_ALT_TEXT
VARIATION_ICONS = tuple(name for name in ALT_TEXT if name not in ("pass", "fail", "hit_and_miss"))
ASSURANCE_ICONS = ("pass", "fail", "hit_and_miss")
ICON_NAMES = tuple(ALT_TEXT)


def icon_path(name: str) -> Traversable:
    """The packaged SVG file of icon `name` (a `Traversable`; `str()` gives a path on disk)."""
    _check(name)
    return resources.files("policeplan.render.icons").joinpath(f"{name}.svg")


def icon_svg(name: str) -> str:
    """The SVG text of icon `name`."""
    return icon_path(name).read_text(encoding="utf-8")


def icon_data_url(name: str) -> str:
    """The icon as a `data:` URL, to embed it in a chart or a page without any file."""
    encoded = base64.b64encode(icon_svg(name).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def icon_alt_text(name: str) -> str:
    """The text alternative of icon `name` (also the SVG's `<title>`)."""
    _check(name)
    return ALT_TEXT[name]


def _check(name: str) -> None:
    if name not in ALT_TEXT:
        raise ValueError(f"no icon {name!r}; icons are: {', '.join(ICON_NAMES)}")
