"""Shared fixtures: a fresh SQLite database per test, the sample documents and expected records.

Everything here lives in the repository: the sample documents in data/raw/ and the expected
records in tests/data/gold/ (trimmed copies of the dev set's hand-checked gold for those samples).
Nothing outside the repository is needed.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
TEST_DATA = Path(__file__).resolve().parent / "data"
GOLD_DIR = TEST_DATA / "gold"
SAMPLE_KEYS = ("amur_2019", "kaluga_2021", "kemerovo_2018")

# the set-up cache (schema template, theme lemmas) of this test run: empty at the start, so the
# first use of each computes it, and never the user's ~/.cache (a set variable is kept)
_TEST_CACHE = None if os.environ.get("ROADMAPS_CACHE_DIR") else tempfile.mkdtemp(prefix="roadmaps-test-cache-")
if _TEST_CACHE:
    os.environ["ROADMAPS_CACHE_DIR"] = _TEST_CACHE


def pytest_sessionfinish(session, exitstatus):
    if _TEST_CACHE:
        shutil.rmtree(_TEST_CACHE, ignore_errors=True)


def sample(name: str) -> Path:
    """A sample document committed in data/raw."""
    return RAW / name


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path}/test.db"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With ROADMAPS_TEST_NO_SKIP=1 (scripts/test.sh sets it) a skipped test fails the run."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("ROADMAPS_TEST_NO_SKIP") == "1" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but skips are failures here (ROADMAPS_TEST_NO_SKIP=1): {reason}"
