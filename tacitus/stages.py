"""The stages after event coding: places, dates and provenance, applied event by event.

The Enricher holds what these stages load once (the gazetteer) and what they learn per
article: the dateline place and the places the article names (for disambiguation), and the
report an earlier sentence cited (for attribution chains).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from tacitus.actors import (
    CONTEXT_COUNTRY,
    COUNTERPART_PREPS,
    DATELINE_COUNTRY,
    DOMESTIC_ORGANS,
    ActorCoder,
    ArticleActors,
    Mention,
    aimed_at,
)
from tacitus.casualties import CONFLICT_ROOTS, casualties_of
from tacitus.coder.codebook import state_organ
from tacitus.dates import event_date
from tacitus.dictionaries import iso2_to_cameo
from tacitus.gazetteer.home import home_country
from tacitus.model import Actor, Article, Attribution, Event, Location, Quote, Segment
from tacitus.places import (
    MATERIAL_ROOTS,
    ArticlePlaces,
    Gazetteer,
    PlaceContext,
    Toponym,
    article_places,
    build_context,
    event_location,
    find_toponyms,
    load_gazetteer,
    resolve,
)
from tacitus.provenance import AttributionContext, attribution, cue_lexicon, find_quotes

log = logging.getLogger(__name__)

# Quote cues kept in the quotes table: what people said or reported. Stances and intentions
# ("criticised", "vowed to") are events for the coder, not quotations.
QUOTE_CLASSES = frozenset({"speech", "report"})
# "WASHINGTON (Reuters) -", "LONDON, March 3 (AP) —": the place is what comes first.
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Za-z .'-]*?[A-Za-z])\s*(?:[,(—–:-]|$)")


@dataclass(slots=True)
class _ArticleState:
    article: Article
    dateline: Location | None
    toponyms: dict[int, list[Toponym]] = field(default_factory=dict)  # by id(doc)
    places: PlaceContext = field(default_factory=PlaceContext)
    fallbacks: ArticlePlaces = field(default_factory=ArticlePlaces)
    claims: AttributionContext = field(default_factory=AttributionContext)


class Enricher:
    """Fills `location`, `date` and `attribution` of events and finds quotes."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._state: _ArticleState | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def start_article(self, article: Article, docs: list[Doc]) -> None:
        dateline = self._dateline_place(article)
        home = home_country(article.url)
        state = _ArticleState(article, dateline)
        for doc in docs:
            state.toponyms[id(doc)] = find_toponyms(
                doc, self.gazetteer, dateline=dateline, home=home
            )
        everything = [t for tops in state.toponyms.values() for t in tops]
        state.places = build_context(everything, self.gazetteer, dateline=dateline, home=home)
        state.fallbacks = _fallbacks(article, docs, state.toponyms, dateline)
        self._state = state

    def dateline_country(self) -> str | None:
        """The CAMEO country of the place the started article's dateline names ("AHMEDABAD:")."""
        place = self._require().dateline
        return iso2_to_cameo(place.country) if place and place.country else None

    def _dateline_place(self, article: Article) -> Location | None:
        for text in article.segment_text("dateline"):
            m = _DATELINE_PLACE.match(text)
            if m:
                name = m.group(1).strip().title()
                loc = resolve(name, PlaceContext(), self.gazetteer)
                if loc is not None:
                    loc.why = f"dateline {text.strip()!r}; {loc.why}"
                    return loc
        return None

    def enrich(self, events: list[Event], sent: Span, segment: Segment) -> None:
        """Date, place and attribute the events of one sentence (call for every sentence,
        in order, even those without events: attribution carries across sentences)."""
        st = self._require()
        claim = attribution(sent, outlet=st.article.outlet, article_context=st.claims)
        toponyms = st.toponyms.get(id(sent.doc), [])
        for e in events:
            trig = _trigger_token(sent, e, segment.start)
            if trig is None:
                continue
            e.attribution = claim
            if claim.status == "reported" and _is_speech_act(trig):
                # "Gantz warned the Americans": the article itself asserts the speech act;
                # only what was said is relayed.
                e.attribution = Attribution("direct", claim.by[:1], "the speech act itself")
            anchor = _clause_anchor(trig)
            e.date = event_date(anchor, st.article.published)
            material = e.root in MATERIAL_ROOTS
            e.location = event_location(anchor, toponyms, st.places, material=material)
            if not _pronoun_subject(anchor):
                # "it fired a missile into the sea off Japan": a pronoun names someone the
                # coder could not resolve, not an unidentified perpetrator.
                _place_unnamed_source(e)
            _place_roles(e, sent, toponyms, segment.start)
            if e.location is None and material:
                # After the source is placed: a perpetrator is coded only from the clause.
                e.location = st.fallbacks.fallback()
            if e.root in CONFLICT_ROOTS:
                e.casualties = casualties_of(trig)

    def finish_article(self, events: list[Event]) -> None:
        """Sources a report cites later in the article ("The report cited officials ...")
        are the sources of everything the report said, earlier sentences included."""
        st = self._require()
        report = st.claims.report
        if not report:
            return
        for e in events:
            chain = e.attribution.by if e.attribution else []
            if report[0] in chain:
                chain.extend(c for c in report if c not in chain)

    def quotes(
        self,
        doc: Doc,
        segment: Segment,
        resolver: Callable[[Token], Actor | None],
        first_sentence: int,
    ) -> list[Quote]:
        st = self._require()

        def speaker(start: int, end: int) -> Actor | None:
            span = doc.char_span(
                start - segment.start, end - segment.start, alignment_mode="expand"
            )
            return resolver(span.root) if span is not None else None

        found = find_quotes(doc, offset=segment.start, resolve_speaker=speaker)
        out = []
        for q in found:
            if q.kind != "direct" and q.cue_class not in QUOTE_CLASSES:
                continue
            quote = q.to_quote(st.article.id, st.article.text)
            quote.sentence += first_sentence
            out.append(quote)
        return out

    def _require(self) -> _ArticleState:
        if self._state is None:
            raise RuntimeError("Enricher.start_article must be called before enrich")
        return self._state


