"""Dashboard speed on a store of 100,000 events: first paint and filter latency.

A store of synthetic events (made here: 10,000 articles of 10 events, about 60 actors, a few
hundred places, three years) is served by the real app, and Debian's chromium loads the
dashboard. First paint is the time from navigation until every panel is drawn (the page sets
body[data-ready=1] once the map, timeline, network and table are in); filter latency is the
time from changing a filter in the form until every panel is drawn again.

The peer is the same dashboard over a store of 1,000 events, measured in the same run and
interleaved round by round, so `ratio` says what the store's size costs on this machine
whatever its load; `vs target` divides the 100,000-event median by the issue's targets (first
paint 2 s, filters 300 ms): below 1 meets them.

    .venv/bin/python bench/web.py [--events 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tacitus.model import Actor, Article, CodingResult, Event, EventDate, Location, penta_of_root
from tacitus.store import Store
from tacitus.web.app import create_app
from tacitus.web.browser import chromium, find_chromium, serve_in_thread
from tacitus.web.snapshot import open_snapshot

TARGET_PAINT_S = 2.0
TARGET_FILTER_S = 0.3
EVENTS_PER_ARTICLE = 10
COUNTRIES = [
    ("USA", 39.8, -98.6), ("RUS", 61.5, 105.3), ("CHN", 35.9, 104.2), ("ISR", 31.0, 34.9),
    ("PSE", 31.9, 35.2), ("IRN", 32.4, 53.7), ("UKR", 48.4, 31.2), ("SDN", 12.9, 30.2),
    ("IND", 20.6, 79.0), ("PAK", 30.4, 69.3), ("DEU", 51.2, 10.5), ("FRA", 46.2, 2.2),
    ("GBR", 55.4, -3.4), ("TUR", 39.0, 35.2), ("SYR", 34.8, 39.0), ("EGY", 26.8, 30.8),
    ("NGA", 9.1, 8.7), ("BRA", -14.2, -51.9), ("MEX", 23.6, -102.6), ("JPN", 36.2, 138.3),
]  # fmt: skip
SECTORS = ["", "GOV", "MIL", "REB", "OPP"]
# CAMEO codes with a Goldstein score each, spread over the four quad classes.
CODES = [
    ("010", 0.0), ("036", 4.0), ("042", 1.9), ("057", 8.0), ("070", 7.0), ("111", -2.0),
    ("130", -4.4), ("141", -6.5), ("163", -8.0), ("173", -5.0), ("190", -10.0), ("195", -10.0),
]  # fmt: skip
QUAD = {0: 1, 1: 1, 2: 2, 3: 3, 4: 4}


def actor(rng: random.Random) -> Actor:
    country = rng.choice(COUNTRIES)[0]
    sector = rng.choice(SECTORS)
    return Actor(text=country, code=country + sector, country=country, sectors=(sector,))


def synthetic_event(rng: random.Random, article: Article, s: int) -> Event:
    code, goldstein = rng.choice(CODES)
    name, lat, lon = rng.choice(COUNTRIES)
    # jitter on a 0.5-degree grid: a few hundred distinct places, as cities would give
    lat += rng.randrange(-6, 7) / 2
    lon += rng.randrange(-6, 7) / 2
    when = (article.published or date(2022, 1, 1)) - timedelta(days=rng.randrange(3))
    place = Location(
        name=f"{name} {lat} {lon}", precision="city", lat=lat, lon=lon, country=name[:2]
    )
    return Event(
        article_id=article.id,
        sentence=s,
        span=(s * 40, s * 40 + 38),
        text=article.text[s * 40 : s * 40 + 38],
        source=actor(rng),
        target=actor(rng),
        cameo=code,
        cameo_name=f"code {code}",
        plover_type=None,
        plover_mode=None,
        goldstein=goldstein,
        quad_class=QUAD[penta_of_root(code[:2])],
        trigger="events",
        location=place,
        date=EventDate(value=when.isoformat(), precision="day", raw=None),
    )


def synthetic(rng: random.Random, first: int, n_articles: int) -> list[CodingResult]:
    results = []
    for i in range(first, first + n_articles):
        published = date(2022, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        text = " ".join(f"Sentence {s:02d} of article {i:06d} on events." for s in range(12))
        article = Article(id=f"a{i:06d}", text=text, published=published, outlet="Synthetic")
        events = [synthetic_event(rng, article, s) for s in range(EVENTS_PER_ARTICLE)]
        results.append(CodingResult(article=article, events=events))
    return results


def build_store(path: Path, n_events: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    n_articles = n_events // EVENTS_PER_ARTICLE
    with Store(path) as store:
        for first in range(0, n_articles, 1000):
            store.save_many(synthetic(rng, first, min(1000, n_articles - first)))


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']")


def first_paint(page: Any, url: str) -> float:
    page.goto("about:blank")
    t0 = time.perf_counter()
    page.goto(url + "/")
    ready(page)
    return time.perf_counter() - t0


def filter_latency(page: Any, field: str, value: str) -> float:
    drawn = int(page.evaluate("document.body.dataset.drawn"))
    t0 = time.perf_counter()
    page.select_option(f"select[name={field}]", value)
    page.wait_for_function(f"Number(document.body.dataset.drawn) > {drawn}", polling="raf")
    return time.perf_counter() - t0


# The filters a user changes, each from the unfiltered view: a quad class, a root, a modality.
FILTERS = [("quad_class", "4"), ("root", "19"), ("quad_class", "1"), ("root", "04")]


def measure(page: Any, url: str, parts: dict[str, list[float]]) -> tuple[float, list[float]]:
    paint = first_paint(page, url)
    latencies = []
    for field, value in FILTERS:
        latencies.append(filter_latency(page, field, value))
        # where the filtered view spent its time: API calls, then each panel's drawing
        for part, ms in page.evaluate("window.tacitusTimings").items():
            parts.setdefault(part, []).append(ms)
        filter_latency(page, field, "")  # back to the unfiltered view
    return paint, latencies


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--peer-events", type=int, default=1_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if find_chromium() is None:
        print("no chromium: apt-get install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="tacitus-bench-web-") as tmp:
        big, small = Path(tmp) / "big.duckdb", Path(tmp) / "small.duckdb"
        t0 = time.perf_counter()
        build_store(big, args.events)
        build_store(small, args.peer_events)
        print(f"built stores of {args.events} and {args.peer_events} events in "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
        return run(big, small, args)


def run(big: Path, small: Path, args: argparse.Namespace) -> int:
    snaps = [open_snapshot(big), open_snapshot(small)]
    results: dict[str, dict[str, list[float]]] = {
        "big": {"paint": [], "filter": []},
        "small": {"paint": [], "filter": []},
    }
    try:
        with (
            serve_in_thread(create_app(snaps[0].store)) as big_url,
            serve_in_thread(create_app(snaps[1].store)) as small_url,
            chromium() as browser,
        ):
            page = browser.new_page()
            parts: dict[str, dict[str, list[float]]] = {"big": {}, "small": {}}
            measure(page, big_url, {})  # warm: DuckDB caches, chromium's first start
            measure(page, small_url, {})
            for _ in range(args.rounds):
                for name, url in (("big", big_url), ("small", small_url)):
                    paint, latencies = measure(page, url, parts[name])
                    results[name]["paint"].append(paint)
                    results[name]["filter"].extend(latencies)
    finally:
        for snap in snaps:
            snap.close()
    report(results, args)
    for name, n in (("big", args.events), ("small", args.peer_events)):
        split = ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in parts[name].items())
        print(f"filtered view at {n:,} events, median ms: {split}")
    return 0


def report(results: dict[str, dict[str, list[float]]], args: argparse.Namespace) -> None:
    med = {n: {k: statistics.median(v) for k, v in r.items()} for n, r in results.items()}
    for kind, target in (("paint", TARGET_PAINT_S), ("filter", TARGET_FILTER_S)):
        big, small = med["big"][kind], med["small"][kind]
        label = "first paint" if kind == "paint" else "filter latency"
        print(
            f"{label:15s} {args.events:>7,} events {big * 1000:7.0f} ms | "
            f"{args.peer_events:,} events {small * 1000:6.0f} ms | ratio {big / small:.2f} | "
            f"vs target {target * 1000:.0f} ms: {big / target:.2f}"
        )
    print(f"medians over {args.rounds} interleaved rounds ({len(FILTERS)} filters a round)")


if __name__ == "__main__":
    sys.exit(main())
