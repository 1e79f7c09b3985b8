"""Query parameters of the API, checked into an EventSearch.

Fixed vocabularies (modality, polarity, attribution, interval) are enums in the OpenAPI
schema, numbers have ranges, and free text (actor codes, search words) is passed on as a
query parameter: a value holding SQL matches nothing rather than being refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query

from tacitus.errors import InputError
from tacitus.queries import EventSearch, parse_bbox


class ParamError(Exception):
    """A query parameter that passed its type check but still makes no sense."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# Free text stays short: no filter needs more, and it bounds the work one request can ask for.
Code = Annotated[str | None, Query(max_length=40, description="Actor code prefix: ISR, USAGOV.")]
Text = Annotated[str | None, Query(max_length=200)]


def event_search(
    actor: Code = None,
    source: Code = None,
    target: Code = None,
    dyad: Annotated[
        str | None, Query(max_length=81, description="Source and target prefixes: ISR,PSE.")
    ] = None,
    root: Annotated[
        str | None, Query(pattern=r"^(0?[1-9]|1[0-9]|20)$", description="CAMEO root, 01-20.")
    ] = None,
    code: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix: 19, 0311.")
    ] = None,
    plover_type: Annotated[str | None, Query(max_length=40, description="PROTEST, ...")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Literal["factual", "intent", "demand", "threat", "planned", "hypothetical"]
    | None = None,
    polarity: Literal["asserted", "negated"] | None = None,
    attribution: Literal["direct", "reported", "hedged"] | None = None,
    country: Annotated[
        str | None, Query(max_length=3, description="CAMEO country of source or target.")
    ] = None,
    place_country: Annotated[
        str | None, Query(max_length=2, description="ISO country of the event's place.")
    ] = None,
    bbox: Annotated[
        str | None, Query(max_length=100, description="west,south,east,north in degrees.")
    ] = None,
    since: date | None = None,
    until: date | None = None,
    text: Annotated[Text, Query(description="Words in the event's sentence.")] = None,
    article: Annotated[str | None, Query(max_length=200)] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    coded: bool = False,
    include_candidates: Annotated[
        bool,
        Query(
            alias="all",
            description="Also candidates: events outside political news, bare statements by "
            "unknown parties and uncoded sources, left out of the default output.",
        ),
    ] = False,
) -> EventSearch:
    """The events a request asks for; the filters are the CLI's plus map and text ones."""
    return EventSearch(
        actor=actor or None,
        source=source or None,
        target=target or None,
        dyad=_dyad(dyad) if dyad else None,
        root=root,
        code=code,
        plover_type=plover_type or None,
        quad_class=quad_class,
        modality=modality,
        polarity=polarity,
        attribution=attribution,
        country=country or None,
        place_country=place_country or None,
        bbox=_bbox(bbox) if bbox else None,
        since=since,
        until=until,
        text=text or None,
        article_id=article or None,
        min_confidence=min_confidence,
        coded=coded,
        all=include_candidates,
    )


def _dyad(value: str) -> tuple[str, str]:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise ParamError("dyad", f"expects SOURCE,TARGET such as ISR,PSE, not {value!r}")
    return parts[0], parts[1]


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        return parse_bbox(value)
    except InputError as exc:
        raise ParamError("bbox", str(exc)) from None


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
        date.fromisoformat(key[0])
        if not isinstance(key, list):
            raise TypeError
    except (binascii.Error, ValueError, TypeError, IndexError, KeyError):
        raise ParamError("cursor", "is not one this server gave out") from None
    # The key's types are checked too: a forged cursor must be refused here, not fail in SQL.
    types = (str, str, int, int, str)
    if len(key) != len(types) or not all(
        isinstance(v, t) and not isinstance(v, bool) for v, t in zip(key, types, strict=True)
    ):
        raise ParamError("cursor", "is not one this server gave out")
    return list(key)
