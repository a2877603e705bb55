"""Launch the real `guillemet ARTICLE` command in a pseudo-terminal and time what appears on it.

This is what a reader sees: the moment some words are drawn on the terminal, whoever draws them
(the first screen painted before Textual is imported, or Textual's own frames). The output is
read as it comes, stripped of escape sequences, and searched for each expected string; then
`q` is typed (keys typed before the app reads them are kept for it) and the process must end.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence

ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
QUIT_TIMEOUT = 10.0


def time_strings(argv: Sequence[str], wanted: Sequence[str], *, size: tuple[int, int], env: dict[str, str],
                 timeout: float = 60.0) -> tuple[dict[str, float], int | None]:
    """Seconds from launch until each of `wanted` was on the terminal (those never seen are
    missing), and the exit status (None: it had to be killed). The process is quit with `q`
    afterwards, and killed if it does not end."""
    launched = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is ours, of the given size
        try:
            os.execvpe(argv[0], list(argv), env)
        finally:
            os._exit(127)
    columns, rows = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    seen: dict[str, float] = {}
    status: int | None = None
    raw = b""
    try:
        while len(seen) < len(wanted) and time.perf_counter() - launched < timeout:
            chunk = _read(fd, 0.02)
            if chunk is None:
                break  # the process ended
            if not chunk:
                continue
            raw += chunk
            now = time.perf_counter() - launched
            shown = ESCAPES.sub(b"", raw).decode("utf-8", "replace")
            for text in wanted:
                if text not in seen and text in shown:
                    seen[text] = now
        os.write(fd, b"q")
        deadline = time.perf_counter() + QUIT_TIMEOUT
        while time.perf_counter() < deadline:
            done, code = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                pid, status = 0, os.waitstatus_to_exitcode(code)
                break
            _read(fd, 0.05)  # keep the terminal drained so the app can write its last frame
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return seen, status


def _read(fd: int, wait: float) -> bytes | None:
    """What the terminal has for us within `wait` seconds (b"" if nothing), None once closed."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(fd, 1 << 16) or None
    except OSError:
        return None
