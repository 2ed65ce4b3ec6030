"""A wall-clock budget for work done in this process (normalising one document).

Extraction runs in a worker process that is killed at its budget (``pipeline.isolation``);
normalising runs in the caller, on pure-Python text rules. A rule that loops (a regular
expression that backtracks for ever, a ``while`` that never ends) must not hang a scheduled
run either: ``within(seconds)`` arms a ``SIGALRM`` timer and turns its signal into
``BudgetExceeded`` at the next bytecode, so the document is refused by name and the run goes
on. Signals reach the main thread only: elsewhere (a Prefect task thread) the budget is not
counted and the work runs as before; a pool worker or a one-file ``roadmaps ingest`` runs it in
its main thread.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


class BudgetExceeded(Exception):
    """The work ran past its budget."""


def can_count() -> bool:
    """Whether a budget can be counted here (a ``SIGALRM`` timer, in the main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def within(seconds: float) -> Iterator[bool]:
    """Run the block with at most ``seconds`` of wall clock; yields whether the budget is counted.
    0 or less, or no way to count it here: the block runs without a budget. A timer already
    armed by the caller is put back afterwards."""
    if seconds <= 0 or not can_count():
        yield False
        return

    def expire(signum, frame):
        raise BudgetExceeded(f"over its budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *outer)
