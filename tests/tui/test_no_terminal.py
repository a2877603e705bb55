"""The reader with no terminal, and articles that come through a named pipe (subprocesses).

With no terminal the reader would draw into a pipe and wait for keys that never come: the
command must stop before Textual starts, in one line with status 2. A named pipe blocks until
a program writes into it: the command must say that it waits, not hang without a word.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = "Un titre\n\n« Nous verrons », a déclaré Paul Martin.\n"


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
                GUILLEMET_CACHE_DIR=str(tmp_path / "cache"), TERM="xterm-256color")


def test_with_no_terminal_the_reader_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(  # setsid guillemet FILE </dev/null, output into a pipe
        [sys.executable, "-m", "guillemet", str(article)], stdin=subprocess.DEVNULL,
        capture_output=True, start_new_session=True, env=_env(tmp_path), timeout=60,
    )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.startswith("guillemet: ") and "no terminal" in err and err.count("\n") == 1
    assert b"\x1b[" not in result.stdout  # nothing was drawn


def test_output_on_a_terminal_but_no_keyboard_is_refused_too(tmp_path: Path) -> None:
    """Standard output is a terminal, standard input /dev/null, and no controlling terminal
    to take the keys from."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    master, slave = os.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "guillemet", str(article)], stdin=subprocess.DEVNULL,
            stdout=slave, stderr=subprocess.PIPE, start_new_session=True, env=_env(tmp_path),
        )
        os.close(slave)
        _, err = process.communicate(timeout=60)
    finally:
        os.close(master)
    assert process.returncode == 2
    assert "no terminal to read keys from" in err.decode() and err.decode().count("\n") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_with_no_writer_says_that_it_waits_for_one(tmp_path: Path) -> None:
    pipe = tmp_path / "article"
    os.mkfifo(pipe)
    process = subprocess.Popen(
        [sys.executable, "-m", "guillemet", str(pipe)], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=_env(tmp_path),
    )
    try:
        first = process.stderr.readline().decode()
        assert "named pipe" in first and "waiting" in first, first
        assert process.poll() is None  # still waiting
        time.sleep(0.1)
        pipe.write_text(ARTICLE, encoding="utf-8")  # a writer comes: the article is read
        _, rest = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "no terminal" in rest.decode()  # read, then refused for want of a terminal
    assert process.returncode == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_with_a_writer_is_read_without_a_word(tmp_path: Path) -> None:
    from guillemet.inputs import load_article

    pipe = tmp_path / "article"
    os.mkfifo(pipe)
    writer = subprocess.Popen([sys.executable, "-c",
                               f"open({str(pipe)!r}, 'w', encoding='utf-8').write({ARTICLE!r})"])
    try:
        article = load_article(str(pipe))
    finally:
        writer.wait(timeout=30)
    assert article.text.startswith("Un titre")
