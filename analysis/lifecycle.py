"""Process lifecycle of a build: signals, workers that die with the parent, a time limit per file.

* :func:`raise_on_signals` turns SIGTERM, SIGHUP (and SIGINT) in the parent into
  :class:`BuildInterrupted`, so a terminated build cleans up exactly like one
  stopped with Ctrl-C; exit status ``128 + signal number`` (130, 143, 129).
* :func:`pool_worker_init` runs first in every pool worker: default SIGTERM/SIGHUP
  (a forked worker inherits the parent's Python handlers), SIGINT ignored (the
  parent handles Ctrl-C and stops its workers), and :func:`die_with_parent`.
* :func:`die_with_parent`: on Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, so the
  kernel kills the worker when the parent dies, even by SIGKILL; everywhere a
  daemon thread that polls ``getppid()`` and exits the worker when the parent is
  gone (in Dask LocalCluster workers: :class:`analysis.daskwatch.ParentWatch`).
* :func:`time_limit` bounds the time of one file in the thread that analyses it
  (see there); :func:`kill_pool` stops a process pool's workers at once.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from typing import Iterator

#: prctl option: signal sent to this process when its parent dies (linux/prctl.h)
PR_SET_PDEATHSIG: int = 1

#: seconds between two checks of the parent pid in a worker's watch thread
PARENT_POLL_S: float = 0.5

#: signals that stop a build cleanly
STOP_SIGNALS: tuple[str, ...] = ("SIGINT", "SIGTERM", "SIGHUP")


class BuildInterrupted(KeyboardInterrupt):
    """A stop signal arrived; ``signum`` is its number (exit status ``128 + signum``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


class FileTimedOut(BaseException):
    """Raised in the analysing thread when a file is over its time limit.

    A :class:`BaseException`, so no ``except Exception`` in the pipeline swallows it.
    """


@contextlib.contextmanager
def raise_on_signals(names: tuple[str, ...] = STOP_SIGNALS) -> Iterator[None]:
    """While active (main thread only), the first of ``names`` raises :class:`BuildInterrupted`.

    Later signals are ignored, so clean-up is not itself interrupted.  The old
    handlers come back on exit.  Outside the main thread this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired: list[int] = []

    def handler(signum, _frame):
        if fired:
            return
        fired.append(signum)
        raise BuildInterrupted(signum)

    sigs = [getattr(signal, n) for n in names if hasattr(signal, n)]
    old = {s: signal.signal(s, handler) for s in sigs}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


# --- workers ----------------------------------------------------------------------


def die_with_parent(parent_pid: int, use_pdeathsig: bool = True) -> None:
    """Make this (worker) process end when ``parent_pid`` is no longer its parent.

    ``PR_SET_PDEATHSIG`` fires when the *thread* that started the worker exits,
    so it is only used when the parent started it from its main thread
    (``use_pdeathsig``); the polling thread works in every case, within
    :data:`PARENT_POLL_S` seconds.
    """
    if use_pdeathsig and sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def pool_worker_init(parent_pid: int, use_pdeathsig: bool = True) -> None:
    """Initializer of every process-pool worker (see the module docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    die_with_parent(parent_pid, use_pdeathsig)


def started_from_main_thread() -> bool:
    """Whether workers started now are started by the main thread (PDEATHSIG is safe)."""
    return threading.current_thread() is threading.main_thread()


def kill_pool(pool) -> None:
    """SIGKILL every worker of a :class:`concurrent.futures.ProcessPoolExecutor` (no waiting for tasks)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            proc.kill()


# --- time limit per file ----------------------------------------------------------


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule ``exc`` in thread ``thread_id`` (``None`` clears a pending one)."""
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`FileTimedOut` in this thread if the block runs longer than ``seconds``.

    A timer thread schedules the exception in the analysing thread
    (``PyThreadState_SetAsyncExc``), so it works in the main thread and in Dask's
    worker threads alike, without touching signal handlers.  It interrupts Python
    code, not a single long C call (one huge regex match, a blocking read): the
    process pool adds a hard deadline for that (:func:`analysis.engine.run_processes`).
    ``seconds`` of 0 or ``None``: no limit.
    """
    if not seconds or seconds <= 0:
        yield
        return
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _async_raise(tid, FileTimedOut)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    try:
        timer.start()
        yield
    finally:
        with lock:
            state["armed"] = False
        timer.cancel()
        if state["fired"]:
            _async_raise(tid, None)  # not delivered yet: the block finished in time after all
