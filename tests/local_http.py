"""A tiny HTTP server on 127.0.0.1 in a thread, serving canned routes for fetch and flow tests.

A route is bytes (200, served as is) or a ``Route`` with a status sequence: e.g.
``Route(body, fail_first=2)`` answers 503 twice, then 200 — for retry tests;
``Route(body, fail_first=1, fail_status=429, retry_after="1")`` asks the client to wait;
``Route(body, drip_every=2.0)`` sends its body one byte every 2 s ("slowloris");
``Route(redirect_to="/b")`` answers 302 to another path (loops are easy to build).
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator, Optional, Union


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/octet-stream"
    fail_first: int = 0                 # answer fail_status this many times before succeeding
    fail_status: int = 503
    retry_after: Optional[str] = None   # Retry-After header sent with the failures
    drip_every: float = 0.0             # seconds between body bytes (0: all at once)
    redirect_to: Optional[str] = None   # answer 302 with this Location
    hits: int = field(default=0)
    times: list = field(default_factory=list)   # monotonic time of every hit


def _handler_for(routes: dict[str, Union[bytes, Route]]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "not found")
                return
            if isinstance(route, bytes):
                route = routes[self.path] = Route(route)
            route.hits += 1
            route.times.append(time.monotonic())
            if route.redirect_to is not None:
                self.send_response(302)
                self.send_header("Location", route.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.hits <= route.fail_first:
                self._fail(route)
                return
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self._send_body(route)

        def _fail(self, route: Route) -> None:
            self.send_response(route.fail_status)
            if route.retry_after is not None:
                self.send_header("Retry-After", route.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send_body(self, route: Route) -> None:
            if not route.drip_every:
                self.wfile.write(route.body)
                return
            try:
                for i in range(len(route.body)):
                    self.wfile.write(route.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(route.drip_every)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up: as it should
                pass

    return Handler


@contextmanager
def serve_routes(routes: dict[str, Union[bytes, Route]]) -> Iterator[str]:
    """Serve ``routes`` (path -> body/Route) and yield the base URL ``http://127.0.0.1:PORT``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(routes))
    server.daemon_threads = True  # a dripping handler must not keep shutdown waiting
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
