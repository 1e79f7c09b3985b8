"""The records that flow between stages and out of tacitus.

`Event.to_dict()` is the event record of DESIGN.md: the contract between the coder, the
store, every output format and the tests. Fields a stage could not fill stay `None`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SegmentKind = Literal["headline", "dateline", "byline", "caption", "credit", "body", "teaser"]
# Segments whose text is coded for events. Captions describe a real scene, so they are coded
# too; credits, bylines, datelines and teasers never yield events or actors.
CODED_SEGMENTS: frozenset[str] = frozenset({"headline", "body", "caption"})

Polarity = Literal["asserted", "negated"]
Modality = Literal["factual", "intent", "demand", "threat", "planned", "hypothetical"]


@dataclass(slots=True)
class Segment:
    """A piece of an article's text with its role; `start` is an offset into Article.text."""

    kind: SegmentKind
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Article:
    """One news report as read by ingest; clean fills `segments` and `truncated`."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_origin: str | None = None  # where the date came from: cli, jsonl, html, ...
    title: str | None = None
    origin: str | None = None  # file path, "stdin", "file.jsonl:12"
    segments: list[Segment] = field(default_factory=list)
    truncated: bool = False

    def coded_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.kind in CODED_SEGMENTS]

    def segment_text(self, kind: SegmentKind) -> list[str]:
        return [s.text for s in self.segments if s.kind == kind]


@dataclass(slots=True)
class Failure:
    """An input that could not be coded. `text` keeps whatever could be read of it.

    `status` is "failed", or "skipped" for an input deliberately not coded (a page in another
    language, a redirect in a web archive): both are stored with their reason."""

    article_id: str
    origin: str
    reason: str
    text: str = ""
    status: str = "failed"


@dataclass(slots=True)
class Actor:
    """A coded actor mention: CAMEO code = country + sectors (ISRGOV, USAMIL, IGOUNO)."""

    text: str
    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    name: str | None = None
    why: str = ""
    start: int = -1  # character offsets into Article.text
    end: int = -1
    kind: str = "actor"  # country, organisation, person, agent, group

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "name": self.name,
            "why": self.why,
        }


@dataclass(slots=True)
class Location:
    name: str
    precision: str  # facility, city, region, country
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2, as in GeoNames
    admin1: str | None = None
    why: str = ""
    # How the place was known, the precision label a user filters inferred places by:
    # "clause" (the event's own clause), "headline" (the story's headline or caption),
    # "dateline" (where the story was filed) or "article" (the place the article is about).
    basis: str = "clause"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
            "basis": self.basis,
            "why": self.why,
        }


@dataclass(slots=True)
class Count:
    """One casualty figure as the text gives it: "at least 106" -> value 106, low 106;
    "dozens" -> value None, low 24; "five people" -> value 5, low 5."""

    written: str  # the words of the number, as written
    value: int | None  # the number stated, None when the text gives none ("dozens")
    low: int  # the least the text allows: the figure a --min-killed filter compares
    group: str | None = None  # who: "civilians", "police officers"
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "value": self.value,
            "low": self.low,
            "group": self.group,
            "why": self.why,
        }


CASUALTY_KINDS = ("killed", "injured", "missing", "arrested")


@dataclass(slots=True)
class Casualties:
    """The people an event killed, injured, left missing or arrested, as its clause counts them."""

    killed: Count | None = None
    injured: Count | None = None
    missing: Count | None = None
    arrested: Count | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: (c.to_dict() if (c := getattr(self, k)) else None) for k in CASUALTY_KINDS}


@dataclass(slots=True)
class EventDate:
    value: str  # ISO date: the first day of the period for week, month and year precision
    precision: str  # day, week, month, year
    raw: str | None  # the text it came from; None when it is the publication date
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "raw": self.raw, "why": self.why}


@dataclass(slots=True)
class Claimant:
    """One link of an attribution chain: who says so."""

    name: str
    kind: str  # outlet, named, anonymous, organisation
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "code": self.code}


@dataclass(slots=True)
class Attribution:
    status: str  # direct, reported, hedged
    by: list[Claimant] = field(default_factory=list)
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "by": [c.to_dict() for c in self.by], "why": self.why}


@dataclass(slots=True)
class Quote:
    article_id: str
    kind: str  # direct, indirect
    content: str
    content_span: tuple[int, int]
    cue: str | None
    speaker_text: str | None
    speaker: Actor | None = None
    speaker_span: tuple[int, int] | None = None
    sentence: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "kind": self.kind,
            "content": self.content,
            "content_span": list(self.content_span),
            "cue": self.cue,
            "speaker_text": self.speaker_text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "sentence": self.sentence,
        }


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, with how sure and why."""

    article_id: str
    sentence: int
    span: tuple[int, int]
    text: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_name: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    polarity: Polarity = "asserted"
    modality: Modality = "factual"
    confidence: float = 0.5
    why: str = ""
    trigger: str = ""
    trigger_span: tuple[int, int] = (0, 0)
    segment: str = "body"
    attribution: Attribution | None = None
    location: Location | None = None
    date: EventDate | None = None
    # Why the event is only a candidate, outside the default output (not political news, a
    # bare statement by a party no dictionary knows, an uncoded source); None when a
    # researcher would keep it. Candidates stay in the store, reachable with `--all`.
    candidate: str | None = None
    casualties: Casualties | None = None  # material conflict events only, when the text counts
    # Found from an event noun standing on its own ("the Iraq war", "the inquiry"), not from a
    # verb or a light verb's object ("launched an inquiry"). Read by the relevance stage at
    # coding time; not stored (the `why` says how the event was found).
    nominal: bool = False

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def penta_class(self) -> int:
        """The five-way class: 0 statement, 1 verbal co-op, 2 material co-op, 3/4 conflict."""
        return penta_of_root(self.root)

    @property
    def id(self) -> str:
        """Stable across runs: the same article, sentence, span, code and dyad give the same id."""
        src = self.source.code if self.source else ""
        tgt = self.target.code if self.target else ""
        key = f"{self.article_id}|{self.sentence}|{self.trigger_span}|{self.cameo}|{src}|{tgt}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "span": list(self.span),
            "text": self.text,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "root": self.root,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "polarity": self.polarity,
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "casualties": self.casualties.to_dict() if self.casualties else None,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            # character offsets of the trigger word in the article text, for highlighting
            "trigger_span": list(self.trigger_span),
            "segment": self.segment,
            "candidate": self.candidate,
            "why": self.why,
        }


def penta_of_root(root: str) -> int:
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


@dataclass(slots=True)
class CodingResult:
    """Everything tacitus learned from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None
