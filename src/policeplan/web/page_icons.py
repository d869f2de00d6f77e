"""The Making Data Count icons as pages show them: an image with its text alternative.

>>> page_icon("pass").alt
'Assurance: the process will consistently meet the target'
>>> page_icon(None) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.render.icons import icon_alt_text, icon_data_url

__all__ = ["Icon", "page_icon"]


@dataclass(frozen=True)
class Icon:
    """An icon's name, text alternative and image (a `data:` URL, so published pages need
    no other file and the Content-Security-Policy's `img-src 'self' data:` allows it)."""

    name: str
    alt: str
    src: str


def page_icon(name: str | None) -> Icon | None:
    return None if name is None else Icon(name, icon_alt_text(name), icon_data_url(name))
