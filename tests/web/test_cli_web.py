"""`policeplan user …` and `policeplan publish --out`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.delivery import audit_trail
from policeplan.store import Workspace
from policeplan.web.accounts import password_hash_of
from policeplan.web.security.passwords import verify_password


def _run(settings: Settings, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args], input=input)
    return result.exit_code, result.output


def test_user_add_from_a_prompt_then_list_and_change_role(web_settings: Settings) -> None:
    typed = "a long secret phrase\na long secret phrase\n"
    code, out = _run(web_settings, "user", "add", "dana", "--role", "lead", "--strand", "dcf",
                     "--actor", "boss", input=typed)  # fmt: skip
    assert code == 0, out
    assert verify_password(password_hash_of(web_settings, "dana"), "a long secret phrase")
    code, out = _run(web_settings, "user", "list", "--json")
    assert {"name": "dana", "role": "lead", "strands": ["DCF"], "active": True} in json.loads(out)
    code, out = _run(web_settings, "user", "set-role", "dana", "--role", "panel", "--actor", "boss")
    assert code == 0 and "dana is now panel" in out
    changes = [(e.actor, e.field, e.new_value) for e in
               audit_trail(Workspace(web_settings), entity="user", ref="dana")]  # fmt: skip
    assert ("boss", "role", "panel") in changes
    assert all(field != "password_hash" for _, field, _ in changes)


def test_user_add_refuses_a_short_password_and_a_lead_without_strands(
    web_settings: Settings, tmp_path: Path
) -> None:
    short = tmp_path / "pw"
    short.write_text("short\n")
    code, out = _run(web_settings, "user", "add", "x", "--role", "panel",
                     "--password-file", str(short))  # fmt: skip
    assert code == 1 and "at least 12" in out
    short.write_text("long enough password\n")
    code, out = _run(web_settings, "user", "add", "x", "--role", "lead",
                     "--password-file", str(short))  # fmt: skip
    assert code == 1 and "--strand" in out


def test_user_reset_password_ends_the_old_password(web_settings: Settings, tmp_path: Path) -> None:
    new = tmp_path / "pw"
    new.write_text("a brand new passphrase\n")
    code, _ = _run(web_settings, "user", "reset-password", "panel", "--password-file", str(new))
    assert code == 0
    hashed = password_hash_of(web_settings, "panel")
    assert verify_password(hashed, "a brand new passphrase")
    assert not verify_password(hashed, "a long test passphrase")


def test_publish_out_writes_static_files_without_drafts(
    web_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    code, text = _run(web_settings, "publish", "--out", str(out))
    assert code == 0, text
    index = (out / "index.html").read_text()
    assert "Police and Crime Plan" in index and "synthetic demo data" in index
    assert (out / "static" / "site.css").is_file() and (out / "indicators.csv").is_file()
    assert "<script" not in index
