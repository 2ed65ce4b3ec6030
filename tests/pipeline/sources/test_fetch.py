"""fetch(): retries on 5xx, HTML where a PDF was expected, the size cap, schemes, local files.

The local test server is on 127.0.0.1, which fetch refuses by default (no private addresses):
every test here that talks to it allows that explicitly (``allow_private=True`` in FAST).
"""

import time

import pytest

from pipeline.sources.fetch import fetch, local_copy
from pipeline.errors import StageError
from pipeline.ingest import sha256_bytes
from pipeline.sources.manifest import SourceEntry
from tests.local_http import Route, serve_routes

PDF_BYTES = b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"
HTML_BYTES = b"<!DOCTYPE html><html><body>Document moved</body></html>"
FAST = {"timeout": 5, "backoff": 0.01, "allow_private": True}


def test_retry_after_two_server_errors_succeeds():
    routes = {"/flaky.pdf": Route(PDF_BYTES, fail_first=2)}
    with serve_routes(routes) as base:
        got = fetch(SourceEntry(url=f"{base}/flaky.pdf"), max_bytes=10**6, retries=3, **FAST)
    assert routes["/flaky.pdf"].hits == 3
    assert got.data == PDF_BYTES and got.file_format == "pdf"
    assert got.sha256 == sha256_bytes(PDF_BYTES)


def test_gives_up_when_retries_run_out():
    routes = {"/down.pdf": Route(PDF_BYTES, fail_first=10)}
    with serve_routes(routes) as base:
        with pytest.raises(StageError) as err:
            fetch(f"{base}/down.pdf", max_bytes=10**6, retries=1, **FAST)
    assert err.value.stage == "fetch"
    assert "gave up after 2 attempts" in str(err.value) and "503" in str(err.value)
    assert routes["/down.pdf"].hits == 2


def test_client_error_is_not_retried():
    routes = {}
    with serve_routes(routes) as base:
        with pytest.raises(StageError, match="HTTP 404"):
            fetch(f"{base}/missing.pdf", max_bytes=10**6, retries=3, **FAST)


def test_html_page_where_pdf_expected_is_a_clear_sniff_error():
    with serve_routes({"/roadmap.pdf": Route(HTML_BYTES, content_type="text/html")}) as base:
        with pytest.raises(StageError) as err:
            fetch(f"{base}/roadmap.pdf", max_bytes=10**6, retries=0, **FAST)
    assert err.value.stage == "sniff"
    assert "roadmap.pdf" in str(err.value) and "html" in str(err.value).lower()


def test_over_the_size_cap_stops():
    with serve_routes({"/big.pdf": PDF_BYTES}) as base:
        with pytest.raises(StageError) as err:
            fetch(f"{base}/big.pdf", max_bytes=1000, retries=0, **FAST)
    assert err.value.stage == "fetch" and "size cap of 1000 bytes" in str(err.value)


def test_size_cap_applies_to_local_files(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(PDF_BYTES)
    with pytest.raises(StageError, match="size cap"):
        fetch(SourceEntry(path=str(path)), max_bytes=100)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.pdf", "gopher://x/a.pdf", "data:,abc"])
def test_disallowed_scheme(url):
    with pytest.raises(StageError) as err:
        fetch(url, max_bytes=10**6, retries=0, allow_private=True)
    assert err.value.stage == "fetch" and "not allowed" in str(err.value)


def test_connection_refused_is_retried_then_reported():
    with serve_routes({}) as base:
        pass  # server closed: the port now refuses connections
    started = time.monotonic()
    with pytest.raises(StageError, match="gave up after 3 attempts"):
        fetch(f"{base}/gone.pdf", max_bytes=10**6, retries=2, **FAST)
    assert time.monotonic() - started < 5


def test_local_path_and_file_url(tmp_path):
    path = tmp_path / "a roadmap.pdf"
    path.write_bytes(PDF_BYTES)
    by_path = fetch(SourceEntry(path=str(path)))
    by_url = fetch(SourceEntry(url=path.as_uri()))
    assert by_path.sha256 == by_url.sha256 == sha256_bytes(PDF_BYTES)
    assert by_path.source == str(path) and by_url.source == path.as_uri()


def test_missing_local_file_names_the_path(tmp_path):
    with pytest.raises(StageError) as err:
        fetch(SourceEntry(path=str(tmp_path / "nope.pdf")))
    assert err.value.stage == "fetch" and "nope.pdf" in str(err.value)


def test_file_url_with_remote_host_is_refused():
    with pytest.raises(StageError, match="remote host"):
        fetch("file://example.com/a.pdf")


def test_local_copy_holds_the_fetched_bytes_and_is_removed(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(PDF_BYTES)
    fetched = fetch(str(path))
    with local_copy(fetched) as copy:
        assert copy.endswith(".pdf") and open(copy, "rb").read() == PDF_BYTES
    import os
    assert not os.path.exists(copy)