def speaker_resolver(
    actors: ActorCoder, index: dict[int, Mention], offset: int, state: ArticleActors
) -> Callable[[Token], Actor | None]:
    def resolve_token(tok: Token) -> Actor | None:
        return actors.actor_for(tok, index, offset, state)

    return resolve_token


_HEADLINE_KINDS = frozenset({"headline", "caption"})


def _fallbacks(
    article: Article, docs: list[Doc], toponyms: dict[int, list[Toponym]], dateline: Location | None
) -> ArticlePlaces:
    """The article's fallback places; its docs are its coded segments, in order."""
    segments = article.coded_segments()
    headline: list[Toponym] = []
    if len(segments) == len(docs):
        for seg, doc in zip(segments, docs, strict=True):
            if seg.kind in _HEADLINE_KINDS:
                headline.extend(toponyms.get(id(doc), []))
    everything = [t for tops in toponyms.values() for t in tops]
    return article_places(headline, everything, dateline)


def _place_unnamed_source(e: Event) -> None:
    """An unidentified perpetrator ('a roadside bomb near Samarra') is coded with the country
    where the event happened, as event coders code unidentified gunmen; no sector is
    claimed, except for an act only a state's organ does ('was arrested in Niamey': the
    police, data/state_acts.tsv). A perpetrator known only by its kind ('gunmen in
    Samarra', ---UAF) keeps its sectors and takes the country (IRQUAF)."""
    if e.location is None or not e.location.country:
        return
    countryless = e.source is not None and (e.source.code or "").startswith("---")
    if e.source is not None and e.source.code is not None and not countryless:
        return
    if e.source is not None and e.source.code is None and e.root < FORCE_ROOTS:
        # A subject the dictionaries do not know ('George Eustice described the laws in the
        # US') is no unidentified perpetrator: where a statement, a meeting or an aid
        # delivery is placed (often the place it is about) says nothing of who made it.
        # Force and protest are coded where they happen, as for unidentified gunmen.
        return
    country = iso2_to_cameo(e.location.country)
    if country is None:
        return
    why = f"unidentified, in {e.location.name}"
    if e.source is None:
        organ = state_organ(e.cameo)
        if organ is not None:
            # "was arrested in Niamey": only the police of the place arrest there.
            why = f"{why}; {e.cameo} is an act of the state's {organ} (state_acts.tsv)"
            e.source = Actor(
                text="",
                code=country + organ,
                country=country,
                sectors=(organ,),
                why=why,
                kind="unknown",
            )
            return
        e.source = Actor(text="", code=country, country=country, why=why, kind="unknown")
        return
    # A copy: the same actor object may stand in other events of the sentence.
    e.source = replace(
        e.source,
        code=country + "".join(e.source.sectors) if countryless else country,
        country=country,
        why=f"{e.source.why}; {why}",
    )


# Dependents inside a noun phrase before its head ("foreign minister", "the Tory leader").
PHRASE_DEPS = frozenset({"amod", "compound", "det", "nmod", "poss", "nummod", "case"})
# Roots of protest and force (14-20): acts an unidentified doer is placed by.
FORCE_ROOTS = "14"


