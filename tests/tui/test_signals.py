"""SIGTERM and SIGHUP end the real reader as `q` does, and so does a terminal closed without a
signal: a note written a moment before is saved, the terminal is given back, and the exit
status says which signal ended it.

The reader runs as a command on a pseudo-terminal, with a model that is not installed: no
analysis (the article stays readable), so no spaCy to wait for. The note is written on text
selected with the mouse.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from guillemet.annotations.document import document_from_json

NOTE = "zebre42"
ALTERNATE_SCREEN_OFF = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"
DRAG_OVER_THE_TEXT = b"\x1b[<0;5;6M\x1b[<32;25;6M\x1b[<32;40;7M\x1b[<0;40;7m"
"""SGR mouse reports: press in the article's first lines, drag, release."""


class Terminal:
    """The reader running on a pseudo-terminal, with what it has written so far."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True)
        os.close(slave)
        self.screen = b""

    def read_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([self.master], [], [], 0.02)[0]:
                try:
                    self.screen += os.read(self.master, 1 << 16)
                except OSError:
                    return

    def wait_for(self, wanted: bytes, timeout: float = 60) -> None:
        start = len(self.screen)
        deadline = time.monotonic() + timeout
        while wanted not in self.screen[start:] and time.monotonic() < deadline and self.process.poll() is None:
            self.read_for(0.05)
        assert wanted in self.screen[start:], (wanted, self.screen[-3000:])

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def end(self, timeout: float = 30) -> int:
        """The exit status once the process ends (it is killed if it does not)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read_for(0.05)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the reader did not end; screen so far: {self.screen[-2000:]!r}")
        self.read_for(0.1)
        return self.process.returncode

    def close_window(self) -> None:
        """The window is gone: nothing can be written to the terminal any more."""
        os.close(self.master)
        self.master = os.open(os.devnull, os.O_RDONLY)  # for `close()`

    def exit_status(self, after: str, timeout: float = 30) -> int:
        """The exit status once the process ends by itself, without reading the terminal."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the reader did not end {after}") from None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        try:
            os.close(self.master)
        except OSError:
            pass


@pytest.fixture()
def article_path(tmp_path: Path, sample_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(sample_path.read_bytes())
    return path


@pytest.fixture()
def terminal(article_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    env = dict(os.environ, TERM="xterm-256color", XDG_DATA_HOME=str(tmp_path / "data"))
    for name in ("COLUMNS", "LINES"):  # pytest-xdist sets 80×24, which would win over the pty's size
        env.pop(name, None)
    session = Terminal([sys.executable, "-m", "guillemet", str(article_path), "--model", "no_such_model"], env)
    yield session
    session.close()


def write_a_note(terminal: Terminal, sidecar: Path) -> None:
    """Select text, `a`, the note, enter; returns once the note is in the notes panel (`N`
    shows it), before its debounced save."""
    terminal.wait_for("première".encode())
    terminal.type(b"N")
    terminal.wait_for(b"No annotations yet")
    terminal.type(DRAG_OVER_THE_TEXT)
    terminal.read_for(0.3)
    terminal.type(b"a")
    terminal.wait_for(b"Your note")
    terminal.type(NOTE.encode() + b"\r")
    terminal.wait_for(f"{NOTE} — ".encode())
    assert not sidecar.exists()  # not saved yet: the signal comes within the half second


def notes_in(path: Path) -> list[str]:
    return [a.body.note or "" for a in document_from_json(path.read_text(encoding="utf-8")).annotations]


def test_sigterm_saves_the_note_and_gives_the_terminal_back(terminal: Terminal, article_path: Path) -> None:
    sidecar = article_path.with_name(article_path.name + ".guillemet.json")
    write_a_note(terminal, sidecar)
    since = len(terminal.screen)
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.end() == 128 + signal.SIGTERM
    assert notes_in(sidecar) == [NOTE]
    after = terminal.screen[since:]
    assert ALTERNATE_SCREEN_OFF in after and MOUSE_OFF in after, after[-2000:]
    assert b"Traceback" not in terminal.screen


def test_sighup_after_the_window_closed_saves_the_note_and_ends(terminal: Terminal, article_path: Path) -> None:
    sidecar = article_path.with_name(article_path.name + ".guillemet.json")
    write_a_note(terminal, sidecar)
    terminal.close_window()
    terminal.process.send_signal(signal.SIGHUP)
    assert terminal.exit_status("after SIGHUP") == 128 + signal.SIGHUP
    assert notes_in(sidecar) == [NOTE]


def test_a_window_closed_without_sighup_still_saves_the_note_and_ends(terminal: Terminal, article_path: Path) -> None:
    """When the terminal's session leader is not the reader's shell (`make run`), closing the
    window sends the reader no signal: it sees its terminal gone and ends as on SIGHUP."""
    sidecar = article_path.with_name(article_path.name + ".guillemet.json")
    write_a_note(terminal, sidecar)
    terminal.close_window()  # and no signal is sent
    assert terminal.exit_status("once its terminal was gone") == 128 + signal.SIGHUP
    assert notes_in(sidecar) == [NOTE]


def test_a_terminal_is_gone_once_its_window_closes() -> None:
    from guillemet.tui.closing_signals import terminal_gone

    master, slave = os.openpty()
    try:
        assert not terminal_gone((slave,))
        os.close(master)
        assert terminal_gone((slave,))
        assert not terminal_gone(())  # no terminal to begin with: nothing is gone
    finally:
        os.close(slave)
