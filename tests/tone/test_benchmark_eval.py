"""The accuracy benchmark's evaluation code, on a tiny made-up sample (no real figures)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from followkit.tone import Checker

BENCHMARKS = Path(__file__).parent.parent.parent / "benchmarks"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load("bench_tone_accuracy")


def test_roc_auc(bench: ModuleType) -> None:
    assert bench.roc_auc([3, 4], [1, 2]) == 1.0
    assert bench.roc_auc([1, 2], [3, 4]) == 0.0
    assert bench.roc_auc([1, 1], [1, 1]) == 0.5
    assert bench.roc_auc([2, 3], [1, 3]) == 0.625
    with pytest.raises(ValueError, match="both classes"):
        bench.roc_auc([], [1])


def test_quartiles_and_evaluate(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "sample.csv"
    rows = [
        ("Could you please take a look? Thanks so much!", 1.5),
        ("Thank you, I really appreciate your help.", 1.2),
        ("Why did you do that? That's wrong.", -1.4),
        ("So what is your problem?", -1.1),
        ("Is this a bug?", 0.0),
        ("What version?", -0.1),
        ("Hi, would you mind sharing the log?", 0.9),
        ("You broke it.", -0.9),
    ]
    lines = ["Community,Id,Request,Normalized Score"]
    # Every other request from the community the intent model is trained on.
    communities = [bench.TRAINED_COMMUNITY, "x"]
    lines += [f'{communities[i % 2]},{i},"{text}",{score}' for i, (text, score) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = bench.read_corpus(path)
    assert data[0] == (rows[0][0], 1.5, bench.TRAINED_COMMUNITY)
    impolite, polite = bench.quartiles(data)
    assert impolite == ["Why did you do that? That's wrong.", "So what is your problem?"]
    assert polite == ["Thank you, I really appreciate your help.", rows[0][0]]
    assert bench.quartiles(data, unseen=True) == (
        ["So what is your problem?"],
        ["Thank you, I really appreciate your help."],
    )
    result = bench.evaluate(Checker("en"), impolite, polite)
    assert result["accuracy"] == 1.0
    assert result["auc"] == 1.0
    assert result["polite_flagged"] == 0.0


def test_speed_corpus_is_deterministic() -> None:
    speed = load("bench_tone_speed")
    assert speed.corpus(5000) == speed.corpus(5000)
    assert len(speed.corpus(5000)) == 5000
    assert 150 <= len(speed.message().split()) <= 190
    assert speed.ceiling_regex(["respond asap"]).search("please respond asap")
    assert len(speed.rule_phrases()) > 1000
