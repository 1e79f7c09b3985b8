"""schemathesis generates requests from the OpenAPI schema: none may make the server fail.

The operations are walked by hand rather than through schemathesis' pytest plugin, whose
fixture-backed schemas do not load under the pinned pytest.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tacitus.web.app import create_app
from tacitus.web.snapshot import Snapshot

schemathesis = pytest.importorskip("schemathesis")

# 25 examples per endpoint over about ten endpoints keeps the run near 20 s on the CI machine;
# the filters are simple enough that more examples found nothing new (tried up to 200).
EXAMPLES = 25


def test_no_request_the_schema_allows_makes_a_server_error(snapshot: Snapshot) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(snapshot.store))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case: Any) -> None:
            response = case.call()
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query}: {response.text}"
                )

        call()
    assert not failures, "\n".join(failures[:5])
