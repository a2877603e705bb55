"""ctrl+z puts the reader in the background as in any terminal program, and `fg` (SIGCONT)
brings it back: the real command on a pseudo-terminal.

Textual reads ctrl+z as a key (the terminal's own signal keys are off in its raw mode), so the
reader binds it to Textual's `suspend_process`: the terminal is given back (alternate screen
and mouse off), then the process stops; SIGCONT takes the screen again.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from test_signals import ALTERNATE_SCREEN_OFF, MOUSE_OFF, Terminal

ALTERNATE_SCREEN_ON = b"\x1b[?1049h"
MOUSE_ON = b"\x1b[?1000h"


def _state(pid: int) -> str:
    """The process's state letter from /proc (T: stopped)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
def test_ctrl_z_stops_the_reader_with_the_terminal_given_back_and_sigcont_resumes(
        tmp_path: Path, sample_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    env = dict(os.environ, TERM="xterm-256color", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), GUILLEMET_CACHE_DIR=str(tmp_path / "cache"))
    terminal = Terminal([sys.executable, "-m", "guillemet", str(article), "--model", "no_such_model"], env)
    try:
        terminal.wait_for(MOUSE_ON)  # Textual is up (the first screen, before it, has no mouse)
        terminal.wait_for("première".encode())
        terminal.read_for(0.5)
        since = len(terminal.screen)
        terminal.type(b"\x1a")  # ctrl+z
        deadline = time.monotonic() + 30
        while _state(terminal.process.pid) != "T" and time.monotonic() < deadline:
            terminal.read_for(0.05)
        assert _state(terminal.process.pid) == "T", terminal.screen[since:]
        terminal.read_for(0.2)
        given_back = terminal.screen[since:]
        assert ALTERNATE_SCREEN_OFF in given_back and MOUSE_OFF in given_back, given_back[-1000:]
        since = len(terminal.screen)
        terminal.process.send_signal(signal.SIGCONT)  # what `fg` sends
        terminal.wait_for(ALTERNATE_SCREEN_ON)  # the screen taken again
        terminal.read_for(0.5)
        terminal.type(b"q")  # and the keys answered: q ends it
        assert terminal.end() == 0
    finally:
        terminal.close()
