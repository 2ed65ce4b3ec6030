"""Ingest end to end on DOCX: idempotence, versions, bad input, export shape."""

import json
import shutil
import zipfile

from typer.testing import CliRunner

from cli import app
from pipeline.ingest import export_json, ingest_path, list_quarantine
from tests.conftest import sample
from tests.docx_factory import make_docx

ROWS = [["1", "Проведение совещания с ПОО", "министерство образования Тульской области, ЦЗН (по согласованию)",
         "Январь – март 2023 г.", "Проведено совещание"],
        ["2", "Разработка программы", "ЦОПП", "Ежегодно", "Программа"]]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта опережающего развития профессионального образования Тульской области на 2023-2025 гг."]


def good_docx(tmp_path, name="tula.docx", rows=ROWS):
    return make_docx(tmp_path / name, rows, before=BEFORE)


def test_same_bytes_twice_adds_nothing(tmp_path, db_url):
    p = good_docx(tmp_path)
    first = ingest_path(str(p), db_url)
    again = ingest_path(str(p), db_url)
    assert first.status == "loaded" and first.n_activities == 2
    assert again.status == "unchanged"
    docs = export_json(db_url)
    assert len(docs) == 1 and len(docs[0]["activities"]) == 2


def test_changed_file_from_same_source_is_a_new_version(tmp_path, db_url):
    p = good_docx(tmp_path)
    ingest_path(str(p), db_url)
    good_docx(tmp_path, rows=ROWS + [["3", "Новое мероприятие", "ЦЗН", "Май 2024 г.", "Итог"]])
    out = ingest_path(str(p), db_url)
    assert out.status == "loaded"
    docs = export_json(db_url)
    assert len(docs) == 1
    assert docs[0]["document"]["version"] == 2
    assert [a["number"] for a in docs[0]["activities"]] == ["1", "2", "3"]


def test_export_shape_follows_the_contract(tmp_path, db_url):
    ingest_path(str(good_docx(tmp_path)), db_url)
    (doc,) = export_json(db_url)
    assert set(doc) >= {"document", "activities", "indicators", "abbreviations"}
    d = doc["document"]
    assert set(d) >= {"source", "sha256", "file_format", "region_code", "region", "doc_kind", "doc_number",
                      "doc_date", "authority", "title", "period"}
    assert d["file_format"] == "docx" and len(d["sha256"]) == 64
    a = doc["activities"][0]
    assert set(a) >= {"section", "number", "title", "description", "tasks", "responsible", "parties",
                      "deadline", "deadline_norm", "result", "result_document", "targets", "sub_items",
                      "page_start", "page_end"}
    assert set(a["deadline_norm"]) >= {"start", "end", "recurrence"}
    assert a["number"] == "1" and a["title"] == "Проведение совещания с ПОО"
    assert [p["name"] for p in a["parties"]] == ["министерство образования Тульской области", "ЦЗН"]
    assert a["parties"][1]["by_agreement"] is True
    json.dumps(doc, ensure_ascii=False)


def test_docx_named_pdf_is_read_as_docx(tmp_path, db_url):
    p = good_docx(tmp_path)
    renamed = tmp_path / "order.pdf"
    shutil.copy(p, renamed)
    out = ingest_path(str(renamed), db_url)
    assert out.status == "loaded"
    assert export_json(db_url)[0]["document"]["file_format"] == "docx"


def _bad_files(tmp_path):
    zero = tmp_path / "zero.docx"
    zero.write_bytes(b"")
    rnd = tmp_path / "random.pdf"
    rnd.write_bytes(bytes(range(256)) * 40)
    good = good_docx(tmp_path, "full.docx")
    trunc = tmp_path / "truncated.docx"
    trunc.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    notable = tmp_path / "notable.docx"
    import docx
    d = docx.Document()
    d.add_paragraph("Приказ без таблицы")
    d.save(notable)
    noroles = make_docx(tmp_path / "noroles.docx", [["1", "2", "3"]], header=["Альфа", "Бета", "Гамма"])
    notzip = tmp_path / "other.zip"
    with zipfile.ZipFile(notzip, "w") as z:
        z.writestr("hello.txt", "hi")
    return {"zero": zero, "random": rnd, "truncated": trunc, "notable": notable, "noroles": noroles,
            "notzip": notzip}


def test_bad_input_gets_a_clear_error_and_nothing_is_written(tmp_path, db_url):
    bad = _bad_files(tmp_path)
    stages = {}
    for name, p in bad.items():
        out = ingest_path(str(p), db_url)
        assert out.status == "failed", name
        assert str(p) in out.error and out.stage in out.error, out.error
        assert "Traceback" not in out.error
        stages[name] = out.stage
    assert stages["zero"] == "sniff" and stages["random"] == "sniff"
    assert stages["notable"] == "validate" and stages["noroles"] == "validate"
    assert export_json(db_url) == []
    assert {q["source"] for q in list_quarantine(db_url)} == {str(p) for p in bad.values()}


def test_cli_loads_good_files_beside_bad_ones_and_exits_nonzero(tmp_path, db_url):
    bad = _bad_files(tmp_path)
    good = good_docx(tmp_path)
    res = CliRunner().invoke(app, ["ingest", str(bad["zero"]), str(good), str(bad["truncated"]), "--db", db_url])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert [d["document"]["source"] for d in export_json(db_url)] == [str(good)]
    out = tmp_path / "e.json"
    res = CliRunner().invoke(app, ["export", "--format", "json", "--db", db_url, "-o", str(out)])
    assert res.exit_code == 0 and len(json.loads(out.read_text())) == 1


def test_sample_docx_meets_the_foundation_bar(tmp_path, db_url):
    """The DOCX samples through the whole pipeline, scored against their expected records."""
    from tests.conftest import GOLD_DIR, SAMPLE_KEYS
    from tests.scoring import score_document

    for key in SAMPLE_KEYS:
        gold = json.loads((GOLD_DIR / f"{key}.json").read_text(encoding="utf-8"))
        assert ingest_path(str(sample(f"{key}.docx")), db_url).status == "loaded"
        (doc,) = [d for d in export_json(db_url) if key in d["document"]["source"]]
        m = score_document(gold, doc)
        assert m["f1"] >= 0.98 and m["cell_accuracy"] >= 0.95, (key, m)
        assert m["deadline"] >= 0.97 and m["party_f1"] >= 0.95, (key, m)
        assert m["metadata"] >= 0.9, (key, m["metadata_fields"])


def test_cli_ingests_urls_through_fetch_and_quarantines_an_html_page(tmp_path, db_url):
    from tests.local_http import serve_routes

    doc = good_docx(tmp_path).read_bytes()
    with serve_routes({"/order.docx": doc, "/order.pdf": b"<html><body>not here</body></html>"}) as base:
        res = CliRunner().invoke(app, ["ingest", f"{base}/order.docx", f"{base}/order.pdf", "--db", db_url,
                                       "--allow-private-network"])  # the test server is on 127.0.0.1
    assert res.exit_code == 1
    assert [d["document"]["source"] for d in export_json(db_url)] == [f"{base}/order.docx"]
    assert [(q["source"], q["stage"]) for q in list_quarantine(db_url)] == [(f"{base}/order.pdf", "sniff")]
