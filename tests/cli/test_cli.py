"""The command as a whole: parsing, --help, --version, exit codes, errors, atomic output."""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followkit.cli import DRAFT_KINDS, _io, _version, build_parser, main
from followkit.cli._io import OutputError, atomic_write, write_output


def one_line(text: str) -> str:
    assert text.endswith("\n")
    assert text.count("\n") == 1, text
    assert "Traceback" not in text
    return text.rstrip("\n")


class TestParser:
    def test_version(self, run: Any) -> None:
        result = run("--version")
        assert (result.code, result.out, result.err) == (
            0,
            f"followkit {version('followkit')}\n",
            "",
        )

    def test_version_among_other_arguments(self, run: Any) -> None:
        result = run("--version", "rules")
        assert (result.code, result.out) == (0, f"followkit {version('followkit')}\n")

    def test_version_without_the_fast_path(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import followkit.cli

        def unreadable(path: str) -> list[str]:
            raise PermissionError(path)

        monkeypatch.setattr(followkit.cli.os, "listdir", unreadable)
        assert _version() == version("followkit")

    def test_version_skips_unreadable_metadata(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        expected = version("followkit")
        (tmp_path / "followkit-9.9.dist-info").mkdir()  # no METADATA file in it
        monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
        assert _version() == expected

    def test_help_shows_examples(self, run: Any) -> None:
        result = run("--help")
        assert result.code == 0
        assert "examples:" in result.out
        assert "exit status: 0 success, 1 check found problems, 2 usage or input error" in (
            result.out
        )
        for command in ("check", "draft", "plan", "rules"):
            assert command in result.out

    @pytest.mark.parametrize("command", ["check", "draft", "plan", "rules"])
    def test_every_command_has_help_with_examples(self, run: Any, command: str) -> None:
        result = run(command, "--help")
        assert result.code == 0
        assert f"usage: followkit {command}" in result.out
        assert "examples:" in result.out
        assert result.err == ""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            ((), "followkit: error: the following arguments are required: COMMAND"),
            (("frobnicate",), "followkit: error: argument COMMAND: invalid choice: 'frobnicate'"),
            (("check", "--format", "xml"), "followkit check: error: argument --format: invalid"),
            (("check", "--fix", "--diff"), "argument --diff: not allowed with argument --fix"),
            (("draft",), "followkit draft: error: the following arguments are required: KIND"),
            (("draft", "apology"), "argument KIND: unknown kind 'apology' (choose from thank-you"),
            (("draft", "thank-you", "--variant", "x"), "argument --variant: 'x' is not a whole"),
            (("draft", "thank-you", "--variant", "-1"), "argument --variant: '-1' must be 0 or"),
            (("plan",), "the following arguments are required: --from"),
            (("rules", "--bogus"), "followkit: error: unrecognized arguments: --bogus"),
        ],
    )
    def test_usage_errors_are_one_line_and_exit_2(
        self, run: Any, argv: tuple[str, ...], message: str
    ) -> None:
        result = run(*argv)
        assert result.code == 2
        assert result.out == ""
        line = one_line(result.err)
        assert message in line
        assert line.endswith("--help')")

    def test_undecodable_arguments_are_shown_escaped(self, run: Any) -> None:
        result = run("rules", "--bogus\ud800")
        assert result.code == 2
        assert "unrecognized arguments: --bogus\\ud800" in one_line(result.err)
        result = run("check", "\x00name")
        assert one_line(result.err) == "followkit: error: '\\x00name': is not a valid file name"

    def test_kinds_accept_underscores_and_case(self) -> None:
        args = build_parser().parse_args(["draft", "Thank_You", "--company", "A"])
        assert args.kind == "thank-you"

    def test_every_kind_is_a_builder(self) -> None:
        from followkit import messages

        for kind in DRAFT_KINDS:
            assert callable(getattr(messages, kind.replace("-", "_")))

    def test_main_reads_sys_argv(self, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
        monkeypatch.setattr(sys, "argv", ["followkit", "--version"])
        assert main() == 0
        assert capsys.readouterr().out.startswith("followkit ")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "check",
                "draft",
                "plan",
                "rules",
                "--format",
                "json",
                "sarif",
                "ics",
                "--locale",
                "xx",
                "de",
                "--from",
                "--now",
                "--fix",
                "--diff",
                "--variant",
                "-1",
                "--fail-on",
                "thank-you",
                "-o",
                "--",
                "-",
                "--version",
                "\x00",
                "\ud800",
                "é" * 3,
            ]
        )
        | st.text(max_size=12),
        max_size=6,
    )
)
def test_fuzzed_arguments_never_crash(run: Any, tmp_path_factory: Any, argv: list[str]) -> None:
    # Run inside an empty folder so that a fuzzed "-o x" cannot write anywhere that matters.
    folder = tmp_path_factory.mktemp("fuzz")
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = run(*argv, stdin="Hi Jordan, thank you for your time.\n")
    finally:
        os.chdir(cwd)
    assert result.code in {0, 1, 2}
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
    if result.code == 2:
        assert result.err.count("\n") == 1, result.err


