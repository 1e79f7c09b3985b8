"""Text from input (paths, reasons quoting a line) made safe for a rich console."""

from __future__ import annotations

import re

from rich.markup import escape

# C0 and C1 controls, DEL, and the bidirectional overrides that can reorder a line: an ANSI
# escape in a file name must not move the cursor or recolour the terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str, *, limit: int = 300) -> str:
    """`text` with control characters shown as escapes (``\\x1b``), rich markup escaped
    (``[/red]`` prints as written) and cut to `limit` characters."""
    if len(text) > limit:
        text = text[:limit] + "…"
    shown = _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)
    return escape(shown)
