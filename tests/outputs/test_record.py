"""The audit record: version, packs and hashes, inputs, release dates, suppressions."""

from __future__ import annotations

import hashlib
import json

from click.testing import CliRunner

from checker import __version__
from checker.cli import main


def test_record_describes_the_run(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme news.\n"
        "<!-- prlint-disable-next-line core.doubled-word: quoted verbatim, approved by counsel -->\nThe the quote.\n",
        encoding="utf-8",
    )
    record_file = tmp_path / "record.json"
    result = CliRunner().invoke(main, ["--record", str(record_file), str(draft)])
    assert result.exit_code == 0
    record = json.loads(record_file.read_text(encoding="utf-8"))
    assert record["prlint_version"] == __version__
    core = next(pack for pack in record["packs"] if pack["id"] == "core")
    assert len(core["sha256"]) == 64 and core["version"]
    [entry] = record["inputs"]
    assert entry["sha256"] == hashlib.sha256(draft.read_bytes()).hexdigest()
    assert entry["release_date"] == {"date": "2026-05-05", "source": "dateline"}
    assert entry["suppressions"] == [
        {
            "line": 2,
            "rules": ["core.doubled-word"],
            "reason": "quoted verbatim, approved by counsel",
            "used": ["core.doubled-word"],
        }
    ]
    assert entry["findings"] == []