class TestErrors:
    def test_a_missing_file(self, run: Any, tmp_path: Path) -> None:
        result = run("check", str(tmp_path / "nope.txt"))
        assert result.code == 2
        assert one_line(result.err) == (
            f"followkit: error: {tmp_path / 'nope.txt'}: no such file or directory"
        )

    def test_a_directory(self, run: Any, tmp_path: Path) -> None:
        result = run("check", str(tmp_path))
        assert result.code == 2
        assert one_line(result.err).endswith(f"{tmp_path}: is a directory, not a file")

    def test_not_utf8(self, run: Any, tmp_path: Path) -> None:
        path = tmp_path / "latin1.txt"
        path.write_bytes("Hello\nMerci beaucoup, très aimable\n".encode("latin-1"))
        result = run("check", str(path))
        assert result.code == 2
        assert one_line(result.err).endswith(
            "latin1.txt: line 2: is not UTF-8 text (byte 0xE8); save it as UTF-8"
        )

    def test_stdin_twice(self, run: Any) -> None:
        result = run("check", "-", "-")
        assert result.code == 2
        assert (
            one_line(result.err) == "followkit: error: standard input ('-') can be read only once"
        )

    def test_an_unexpected_exception_is_one_line(
        self, run: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from followkit.cli import _check

        def boom(args: object) -> int:
            raise RuntimeError("something\nbroke")

        monkeypatch.setattr(_check, "run_rules", boom)
        result = run("rules")
        assert result.code == 2
        assert one_line(result.err) == (
            "followkit: internal error: RuntimeError: something broke "
            "(please report this at the project's issue tracker)"
        )

    @pytest.mark.parametrize(
        ("exception", "message"),
        [
            (KeyboardInterrupt(), "followkit: interrupted"),
            (MemoryError(), "followkit: error: out of memory (is the input far too large?)"),
        ],
    )
    def test_interrupts_and_memory(
        self, run: Any, monkeypatch: pytest.MonkeyPatch, exception: BaseException, message: str
    ) -> None:
        from followkit.cli import _check

        def boom(args: object) -> int:
            raise exception

        monkeypatch.setattr(_check, "run_rules", boom)
        result = run("rules")
        assert (result.code, one_line(result.err)) == (2, message)

    def test_broken_pipe_in_process(self, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        from followkit.cli import _check

        def gone(args: object) -> int:
            raise BrokenPipeError

        monkeypatch.setattr(_check, "run_rules", gone)
        result = run("rules")
        assert (result.code, one_line(result.err)) == (
            2,
            "followkit: error: output closed early (broken pipe)",
        )

    def test_broken_pipe(self) -> None:
        code = "import sys\nfrom followkit.cli import main\nsys.exit(main(['rules']))\n"
        process = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None
        process.stdout.close()  # the reader goes away before anything is written
        _, err = process.communicate(timeout=60)
        assert process.returncode == 2
        assert b"Traceback" not in err
        assert err.decode().strip().endswith("output closed early (broken pipe)")


class TestInputsAreNeverOverwritten:
    @pytest.mark.parametrize(
        "argv",
        [
            ("check", "{input}", "-o", "{input}"),
            ("check", "{input}", "-o", "{alias}"),
            ("plan", "--from", "{input}", "-o", "{input}"),
            ("draft", "thank-you", "--from", "{input}", "-o", "{input}"),
        ],
    )
    def test_refused(self, run: Any, tmp_path: Path, argv: tuple[str, ...]) -> None:
        import json

        from .conftest import APP

        path = tmp_path / "in.json"
        path.write_text(json.dumps(APP), encoding="utf-8")
        alias = tmp_path / "alias.json"
        alias.symlink_to(path)
        before = path.read_bytes()
        args = [a.format(input=path, alias=alias) for a in argv]
        result = run(*args)
        assert result.code == 2
        assert "would overwrite the input" in one_line(result.err)
        assert path.read_bytes() == before

    def test_a_different_file_is_fine(self, run: Any, tmp_path: Path) -> None:
        source = tmp_path / "a.txt"
        source.write_text("Hello", encoding="utf-8")
        assert run("check", str(source), "-o", str(tmp_path / "report.txt")).code in {0, 1}
        assert run("check", "-o", str(source), stdin="Hello").code in {0, 1}


class TestAtomicWrite:
    def test_new_file_gets_the_umask_mode(self, tmp_path: Path) -> None:
        target = tmp_path / "out.txt"
        atomic_write(str(target), "hello\n")
        assert target.read_text(encoding="utf-8") == "hello\n"
        mask = os.umask(0)
        os.umask(mask)
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    def test_existing_file_keeps_its_mode(self, tmp_path: Path) -> None:
        target = tmp_path / "out.txt"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o600)
        atomic_write(str(target), b"new")
        assert target.read_bytes() == b"new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def test_missing_directory(self, tmp_path: Path) -> None:
        with pytest.raises(OutputError, match=r"nope/out.txt: cannot write here: no such file"):
            atomic_write(str(tmp_path / "nope" / "out.txt"), "x")

    def test_a_directory_is_not_replaced(self, tmp_path: Path) -> None:
        with pytest.raises(OutputError, match="is a directory; give a file name"):
            atomic_write(str(tmp_path), "x")

    def test_failure_leaves_the_old_file_and_no_temporary(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.txt"
        target.write_text("old", encoding="utf-8")

        def full_disk(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full_disk)
        with pytest.raises(OutputError, match="out.txt: cannot write: no space left on device"):
            atomic_write(str(target), "new")
        assert target.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    def test_an_interrupt_also_cleans_up(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.txt"

        def interrupted(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            atomic_write(str(target), "new")
        assert list(tmp_path.iterdir()) == []

    def test_unreadable_target(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def denied(self: Path, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "stat", denied)
        with pytest.raises(OutputError, match="out.txt: permission denied"):
            atomic_write(str(tmp_path / "out.txt"), "x")

    def test_stdout_without_a_buffer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import io

        class TextOnly(io.StringIO):
            pass

        stream = TextOnly()
        monkeypatch.setattr(sys, "stdout", stream)
        write_output(None, b"bytes\n")
        write_output("-", "text\n")
        assert stream.getvalue() == "bytes\ntext\n"

    def test_stdin_without_a_buffer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import io

        monkeypatch.setattr(sys, "stdin", io.StringIO("hello"))
        assert _io.read_text("-") == "hello"


class TestSubprocess:
    def test_python_m_followkit(self, tmp_path: Path) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "followkit", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stdout.strip()) == (
            0,
            f"followkit {version('followkit')}",
        )

    def test_an_error_in_a_real_process(self, tmp_path: Path) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "followkit", "plan", "--from", str(tmp_path / "none.csv")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2
        assert result.stdout == ""
        assert one_line(result.stderr).endswith("none.csv: no such file or directory")

    def test_import_is_cheap(self) -> None:
        code = (
            "import sys, followkit.cli\n"
            "heavy = ['attrs', 'babel', 'email_validator', 'holidays', 'icalendar', 'json',\n"
            "         'typing', 'tomllib', 'importlib.metadata', 'followkit.model',\n"
            "         'followkit.messages', 'followkit.tone', 'followkit.timeline']\n"
            "print(','.join(name for name in heavy if name in sys.modules))\n"
        )
        loaded = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert loaded == ""


class TestGarbageCollector:
    """Only the command's own process sets the collector aside for the compiled rules."""

    def test_own_process_freezes_the_rules(self) -> None:
        code = (
            "import gc, sys\nfrom followkit.cli import main\n"
            "sys.argv = ['followkit', 'check', '-']\nstatus = main()\n"
            "print(status, gc.get_freeze_count() > 1000, gc.isenabled())\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            input="Hi Jordan,\n\nThank you for your time.\n\nBest regards,\nAlex\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.stdout.strip().splitlines()[-1] == "0 True True", done.stderr

    def test_called_in_process_leaves_the_collector_alone(self, run: Any) -> None:
        frozen = gc.get_freeze_count()
        result = run("check", "-", stdin="Hi Jordan,\n\nThank you.\n\nBest,\nAlex\n")
        assert result.code in {0, 1}
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
