"""Logging on the command line: one Rich handler for our package loggers (``cli.logs``), levels
from -v / -q / $ROADMAPS_LOG_LEVEL, and ``pull`` printing a summary and one line per failed
document, with Prefect's log lines only under --verbose (run as a real process: Prefect's console
handler writes to the process's stderr, which the in-process runner does not capture)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.flows import failure_line
from cli.logs import configure
from tests.cli.conftest import assert_refused, run
from tests.conftest import ROOT

PULL_TIMEOUT_S = 600


@pytest.fixture(autouse=True)
def default_logging():
    yield
    configure(0, False)


def test_levels_follow_verbose_quiet_and_the_setting(capsys, monkeypatch):
    log = logging.getLogger("pipeline.some_module")
    configure(0, False)
    log.info("an info line")
    log.warning("a warning line")
    err = capsys.readouterr().err
    assert "a warning line" in err and "an info line" not in err
    configure(1, False)
    log.info("an info line")
    assert "an info line" in capsys.readouterr().err
    configure(0, True)
    log.warning("a warning line")
    log.error("an error line")
    err = capsys.readouterr().err
    assert "an error line" in err and "a warning line" not in err
    monkeypatch.setenv("ROADMAPS_LOG_LEVEL", "INFO")
    configure(0, False)
    log.info("an info line")
    assert "an info line" in capsys.readouterr().err


def test_one_handler_no_propagation_to_prefects_root_handler(capsys):
    configure(0, False)
    configure(2, False)
    for name in ("pipeline", "extractors", "flows"):
        logger = logging.getLogger(name)
        ours = [h for h in logger.handlers if type(h).__name__ == "_RoadmapsHandler"]
        assert len(ours) == 1 and logger.propagate is False
    logging.getLogger("extractors.ocr").warning("said once")
    assert capsys.readouterr().err.count("said once") == 1


def test_prefects_lines_are_shown_with_verbose_or_debug_only():
    import roadmaps_settings
    from cli.logs import showing_prefect

    configure(0, False)
    assert not showing_prefect()
    configure(1, False)
    assert showing_prefect()
    with roadmaps_settings.overridden(debug=True):
        configure(0, False)
        assert showing_prefect()


def test_a_bad_log_level_setting_is_one_line():
    result = run("config", env={"ROADMAPS_LOG_LEVEL": "loud"})
    assert_refused(result, 2, "ROADMAPS_LOG_LEVEL='loud'", "'debug', 'info', 'warning' or 'error'")


def test_failure_line_names_source_stage_and_reason_once():
    failed = {"source": "a/b.pdf", "stage": "open",
              "error": "a/b.pdf: open failed: not a readable PDF,\n damaged"}
    assert failure_line(failed) == "failed (open): a/b.pdf: not a readable PDF, damaged"
    internal = {"source": "x.docx", "stage": "internal", "error": "x.docx: internal error: KeyError: 'k'"}
    assert failure_line(internal) == "failed (internal): x.docx: internal error: KeyError: 'k'"


@pytest.fixture
def good_and_broken(tmp_path: Path) -> Path:
    """A manifest of one valid roadmap (python-docx) and one damaged PDF."""
    from tests.docx_factory import make_docx
    from tests.pipeline.compare.five_regions import TULA_BEFORE, TULA_ROWS

    make_docx(tmp_path / "good.docx", TULA_ROWS, before=TULA_BEFORE)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    manifest = tmp_path / "m.yaml"
    manifest.write_text("sources:\n  - path: good.docx\n  - path: broken.pdf\n", encoding="utf-8")
    return manifest


def pull_process(manifest: Path, *flags: str) -> subprocess.CompletedProcess:
    db = f"sqlite:///{manifest.parent / 'pull.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env = {k: v for k, v in env.items() if k not in ("ROADMAPS_LOG_LEVEL", "PREFECT_LOGGING_LEVEL")}
    return subprocess.run([sys.executable, "-m", "cli", "pull", str(manifest), "--db", db, "--workers", "2",
                           *flags], capture_output=True, text=True, env=env, cwd=manifest.parent,
                          timeout=PULL_TIMEOUT_S)


def test_pull_prints_a_summary_and_one_line_per_failed_document(good_and_broken):
    done = pull_process(good_and_broken)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    assert not [line for line in output.splitlines() if "| INFO" in line or "| ERROR" in line], output
    failed = [line for line in output.splitlines() if line.startswith("failed (")]
    assert len(failed) == 1, output
    assert failed[0].startswith(f"failed (open): {good_and_broken.parent / 'broken.pdf'}: "), failed
    assert "documents: 1 loaded, 0 unchanged, 1 failed" in output
    assert "good.docx" not in output   # no per-document table by default


def test_pull_verbose_shows_prefects_log_lines(good_and_broken):
    done = pull_process(good_and_broken, "--verbose")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "| INFO    | Flow run" in output
    assert f"failed (open): {good_and_broken.parent / 'broken.pdf'}: " in output
    assert "documents: 1 loaded, 0 unchanged, 1 failed" in output


def test_serves_run_processes_show_only_our_lines(tmp_path):
    """The Prefect logging config `serve` hands to its run subprocesses (cli/prefect_logging.yml):
    Prefect's own lines are dropped, the flow's summary and failure lines (logger ``flows``) pass."""
    from cli.logs import PREFECT_LOGGING_YML

    code = ("import flows.prefect_env, logging, prefect.main\n"
            "logging.getLogger('prefect').error('prefect-error-line')\n"
            "logging.getLogger('prefect.flow_runs').warning('flow-run-line')\n"
            "logging.getLogger('flows.ingest').info('documents: 1 loaded')\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_LOGGING_SETTINGS_PATH": str(PREFECT_LOGGING_YML),
           "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "flows.ingest - documents: 1 loaded" in output
    assert "prefect-error-line" not in output and "flow-run-line" not in output
