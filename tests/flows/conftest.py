"""One Prefect test server for the whole session, used only by the flow tests.

The flow tests fetch from the local test server on 127.0.0.1, which fetch refuses by default
(no private addresses): they allow it explicitly with ``ROADMAPS_FETCH_ALLOW_PRIVATE=1``.
"""

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_server():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(autouse=True)
def allow_the_local_test_server(monkeypatch):
    monkeypatch.setenv("ROADMAPS_FETCH_ALLOW_PRIVATE", "1")


from tests.cli.conftest import pw_url  # noqa: E402,F401  (fixture: a database reached with a password)
from tests.pipeline.conftest import pg_server_url, pg_url  # noqa: E402,F401  (fixtures)
