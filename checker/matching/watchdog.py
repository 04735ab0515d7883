"""One time limit for all the checks of one draft.

Built-in patterns run without a per-call timeout (see
:mod:`checker.matching.patterns`), so what bounds them at run time is this:
while a draft is checked, an interval timer counts the process's CPU time
(``ITIMER_PROF``, so a busy machine does not make a draft late), and when
:data:`DRAFT_CPU_SECONDS` have gone it raises :class:`TimeUp` wherever the
checks are, even inside a pattern match (the ``regex`` engine stops for
signals). The engine turns that into the draft's error; the other drafts
of the run are still checked and reported.

The limit is far above what any draft needs (a 512 KiB draft of real
releases takes about 5 s): it is a guard against a pattern or a loop that
went wrong, not a budget. The timer needs the main thread and a free
``SIGPROF`` (no profiler of its own); elsewhere, as in a library caller's
worker thread, the checks run without it, bounded by the patterns' own
tests only.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

#: CPU seconds all the checks of one draft may take.
DRAFT_CPU_SECONDS = 60.0


class TimeUp(BaseException):
    """The draft's time is up (a BaseException, so no ``except Exception`` on the way swallows it)."""


def _time_up(signal_number: int, frame: object) -> None:
    raise TimeUp


@contextlib.contextmanager
def draft_time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`TimeUp` inside the block once it has used *seconds* of CPU time."""
    limit = DRAFT_CPU_SECONDS if seconds is None else seconds
    if not _timer_available():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _time_up)
    signal.setitimer(signal.ITIMER_PROF, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _timer_available() -> bool:
    """Tell whether this thread may set the CPU timer without taking it from someone else."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    if signal.getsignal(signal.SIGPROF) not in (signal.SIG_DFL, signal.SIG_IGN, None):
        return False  # a profiler's, or an outer limit's
    return signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
