"""One Prefect test server for the whole session, used only by the flow tests."""

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_server():
    with prefect_test_harness(server_startup_timeout=120):
        yield
