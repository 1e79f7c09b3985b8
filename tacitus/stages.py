"""The stages after event coding: dates, places and provenance, applied event by event.

The Enricher holds what these stages load once (the gazetteer) and what they learn per
article (the dateline place, the countries named, a report cited earlier in the article).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from tacitus.actors import ActorCoder, Mention
from tacitus.dates import event_date
from tacitus.model import Article, Event, Quote, Segment

log = logging.getLogger(__name__)


class Enricher:
    def __init__(self) -> None:
        self.article: Article | None = None

    def start_article(self, article: Article, docs: list[Doc]) -> None:
        self.article = article

    def enrich(
        self,
        events: list[Event],
        sent: Span,
        segment: Segment,
        index: dict[int, Mention],
        actors: ActorCoder,
    ) -> None:
        assert self.article is not None
        for e in events:
            trig = _trigger_token(sent, e, segment.start)
            if trig is None:
                continue
            e.date = event_date(trig, self.article.published)

    def quotes(
        self,
        doc: Doc,
        segment: Segment,
        index: dict[int, Mention],
        actors: ActorCoder,
        sentence_no: int,
    ) -> list[Quote]:
        return []


def _trigger_token(sent: Span, e: Event, offset: int) -> Token | None:
    start = e.trigger_span[0] - offset
    for tok in sent:
        if tok.idx == start:
            return tok
    return None
