"""The normalising budget (pipeline.time_budget, pipeline.ingest.normalise_stage)."""

from __future__ import annotations

import threading
import time

import pytest

import roadmaps_settings as rs
from pipeline import ingest
from pipeline.time_budget import BudgetExceeded, within


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_loop_past_its_budget_is_stopped():
    started = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with within(0.2):
            _spin(30)
    assert time.monotonic() - started < 5


def test_work_inside_its_budget_runs_and_no_timer_is_left_armed():
    with within(5) as counted:
        _spin(0.05)
    assert counted
    _spin(0.3)                                   # a late signal would raise here


def test_a_budget_outside_the_main_thread_is_not_counted():
    seen = []
    t = threading.Thread(target=lambda: seen.append(within(0.1).__enter__()))
    t.start()
    t.join()
    assert seen == [False]


def test_a_document_whose_normalising_loops_is_refused_at_the_normalise_stage(monkeypatch):
    import pipeline.normalise

    monkeypatch.setattr(pipeline.normalise, "build_document", lambda *a, **k: _spin(30))
    started = time.monotonic()
    with rs.overridden(normalise_timeout=0.3):
        with pytest.raises(ingest.StageError) as e:
            ingest.normalise_stage(object(), "plan.pdf", "0" * 64)
    assert time.monotonic() - started < 5
    assert e.value.stage == "normalise"
    assert "ROADMAPS_NORMALISE_TIMEOUT" in str(e.value) and "0.3 s" in str(e.value)
