"""Tests for normalizers.metadata: act kind/number/date, authority, title, period, region."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from normalizers.metadata import (
    REGIONS_FILE,
    clean_title,
    find_title,
    find_region_mentions,
    kind_of_word,
    parse_date,
    parse_doc_number,
    parse_metadata,
    period_from_years,
    prepare_lines,
    region_code_for,
)

from tests.conftest import GOLD_DIR, TEST_DATA, sample

SEEDS_DIR = TEST_DATA / "seeds"   # header and first table lines of three seed texts


# ------------------------------------------------------------ number and date forms


def test_word_date_and_number_on_one_line():
    meta = parse_metadata([
        "УТВЕРЖДЕНА",
        "распоряжением министерства образования",
        "Иркутской области",
        "от 31 января 2020 г. № 82-мр",
        "",
        "Дорожная карта (перечень основных мероприятий) деятельности",
        "Центра опережающей профессиональной подготовки Иркутской области",
        "на 2020 год",
    ])
    assert meta.doc_kind == "распоряжение"
    assert meta.doc_number == "82-мр"
    assert meta.doc_date == date(2020, 1, 31)
    assert meta.authority == "министерство образования Иркутской области"
    assert meta.region_code == "RU-IRK" and meta.region == "Иркутская область"
    assert meta.title == ("Дорожная карта (перечень основных мероприятий) деятельности Центра опережающей "
                          "профессиональной подготовки Иркутской области на 2020 год")
    assert meta.period == (2020, 2020)


def test_a_scans_misread_ob_opening_the_order_name_is_no_part_of_the_number():
    """A degraded Tomsk order read "Об утверждении" as "-06 утверждении": the number had become "215-р-06"."""
    meta = parse_metadata(["ДЕПАРТАМЕНТ ОБЩЕГО ОБРАЗОВАНИЯ ТОМСКОЙ ОБЛАСТИ", "РАСПОРЯЖЕНИЕ", "от 09.02.2024 № 215-р",
                           "-06 утверждении плана мероприятий по развитию системы профессиональной",
                           "ориентации обучающихся Томской области на 2024-2026 годы"])
    assert meta.doc_number == "215-р" and meta.doc_date == date(2024, 2, 9)


def test_date_and_number_on_separate_lines_under_spaced_heading():
    meta = parse_metadata([
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "", "П Р И К А З", "", "16.12.2022", "", "№ 2714", "",
        "Об утверждении дорожной карты опережающего развития на 2023-2025 гг.",
        "На основании Положения, утвержденного постановлением правительства Тульской области "
        "от 29.01.2013 №16, п р и к а з ы в а ю :",
    ])
    assert meta.doc_kind == "приказ"
    assert meta.doc_number == "2714"
    assert meta.doc_date == date(2022, 12, 16)
    assert meta.authority == "министерство образования Тульской области"
    assert meta.region_code == "RU-TUL"


def test_approval_stamp_of_a_government_resolution():
    meta = parse_metadata([
        "Приложение", "УТВЕРЖДЕН", "постановлением Правительства", "Амурской области", "от 09.08.2019 № 448",
        "План мероприятий («дорожная карта»)",
        "по внедрению регионального стандарта кадрового обеспечения роста Амурской области",
    ])
    assert (meta.doc_kind, meta.doc_number, meta.doc_date) == ("постановление", "448", date(2019, 8, 9))
    assert meta.authority == "Правительство Амурской области"
    assert meta.title == ("План мероприятий («дорожная карта») по внедрению регионального стандарта "
                          "кадрового обеспечения роста Амурской области")
    assert meta.period is None and "period_not_in_title" in meta.flags


def test_appendix_caption_gives_kind_number_and_authority():
    meta = parse_metadata([
        "Приложение к приказу министерства образования и науки Калужской области от 28.12.2020 № 1187",
        "Дорожная карта развития системы СПО Калужской области на 2021-2023 годы",
        "Целевые показатели реализации дорожной карты",
    ])
    assert (meta.doc_kind, meta.doc_number, meta.doc_date) == ("приказ", "1187", date(2020, 12, 28))
    assert meta.authority == "министерство образования и науки Калужской области"
    assert meta.title == "Дорожная карта развития системы СПО Калужской области на 2021-2023 годы"
    assert meta.period == (2021, 2023)


def test_upper_case_kind_and_number_with_letters():
    meta = parse_metadata(["ПРАВИТЕЛЬСТВО", "ХАБАРОВСКОГО КРАЯ", "РАСПОРЯЖЕНИЕ", "от 5 марта 2021 года № 1187-п"])
    assert (meta.doc_kind, meta.doc_number, meta.doc_date) == ("распоряжение", "1187-п", date(2021, 3, 5))
    assert meta.authority == "Правительство Хабаровского края"
    assert meta.region_code == "RU-KHA"


@pytest.mark.parametrize("text, number", [
    ("от 31 января 2020 г. № 82-мр", "82-мр"),
    ("№ 01-10/123", "01-10/123"),
    ("№1187-п.", "1187-п"),
    ("N 448", "448"),
    ("№ 82 - мр", "82-мр"),
    ("от _____ № _____", None),
    ("№ п/п", None),
    ("Ng 448", "448"),          # OCR of "№"
    ("No 12-р", "12-р"),
    ("№ 26-01.-06-150", "26-01-06-150"),   # a speck's stop against a dash
    ("№ 01-10/.123", "01-10/123"),
    ("от 09.02.2024 № 215:р", "215-р"),       # a scan's colon for the dash before the suffix
    ("№ 16:00", "16"),
])
def test_doc_number_forms(text, number):
    assert parse_doc_number(text) == number


@pytest.mark.parametrize("text, expected", [
    ("от 31 января 2020 г.", date(2020, 1, 31)),
    ("«5» марта 2021 года", date(2021, 3, 5)),
    ("09.08.2019", date(2019, 8, 9)),
    ("от 09.08.2019г.", date(2019, 8, 9)),
    ("31.02.2020", None),
    ("в 2020 году", None),
])
def test_date_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("word, kind", [
    ("ПРИКАЗ", "приказ"), ("приказом", "приказ"), ("ПРИКАЗЫВАЮ", "приказ"),
    ("распоряжением", "распоряжение"), ("постановлению", "постановление"), ("постановляет", "постановление"),
    ("приказчик", None), ("решением", None),
])
def test_kind_of_word(word, kind):
    assert kind_of_word(word) == kind


def test_title_case_heading_with_date_and_capitals_title():
    meta = parse_metadata(["Министерство образования Республики Башкортостан", "Приказ от 12.01.2021 № 5",
                           "ДОРОЖНАЯ КАРТА", "ПО РАЗВИТИЮ СПО В РЕСПУБЛИКЕ БАШКОРТОСТАН НА 2021 - 2023 ГОДЫ"])
    assert (meta.doc_kind, meta.doc_number, meta.doc_date) == ("приказ", "5", date(2021, 1, 12))
    assert meta.authority == "министерство образования Республики Башкортостан"
    assert meta.title == "Дорожная карта по развитию СПО в Республике Башкортостан на 2021 - 2023 годы"
    assert (meta.region_code, meta.period) == ("RU-BA", (2021, 2023))


def test_period_until_a_year_is_not_a_single_year():
    meta = parse_metadata(["Дорожная карта развития образования на период до 2030 года"])
    assert meta.period is None


@pytest.mark.parametrize("title, period", [
    ("План мероприятий по профориентации обучающихся на 2024-20726 годы", (2024, 2026)),
    ("План мероприятий по профориентации обучающихся на 2022–20724 годы", (2022, 2024)),
    ("План мероприятий по профориентации обучающихся на 2622-2024 годы", (2022, 2024)),   # a digit misread
    # 2025 and 2022 both one dropped digit away, the start alone no period of one year: none
    ("План мероприятий по профориентации обучающихся на 2020-20225 годы", None),
])
def test_a_period_read_with_a_digit_too_many_or_misread(title, period):
    meta = parse_metadata([title])
    assert meta.period == period
    assert ("period_ocr_repaired" in meta.flags) == (period is not None)


def test_operative_verb_in_spaced_letters_gives_kind():
    meta = parse_metadata(["Правительство области", "п о с т а н о в л я е т :", "1. Утвердить план."])
    assert meta.doc_kind == "постановление"
    assert "no_doc_number" in meta.flags and "no_doc_date" in meta.flags


def test_blank_number_is_flagged_not_invented():
    meta = parse_metadata(["Приложение № 1 к приказу", "министерства образования Тульской области", "от _____ № _____"])
    assert meta.doc_number is None
    assert "no_doc_number" in meta.flags and "doc_number_blank" in meta.flags


def test_body_references_to_other_acts_are_not_taken():
    meta = parse_metadata([
        "План мероприятий («дорожная карта») по развитию СПО на 2021 год",
        "1. Общие положения",
        "В соответствии с постановлением Правительства от 29.01.2013 № 16 план определяет задачи.",
    ])
    assert meta.doc_number is None and meta.doc_date is None and meta.doc_kind is None


# ------------------------------------------------------------ title


def test_title_over_several_lines_with_hyphenation_and_page_number():
    meta = parse_metadata([
        "- 2 -",
        "ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)",
        "по развитию профессионального образо-",
        "вания Омской области",
        "на 2018 – 2027 годы",
        "1. Общие положения",
    ])
    assert meta.title == ("План мероприятий («дорожная карта») по развитию профессионального образования "
                          "Омской области на 2018 – 2027 годы")
    assert meta.period == (2018, 2027)
    assert meta.region_code == "RU-OMS"


def test_title_stops_before_leaked_table_header():
    meta = parse_metadata([
        "Комплекс мер по развитию системы образования Пермского края",
        "№ п/п Мероприятие Срок Ответственный исполнитель",
    ])
    assert meta.title == "Комплекс мер по развитию системы образования Пермского края"


def test_title_after_approval_stamp_preferred_and_markdown_removed():
    meta = parse_metadata([
        "Дорожная карта является основным документом",  # body sentence before the stamp
        "УТВЕРЖДЕНА приказом от 01.02.2021 № 5",
        "**Дорожная карта реализации Модели Смоленской области",
        "на 2018-2020 годы**",
        "Задачи:",
    ])
    assert meta.title == "Дорожная карта реализации Модели Смоленской области на 2018-2020 годы"


def test_title_falls_back_to_order_name():
    meta = parse_metadata(["ПРИКАЗ", "от 01.02.2021 № 5",
                           "Об утверждении дорожной карты развития СПО Калужской области на 2021-2023 годы"])
    assert meta.title == "Дорожная карта развития СПО Калужской области на 2021-2023 годы"
    assert "title_from_order_name" in meta.flags


def test_body_sentence_and_protocol_stamp_are_not_title_or_act():
    meta = parse_metadata(["Дорожная карта реализуется в три этапа.", "УТВЕРЖДЕНО", "протокол № 3 от 01.02.2020",
                           "П Л А Н", "мероприятий («дорожная карта»)", "по развитию СПО"])
    assert meta.title == "План мероприятий («дорожная карта») по развитию СПО"
    assert meta.doc_number is None and meta.doc_date is None


def test_clean_title_collapses_spaces():
    assert clean_title("План  мероприятий ( «дорожная карта» )\n по  развитию ,") == \
        "План мероприятий («дорожная карта») по развитию,"


def test_prepare_lines_removes_page_numbers_and_despaces_headings():
    assert prepare_lines(["П Р И К А З", "12", "a\tb\nc"]) == ["ПРИКАЗ", "a b", "c"]


# ------------------------------------------------------------ period


def test_period_is_left_to_the_deadlines_when_title_has_none():
    meta = parse_metadata(["План мероприятий по развитию СПО"], table_text="IV квартал 2019 г.\nИюнь 2020 г.")
    assert meta.period is None and "period_not_in_title" in meta.flags


def test_period_from_years_skips_dates_of_other_acts():
    assert period_from_years(["до 1 июня 2021 года", "постановление от 29.01.2013 № 16", "2023 год"]) == (2021, 2023)


# ------------------------------------------------------------ regions


def _regions() -> list[dict]:
    return yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))["regions"]


def test_region_table_covers_all_subjects_once():
    rows = _regions()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert sum(1 for r in rows if r.get("iso", True)) == 83      # every ISO 3166-2:RU subdivision
    assert {"RU-MOW", "RU-SPE", "RU-SEV", "RU-CR", "RU-YAN", "RU-AD"} <= set(codes)


def test_every_region_name_finds_its_own_code():
    for row in _regions():
        assert region_code_for(row["name"]) == (row["name"], row["code"]), row["name"]
        for alias in row.get("aliases") or []:
            assert region_code_for(alias)[1] == row["code"], alias


@pytest.mark.parametrize("text, code", [
    ("министерство образования Кемеровской области", "RU-KEM"),
    ("Правительство Кузбасса", "RU-KEM"),
    ("Кабинет Министров Республики Татарстан", "RU-TA"),
    ("Департамент образования Ханты-Мансийского автономного округа – Югры", "RU-KHM"),
    ("Департамент образования и науки г. Москвы", "RU-MOW"),
    ("в Москве", "RU-MOW"),
    ("правительства Московской области", "RU-MOS"),
    ("Санкт-Петербурга", "RU-SPE"),
    ("Республике Саха (Якутия)", "RU-SA"),
    ("Республики Северная Осетия-Алания", "RU-SE"),
    ("Ямало-Ненецком автономном округе", "RU-YAN"),
    ("Чувашской Республики", "RU-CU"),
    ("Еврейской автономной области", "RU-YEV"),
    ("НИЖЕГОРОДСКОЙ ОБЛАСТИ", "RU-NIZ"),
    ("г. Благовещенск", "RU-AMU"),
])
def test_region_in_any_case_form(text, code):
    assert region_code_for(text)[1] == code


def test_no_region_for_federal_or_unrelated_text():
    assert region_code_for("Министерство просвещения Российской Федерации") is None
    assert region_code_for("курган на берегу реки") is None


def test_most_named_region_wins_over_a_passing_mention():
    text = "Тульской области ... финал в Москве ... Тульская область ... Тулы"
    assert region_code_for(text) == ("Тульская область", "RU-TUL")
    assert [m.region.code for m in find_region_mentions(text) if not m.weak][:2] == ["RU-TUL", "RU-MOW"]


def test_region_falls_back_to_tables_and_flags_unknown():
    meta = parse_metadata(["План мероприятий по развитию СПО на 2021 год"], "ГАПОУ Калужской области")
    assert meta.region_code == "RU-KLU" and "region_from_tables" in meta.flags
    assert "region_unknown" in parse_metadata(["План мероприятий на 2021 год"]).flags


# ------------------------------------------------------------ dev set


def _docx_lines_tables_deadlines(path: Path) -> tuple[list[str], str, list[str]]:
    """Paragraph texts, all table text, and the cells of every column headed "Срок…"."""
    import docx

    document = docx.Document(str(path))
    table_text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    deadlines: list[str] = []
    for table in document.tables:
        header = [cell.text.strip().lower() for cell in table.rows[0].cells]
        columns = [i for i, text in enumerate(header) if text.startswith("срок")]
        deadlines += [row.cells[i].text for row in table.rows[1:] for i in columns if i < len(row.cells)]
    return [p.text for p in document.paragraphs], table_text, deadlines


def _gold_documents() -> list[tuple[str, dict]]:
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))["document"]) for p in sorted(GOLD_DIR.glob("*.json"))]


@pytest.mark.parametrize("key, gold", _gold_documents())
def test_dev_docx_matches_gold(key, gold):
    from rapidfuzz import fuzz

    path = sample(f"{key}.docx")
    lines, table_text, deadlines = _docx_lines_tables_deadlines(path)
    meta = parse_metadata(lines, table_text)
    period = meta.period or period_from_years(deadlines)   # what the pipeline does
    assert meta.region_code == gold["region_code"]
    assert meta.region == gold["region"]
    assert meta.doc_kind == gold["doc_kind"]
    assert meta.doc_number == gold["doc_number"]
    assert (meta.doc_date.isoformat() if meta.doc_date else None) == gold["doc_date"]
    assert list(period or []) == list(gold["period"] or [])
    assert fuzz.ratio(meta.title or "", gold["title"] or "") >= 90
    assert meta.authority == gold["authority"]


def _seed_text_lines(name: str) -> tuple[list[str], str]:
    path = SEEDS_DIR / name
    lines = path.read_text(encoding="utf-8").split("\n")
    first_table = next((i for i, ln in enumerate(lines) if "\t" in ln), len(lines))
    return lines[:first_table], "\n".join(lines[first_table:])


@pytest.mark.parametrize("seed, expected", [
    # values stated in shared/eval/GOLD.md (Irkutsk) and shared/spec/export.md (Tula)
    ("000_aaab26f5f7a38906.txt", {"region_code": "RU-IRK", "doc_kind": "распоряжение", "doc_number": "82-мр",
                                  "doc_date": date(2020, 1, 31), "period": (2020, 2020),
                                  "authority": "министерство образования Иркутской области"}),
    ("001_c3dac5d4a0264c29.txt", {"region_code": "RU-TUL", "doc_kind": "приказ", "doc_number": "2714",
                                  "doc_date": date(2022, 12, 16), "period": (2023, 2025),
                                  "authority": "министерство образования Тульской области"}),
    ("002_ed6e950003225a26.txt", {"region_code": "RU-SMO", "doc_kind": None, "doc_number": None,
                                  "doc_date": None, "period": (2018, 2020), "authority": None}),
])
def test_seed_texts(seed, expected):
    meta = parse_metadata(*_seed_text_lines(seed))
    assert {k: getattr(meta, k) for k in expected} == expected
    assert meta.title and meta.title.split()[0].strip("«") == "Дорожная"


def test_title_wrapped_inside_its_year_range():
    """"… на 2023–" / "2025 годы": a line opening with a year after a dash goes on with the range
    (the title already held "2023" and would otherwise stop, leaving the period 2023–2023)."""
    lines = ["Министр А.Т. Шарипов",
             "План мероприятий («дорожная карта») по развитию инклюзивного",
             "профессионального образования в Республике Башкортостан на 2023–",
             "2025 годы"]
    assert find_title(lines).endswith("на 2023–2025 годы")
    assert find_title(["План мероприятий по развитию образования на 2023 –", "2025 годы"]).endswith(
        "на 2023 – 2025 годы")


def test_a_title_range_that_reads_as_no_range_names_no_period():
    from normalizers.metadata_title import _period_in

    assert _period_in("Республики на 2072-2024 годы") is None       # a scan's slip: not 2024-2072
    assert _period_in("на 2022-2024 годы") == (2022, 2024)
    assert _period_in("на 2020 год") == (2020, 2020)


def test_an_order_name_whose_year_range_wraps_at_its_dash_keeps_the_second_year():
    from normalizers.metadata_title import _period_in, _title_from_order_name

    lines = ["Об утверждении плана мероприятий («дорожной карты») по",
             "профессиональной ориентации обучающихся Омской области на 2022-", "2024 годы",
             "1. Определить бюджетное учреждение"]
    title = _title_from_order_name(lines)
    assert title.endswith("на 2022- 2024 годы") and _period_in(title) == (2022, 2024)
    assert _period_in("обучающихся Омской области на 2022-") is None      # no one-year period
    assert _period_in("обучающихся Омской области на 2022-,") is None     # ... nor with a speck after it
    assert _period_in("Омской области на 2022– годы") is None
    assert _period_in("на 2022 год, 2023 год") == (2022, 2023)


@pytest.mark.parametrize("name_lines, title", [
    (["Об утверждении дорожной карты по развитию профессионального образования в",
      "Пермском крае на 2020–2022 годы"],                      # a line that ends with a preposition
     "Дорожная карта по развитию профессионального образования в Пермском крае на 2020–2022 годы"),
    (["Об утверждении плана мероприятий по внедрению целевой модели",
      "наставничества в профессиональных образовательных организациях",
      "Чувашской Республики на 2022-2024 годы"],               # a line that brings the period
     "План мероприятий по внедрению целевой модели наставничества в профессиональных образовательных "
     "организациях Чувашской Республики на 2022-2024 годы"),
    (["Об утверждении плана мероприятий на 2022-2024 годы",
      "Министерство образования Чувашской Республики"],        # the period named: a new line is no title
     "План мероприятий на 2022-2024 годы"),
])
def test_an_order_names_title_wrapped_before_a_capitalised_line_goes_on(name_lines, title):
    meta = parse_metadata(["ПРИКАЗ", "05.09.2022 № 1390", *name_lines, "ПРИКАЗЫВАЮ:"])
    assert meta.title == title
