"""fetch() limits: the overall deadline (slowloris), redirects (loops, count, schemes), private
addresses, Retry-After, and settings from the environment. Each failure reads as advice."""

import time

import pytest

from pipeline.errors import BadSetting, FetchFailed
from pipeline.sources.fetch import FetchLimits, fetch, retry_after_seconds
from tests.local_http import Route, serve_routes

PDF_BYTES = b"%PDF-1.4\n" + b"0" * 200 + b"\n%%EOF\n"
LOCAL = {"timeout": 5, "backoff": 0.01, "allow_private": True}


def test_a_server_dripping_bytes_fails_within_the_deadline():
    routes = {"/slow.pdf": Route(PDF_BYTES, drip_every=0.5)}  # each read is quick; the whole is not
    with serve_routes(routes) as base:
        started = time.monotonic()
        with pytest.raises(FetchFailed) as err:
            fetch(f"{base}/slow.pdf", deadline=2, retries=0, **LOCAL)
        elapsed = time.monotonic() - started
    assert elapsed < 4, elapsed
    message = str(err.value)
    assert err.value.stage == "fetch" and "slow.pdf" in message
    assert "deadline of 2 s" in message and "ROADMAPS_FETCH_DEADLINE" in message
    assert "bytes received" in message


def test_the_deadline_also_bounds_the_retries():
    routes = {"/down.pdf": Route(PDF_BYTES, fail_first=100)}
    with serve_routes(routes) as base:
        started = time.monotonic()
        with pytest.raises(FetchFailed):
            fetch(f"{base}/down.pdf", deadline=1.5, retries=1000, timeout=5, backoff=0.2,
                  allow_private=True)
    assert time.monotonic() - started < 3


def test_redirect_loop_is_named():
    routes = {"/a.pdf": Route(redirect_to="/b.pdf"), "/b.pdf": Route(redirect_to="/a.pdf")}
    with serve_routes(routes) as base:
        with pytest.raises(FetchFailed) as err:
            fetch(f"{base}/a.pdf", retries=0, **LOCAL)
    assert err.value.stage == "fetch"
    assert f"redirect loop: {base}/a.pdf → {base}/b.pdf → {base}/a.pdf" in str(err.value)
    assert routes["/a.pdf"].hits == 1 and routes["/b.pdf"].hits == 1


def test_redirects_are_followed_up_to_the_limit():
    routes = {f"/r{i}": Route(redirect_to=f"/r{i + 1}") for i in range(4)}
    routes["/r4"] = Route(PDF_BYTES)
    with serve_routes(routes) as base:
        assert fetch(f"{base}/r0", retries=0, max_redirects=4, **LOCAL).data == PDF_BYTES
        with pytest.raises(FetchFailed, match="more than 3 redirects.*ROADMAPS_FETCH_MAX_REDIRECTS"):
            fetch(f"{base}/r0", retries=0, max_redirects=3, **LOCAL)


def test_redirect_to_another_scheme_is_refused():
    routes = {"/a.pdf": Route(redirect_to="file:///etc/passwd")}
    with serve_routes(routes) as base:
        with pytest.raises(FetchFailed, match="only http and https"):
            fetch(f"{base}/a.pdf", retries=0, **LOCAL)


def test_loopback_is_refused_unless_allowed(monkeypatch):
    monkeypatch.delenv("ROADMAPS_FETCH_ALLOW_PRIVATE", raising=False)
    routes = {"/a.pdf": PDF_BYTES}
    with serve_routes(routes) as base:
        with pytest.raises(FetchFailed) as err:
            fetch(f"{base}/a.pdf", retries=0, timeout=5)
        assert "127.0.0.1" in str(err.value) and "ROADMAPS_FETCH_ALLOW_PRIVATE=1" in str(err.value)
        assert routes["/a.pdf"] == PDF_BYTES  # never requested
        monkeypatch.setenv("ROADMAPS_FETCH_ALLOW_PRIVATE", "1")
        assert fetch(f"{base}/a.pdf", retries=0, timeout=5).data == PDF_BYTES


@pytest.mark.parametrize("url", ["http://localhost:9/a.pdf", "http://10.1.2.3/a.pdf",
                                 "http://169.254.169.254/latest/meta-data", "http://[::1]/a.pdf"])
