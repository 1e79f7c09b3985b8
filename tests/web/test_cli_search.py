"""`tacitus events` takes the API's filters, read by the same EventSearch: the command line
and the HTTP API list the same events for the same filter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tacitus.cli import app

# (CLI options, API parameters) that name one filter.
FILTERS = [
    (["--plover-type", "assault"], {"plover_type": "assault"}),
    (["--quad-class", "3"], {"quad_class": 3}),
    (["--attribution", "reported"], {"attribution": "reported"}),
    (["--country", "ISR"], {"country": "ISR"}),
    (["--place-country", "ge"], {"place_country": "ge"}),
    (["--bbox", "-10,35,40,60"], {"bbox": "-10,35,40,60"}),
    (["--bbox", "40,-90,-10,90"], {"bbox": "40,-90,-10,90"}),
    (["--text", "said"], {"text": "said"}),
    (["--quad-class", "4", "--all"], {"quad_class": 4, "all": "true"}),
]


def cli_ids(store_path: Path, *options: str) -> list[str]:
    result = CliRunner().invoke(
        app, ["events", "--db", str(store_path), "--format", "jsonl", *options]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(("options", "params"), FILTERS)
def test_the_cli_lists_what_the_api_lists(
    store_path: Path, client: TestClient, options: list[str], params: dict[str, Any]
) -> None:
    response = client.get("/api/events", params={"size": 500, **params})
    assert response.status_code == 200, response.text
    api = [e["id"] for e in response.json()["events"]]
    assert cli_ids(store_path, *options) == api


def test_the_filters_select_something_in_the_sample_store(store_path: Path) -> None:
    everything = cli_ids(store_path, "--all")
    for options, _ in FILTERS[:-1]:
        some = cli_ids(store_path, *options)
        # each filter is a real test: it keeps some events and drops others
        assert 0 < len(some) < len(everything), options


def test_a_bad_filter_value_is_a_usage_error(store_path: Path) -> None:
    for options, words in [
        (["--bbox", "1,2,3"], "--bbox"),
        (["--quad-class", "7"], "quad class"),
        (["--attribution", "rumoured"], "attribution"),
    ]:
        result = CliRunner().invoke(app, ["events", "--db", str(store_path), *options])
        assert result.exit_code == 2, (options, result.output)
        assert words in result.output


def test_the_python_api_takes_the_same_filters(store_path: Path, client: TestClient) -> None:
    import tacitus

    for params in (
        {"bbox": "20,30,50,50", "quad_class": 4},
        {"place_country": "ge", "attribution": "reported"},
        {"country": "GEO", "text": "said"},
    ):
        listed = client.get("/api/events", params={"size": 500, **params}).json()["events"]
        assert listed, params  # the samples hold such events: the comparison means something
        with tacitus.open(store_path) as ds:
            table = ds.events(**params)
        assert table.column("id").to_pylist() == [e["id"] for e in listed]
