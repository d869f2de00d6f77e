"""The packaged Making Data Count icons: one per icon name, valid SVG, text alternative, colours."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from policeplan.render.icons import (
    ASSURANCE_ICONS,
    ICON_NAMES,
    VARIATION_ICONS,
    icon_alt_text,
    icon_data_url,
    icon_svg,
)
from policeplan.stats.mdc_icons import AssuranceIcon, VariationIcon

SVG = "{http://www.w3.org/2000/svg}"
COLOURS = {
    "common_cause": "#a6a6a6",
    "improvement_high": "#289de0",
    "improvement_low": "#289de0",
    "concern_high": "#fab428",
    "concern_low": "#fab428",
    "neutral_high": "#361475",
    "neutral_low": "#361475",
    "pass": "#289de0",
    "fail": "#fab428",
    "hit_and_miss": "#a6a6a6",
}


def test_every_icon_the_engine_can_return_has_a_file() -> None:
    assert set(VARIATION_ICONS) == {str(icon) for icon in VariationIcon}
    assert set(ASSURANCE_ICONS) == {str(icon) for icon in AssuranceIcon}


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_is_svg_with_its_text_alternative_as_title(name: str) -> None:
    root = ElementTree.fromstring(icon_svg(name))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == icon_alt_text(name)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_ring_has_the_making_data_count_colour(name: str) -> None:
    ring = ElementTree.fromstring(icon_svg(name)).find(f"{SVG}circle")

    assert ring is not None and ring.get("stroke") == COLOURS[name]


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_refers_to_nothing_outside_itself(name: str) -> None:
    urls = re.findall(r"https?://[^\s\"'<>]+", icon_svg(name))

    assert urls == ["http://www.w3.org/2000/svg"]
    assert "href" not in icon_svg(name)
    assert icon_data_url(name).startswith("data:image/svg+xml;base64,")


def test_icons_are_package_data() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())

    assert "render/icons/*.svg" in pyproject["tool"]["setuptools"]["package-data"]["policeplan"]


def test_unknown_icon_name_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="common_cause"):
        icon_svg("amber")