def test_private_addresses_are_refused_before_connecting(url, monkeypatch):
    monkeypatch.delenv("ROADMAPS_FETCH_ALLOW_PRIVATE", raising=False)
    with pytest.raises(FetchFailed, match="private/loopback/link-local"):
        fetch(url, retries=0, timeout=1)


def test_a_name_that_rebinds_to_loopback_is_refused_before_the_body(monkeypatch):
    """DNS rebinding: the name resolves to a public address when checked, to 127.0.0.1 when the
    connection resolves it again; the address the connection reached is what is judged."""
    import socket

    monkeypatch.delenv("ROADMAPS_FETCH_ALLOW_PRIVATE", raising=False)
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])          # first answer public, every later one loopback

    def rebinding(host, port, *args, **kwargs):
        if (host.decode() if isinstance(host, bytes) else host) != "rebind.example":   # anyio passes bytes
            return real(host, port, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    routes = {"/a.pdf": Route(PDF_BYTES)}
    with serve_routes(routes) as base:
        port = base.rsplit(":", 1)[1]
        with pytest.raises(FetchFailed) as err:
            fetch(f"http://rebind.example:{port}/a.pdf", retries=0, timeout=5)
    assert "reached at 127.0.0.1" in str(err.value) and "DNS rebinding" in str(err.value)


def test_retry_after_is_honoured():
    routes = {"/busy.pdf": Route(PDF_BYTES, fail_first=1, fail_status=429, retry_after="1")}
    with serve_routes(routes) as base:
        assert fetch(f"{base}/busy.pdf", retries=2, **LOCAL).data == PDF_BYTES
    first, second = routes["/busy.pdf"].times
    assert second - first >= 0.95


def test_retry_after_past_the_deadline_gives_up_at_once():
    routes = {"/busy.pdf": Route(PDF_BYTES, fail_first=5, fail_status=503, retry_after="3600")}
    with serve_routes(routes) as base:
        started = time.monotonic()
        with pytest.raises(FetchFailed) as err:
            fetch(f"{base}/busy.pdf", retries=3, deadline=10, **LOCAL)
    assert time.monotonic() - started < 3
    assert "gave up after 1 attempts" in str(err.value) and "asked to wait 3600 s" in str(err.value)


def test_retry_after_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10)
    assert retry_after_seconds("120") == 120 and retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None


def test_not_found_says_what_to_do():
    with serve_routes({}) as base:
        with pytest.raises(FetchFailed, match="HTTP 404 [Nn]ot [Ff]ound: no document at this URL; check the link"):
            fetch(f"{base}/gone.pdf", retries=3, **LOCAL)


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ROADMAPS_FETCH_DEADLINE", "7.5")
    monkeypatch.setenv("ROADMAPS_FETCH_MAX_REDIRECTS", "2")
    monkeypatch.setenv("ROADMAPS_FETCH_ALLOW_PRIVATE", "yes")
    limits = FetchLimits.from_env(retries=1)
    assert (limits.deadline, limits.max_redirects, limits.allow_private, limits.retries) == (7.5, 2, True, 1)


@pytest.mark.parametrize("name,value,words", [("ROADMAPS_FETCH_DEADLINE", "soon", "is not a number"),
                                              ("ROADMAPS_MAX_BYTES", "1.5e3", "is not a whole number"),
                                              ("ROADMAPS_FETCH_ALLOW_PRIVATE", "maybe", "yes/no"),
                                              ("ROADMAPS_FETCH_RETRIES", "-1", "must not be negative")])
def test_bad_settings_name_the_variable(monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    with pytest.raises(BadSetting) as err:
        FetchLimits.from_env()
    assert name in str(err.value) and words in str(err.value) and err.value.exit_code == 2


def test_a_hanging_dns_lookup_is_cut_off_by_the_deadline(monkeypatch):
    import socket

    def hang(*args, **kwargs):
        time.sleep(5)
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", hang)
    monkeypatch.delenv("ROADMAPS_FETCH_ALLOW_PRIVATE", raising=False)
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="deadline of 1 s"):
        fetch("http://slow-dns.example/a.pdf", deadline=1, retries=0, timeout=5)
    assert time.monotonic() - started < 3
