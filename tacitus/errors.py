"""One exception tree: everything tacitus raises on purpose is a TacitusError."""

from __future__ import annotations


class TacitusError(Exception):
    """Base class of every error tacitus raises on purpose."""


class InputError(TacitusError):
    """An input cannot be read or coded; the message is one line saying why."""


class ModelError(TacitusError):
    """The spaCy pipeline asked for is not installed or is not an English pipeline."""


class DictionaryError(TacitusError):
    """A dictionary file is malformed; the message names the file and line."""


class StoreError(TacitusError):
    """The DuckDB store cannot be opened or has an incompatible schema."""
