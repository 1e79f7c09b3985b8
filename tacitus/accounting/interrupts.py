"""Ctrl-C that is never lost, even when it arrives while DuckDB runs a statement.

DuckDB's Python client checks for a pending signal while it executes: when it sees one it
stops the statement and raises its own RuntimeError ("Query interrupted"), and when the
statement ends before it looks, the signal is consumed and nothing is raised at all. A Ctrl-C
that lands while a part is being loaded was therefore either reported as a crash or ignored
(seen in tests/test_scale_interrupt.py under load). `Interrupts` remembers every SIGINT, so
the caller can ask at safe points (between parts) and can tell DuckDB's interruption from a
real failure.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType


class Interrupts:
    """While active (a `with` block in the main thread), a SIGINT sets `requested` and raises
    KeyboardInterrupt as usual; the previous handler comes back at the end."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: object = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise KeyboardInterrupt if a SIGINT came and was swallowed on its way."""
        if self.requested:
            raise KeyboardInterrupt

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]
