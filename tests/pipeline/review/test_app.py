"""The review app over HTTP without a browser: queue, row page, writes behind CSRF, read-only mode,
the token off loopback, escaping of document text, the needs-a-look list and the CLI."""

from __future__ import annotations

import json
import re

from sqlalchemy import select
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.app import app as cli_app
from pipeline.review.app import CSRF_COOKIE, ReviewConfig, check_bind, create_app
from pipeline.store.db import get_engine, session_factory
from pipeline.store.load import load
from pipeline.store.schema import Activity, Correction
from tests.pipeline.review.conftest import ROWS, record


def client(db, **kw) -> TestClient:
    return TestClient(create_app(ReviewConfig(db_url=db, user="ana", **kw)))


def _csrf(c: TestClient) -> str:
    c.get("/")
    return c.cookies.get(CSRF_COOKIE)


def _id(db, number: str) -> int:
    with session_factory(db)() as s:
        return s.scalar(select(Activity.id).where(Activity.number == number, Activity.document_id == 1))


def test_queue_lists_flagged_rows_worst_first_with_counts(db):
    c = client(db)
    html = c.get("/").text
    assert re.findall(r'data-activity="(\d+)"', html) == [str(_id(db, "м"))]
    assert "number_not_numeric" in html and "RU-KLU" in html
    assert "Nothing to review" in c.get("/?flag=deadline_missing").text
    assert "Nothing to review" in c.get("/?status=reviewed").text


def test_row_page_shows_fields_flags_and_edit_forms(db):
    c = client(db)
    html = c.get(f"/activity/{_id(db, 'м')}").text
    assert "0.41" in html and "low_ocr_confidence" in html and ROWS[2][1] in html
    assert html.count('name="csrf"') >= 8
    assert c.get("/activity/999").status_code == 404


def test_writes_need_the_csrf_token(db):
    c = client(db)
    aid = _id(db, "м")
    token = _csrf(c)
    assert c.post(f"/activity/{aid}/edit", data={"field": "number", "value": "3"}).status_code == 403
    assert c.post(f"/activity/{aid}/edit", data={"field": "number", "value": "3", "csrf": "x" * 32}).status_code == 403
    r = c.post(f"/activity/{aid}/edit", data={"field": "number", "value": "3", "csrf": token, "reason": "OCR"},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/activity/{aid}"
    with session_factory(db)() as s:
        (corr,) = s.scalars(select(Correction))
        assert (corr.who, corr.old_value, corr.new_value, corr.reason) == ("ana", "м", "3", "OCR")
    html = c.get(f"/activity/{aid}").text
    assert ">3</textarea>" in html and "number: м" in html          # raw text stays as extracted
    assert 'data-activity' not in c.get("/").text                  # reviewed rows leave the open queue
    assert f'data-activity="{aid}"' in c.get("/?status=reviewed").text


def test_bad_change_comes_back_as_a_message(db):
    c = client(db)
    token = _csrf(c)
    r = c.post(f"/activity/{_id(db, '1')}/merge", data={"csrf": token})
    assert r.status_code == 200 and "no row above" in r.text


def test_read_only_serves_no_forms_and_refuses_posts(db):
    c = client(db, read_only=True)
    html = c.get(f"/activity/{_id(db, 'м')}").text
    assert "<form method=\"post\"" not in html and "read-only" in html
    token = _csrf(c)
    assert c.post(f"/activity/{_id(db, 'м')}/accept", data={"csrf": token}).status_code == 403


def test_token_is_checked_on_every_request(db):
    c = client(db, token="s3cret")
    assert c.get("/").status_code == 401
    assert c.get("/?token=wrong").status_code == 401
    assert c.get("/?token=s3cret").status_code == 200
    assert c.get("/").status_code == 200                             # the cookie carries it from now on


def test_only_loopback_host_names_when_bound_to_loopback(db):
    app = create_app(ReviewConfig(db_url=db, allowed_hosts=("127.0.0.1", "localhost", "::1")))
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app).get("/", headers={"host": "[::1]:8765"}).status_code == 200
    assert TestClient(app, base_url="http://rebound.example:8765").get("/").status_code == 400


