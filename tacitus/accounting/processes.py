"""Worker processes die with their parent.

spaCy's `nlp.pipe(n_process=N)` forks N workers; when the parent is killed (kill -9, an OOM
kill) nothing tells them to stop, and they would run on. On Linux a forked child asks the
kernel for SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_registered = False
# The process that is forking, noted just before each fork.
_forker = 0


def _note_forker() -> None:
    global _forker
    _forker = os.getpid()


def _ask_for_sigterm_on_parent_death() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError) as exc:  # no libc or no prctl: nothing more to do
        log.debug("cannot tie worker to its parent: %s", exc)
        return
    if os.getppid() != _forker:
        # The parent died between the fork and the request above: the kernel will send
        # nothing, so the child ends now (a kill -9 right after the workers start).
        os.kill(os.getpid(), signal.SIGTERM)


def die_with_parent() -> None:
    """From now on, every process forked by this one ends when this one ends."""
    global _registered
    if _registered or not sys.platform.startswith("linux"):
        return
    os.register_at_fork(before=_note_forker, after_in_child=_ask_for_sigterm_on_parent_death)
    _registered = True
