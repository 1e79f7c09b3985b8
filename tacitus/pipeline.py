"""The pipeline: ingest -> clean -> nlp -> actors -> events -> places -> dates -> provenance.

Heavy things (the spaCy pipeline, dictionaries, matchers, gazetteer) load once, in the
Pipeline's constructor or on first use. Articles are parsed in batches with spaCy's
`nlp.pipe`, one Doc per coded segment (headline, caption, body paragraph). An article that
fails at any stage becomes a CodingResult with a Failure and the run goes on.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from tacitus.actors import ActorCoder, ArticleActors, mention_index
from tacitus.arguments import checked_items
from tacitus.casing import CaseRestorer, default_restorer, is_lower_cased
from tacitus.clean import clean
from tacitus.coder.events import EventCoder, SentenceContext
from tacitus.coder.patterns import load_patterns
from tacitus.coder.relevance import mark_candidates
from tacitus.dictionaries import load_dictionaries
from tacitus.ingest.records import content_id, has_text
from tacitus.limits import (
    DEFAULT_BUDGET_SECONDS,
    Budget,
    BudgetExceeded,
    is_prose,
    pieces,
    worth_coding,
)
from tacitus.model import Article, CodingResult, Event, Failure, Segment
from tacitus.mojibake import has_mojibake, repair
from tacitus.nlp import DEFAULT_MODEL, load_pipeline
from tacitus.stages import Enricher, speaker_resolver

log = logging.getLogger(__name__)

# Segments (paragraphs) per spaCy batch: spaCy's own default order of magnitude; larger
# batches gained nothing on the BBC corpus and delay the first results.
BATCH_SEGMENTS = 256


@dataclass(slots=True)
class _Parsed:
    segment: Segment
    doc: Doc


@dataclass(slots=True)
class _InFlight:
    """An article between cleaning and coding: how many segments it awaits, which it has."""

    serial: int
    item: Article | Failure
    article: Article | None = None
    expected: int = 0
    parsed: list[_Parsed] = field(default_factory=list)
    reason: str = "could not split the article into headline, body and captions"
    budget: Budget | None = None
    written: str | None = None  # the text as written, when parsed repaired (_readable)


class Pipeline:
    """Codes articles into events. Build once (it loads the models), then call repeatedly."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        enrich: bool = True,
        time_budget: float = DEFAULT_BUDGET_SECONDS,
    ) -> None:
        self.time_budget = time_budget  # seconds one article may take (tacitus.limits)
        self.nlp = load_pipeline(model)
        self.model = model
        self.actors = ActorCoder(self.nlp, load_dictionaries())
        self.patterns = load_patterns()
        self.coder = EventCoder(self.actors, self.patterns)
        self.enricher = Enricher() if enrich else None

    def code_text(
        self,
        text: str,
        *,
        published: date | None = None,
        article_id: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> CodingResult:
        """Code one text held in memory (the Python API's `tacitus.code`)."""
        aid = article_id or content_id(text)
        item: Article | Failure
        if not has_text(text):
            item = Failure(aid, "api", "empty text: nothing to code", text)
        else:
            item = Article(
                id=aid,
                text=text,
                url=url,
                outlet=outlet,
                published=published,
                published_origin="api" if published else None,
                title=title,
                origin="api",
            )
        return next(iter(self.code([item])))

    def code(
        self,
        items: Iterable[Article | Failure],
        *,
        n_process: int = 1,
        batch_size: int = BATCH_SEGMENTS,
    ) -> Iterator[CodingResult]:
        """Code a stream of articles (failures pass through), in input order.

        All segments go through one `nlp.pipe` stream, so parser processes start once per
        call, not once per batch; results come out as soon as an article's last segment is
        parsed, and nothing but the articles in flight is held in memory.
        """
        queue: deque[_InFlight] = deque()
        stream = self.nlp.pipe(
            self._segments(checked_items(items), queue),
            as_tuples=True,
            n_process=n_process,
            batch_size=batch_size,
        )
        for doc, (serial, segment) in stream:
            yield from self._ready(queue, before=serial)
            queue[0].parsed.append(_Parsed(segment, doc))
            if len(queue[0].parsed) == queue[0].expected:
                yield self._finish(queue.popleft())
        yield from self._ready(queue, before=None)

    def _segments(
        self, items: Iterable[Article | Failure], queue: deque[_InFlight]
    ) -> Iterator[tuple[str, tuple[int, Segment]]]:
        """Clean each article and feed its coded segments to the parser, in order."""
        for serial, item in enumerate(items):
            flight = _InFlight(serial, item)
            queue.append(flight)
            if isinstance(item, Failure):
                continue
            try:
                article = clean(self._readable(item, flight))
            except Exception as exc:  # one bad article must not stop the run
                log.warning("clean failed for %s: %s", item.id, exc)
                flight.reason = f"could not split the article into its parts: {exc!r}"
                continue
            segments = [p for seg in article.coded_segments() for p in pieces(seg)]
            segments = [p for p in segments if is_prose(p.text)]
            if not segments:
                flight.reason = "no prose to code: the text is punctuation, symbols or figures"
                continue
            longest = max((len(seg.text) for seg in segments), default=0)
            if longest > self.nlp.max_length:
                # spaCy refuses such a text, and its error would end the whole stream.
                flight.reason = (
                    f"a paragraph of {longest:,} characters is longer than the parser "
                    f"accepts ({self.nlp.max_length:,}); split it into paragraphs"
                )
                continue
            flight.article = article
            flight.expected = len(segments)
            flight.budget = Budget(self.time_budget)
            for n, seg in enumerate(segments):
                if flight.budget.spent:  # parse no more of it; _finish records the failure
                    flight.expected = n
                    break
                yield seg.text, (serial, seg)

    def _readable(self, item: Article, flight: _InFlight) -> Article:
        """The article to clean and parse: its mojibake repaired (tacitus.mojibake) and, when
        it is written in lower case, its capitals restored (tacitus.casing), so that its
        dateline, quotations and names are seen. Both keep every offset; the record keeps
        the text as written (_finish puts it back)."""
        text = item.text
        if has_mojibake(text):
            log.info("%s: mojibake repaired to parse it", item.id)
            text = repair(text)
        if is_lower_cased(text):
            log.info("%s: written in lower case; capitals restored to parse it", item.id)
            text = self._restorer.restore(text)
        if text == item.text:
            return item
        flight.written = item.text
        return replace(item, text=text)

    @cached_property
    def _restorer(self) -> CaseRestorer:
        """The case restorer, built on first need; a city named like a word the parser's
        lemma lists hold ("reading", "split") stays lower case."""
        words: frozenset[str] = frozenset()
        if "lemmatizer" in self.nlp.pipe_names:
            lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                words = frozenset(w for pos in index.values() for w in pos)
        return default_restorer(words)

    def _ready(self, queue: deque[_InFlight], before: int | None) -> Iterator[CodingResult]:
        """Finish the articles at the head of the queue that have nothing left to parse."""
        while (
            queue
            and (before is None or queue[0].serial < before)
            and (queue[0].expected == len(queue[0].parsed))
        ):
            yield self._finish(queue.popleft())

    def _finish(self, flight: _InFlight) -> CodingResult:
        item = flight.item
        if isinstance(item, Failure):
            return CodingResult(_placeholder(item), failure=item)
        if flight.article is None:
            failure = Failure(item.id, item.origin or "", flight.reason, item.text)
            return CodingResult(item, failure=failure)
        budget = flight.budget or Budget(self.time_budget)
        result = self._code_article(flight.article, flight.parsed, budget)
        if flight.written is not None:  # the record quotes the article as written
            _as_written(result, flight.written, item)
        return result

    def _code_article(
        self, article: Article, parsed: list[_Parsed], budget: Budget
    ) -> CodingResult:
        try:
            budget.check()
            return self._code_parsed(article, parsed, budget)
        except BudgetExceeded as exc:
            log.warning("%s: %s", article.id, exc)
            fail = Failure(article.id, article.origin or "", str(exc), article.text)
            return CodingResult(article, failure=fail)
        except Exception as exc:  # recorded with its reason; the run goes on
            log.exception("coding failed for %s", article.id)
            fail = Failure(
                article.id, article.origin or "", f"coding failed: {exc!r}", article.text
            )
            return CodingResult(article, failure=fail)

    def _code_parsed(self, article: Article, parsed: list[_Parsed], budget: Budget) -> CodingResult:
        state = ArticleActors(published=article.published)
        if self.enricher:
            self.enricher.start_article(article, [p.doc for p in parsed])
        for text in article.segment_text("dateline"):
            state.dateline = state.dateline or self.actors.dateline_country(text)
        if state.dateline is None and self.enricher:
            # A dateline naming a city rather than a country or its capital ("AHMEDABAD:")
            # names its country as well, through the gazetteer.
            state.dateline = self.enricher.dateline_country()
        self.actors.survey((p.doc for p in parsed), state)
        result = CodingResult(article)
        sentence_no = 0
        for p in parsed:
            first = sentence_no
            mentions = self.actors.mentions(p.doc, state)
            index = mention_index(mentions)
            result.actors.extend(
                a
                for m in mentions
                if (a := self.actors.mention_actor(p.doc, m, p.segment.start)) is not None
            )
            for sent in p.doc.sents:
                budget.check()
                if not worth_coding(sent):
                    log.info(
                        "%s: sentence %d skipped: %d tokens, no verb",
                        article.id,
                        sentence_no,
                        len(sent),
                    )
                    sentence_no += 1
                    continue
                ctx = SentenceContext(
                    sent,
                    index,
                    p.segment.start,
                    sentence_no,
                    article.id,
                    p.segment.kind,
                    result.events,
                    state,
                )
                events = self.coder.code_sentence(ctx)
                if self.enricher:
                    self.enricher.enrich(events, sent, p.segment)
                result.events.extend(events)
                sentence_no += 1
            if self.enricher:
                resolver = speaker_resolver(self.actors, index, p.segment.start, state)
                result.quotes.extend(self.enricher.quotes(p.doc, p.segment, resolver, first))
        if self.enricher:
            self.enricher.finish_article(result.events)
        result.events = _without_headline_repeats(result.events)
        mark_candidates(result.events, ((p.segment.kind, p.doc) for p in parsed))
        return result


def _as_written(result: CodingResult, written: str, item: Article) -> None:
    """Put back the text of an article parsed repaired (mojibake, capitals): offsets are
    the same, so every quoted text is the written one at its offsets."""
    article = result.article
    article.text = written
    if result.failure is not None:  # a budget or coding failure keeps what was read
        result.failure.text = written
    if item.title is None and article.title is not None:
        headline = next((s for s in article.segments if s.kind == "headline"), None)
        article.title = written[headline.start : headline.end] if headline else article.title
    for seg in article.segments:
        seg.text = written[seg.start : seg.end]
    for ev in result.events:
        ev.text = written[ev.span[0] : ev.span[1]].strip()


def _without_headline_repeats(events: list[Event]) -> list[Event]:
    """A headline restates the lead: its event is counted once, in the body's version, which
    carries the date, place and attribution of the full sentence."""

    def dyad(e: Event) -> tuple[str | None, str | None, str]:
        return (e.source.code if e.source else None, e.target.code if e.target else None, e.root)

    in_body = {dyad(e) for e in events if e.segment == "body"}
    return [e for e in events if e.segment != "headline" or dyad(e) not in in_body]


def _placeholder(f: Failure) -> Article:
    return Article(id=f.article_id, text=f.text, origin=f.origin)
