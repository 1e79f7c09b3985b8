"""Evaluation of tacitus stages against third-party gold data (read from ../shared/eval)."""
