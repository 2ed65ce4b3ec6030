"""A tiny HTTP server on 127.0.0.1 in a thread, serving canned routes for fetch and flow tests.

A route is bytes (200, served as is) or a ``Route`` with a status sequence: e.g.
``Route(body, fail_first=2)`` answers 503 twice, then 200 — for retry tests.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator, Union
from contextlib import contextmanager


@dataclass
class Route:
    body: bytes
    content_type: str = "application/octet-stream"
    fail_first: int = 0                 # answer 503 this many times before succeeding
    hits: int = field(default=0)


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
            if route.hits <= route.fail_first:
                self.send_error(503, "try again later")
                return
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    return Handler


@contextmanager
def serve_routes(routes: dict[str, Union[bytes, Route]]) -> Iterator[str]:
    """Serve ``routes`` (path -> body/Route) and yield the base URL ``http://127.0.0.1:PORT``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(routes))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
