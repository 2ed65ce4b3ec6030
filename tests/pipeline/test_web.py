"""pipeline.web: the port is bound before anything is announced, and the app is served on that very socket."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

from pipeline import web
from pipeline.errors import UsageError


async def _hello(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"hello"})


def test_a_busy_port_is_a_usage_error_naming_it():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(UsageError, match=f"--port {port}: cannot listen on 127.0.0.1:{port}"):
            web.listen("127.0.0.1", port, stage="browse")


def test_the_app_answers_on_the_socket_bound_first():
    sock = web.listen("127.0.0.1", 0, stage="browse")
    port = sock.getsockname()[1]
    with pytest.raises(UsageError):                  # the port is ours from the bind on
        web.listen("127.0.0.1", port, stage="browse")
    threading.Thread(target=web.run, args=(_hello, sock), daemon=True).start()
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                assert r.read() == b"hello"
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("the app never answered")
