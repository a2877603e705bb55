"""The debounced saver saves once changes settle, never loses a pending change, and has no timer."""

from __future__ import annotations

import pytest

from guillemet.annotations.debounce import DebouncedSaver


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def __call__(self) -> None:
        self.calls += 1
        if self.fail:
            raise OSError("disk full")


def test_nothing_is_saved_without_changes() -> None:
    save = Recorder()
    saver = DebouncedSaver(save, delay=0.5)
    assert not saver.flush_if_due(now=100.0) and not saver.flush() and save.calls == 0


def test_a_burst_of_changes_is_saved_once_after_the_quiet_delay() -> None:
    save = Recorder()
    saver = DebouncedSaver(save, delay=0.5, max_delay=10)
    for t in (0.0, 0.2, 0.4, 0.6):
        saver.mark_dirty(now=t)
        assert not saver.flush_if_due(now=t + 0.1)
    assert saver.flush_if_due(now=1.1)
    assert save.calls == 1 and not saver.pending
    assert not saver.flush_if_due(now=5.0)


def test_continuous_changes_are_still_saved_after_max_delay() -> None:
    save = Recorder()
    saver = DebouncedSaver(save, delay=0.5, max_delay=2.0)
    t = 0.0
    while t < 2.5:
        saver.mark_dirty(now=t)
        saver.flush_if_due(now=t)
        t += 0.1
    assert save.calls == 1


def test_flush_saves_pending_changes_at_once() -> None:
    save = Recorder()
    saver = DebouncedSaver(save, delay=60)
    saver.mark_dirty(now=0.0)
    assert saver.flush() and save.calls == 1


def test_a_failed_save_keeps_the_changes_pending() -> None:
    save = Recorder(fail=True)
    saver = DebouncedSaver(save, delay=0.5)
    saver.mark_dirty(now=0.0)
    with pytest.raises(OSError):
        saver.flush_if_due(now=1.0)
    assert saver.pending
    save.fail = False
    assert saver.flush_if_due(now=1.0) and save.calls == 2
