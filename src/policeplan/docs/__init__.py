"""The documentation that ships with the package, printed by `policeplan docs TOPIC`.

The Markdown files here are copies of `docs/<topic>.md` (kept beside the code so a wheel
carries them; `tests/test_packaged_docs.py` fails when a copy differs from its original).

    >>> sorted(TOPICS)
    ['indicators', 'msg', 'spc', 'statistics']
    >>> doc_text("statistics").splitlines()[0]
    '# Reading the statistics'
"""

from __future__ import annotations

import difflib
from importlib.resources import files

from policeplan.errors import InputError

__all__ = ["TOPICS", "doc_text"]

TOPICS = {
    "indicators": "what each indicator computes and how sure it is",
    "msg": "the Most Similar Group table: ranks, MSG average, top quartile, funnel",
    "spc": "statistical process control the Making Data Count way: rules, icons, rebasing",
    "statistics": "how to read 'significant', funnel limits and SPC signals",
}


def doc_text(topic: str) -> str:
    """The Markdown text of `topic`; InputError (field `topic`) for an unknown one."""
    wanted = topic.strip().lower()
    if wanted not in TOPICS:
        close = difflib.get_close_matches(wanted, TOPICS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"topics: {', '.join(TOPICS)}"
        raise InputError(f"no documentation topic {topic!r}; {hint}", field="topic")
    return (files("policeplan.docs") / f"{wanted}.md").read_text(encoding="utf-8")