def _place_roles(e: Event, sent: Span, toponyms: list[Toponym], offset: int) -> None:
    """A role with no country ("police", "the crowd") in a sentence whose places all lie in
    one country is of that country: "registered a case against 50 people in Ahmedabad",
    "were shot dead by police in Ahmedabad", where the place hangs on another word than the
    event's own clause. Where the places lie in two countries, none is chosen. A demonym
    is the actor coder's to weigh, and a place inside the role's own phrase is what it
    deals with ("the ambassador to Iran" is not Iranian). Police and courts act where they
    are: with none in their sentence, the places within a country (not states named as
    such) of their paragraph."""
    for side in ("source", "target"):
        actor = getattr(e, side)
        if actor is not None and _guessed_country(actor):
            own = _own_place(actor, toponyms, offset)
            if own is not None and own != actor.country:
                why = f"{actor.why.split('; ')[0]}; the place its own phrase names"
                code = own + (actor.code or "")[3:]
                setattr(e, side, replace(actor, code=code, country=own, why=why))
            continue
        if actor is None or not (actor.code or "").startswith("---"):
            continue
        dealt = _dealt_with(sent, actor.start - offset, actor.sectors)
        where, countries = (
            "sentence",
            _countries_of(
                t
                for t in toponyms
                if sent.start_char <= t.start_char < sent.end_char and t.start_char not in dealt
            ),
        )
        if not countries and set(actor.sectors) & DOMESTIC_ORGANS:
            where, countries = (
                "paragraph",
                _countries_of(
                    t for t in toponyms if t.resolved and t.resolved.precision != "country"
                ),
            )
        country = iso2_to_cameo(next(iter(countries))) if len(countries) == 1 else None
        if country is None:
            continue
        why = f"{actor.why}; the only country of the places its {where} names"
        code = country + (actor.code or "")[3:]
        setattr(e, side, replace(actor, code=code, country=country, why=why))


def _guessed_country(actor: Actor) -> bool:
    """A role whose country the actor coder took from its context (its sentence, the
    parties around it, the dateline), not from its own phrase."""
    return bool(actor.code) and (CONTEXT_COUNTRY in actor.why or DATELINE_COUNTRY in actor.why)


def _own_place(actor: Actor, toponyms: list[Toponym], offset: int) -> str | None:
    """The country of the one place (a city or a region, not a state named as such) inside
    a role's own phrase: "the Houston court" is American whatever else its sentence names."""
    start, end = actor.start - offset, actor.end - offset
    countries = _countries_of(
        t
        for t in toponyms
        if start <= t.start_char < end
        and t.resolved
        and t.resolved.precision != "country"
        # the recogniser's own place names: "the North's defence ministry" is no town
        # called North
        and t.label in ("GPE", "FAC")
    )
    return iso2_to_cameo(next(iter(countries))) if len(countries) == 1 else None


def _countries_of(toponyms: Iterable[Toponym]) -> set[str]:
    """The countries (ISO2) of resolved places that are not demonyms."""
    return {
        t.resolved.country
        for t in toponyms
        if not t.is_actor and t.resolved is not None and t.resolved.country
    }


def _dealt_with(sent: Span, start: int, sectors: tuple[str, ...]) -> set[int]:
    """Offsets of the words a role's phrase names as what it deals with: its to and for
    phrases ("the ambassador to Iran", "the envoy for Syria"), and what its own act is aimed
    at ("the foreign minister criticised the United States"), as the actor coder reads them."""
    first = next((t for t in sent if t.idx == start), None)
    if first is None:
        return set()
    head = first
    while head.head.i != head.i and head.head.i > head.i and head.dep_ in PHRASE_DEPS:
        head = head.head  # "foreign minister": the phrase's head, not its first word
    doc = head.doc
    return {
        w.idx
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in COUNTERPART_PREPS
        for w in prep.subtree
    } | {doc[i].idx for i in aimed_at(head, sectors)}


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _clause_anchor(trig: Token) -> Token:
    """Where to look for an event's place and date: the trigger, or for an event noun that
    is the subject of 'be' ('one of the attacks was against the site in Karaj') the copula."""
    if trig.pos_ != "NOUN":
        return trig
    cur = trig
    while cur.dep_ in ("pobj", "prep", "nsubj") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("AUX", "VERB"):
            return cur if cur.lemma_ == "be" else trig
    return trig


def _is_speech_act(tok: Token) -> bool:
    entry = cue_lexicon().verb(tok)
    return entry is not None and entry.cls in QUOTE_CLASSES


def _trigger_token(sent: Span, e: Event, offset: int) -> Token | None:
    start = e.trigger_span[0] - offset
    for tok in sent:
        if tok.idx == start:
            return tok
    return None