def test_binding_off_loopback_needs_a_token():
    assert check_bind("127.0.0.1", None) is None and check_bind("0.0.0.0", "t") is None
    assert "without --token" in check_bind("0.0.0.0", None)
    r = CliRunner().invoke(cli_app, ["review", "--host", "0.0.0.0", "--db", "sqlite://"])
    assert r.exit_code == 2
    assert "refusing to listen on 0.0.0.0 without --token" in r.output


def test_document_text_is_escaped(db):
    c = client(db)
    token = _csrf(c)
    aid = _id(db, "м")
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    c.post(f"/activity/{aid}/edit", data={"field": "title", "value": evil, "csrf": token})
    for page in (f"/activity/{aid}", "/?status=all", "/corrections"):
        html = c.get(page).text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html
    assert "script-src" not in c.get("/").headers["content-security-policy"]    # no script may run at all


def test_needs_look_lists_corrections_a_new_version_could_not_place(db):
    c = client(db)
    token = _csrf(c)
    c.post(f"/activity/{_id(db, '2')}/edit", data={"field": "deadline", "value": "2022 год", "csrf": token})
    load(get_engine(db), record("b" * 64, [ROWS[0], ROWS[2], ROWS[3]]))
    html = c.get("/needs-look").text
    assert "no row matching № 2" in html and "2022 год" in html
    assert "1 correction(s) need a look" in c.get("/").text
    with session_factory(db)() as s:
        look = s.scalar(select(Correction).where(Correction.status == "needs_look"))
    c.post(f"/corrections/{look.id}/dismiss", data={"csrf": token, "reason": "row dropped in v2"})
    assert "Nothing needs a look" in c.get("/needs-look").text


def test_cli_export_with_corrections_log(db, tmp_path):
    c = client(db)
    c.post(f"/activity/{_id(db, 'м')}/edit", data={"field": "number", "value": "3", "csrf": _csrf(c)})
    out = tmp_path / "audit.json"
    r = CliRunner().invoke(cli_app, ["review", "export", "--db", db, "-o", str(out)])
    assert r.exit_code == 0, r.output
    (doc,) = json.loads(out.read_text(encoding="utf-8"))
    assert [x["number"] for x in doc["activities"]] == ["1", "2", "3", "4"]
    assert doc["corrections_log"][0]["new_value"] == "3" and doc["corrections_log"][0]["who"] == "ana"


def test_docx_row_is_shown_as_the_document_has_it(tmp_path):
    from pipeline.ingest import ingest_path
    from tests.conftest import sample

    db = f"sqlite:///{tmp_path / 'docx.db'}"
    assert ingest_path(str(sample("kaluga_2021.docx")), db).status == "loaded"
    assert (tmp_path / "originals").is_dir()                         # the original is kept by sha256
    with session_factory(db)() as s:
        act = s.scalar(select(Activity).where(Activity.number == "11"))
    html = client(db).get(f"/activity/{act.id}").text
    cells = re.search(r'<table id="docx-row">(.*?)</table>', html, re.S).group(1)
    assert "<td>11</td>" in cells and "КРИПО, ЦОПП, ЦЗН (по согласованию)" in cells
    assert "page-region" not in html


def test_pdf_row_image_is_the_row_region_of_its_page(tmp_path):
    import io

    from PIL import Image

    from pipeline.ingest import ingest_path
    from tests.conftest import sample

    db = f"sqlite:///{tmp_path / 'pdf.db'}"
    assert ingest_path(str(sample("kaluga_2021.pdf")), db).status == "loaded"
    with session_factory(db)() as s:
        acts = list(s.scalars(select(Activity).order_by(Activity.position)))
    assert all(a.bbox for a in acts)                                 # every row has its box
    act = acts[10]
    (page_no, x0, top, x1, bottom), *_ = act.bbox
    assert page_no == act.page_start and x1 > x0 and bottom > top
    r = client(db).get(f"/activity/{act.id}/page/1.png")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    img = Image.open(io.BytesIO(r.content))
    assert abs(img.width - (x1 - x0 + 28) * 2) < 4 and abs(img.height - (bottom - top + 28) * 2) < 4
    assert client(db).get(f"/activity/{act.id}/page/9.png").status_code == 404
    assert client(db).get(f"/activity/{act.id}/page/0.png").status_code == 200   # the whole page
