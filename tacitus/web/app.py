"""The FastAPI application: a read-only JSON API over one store, and the dashboard.

Every query is one of `tacitus.queries`; this module only reads parameters, calls them and
shapes JSON. Errors all have one body, `{"error": {"code", "message"}}` (422s add `field`),
and nothing sends a traceback: unexpected failures are logged and answered with a plain 500.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from tacitus import queries
from tacitus.errors import InputError, TacitusError
from tacitus.queries import EventSearch
from tacitus.store import Store
from tacitus.web.clusters import cluster_of_event, cluster_page
from tacitus.web.highlight import event_marks, pieces
from tacitus.web.params import ParamError, decode_cursor, encode_cursor, event_search
from tacitus.web.snapshot import LiveSnapshot

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
# Page sizes: a table page is read by a person; GeoJSON and places feed a map and may be long.
MAX_PAGE = 500
MAX_FEATURES = 10_000
MAX_PLACES = 5_000
T = TypeVar("T")


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class EventPage(BaseModel):
    events: list[dict[str, Any]]
    next: str | None  # pass as `cursor` for the next page; null on the last page


class Why(BaseModel):
    about: str
    why: str


class EventView(BaseModel):
    event: dict[str, Any]
    article: dict[str, Any] | None
    actors: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    whys: list[Why]
    pieces: list[dict[str, Any]]  # the article text cut at highlight boundaries


class Timeline(BaseModel):
    interval: str
    periods: list[dict[str, Any]]


class GeoJSON(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[dict[str, Any]]


class Cluster(BaseModel):
    cluster_id: str
    first_seen: str | None
    counts: dict[str, int]  # mentions, articles, outlets, stories, copies
    event: dict[str, Any]  # the canonical report's event record
    mentions: list[dict[str, Any]]


class ClusterPage(BaseModel):
    clusters: list[Cluster]
    total: int  # clusters of the events read
    events: int  # events read
    capped: bool  # true when more events matched than one request clusters


class Status(BaseModel):
    store: str
    snapshot: str | None
    counts: dict[str, int]
    # with a live snapshot: when the copy served was taken, how often it was taken again,
    # and why the last attempt failed (the older copy then goes on serving)
    snapshot_taken: str | None = None
    refreshes: int = 0
    refresh_error: str | None = None


class Refreshed(BaseModel):
    refreshed: bool  # a new copy was taken: the store had changed
    snapshot: str | None
    message: str


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody},
    422: {"model": ErrorBody},
    500: {"model": ErrorBody},
}
Search = Annotated[EventSearch, Depends(event_search)]


def error(status: int, code: str, message: str, field: str | None = None) -> JSONResponse:
    detail = ErrorDetail(code=code, message=message, field=field)
    return JSONResponse(ErrorBody(error=detail).model_dump(exclude_none=True), status)


class Reader:
    """The store behind one lock: a DuckDB connection serves one query at a time. With a live
    snapshot, the store is the snapshot's current copy, taken again (under the same lock, so
    no query reads a copy being closed) when the source changed."""

    def __init__(self, store: Store, live: LiveSnapshot | None = None) -> None:
        self.store = store
        self.live = live
        self._lock = threading.Lock()

    def __call__(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            if self.live is not None:
                self.store = self.live.current()
            return query(self.store, *args, **kwargs)

    def refresh(self) -> bool:
        """Take a new snapshot now if the source changed; False when not serving one."""
        with self._lock:
            if self.live is None:
                return False
            changed = self.live.refresh()
            self.store = self.live.snapshot.store
            return changed


def create_app(
    store: Store | None = None,
    *,
    snapshot: str | None = None,
    source: str | None = None,
    live: LiveSnapshot | None = None,
) -> FastAPI:
    """The API and dashboard over `store` (opened read-only by the caller, who closes it), or
    over a live snapshot that is taken again when its store changes.

    `snapshot` says what copy is served and why; `source` names the store it was copied from.
    """
    if live is not None:
        store, source = live.snapshot.store, source or str(live.source)
    if store is None:
        raise ValueError("create_app needs a store or a live snapshot")
    app = FastAPI(
        title="tacitus",
        summary="Coded political events: query, map and read them back against the articles.",
        version="1",
        responses=ERRORS,
        # FastAPI's own /docs page loads Swagger UI from a CDN; ours serves the npm copy
        docs_url=None,
        redoc_url=None,
    )
    read = Reader(store, live)
    _add_error_handlers(app)
    _add_event_routes(app, read)
    _add_aggregate_routes(app, read)
    _add_misc_routes(app, read, snapshot, source or store.path)
    _add_dashboard(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = ".".join(loc) or None
        message = str(first.get("msg", "invalid request"))
        return error(422, "invalid_parameter", f"{field}: {message}", field)

    @app.exception_handler(ParamError)
    async def bad_param(_: Request, exc: ParamError) -> JSONResponse:
        return error(422, "invalid_parameter", str(exc), exc.field)

    @app.exception_handler(InputError)
    async def bad_filter(_: Request, exc: InputError) -> JSONResponse:
        return error(422, "invalid_filter", str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return error(exc.status_code, _http_code(exc.status_code), str(exc.detail))

    @app.exception_handler(TacitusError)
    async def store_error(_: Request, exc: TacitusError) -> JSONResponse:
        log.error("query failed: %s", exc)
        return error(500, "store_error", "the query failed; the server log says why")

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error(500, "internal_error", "unexpected error; the server log says why")


def _http_code(status: int) -> str:
    return {404: "not_found", 405: "method_not_allowed"}.get(status, f"http_{status}")


def _add_event_routes(app: FastAPI, read: Reader) -> None:
    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(
        search: Search,
        size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
    ) -> EventPage:
        """Events matching every filter given, in date order, one page at a time."""
        after = decode_cursor(cursor) if cursor else None
        records, last = read(queries.event_page, search, size=size, after=after)
        return EventPage(events=records, next=encode_cursor(last) if last else None)

    @app.get("/api/events/{event_id}", response_model=EventView, tags=["events"])
    def one_event(event_id: Annotated[str, PathParam(max_length=64)]) -> EventView:
        """One event with its article, highlighted, and every `why` behind it."""
        found = read(queries.event_detail, event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        text = str((found["article"] or {}).get("text") or "")
        marks = event_marks(found["event"], text, found["quotes"])
        return EventView(**found, whys=_whys(found["event"]), pieces=pieces(text, marks))

    @app.get("/api/events/{event_id}/cluster", response_model=Cluster, tags=["events"])
    def event_cluster(
        event_id: Annotated[str, PathParam(max_length=64)],
        include_candidates: Annotated[bool, Query(alias="all")] = False,
    ) -> Cluster:
        """The cluster an event belongs to: every report of the same happening, with its
        outlet and sentence (the event alone when no other report tells of it)."""
        found = read(cluster_of_event, event_id, include_candidates=include_candidates)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return Cluster(**found)

    @app.get("/api/geojson", response_model=GeoJSON, tags=["map"])
    def geojson(
        search: Search, limit: Annotated[int, Query(ge=1, le=MAX_FEATURES)] = 1000
    ) -> GeoJSON:
        """Located events as GeoJSON points, one feature per event."""
        rows = read(queries.located_events, search, limit)
        return GeoJSON(features=[_feature(r) for r in rows])


def _add_aggregate_routes(app: FastAPI, read: Reader) -> None:
    @app.get("/api/timeseries", response_model=Timeline, tags=["aggregates"])
    def timeseries(search: Search, interval: Literal["day", "week", "month"] = "week") -> Timeline:
        """Events per quad class and Goldstein per period; filter by dyad, actor or country."""
        periods = read(queries.event_timeline, search, interval)
        return Timeline(interval=interval, periods=periods)

    @app.get("/api/actors/top", tags=["aggregates"])
    def actors(search: Search, n: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """Actor codes in most events, as source or target."""
        return read(queries.top_actors, search, n)

    @app.get("/api/dyads/top", tags=["aggregates"])
    def dyads(search: Search, n: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """Source-target pairs in most events, with Goldstein sum and mean."""
        return read(queries.top_dyads, search, n)

    @app.get("/api/places", tags=["map"])
    def places(
        search: Search, n: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 2000
    ) -> list[dict[str, Any]]:
        """Located events grouped by place, with counts per quad class."""
        return read(queries.event_places, search, n)


def _add_misc_routes(app: FastAPI, read: Reader, snapshot: str | None, source: str) -> None:
    @app.get("/api/status", response_model=Status, tags=["store"])
    def status() -> Status:
        """What is being served: counts, and whether it is a snapshot."""
        counts = read(Store.stats)
        live = read.live
        if live is None:
            return Status(store=source, snapshot=snapshot, counts=counts)
        return Status(
            store=source,
            snapshot=live.describe(),
            counts=counts,
            snapshot_taken=live.snapshot.taken.isoformat(),
            refreshes=live.refreshes,
            refresh_error=live.error,
        )

    @app.post("/api/refresh", response_model=Refreshed, tags=["store"])
    def refresh() -> Refreshed:
        """Take a new snapshot of the store now if it changed since the last one."""
        if read.live is None:
            return Refreshed(
                refreshed=False, snapshot=snapshot, message="this server reads no snapshot"
            )
        changed = read.refresh()
        if changed:
            message = "the store changed: a new snapshot is served"
        elif read.live.error:
            message = f"the store changed but could not be copied: {read.live.error}"
        else:
            message = "the store has not changed"
        return Refreshed(refreshed=changed, snapshot=read.live.describe(), message=message)

    @app.get("/api/articles/failed", tags=["store"])
    def failed_articles() -> list[dict[str, Any]]:
        """Articles that could not be coded, with the reason."""
        return read(queries.articles, "failed")

    @app.get("/api/clusters", response_model=ClusterPage, tags=["events"])
    def clusters(
        search: Search,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> ClusterPage:
        """Happenings told by several reports: the event clusters of the events the filters
        select, as `tacitus events --clusters` computes them, each with its mentions (the
        report, outlet and sentence of every event merged into it), by first report."""
        page = read(cluster_page, search, limit=limit, offset=offset)
        return ClusterPage(**page)


def _add_dashboard(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="tacitus API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> FileResponse | HTMLResponse:
        if not (STATIC / "vendor" / "d3.min.js").exists():
            return HTMLResponse(
                "<h1>tacitus</h1><p>The dashboard's JavaScript is not built: run "
                "<code>make web</code> in the tacitus source tree. The API works: see "
                '<a href="/docs">/docs</a>.</p>',
                status_code=503,
            )
        return FileResponse(STATIC / "index.html")


def _whys(event: dict[str, Any]) -> list[Why]:
    """Every explanation the record carries, labelled by what it explains."""
    found: list[Why] = []
    if event.get("why"):
        found.append(Why(about="event", why=str(event["why"])))
    for key in ("source", "target", "location", "date", "attribution"):
        part = event.get(key) or {}
        if part.get("why"):
            found.append(Why(about=key, why=str(part["why"])))
    return found


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    point = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
    return {"type": "Feature", "id": row["id"], "geometry": point, "properties": props}
