"""Await a blocking call made in a daemon thread of its own.

Why not `asyncio.to_thread`: its threads belong to the loop's default executor, which the loop
waits for when the reader closes. A library file locked by another process keeps a call in
SQLite's busy wait for up to 30 seconds, and `q` must not wait for that; a daemon thread is
simply left behind (its connection, opened in it, goes with the process).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def daemon_call(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a new daemon thread; its result or its exception here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            result, error = function(*args), None
        except BaseException as raised:  # noqa: BLE001 - handed to the awaiting side
            result, error = None, raised
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:
            pass  # the loop is closed: the reader has gone, no one is waiting

    threading.Thread(target=run, name="guillemet-library", daemon=True).start()
    return await future
