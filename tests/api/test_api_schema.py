"""Schemathesis against the app's own OpenAPI spec: generated requests never get a server error (issue 16).

Bounded: a fixed number of examples per operation, no deadline (the machine is
shared), on SQLite and PostgreSQL. POST is exercised without the token (it must
answer 401/422, never 5xx); posting real analyses is ``test_api_write.py``'s job.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (dev extra)")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402


def test_api_schema_no_server_errors(desk_url):
    from hypothesis import given

    from newsgraph.api import create_app

    app = create_app(desk_url, token="not-given-to-schemathesis", max_body=20_000)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tried = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        run()
        tried.append(operation.label)
    app.app.state.store.close()
    assert len(tried) >= 10, tried
