"""CSV quoting for the few generated values that need it."""

from __future__ import annotations


def csv_field(text: str) -> str:
    """`text` as a CSV field: quoted, as police.uk quotes it, when it holds a comma or quote.

    >>> csv_field("Bournemouth, Christchurch and Poole 001A")
    '"Bournemouth, Christchurch and Poole 001A"'
    """
    if "," in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text
