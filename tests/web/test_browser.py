"""The dashboard in a real browser: Debian's chromium, driven by Playwright.

Skipped, saying why, only when no chromium is installed (CI installs it, see .ci/run). A
screenshot of each run is left in test-artifacts/ at the top of the source tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tacitus.web.app import STATIC, create_app
from tacitus.web.browser import chromium, find_chromium, serve_in_thread
from tacitus.web.snapshot import Snapshot
from tests.web.conftest import HOSTILE_ID

CHROMIUM = find_chromium()
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium: apt-get install chromium"),
    pytest.mark.skipif(
        not (STATIC / "vendor" / "d3.min.js").exists(),
        reason="dashboard assets not built: run `make web`",
    ),
]


@pytest.fixture(scope="module")
def base_url(snapshot: Snapshot) -> Iterator[str]:
    with serve_in_thread(create_app(snapshot.store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Generous waits: the dashboard makes four API calls and draws four panels, and on a loaded
    # 2-core machine chromium itself can take seconds to start. They are not timings.
    with chromium(CHROMIUM, timeout_ms=30_000) as context:
        yield context


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert not errors, f"JavaScript errors: {errors}"


def loaded(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']")


def test_the_dashboard_draws_every_panel(page: Any, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "/")
    loaded(page)
    offsite = [u for u in requested if not u.startswith((base_url, "data:"))]
    assert not offsite, f"the dashboard reached outside its server: {offsite}"
    assert page.locator("#events tbody tr").count() == 50  # one page; more behind the button
    assert page.locator("#more").is_visible()
    assert page.locator("#map path.land").count() > 100  # the offline basemap's countries
    assert page.locator("#map circle.cluster").count() > 0
    assert page.locator("#timeline rect").count() > 0
    assert page.locator("#network .node").count() > 0
    assert "events from" in page.locator("#status").inner_text()
    page.locator("#more").click()  # the next page, by cursor, appended
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length > 50")
    ids = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(ids) == len(set(ids))


def test_filter_open_an_event_and_read_its_article(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    loaded(page)
    page.select_option("select[name=root]", "19")
    page.wait_for_url("**root=19**")
    loaded(page)
    events = page.locator("#events tbody td.q")
    assert events.count() > 0
    assert all(t.startswith("19") for t in events.all_inner_texts())
    page.locator("#events tbody tr").first.click()
    trigger = page.locator("#article-text .trigger")
    trigger.first.wait_for()
    assert page.locator("#article").is_visible()
    assert "event=" in page.url  # the open event is part of the shareable URL
    assert trigger.first.inner_text().strip()
    assert page.locator("#article-text .sentence.trigger").count() >= 1
    assert page.locator("#whys dt", has_text="event").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


def test_a_shared_url_restores_the_filters_and_the_open_event(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?quad_class=4")
    loaded(page)
    event_id = page.locator("#events tbody tr").first.get_attribute("data-id")
    page.goto(f"{base_url}/?quad_class=4&event={event_id}")
    loaded(page)
    assert page.locator("select[name=quad_class]").input_value() == "4"
    page.locator("#article-text .trigger").first.wait_for()


def test_brushing_the_timeline_filters_the_rest(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?interval=month")
    loaded(page)
    before = page.locator("#events tbody tr").count()
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.97, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**since=**")
    loaded(page)
    since = page.locator("input[name=since]").input_value()
    assert since
    dates = [d for d in page.locator("#events tbody td.when").all_inner_texts() if d]
    assert dates and all(d >= since for d in dates)
    assert page.locator("#events tbody tr").count() < before


def test_an_article_with_markup_is_shown_as_text(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/?article={HOSTILE_ID}")
    loaded(page)
    page.locator("#events tbody tr").first.click()
    page.locator("#article-text .trigger").first.wait_for()
    assert "<script>window.__tacitus_xss = 1</script>" in page.locator("#article-text").inner_text()
    assert "<script>" in page.locator("#article-title").inner_text()
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.locator("#article-meta a").count() == 0  # its javascript: URL is not a link
    assert page.evaluate("window.__tacitus_xss") is None


def test_the_api_docs_page_works_offline(page: Any, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "/docs")
    page.get_by_text("/api/events/{event_id}").first.wait_for()
    assert all(u.startswith((base_url, "data:")) for u in requested), requested


def test_the_candidates_toggle_shows_them_marked_with_their_reason(
    page: Any, base_url: str
) -> None:
    import httpx

    listed = httpx.get(f"{base_url}/api/events", params={"all": "true", "size": 500}).json()
    candidate = next(e for e in listed["events"] if e["candidate"])
    article = candidate["article_id"]
    expected = [e["id"] for e in listed["events"] if e["candidate"] and e["article_id"] == article]
    page.goto(f"{base_url}/?article={article}")
    loaded(page)
    assert page.locator("#events tbody tr.candidate").count() == 0  # the default output
    drawn = page.evaluate("document.body.dataset.drawn")
    page.check("input[name=all]")
    page.wait_for_url("**all=true**")
    page.wait_for_function(f"document.body.dataset.drawn !== '{drawn}'")
    loaded(page)
    rows = page.locator("#events tbody tr.candidate")
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.id)") == expected
    assert (
        f"candidate: {candidate['candidate']}"
        in page.locator(f"#events tbody tr[data-id='{candidate['id']}']").inner_text()
    )


def test_an_event_shows_the_other_reports_of_its_happening(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?root=19")
    loaded(page)
    first = page.locator("#events tbody tr").first
    event_id = first.get_attribute("data-id")
    first.click()
    page.locator("#cluster:not([hidden])").wait_for()
    mentions = page.locator("#cluster-mentions li")
    ids = mentions.evaluate_all("items => items.map(i => i.dataset.id)")
    assert event_id in ids
    assert page.locator("#cluster-mentions li.current").get_attribute("data-id") == event_id
    assert "report(s) in" in page.locator("#cluster-counts").inner_text()
    others = [i for i in ids if i != event_id]
    if others:  # another report opens in the same view
        page.locator(f"#cluster-mentions li[data-id='{others[0]}']").click()
        page.wait_for_url(f"**event={others[0]}**")
