"""Accounting for a corpus run: every record given is coded, failed, skipped or a duplicate,
and the run's summary says how many of each; one article that cannot be stored fails alone.

`terminal` makes anything that came from input safe to print; `processes` ties worker
processes to their parent.
"""

from tacitus.accounting.saving import save_isolated
from tacitus.accounting.summary import RunSummary, reason_kind
from tacitus.accounting.terminal import for_terminal

__all__ = ["RunSummary", "for_terminal", "reason_kind", "save_isolated"]
