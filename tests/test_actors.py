"""The actor coder on noun phrases, specified on sentences written for these tests."""

from __future__ import annotations

import tacitus


def test_the_state_a_phrase_is_about_wins_over_the_bloc_describing_it() -> None:
    events = tacitus.code("NATO-member Norway is willing to send troops to Latvia.").events
    assert events and all(e.source is not None and e.source.country == "NOR" for e in events)
