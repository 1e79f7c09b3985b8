"""A Ctrl-C is remembered even when something on its way (DuckDB) swallows it."""

from __future__ import annotations

import os
import signal
import time

import pytest

from tacitus.accounting.interrupts import Interrupts


def test_a_sigint_raises_and_is_remembered_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with Interrupts() as interrupts:
        interrupts.check()  # nothing yet
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler runs as soon as the signal arrives, cutting this short
        assert interrupts.requested
        with pytest.raises(KeyboardInterrupt):  # asked again at a safe point
            interrupts.check()
    assert signal.getsignal(signal.SIGINT) is before
