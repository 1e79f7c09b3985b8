"""The pipeline: ingest -> clean -> nlp -> actors -> events -> places -> dates -> provenance.

Heavy things (the spaCy pipeline, dictionaries, matchers, gazetteer) load once, in the
Pipeline's constructor or on first use. Articles are parsed in batches with spaCy's
`nlp.pipe`, one Doc per coded segment (headline, caption, body paragraph). An article that
fails at any stage becomes a CodingResult with a Failure and the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from spacy.tokens import Doc

from tacitus.actors import ActorCoder, ArticleActors, mention_index
from tacitus.clean import clean
from tacitus.dictionaries import load_dictionaries
from tacitus.events import EventCoder, SentenceContext
from tacitus.ingest import content_id
from tacitus.model import Article, CodingResult, Failure, Segment
from tacitus.nlp import DEFAULT_MODEL, load_pipeline
from tacitus.patterns import load_patterns
from tacitus.stages import Enricher, speaker_resolver

log = logging.getLogger(__name__)

# Articles per nlp.pipe call. Large enough to keep spaCy's batching efficient, small enough
# that a crash loses little and progress moves smoothly (tuned on the BBC corpus).
BATCH_ARTICLES = 64


@dataclass(slots=True)
class _Parsed:
    segment: Segment
    doc: Doc


class Pipeline:
    """Codes articles into events. Build once (it loads the models), then call repeatedly."""

    def __init__(self, model: str = DEFAULT_MODEL, *, enrich: bool = True) -> None:
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
        if not text.strip():
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
        batch_size: int = BATCH_ARTICLES,
    ) -> Iterator[CodingResult]:
        """Code a stream of articles (and pass failures through), batch by batch, in order."""
        it = iter(items)
        while batch := list(islice(it, batch_size)):
            yield from self._code_batch(batch, n_process)

    def _code_batch(self, batch: list[Article | Failure], n_process: int) -> list[CodingResult]:
        results: list[CodingResult] = []
        ready: list[Article] = []
        for item in batch:
            if isinstance(item, Failure):
                continue
            try:
                ready.append(clean(item))
            except Exception as exc:  # one bad article must not stop the run
                log.warning("clean failed for %s: %s", item.id, exc)
        segs = [(a, s) for a in ready for s in a.coded_segments()]
        docs = self.nlp.pipe((s.text for _, s in segs), n_process=n_process, batch_size=256)
        parsed: dict[str, list[_Parsed]] = {a.id: [] for a in ready}
        for (art, seg), doc in zip(segs, docs, strict=True):
            parsed[art.id].append(_Parsed(seg, doc))
        cleaned = {a.id: a for a in ready}
        for item in batch:
            if isinstance(item, Failure):
                results.append(CodingResult(_placeholder(item), failure=item))
            elif item.id not in cleaned:
                fail = Failure(
                    item.id,
                    item.origin or "",
                    "could not split the article into headline, body and captions",
                    item.text,
                )
                results.append(CodingResult(item, failure=fail))
            else:
                results.append(self._code_article(cleaned[item.id], parsed[item.id]))
        return results

    def _code_article(self, article: Article, parsed: list[_Parsed]) -> CodingResult:
        try:
            return self._code_parsed(article, parsed)
        except Exception as exc:  # recorded with its reason; the run goes on
            log.exception("coding failed for %s", article.id)
            fail = Failure(
                article.id, article.origin or "", f"coding failed: {exc!r}", article.text
            )
            return CodingResult(article, failure=fail)

    def _code_parsed(self, article: Article, parsed: list[_Parsed]) -> CodingResult:
        state = ArticleActors(published=article.published)
        for text in article.segment_text("dateline"):
            state.dateline = state.dateline or self.actors.dateline_country(text)
        result = CodingResult(article)
        sentence_no = 0
        if self.enricher:
            self.enricher.start_article(article, [p.doc for p in parsed])
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
        return result


def _placeholder(f: Failure) -> Article:
    return Article(id=f.article_id, text=f.text, origin=f.origin)
