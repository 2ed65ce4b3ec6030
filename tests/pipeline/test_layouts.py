"""Issue 20: unseen layouts read the way a reader sees them (start/end date columns, financing
split by year, vertical merges in ruled PDFs) — each rule pinned on a small generated document."""

from __future__ import annotations

from datetime import date

from extractors.docx import extract_docx
from pipeline.normalise import build_document
from tests.docx_factory import make_docx


def _record(path):
    return build_document(extract_docx(str(path)), source=str(path), sha256="0" * 64)


START_END_HEADERS = [
    ("Срок начала", "Срок окончания"),
    ("Дата начала", "Дата окончания"),
    ("Начало реализации", "Окончание реализации"),
    ("Срок начала реализации", "Срок завершения"),
]


def test_start_and_end_date_columns_give_one_interval(tmp_path):
    for i, (a, b) in enumerate(START_END_HEADERS):
        header = ["№ п/п", "Наименование мероприятия", a, b, "Ответственный исполнитель"]
        rows = [["1", "Мониторинг готовности школ", "январь 2020 г.", "май 2020 г.", "Министерство образования"],
                ["2", "Курсы повышения квалификации", "01.02.2020", "31.12.2021", "Институт развития образования"],
                ["3", "Подготовка рекомендаций", "2020 год", "2022 год", "Министерство образования"]]
        rec = _record(make_docx(tmp_path / f"d{i}.docx", rows, header=header))
        got = [(a.deadline_norm.start, a.deadline_norm.end, a.deadline_norm.occurrences) for a in rec.activities]
        assert got == [
            (date(2020, 1, 1), date(2020, 5, 31), [(date(2020, 1, 1), date(2020, 5, 31))]),
            (date(2020, 2, 1), date(2021, 12, 31), [(date(2020, 2, 1), date(2021, 12, 31))]),
            (date(2020, 1, 1), date(2022, 12, 31), [(date(2020, 1, 1), date(2022, 12, 31))]),
        ], (a, b)
        # the raw texts are kept, both of them
        assert rec.activities[0].deadline_norm.raw == "январь 2020 г.\nмай 2020 г."
        assert rec.activities[0].deadline_bounds == ("январь 2020 г.", "май 2020 г.")
        assert "deadline_from_start_end" in rec.activities[0].flags


def test_two_deadline_columns_that_are_not_start_and_end_stay_as_before(tmp_path):
    header = ["№", "Мероприятие", "Срок", "Срок (план)", "Ответственный"]
    rows = [["1", "Мониторинг", "январь 2020 г.", "май 2020 г.", "Министерство образования"]]
    rec = _record(make_docx(tmp_path / "x.docx", rows, header=header))
    act = rec.activities[0]
    assert act.deadline_bounds is None and len(act.deadline_norm.occurrences) == 2


def test_unreadable_start_falls_back_to_the_joined_text(tmp_path):
    header = ["№", "Мероприятие", "Дата начала", "Дата окончания", "Ответственный"]
    rows = [["1", "Мониторинг", "по мере необходимости", "май 2020 г.", "Министерство образования"]]
    act = _record(make_docx(tmp_path / "y.docx", rows, header=header)).activities[0]
    assert "deadline_from_start_end" not in act.flags


# ------------------------------------------------------------------ financing split by year

def _merge(table, r1, c1, r2, c2, text):
    m = table.cell(r1, c1).merge(table.cell(r2, c2))
    for p in m.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    m.paragraphs[0].text = text


def _funding_docx(path, umbrella: str, years=("2020", "2021", "2022"), extra_col=None):
    """A two-row header: the first four columns merged down, ``umbrella`` over the year columns."""
    import docx

    head = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок"]
    sub = [""] * 4 + list(years) + ([extra_col] if extra_col else [])
    rows = [sub,
            ["1", "Проведение мониторинга", "Министерство образования", "2020-2022 гг.", "100,0", "120,5", "0,0"]
            + (["220,5"] if extra_col else []),
            ["2", "Закупка оборудования", "Министерство образования", "2021 год", "-", "1 500,0", "—"]
            + (["1 500,0"] if extra_col else [])]
    n_money = len(years) + (1 if extra_col else 0)
    make_docx(path, rows, header=head + [umbrella] + [""] * (n_money - 1))
    d = docx.Document(str(path))
    t = d.tables[0]
    for c in range(4):
        _merge(t, 0, c, 1, c, head[c])
    _merge(t, 0, 4, 0, 3 + n_money, umbrella)
    d.save(str(path))
    return path


def test_years_under_a_financing_header_are_funding_not_targets(tmp_path):
    for i, umbrella in enumerate(["Объём финансирования, тыс. руб.", "Объем финансирования (тыс. рублей)",
                                  "Финансовое обеспечение, млн. руб."]):
        rec = _record(_funding_docx(tmp_path / f"f{i}.docx", umbrella))
        a1, a2 = rec.activities
        assert a1.targets == [] and a2.targets == [], umbrella
        assert a1.funding["values"] == {"2020": "100,0", "2021": "120,5", "2022": "0,0"}
        assert a2.funding["values"] == {"2021": "1 500,0"}           # dashes carry no value
        assert a1.funding["unit"] in ("тыс. руб.", "тыс. рублей", "млн. руб."), a1.funding
        assert a1.deadline_norm.start == date(2020, 1, 1)


def test_financing_total_column_is_kept_as_total(tmp_path):
    rec = _record(_funding_docx(tmp_path / "t.docx", "Объём финансирования, тыс. руб.", extra_col="Всего"))
    assert rec.activities[0].funding["values"]["total"] == "220,5"
    assert rec.activities[0].extra == {"Объём финансирования, тыс. руб. Всего": "220,5"}   # as before


def test_funding_source_column_makes_bare_years_funding(tmp_path):
    header = ["№", "Мероприятие", "Ответственный", "Срок", "Источник финансирования", "2020", "2021", "2022"]
    rows = [["1", "Проведение мониторинга", "Министерство образования", "2020-2022", "Областной бюджет",
             "100,0", "120,5", "0,0"]]
    act = _record(make_docx(tmp_path / "s.docx", rows, header=header)).activities[0]
    assert act.targets == []
    assert act.funding == {"source": "Областной бюджет", "unit": None,
                           "values": {"2020": "100,0", "2021": "120,5", "2022": "0,0"}}
    assert act.extra == {"Источник финансирования": "Областной бюджет"}   # as before: additive


def test_years_under_a_targets_header_stay_targets(tmp_path):
    rec = _record(_funding_docx(tmp_path / "g.docx", "Целевые значения показателя"))
    assert rec.activities[0].funding is None
    assert rec.activities[0].targets[0].values == {"2020": "100,0", "2021": "120,5", "2022": "0,0"}


def test_funding_is_an_additive_field_of_the_export(tmp_path, db_url):
    from pipeline.ingest import export_json, ingest_path

    ingest_path(str(_funding_docx(tmp_path / "e.docx", "Объём финансирования, тыс. руб.")), db_url)
    (doc,) = export_json(db_url)
    a = doc["activities"][0]
    assert a["funding"] == {"source": None, "unit": "тыс. руб.",
                            "values": {"2020": "100,0", "2021": "120,5", "2022": "0,0"}}
    assert a["targets"] == [] and "funding" not in a["extra"]
