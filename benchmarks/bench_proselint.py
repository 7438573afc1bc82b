"""The tone checker beside proselint, on the same text, in one run.

proselint is the best-known prose linter for Python. It is not a dependency of followkit,
so this benchmark installs it into a separate virtual environment (``.venv-bench``, created
on first use) and times it there, on the same ~1 MB corpus and 150-word message as
``bench_tone_speed.py``. followkit is timed in this process on the same text right after,
and the table shows both with their ratio. If proselint cannot be installed (no network),
the benchmark says so and exits cleanly.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_tone_speed import corpus, message

from followkit.tone import Checker

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".venv-bench"
REPEAT = 30

PROSELINT_TIMER = """
import json, statistics, sys, time
from pathlib import Path
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
big = Path(sys.argv[1]).read_text(encoding="utf-8")
small = Path(sys.argv[2]).read_text(encoding="utf-8")
repeat = int(sys.argv[3])
LintFile("warm-up", small).lint()
start = time.perf_counter()
LintFile("corpus", big).lint()
corpus_seconds = time.perf_counter() - start
times = []
for _ in range(repeat):
    start = time.perf_counter()
    LintFile("message", small).lint()
    times.append(time.perf_counter() - start)
print(json.dumps({"corpus": corpus_seconds, "message": statistics.median(times)}))
"""


def _bench_python() -> Path | None:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        created = subprocess.run(
            [sys.executable, "-m", "venv", str(BENCH_VENV)], check=False, capture_output=True
        )
        if created.returncode != 0:
            return None
    installed = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "proselint",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    return python if installed.returncode == 0 else None


def main() -> None:
    big = corpus(1_000_000)
    small = message(150)
    size_mb = len(big.encode("utf-8")) / 1e6

    checker = Checker("en")
    checker.check(small)
    start = time.perf_counter()
    checker.check(big)
    ours_corpus = time.perf_counter() - start
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        checker.check(small)
        times.append(time.perf_counter() - start)
    ours_message = statistics.median(times)

    python = _bench_python()
    print("Tone checker beside proselint (same text, same run)")
    print(f"{'':<28} {'MB/s (1 MB)':>12} {'ms / 150 words':>15}")
    print(
        f"{'followkit (English rules)':<28} {size_mb / ours_corpus:>12.2f} "
        f"{ours_message * 1e3:>15.3f}"
    )
    if python is None:
        print("proselint: could not be installed in .venv-bench; no comparison this run")
        return
    with tempfile.TemporaryDirectory() as folder:
        big_path = Path(folder) / "corpus.txt"
        small_path = Path(folder) / "message.txt"
        big_path.write_text(big, encoding="utf-8")
        small_path.write_text(small, encoding="utf-8")
        result = subprocess.run(
            [str(python), "-c", PROSELINT_TIMER, str(big_path), str(small_path), str(REPEAT)],
            check=True,
            capture_output=True,
            text=True,
        )
    theirs = json.loads(result.stdout)
    print(f"{'proselint':<28} {size_mb / theirs['corpus']:>12.2f} {theirs['message'] * 1e3:>15.3f}")
    print(
        f"{'followkit / proselint':<28} {theirs['corpus'] / ours_corpus:>11.1f}x "
        f"{theirs['message'] / ours_message:>14.1f}x  (higher is faster)"
    )


if __name__ == "__main__":
    main()
