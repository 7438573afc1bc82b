"""Import and start-up cost: whole-process wall time against a bare interpreter.

Targets (issue "Quality gates"): ``import followkit`` at most 2x ``python -c pass`` and
``followkit --version`` at most 4x. ``followkit check`` of one short message is measured
without a target: a command that reads the rules and the intent model takes about a tenth
of a second, which is fine for a command. Each
command runs many times, interleaved so that machine noise hits all of them alike, and the
median is compared. Run with ``make bench`` or ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 40
SHORT_MESSAGE = (
    "Hi Jordan,\n\nThank you for letting me know, and for your time during the interviews. "
    "Could you share one or two areas I could improve?\n\nBest regards,\nAlex\n"
)


def _followkit_command() -> list[str]:
    script = Path(sys.executable).with_name("followkit")
    if script.exists():
        return [str(script)]
    found = shutil.which("followkit")
    return [found] if found else [sys.executable, "-m", "followkit"]


def _time(command: list[str], stdin: str | None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        input=stdin,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def _compile_bytecode() -> None:
    """Write followkit's bytecode, as ``pip install`` does for an installed package.

    An editable install imports from the source tree, where nothing writes ``.pyc`` files
    when ``PYTHONDONTWRITEBYTECODE`` is set; every process would then compile every module
    again, which no installed copy of followkit does.
    """
    import compileall  # noqa: PLC0415

    import followkit  # noqa: PLC0415

    compileall.compile_dir(str(Path(followkit.__file__).parent), quiet=1)


def main() -> None:
    _compile_bytecode()
    followkit = _followkit_command()
    cases: list[tuple[str, list[str], str | None, float | None]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None, None),
        ("import followkit", [sys.executable, "-c", "import followkit"], None, 2.0),
        ("followkit --version", [*followkit, "--version"], None, 4.0),
        ("followkit check (1 message)", [*followkit, "check", "-"], SHORT_MESSAGE, None),
    ]
    samples: dict[str, list[float]] = {name: [] for name, *_ in cases}
    for _name, command, stdin, _ in cases:  # warm the file-system cache once
        _time(command, stdin)
    for _ in range(RUNS):
        for name, command, stdin, _ in cases:
            samples[name].append(_time(command, stdin))
    base = statistics.median(samples["python -c pass"])
    print(f"Start-up cost, median of {RUNS} runs each (interleaved)")
    print(f"{'command':<30} {'median ms':>10} {'x bare':>8} {'target':>8}  verdict")
    for name, _, _, target in cases:
        median = statistics.median(samples[name])
        ratio = median / base
        goal = f"<= {target:.0f}x" if target else "-"
        verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
        print(f"{name:<30} {median * 1000:>10.1f} {ratio:>8.2f} {goal:>8}  {verdict}")
    code = (
        "import sys, followkit; print(sorted(m for m in sys.modules if m.startswith('followkit')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"\nfollowkit modules loaded by `import followkit`: {loaded}")


if __name__ == "__main__":
    main()
