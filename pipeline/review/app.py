"""The review web app (Starlette + Jinja2, no JavaScript): queue → row beside its page → corrections.

Routes::

    GET  /                               queue of flagged rows, worst first (filters: region, document,
                                         flag, status), counts by flag / document / region
    GET  /needs-look                     corrections a new version could not place or apply
    GET  /corrections                    the whole corrections log
    GET  /activity/{id}                  the row: fields, page image, raw text, flags, confidence, log
    GET  /activity/{id}/page/{k}.png     the k-th page region of the row (k = 0: whole first page)
    POST /activity/{id}/edit             field, value, reason
    POST /activity/{id}/accept | /not-activity | /merge | /split (tail, number)
    POST /corrections/{id}/dismiss

Safety: every write is a POST carrying the CSRF token of a double-submit cookie (SameSite=Strict);
a ``token`` (required by ``roadmaps review`` off the loopback interface) is checked on every
request; ``read_only`` serves no forms and refuses every POST; Jinja2 escapes all text.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.review import corrections as rc
from pipeline.review.originals import find_original
from pipeline.review.pages import docx_row, render_region
from pipeline.review.queue import STATUSES, activity_detail, build_queue, needs_look
from pipeline.store.db import resolve_url, session_factory, upgrade
from pipeline.store.schema import Activity, Correction, Document

if TYPE_CHECKING:
    import socket

TEMPLATES = Path(__file__).with_name("templates")
CSRF_COOKIE = "review_csrf"
TOKEN_COOKIE = "review_token"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
FIELD_LABELS = {"number": "№", "title": "Мероприятие (title)", "description": "Описание", "tasks": "Задачи",
                "responsible": "Ответственные (parties)", "deadline": "Срок (deadline)", "result": "Результат",
                "result_document": "Документ-результат"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass
class ReviewConfig:
    db_url: Optional[str] = None
    read_only: bool = False
    token: Optional[str] = None
    user: str = "analyst"
    # Host headers served (None: any). ``serve`` on loopback allows only loopback names, so a web
    # page that rebinds its own DNS name to 127.0.0.1 cannot read or post to the app.
    allowed_hosts: Optional[tuple[str, ...]] = None


def check_bind(host: str, token: Optional[str]) -> Optional[str]:
    """One line saying why serving on ``host`` is refused, or None."""
    if host not in LOOPBACK and not token:
        return f"refusing to listen on {host} without --token: use --host 127.0.0.1 or pass --token"
    return None


def create_app(config: ReviewConfig) -> Starlette:
    url = resolve_url(config.db_url)
    upgrade(url)
    Session = session_factory(url)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    env.filters["basename"] = lambda source: str(source).rstrip("/").rsplit("/", 1)[-1]
    env.globals.update(read_only=config.read_only, labels=FIELD_LABELS, editable=rc.EDITABLE,
                       statuses=STATUSES, user=config.user)

    def page(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        html = env.get_template(name).render(request=request, csrf=csrf, **ctx)
        resp = HTMLResponse(html, status_code=status_code)
        if request.cookies.get(CSRF_COOKIE) != csrf:
            resp.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return resp

    async def guard(request: Request) -> Optional[Response]:
        """Host header, token and, for POSTs, read-only mode and the CSRF token."""
        if config.allowed_hosts is not None:
            host = request.headers.get("host", "")
            name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
            if name not in config.allowed_hosts:
                return PlainTextResponse(f"unexpected Host header {host!r}", status_code=400)
        if config.token:
            given = request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
            if not hmac.compare_digest(given.encode(), config.token.encode()):
                return PlainTextResponse("a valid token is required (?token=…)", status_code=401)
        if request.method == "POST":
            if config.read_only:
                return PlainTextResponse("read-only mode: changes are disabled", status_code=403)
            form = await request.form()
            cookie = request.cookies.get(CSRF_COOKIE) or ""
            sent = str(form.get("csrf") or "")
            if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
                return PlainTextResponse("CSRF token missing or wrong: reload the page", status_code=403)
        return None

    def guarded(handler):
        async def wrapper(request: Request) -> Response:
            refused = await guard(request)
            resp = refused or await handler(request)
            for k, v in SECURITY_HEADERS.items():
                resp.headers.setdefault(k, v)
            if config.token and request.query_params.get("token") == config.token:
                resp.set_cookie(TOKEN_COOKIE, config.token, httponly=True, samesite="strict")
            return resp
        return wrapper

    def _int(v: Optional[str]) -> Optional[int]:
        try:
            return int(v) if v else None
        except ValueError:
            return None

    async def queue(request: Request) -> Response:
        qp = request.query_params
        status = qp.get("status") if qp.get("status") in STATUSES else "open"
        filters = {"region": qp.get("region") or "", "document": _int(qp.get("document")),
                   "flag": qp.get("flag") or "", "status": status}
        with Session() as s:
            q = build_queue(s, filters["region"] or None, filters["document"], filters["flag"] or None, status)
            return page(request, "queue.html", q=q, filters=filters)

    async def look(request: Request) -> Response:
        with Session() as s:
            items = needs_look(s)
            docs = {d.id: d for d in s.query(Document).filter(Document.id.in_({c.document_id for c in items}))}
            return page(request, "needs_look.html", items=items, docs=docs)

    async def log(request: Request) -> Response:
        with Session() as s:
            items = list(s.query(Correction).order_by(Correction.id.desc()).limit(1000))
            docs = {d.id: d for d in s.query(Document).filter(Document.id.in_({c.document_id for c in items}))}
            return page(request, "corrections.html", items=items, docs=docs)

    async def activity(request: Request) -> Response:
        aid = _int(request.path_params["id"])
        with Session() as s:
            d = activity_detail(s, aid) if aid else None
            if d is None:
                return PlainTextResponse("no such activity", status_code=404)
            doc, a = d["document"], d["activity"]
            original = find_original(url, doc.sha256, doc.source)
            docx_cells = None
            if original is not None and doc.file_format == "docx":
                try:
                    docx_cells = docx_row(original, rc.first_old_value(s, a, "number"),
                                          rc.first_old_value(s, a, "title"))
                except Exception:   # a broken original must not break the page
                    docx_cells = None
            values = {f: rc.get_value(a, f) for f in rc.EDITABLE}
            raw = {f: rc.first_old_value(s, a, f) for f in rc.EDITABLE}   # as extracted, before corrections
            return page(request, "activity.html", error=request.query_params.get("error"), original=original,
                        docx_cells=docx_cells, values=values, raw=raw, boxes=a.bbox or [], **d)

    async def page_image(request: Request) -> Response:
        aid, k = _int(request.path_params["id"]), _int(request.path_params["k"])
        with Session() as s:
            a = s.get(Activity, aid) if aid else None
            if a is None or k is None:
                return PlainTextResponse("no such activity", status_code=404)
            doc = s.get(Document, a.document_id)
            original = find_original(url, doc.sha256, doc.source)
            if original is None or doc.file_format != "pdf":
                return PlainTextResponse("the original PDF is not kept", status_code=404)
            boxes = a.bbox or []
            if k == 0:
                page_no, box = a.page_start or 1, None
            elif 1 <= k <= len(boxes):
                page_no, box = int(boxes[k - 1][0]), boxes[k - 1][1:5]
            else:
                return PlainTextResponse("no such region", status_code=404)
        try:
            png = render_region(original, page_no, box)
        except Exception as e:
            return PlainTextResponse(f"cannot render the page: {e}", status_code=500)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    def _back(aid: int, error: Optional[str] = None) -> RedirectResponse:
        from urllib.parse import quote

        return RedirectResponse(f"/activity/{aid}" + (f"?error={quote(error)}" if error else ""), status_code=303)

    def write(action):
        async def handler(request: Request) -> Response:
            aid = _int(request.path_params["id"])
            form = await request.form()
            with Session() as s:
                try:
                    with s.begin():   # the change and its correction row: one transaction
                        a = s.get(Activity, aid) if aid else None
                        if a is None:
                            return PlainTextResponse("no such activity", status_code=404)
                        if s.get(Document, a.document_id).superseded_by_id is not None:
                            raise rc.ReviewError("this is an old version of the document: correct the newest one")
                        reason = str(form.get("reason") or "").strip() or None
                        target = action(s, a, form, reason)
                except rc.ReviewError as e:
                    return _back(aid, str(e))
            return _back(target or aid)
        return handler

    def do_edit(s, a, form, reason):
        rc.edit(s, a, str(form.get("field") or ""), str(form.get("value") or ""), config.user, reason)

    def do_accept(s, a, form, reason):
        rc.accept(s, a, config.user, reason)

    def do_not_activity(s, a, form, reason):
        rc.not_activity(s, a, config.user, reason)

    def do_merge(s, a, form, reason):
        c = rc.merge_up(s, a, config.user, reason)
        return c.new_value["into_activity_id"]

    def do_split(s, a, form, reason):
        rc.split(s, a, str(form.get("tail") or ""), config.user, str(form.get("number") or ""), reason)

    async def dismiss(request: Request) -> Response:
        cid = _int(request.path_params["id"])
        form = await request.form()
        with Session() as s, s.begin():
            c = s.get(Correction, cid) if cid else None
            if c is None:
                return PlainTextResponse("no such correction", status_code=404)
            try:
                rc.dismiss(s, c, config.user, str(form.get("reason") or "").strip() or None)
            except rc.ReviewError as e:
                return PlainTextResponse(str(e), status_code=400)
        return RedirectResponse("/needs-look", status_code=303)

    routes = [
        Route("/", guarded(queue)),
        Route("/needs-look", guarded(look)),
        Route("/corrections", guarded(log)),
        Route("/activity/{id}", guarded(activity)),
        Route("/activity/{id}/page/{k}.png", guarded(page_image)),
        Route("/activity/{id}/edit", guarded(write(do_edit)), methods=["POST"]),
        Route("/activity/{id}/accept", guarded(write(do_accept)), methods=["POST"]),
        Route("/activity/{id}/not-activity", guarded(write(do_not_activity)), methods=["POST"]),
        Route("/activity/{id}/merge", guarded(write(do_merge)), methods=["POST"]),
        Route("/activity/{id}/split", guarded(write(do_split)), methods=["POST"]),
        Route("/corrections/{id}/dismiss", guarded(dismiss), methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.config = config
    return app


def serve(config: ReviewConfig, host: str = "127.0.0.1", port: int = 8765,
          sock: Optional["socket.socket"] = None) -> None:
    """Run the app with uvicorn (blocking; on ``sock`` when the caller bound it already). Refuses a
    non-loopback host without a token."""
    from pipeline import web

    refused = check_bind(host, config.token)
    if refused:
        raise ValueError(refused)
    if host in LOOPBACK and config.allowed_hosts is None:
        config.allowed_hosts = LOOPBACK
    web.run(create_app(config), sock or web.listen(host, port, stage="review"))
