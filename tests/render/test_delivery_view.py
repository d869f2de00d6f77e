"""The delivery audit view shows what a reader knows records by: no internal ids, no None."""

from __future__ import annotations

from datetime import UTC, datetime

from policeplan.delivery import AuditRecord
from policeplan.render import audit_text

AT = datetime(2021, 10, 4, 9, 30, tzinfo=UTC)


def entry(field: str, old: str | None, new: str | None, **kw: str | None) -> AuditRecord:
    base: dict[str, str | None] = {"operation": "update", "entity": "action", "ref": "DA-002"}
    base |= kw
    return AuditRecord(AT, "analyst", str(base["operation"]), str(base["entity"]),
                       str(base["ref"]), field, old, new, base.get("reason"),
                       base.get("old_label"), base.get("new_label"))  # fmt: skip


def test_a_strand_move_shows_strand_codes_not_ids() -> None:
    text = audit_text([entry("strand_id", "3", "7", old_label="HC", new_label="DA")])

    assert text == "2021-10-04 09:30:00  analyst  action DA-002 update: strand 'HC' -> 'DA'"


def test_a_creation_skips_empty_fields_and_never_prints_none() -> None:
    created = [
        entry("ref", None, "DA-002", operation="create"),
        entry("title", None, "Patrol the park", operation="create"),
        entry("source", None, "", operation="create"),
        entry("at_risk", None, "false", operation="create"),
    ]

    text = audit_text(created)

    assert text == (
        "2021-10-04 09:30:00  analyst  action DA-002 created: title 'Patrol the park'; at risk no"
    )


def test_a_cleared_value_reads_none_in_words_and_the_reason_once() -> None:
    text = audit_text([entry("reason", "no premises", None, reason="premises found")])

    assert "None" not in text
    words = " ".join(text.split())  # long lines wrap
    assert words.endswith("reason 'no premises' -> (none) (why: premises found)")


def test_link_records_are_named_by_what_they_link() -> None:
    text = audit_text([entry("priority", None, "crime-prevention", operation="create",
                             entity="strand priority", ref="17")])  # fmt: skip

    assert "17" not in text
    assert "strand priority created: priority 'crime-prevention'" in text
