"""`guillemet ARTICLE`: bad inputs fail before the app starts; the parts stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guillemet.cli import main
from guillemet.commands.read import build_app


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    status = main([str(tmp_path / "absent.txt")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("guillemet: ") and "absent.txt" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_binary_file_is_refused_before_the_app(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 10)
    assert main([str(binary)]) == 2
    assert "binary" in capsys.readouterr().err


def test_the_good_inputs_open_and_the_bad_ones_are_reported(tmp_path: Path, sample_path) -> None:
    app, errors = build_app([str(tmp_path / "absent.txt"), str(sample_path)])
    assert len(errors) == 1 and "absent.txt" in str(errors[0])
    assert app.reader.article.source == str(sample_path)


def test_an_unknown_theme_is_a_user_error(sample_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("guillemet.commands.read.require_terminal", lambda from_stdin: None)
    assert main([str(sample_path), "--theme", "no-such-theme"]) == 2
    assert "unknown theme" in capsys.readouterr().err


def test_options_parse(sample_path) -> None:
    app, _ = build_app([str(sample_path), "--light", "--model", "fr_core_news_sm",
                        "--no-cache", "--sidecar", "notes.json"])
    assert app.theme == "guillemet-light"
    assert app.reader.source.model == "fr_core_news_sm" and not app.reader.source.use_cache
    default, _ = build_app([str(sample_path)])
    assert default.reader.source.model is None and default.reader.source.use_cache


@pytest.mark.parametrize("module", ["guillemet.analysis_service.process", "guillemet.reading.layout",
                                    "guillemet.reading.model", "guillemet.tui.keymap",
                                    "guillemet.tui.first_screen", "guillemet.tui.theme_colours"])
def test_pure_parts_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit(any(m in sys.modules for m in ('textual', 'spacy', 'rich')))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def _run_in_terminal(argv: list[str], stdin_text: str, keys: bytes, env: dict[str, str], wait_for: bytes) -> tuple[int, bytes]:
    """Run `argv` with `stdin_text` piped on standard input but a pseudo-terminal as its
    controlling terminal and output; type `keys` once `wait_for` is on screen."""
    import os
    import pty
    import select
    import time

    pid, master = pty.fork()
    if pid == 0:  # the child: the article on a pipe as fd 0, the terminal stays /dev/tty
        read_end, write_end = os.pipe()
        os.write(write_end, stdin_text.encode("utf-8"))
        os.close(write_end)
        os.dup2(read_end, 0)
        os.execvpe(argv[0], argv, env)
    screen = b""
    typed = False
    deadline = time.monotonic() + 60
    status = None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                screen += os.read(master, 65536)
            except OSError:
                pass
        if not typed and wait_for in screen:
            time.sleep(0.5)
            os.write(master, keys)
            typed = True
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise AssertionError(f"the reader did not quit; screen so far: {screen[-2000:]!r}")
    os.close(master)
    return os.waitstatus_to_exitcode(status), screen


def test_an_article_from_standard_input_still_reads_keys_from_the_terminal(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, TERM="xterm-256color", XDG_CONFIG_HOME=str(tmp_path / "config"),
               GUILLEMET_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="100", LINES="30")
    code, screen = _run_in_terminal(
        [sys.executable, "-m", "guillemet", "-"],
        "Un titre\n« Nous verrons », a déclaré Paul Martin.\n",
        b"q",
        env,
        wait_for="verrons".encode("utf-8"),
    )
    assert code == 0, screen[-2000:]


def test_an_article_from_standard_input_with_no_terminal_is_one_line_and_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "guillemet", "-"], input="« Oui », dit-il.".encode(),
        capture_output=True, start_new_session=True, timeout=60,  # no controlling terminal
    )
    err = result.stderr.decode()
    assert result.returncode == 2 and "no terminal" in err and err.count("\n") == 1


async def test_inputs_that_could_not_be_opened_are_shown_in_the_reader(tmp_path: Path, sample_path) -> None:
    app, errors = build_app([str(tmp_path / "absent.txt"), str(sample_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("absent.txt" in message for message in shown)
        app.reader.source.cancel()
