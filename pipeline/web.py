"""Serving a local web app (Datasette for ``browse``, the review app) on a socket bound first.

``listen`` binds the port before anything is announced, so a busy port is one clear refusal and a
printed URL is a URL that answers; ``run`` hands that very socket to uvicorn (no second bind,
so no other process can take the port in between).
"""

from __future__ import annotations

import socket

from pipeline.errors import UsageError


def listen(host: str, port: int, stage: str) -> socket.socket:
    """A TCP socket bound to ``host:port`` and listening; UsageError naming ``--port`` when it
    cannot be bound."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as e:
        raise UsageError(f"--host {host}: not an address to listen on ({e.strerror or e})", stage=stage) from e
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as uvicorn does; a listening port stays busy
        sock.bind(address)
        sock.listen(128)        # listening from here on: no other socket can bind the port now
    except OSError as e:
        sock.close()
        raise UsageError(f"--port {port}: cannot listen on {host}:{port} ({e.strerror or e}); "
                         f"choose another port with --port", stage=stage) from e
    return sock


def run(app, sock: socket.socket) -> None:
    """Serve the ASGI ``app`` on the bound ``sock`` with uvicorn until interrupted."""
    import uvicorn

    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
