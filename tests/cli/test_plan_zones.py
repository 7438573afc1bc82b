"""``followkit plan`` labels the times of a recipient in another zone."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def test_followkit_plan_prints_the_labels(run: Any, tmp_path: Path) -> None:
    data = {
        "company": "Acme",
        "position": "Analyst",
        "candidate": {"name": "Alex Kim", "timezone": "America/New_York"},
        "contacts": [{"name": "Kate Sato"}],
        "decided_at": "2026-12-30T16:00",
        "timezone": "Asia/Tokyo",
        "locale": "de",
    }
    path = tmp_path / "app.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("plan", "--from", str(path), "--now", "2026-12-30T16:00+09:00")
    assert result.code == 0, result.err
    assert (
        "Montag, 4. Januar 2027, 09:30 Japanische Normalzeit (bei Ihnen So., 3. Januar, 19:30)"
        " — Kate Sato danken und um Feedback bitten"
    ) in result.out
