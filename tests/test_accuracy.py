"""The quality gate: accuracy on the development gold must not drop below the pinned floors.

All three gold sets are coded in one batch (one pipeline, one nlp.pipe stream) to stay within
the suite's time budget. Skips where ../shared/eval is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import require_eval

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text())
SETS = [name for name in FLOORS if not name.startswith("_") and name != "default_view"]


@pytest.fixture(scope="module")
def views() -> dict[str, dict[str, dict[str, float | None]]]:
    from tacitus.evaluate.report import evaluate_event_views

    paths = [require_eval("events", name) for name in SETS]
    return {
        p.name: {view: r.metrics for view, r in by_view.items()}
        for p, by_view in evaluate_event_views(paths).items()
    }


@pytest.fixture(scope="module")
def reports(
    views: dict[str, dict[str, dict[str, float | None]]],
) -> dict[str, dict[str, float | None]]:
    """The coder's whole reading, candidates included: what the floors pin."""
    return {name: by_view["with candidates"] for name, by_view in views.items()}


@pytest.mark.parametrize("name", SETS)
def test_accuracy_stays_above_its_floor(
    reports: dict[str, dict[str, float | None]], name: str
) -> None:
    got = reports[name]
    for metric, floor in FLOORS[name].items():
        value = got[metric]
        assert value is not None, f"{name}: {metric} was not computed"
        assert value >= floor, f"{name}: {metric} fell to {value:.3f}, below its floor {floor}"


@pytest.mark.parametrize("name", SETS)
def test_the_default_output_stays_above_its_floor(
    views: dict[str, dict[str, dict[str, float | None]]], name: str
) -> None:
    got = views[name]["all"]
    for metric, floor in FLOORS["default_view"][name].items():
        value = got[metric]
        assert value is not None and value >= floor, f"default view {name}: {metric} {value}"
