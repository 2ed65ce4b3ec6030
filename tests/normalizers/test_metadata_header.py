"""Metadata from the header block and the title only (issue 20): bilingual and capitalised
authorities, periods with spaces or only in the order's name, titles that stop at the signature,
and no region taken from activity text."""

from __future__ import annotations

from normalizers.metadata import header_lines, is_signature, normalise_authority, parse_metadata, prepare_lines

TATAR = ["КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН", "ТАТАРСТАН РЕСПУБЛИКАСЫ МИНИСТРЛАР КАБИНЕТЫ",
         "ПОСТАНОВЛЕНИЕ КАРАР", "от 12.03.2022 № 215", "г. Казань",
         "Об утверждении плана мероприятий по развитию среднего профессионального образования",
         "Премьер-министр Республики Татарстан А.В. Песошин",
         "ПЛАН МЕРОПРИЯТИЙ ПО РАЗВИТИЮ СРЕДНЕГО ПРОФЕССИОНАЛЬНОГО ОБРАЗОВАНИЯ", "НА 2022 – 2024 ГГ."]


def test_bilingual_capitalised_header():
    meta = parse_metadata(TATAR)
    assert meta.authority == "Кабинет Министров Республики Татарстан"
    assert (meta.doc_kind, meta.doc_number, str(meta.doc_date)) == ("постановление", "215", "2022-03-12")
    assert meta.region_code == "RU-TA"
    assert meta.period == (2022, 2024)
    assert meta.title == "План мероприятий по развитию среднего профессионального образования на 2022 – 2024 гг."


def test_tatar_word_first_in_the_heading():
    meta = parse_metadata(["КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН", "КАРАР ПОСТАНОВЛЕНИЕ", "от 12.03.2022 № 215"])
    assert meta.doc_kind == "постановление" and meta.doc_number == "215"


def test_authority_in_capitals_keeps_region_capitals():
    assert normalise_authority("АДМИНИСТРАЦИЯ ГОРОДА БЛАГОВЕЩЕНСКА") == "Администрация города Благовещенска"
    assert normalise_authority("ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ХАНТЫ-МАНСИЙСКОГО АВТОНОМНОГО ОКРУГА – ЮГРЫ") == (
        "департамент образования Ханты-Мансийского автономного округа – Югры")


def test_authority_keeps_the_bracket_its_region_closes_and_reads_a_glued_speck_as_the_space():
    assert normalise_authority("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ САХА (ЯКУТИЯ)") == (
        "министерство образования и науки Республики Саха (Якутия)")
    assert normalise_authority("МИНИСТЕРСТВО ОБРАЗОВАНИЯ`И НАУКИ РЕСПУБЛИКИ БАШКОРТОСТАН") == (
        "министерство образования и науки Республики Башкортостан")
    assert normalise_authority("комитет образования:и науки Курской области") == "комитет образования и науки Курской области"


def test_region_never_from_activity_text():
    lines = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ", "ПРИКАЗ", "от 01.02.2021 № 5", "План работы музея школы на 2021 год",
             "Цель: воспитание патриотизма", "1. Встреча с ветеранами боевых действий в Чечне",
             "2. Экскурсия «Оборона Москвы»"]
    meta = parse_metadata(lines)
    assert meta.title == "План работы музея школы на 2021 год"
    assert meta.region is None and meta.region_code is None and "region_unknown" in meta.flags


def test_header_block_ends_with_the_title_or_before_the_body():
    lines = prepare_lines(["ПРИКАЗ", "План мероприятий на 2021 год", "1. Встреча в Москве"])
    assert header_lines(lines, 2) == ["ПРИКАЗ", "План мероприятий на 2021 год"]
    assert header_lines(lines, None) == ["ПРИКАЗ", "План мероприятий на 2021 год"]


def test_period_with_spaces_and_from_the_order_name():
    assert parse_metadata(["План мероприятий на 2022 - 2024 годы"]).period == (2022, 2024)
    meta = parse_metadata(["МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛУЖСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 01.02.2021 № 5",
                           "Об утверждении плана мероприятий по профориентации на 2021-2023 годы",
                           "ПЛАН МЕРОПРИЯТИЙ ПО ПРОФОРИЕНТАЦИИ ОБУЧАЮЩИХСЯ"])
    assert meta.period == (2021, 2023) and "period_from_heading" in meta.flags
    assert meta.title == "План мероприятий по профориентации обучающихся"


def test_title_stops_at_the_signature():
    meta = parse_metadata(["ПРИКАЗ", "15.01.2023 № 12", "Дорожная карта по развитию системы профориентации",
                           "Министр образования", "И.О. Фамилия"])
    assert meta.title == "Дорожная карта по развитию системы профориентации"
    assert is_signature("Врио губернатора области А.А. Иванов") and is_signature("И.О. Фамилия")
    assert not is_signature("МБОУ СОШ им. А.С. Пушкина")


def test_title_found_for_other_plan_headings():
    assert parse_metadata(["Комплексный план мероприятий по профилактике на 2023 год"]).title == (
        "Комплексный план мероприятий по профилактике на 2023 год")
    assert parse_metadata(["ПЛАН РАБОТЫ", "методического объединения на 2023 год"]).title == (
        "План работы методического объединения на 2023 год")
    assert parse_metadata(["Комплекс мероприятий по профориентации на 2024 год"]).title == (
        "Комплекс мероприятий по профориентации на 2024 год")


def test_title_stops_at_body_sentence_and_foreign_quote_tail():
    meta = parse_metadata(["ПРИКАЗ", "План мероприятий по реализации антикоррупционной политики в МБУДО «СШ»",
                           "План определяет основные направления реализации политики"])
    assert meta.title == "План мероприятий по реализации антикоррупционной политики в МБУДО «СШ»"
    meta = parse_metadata(["План антикоррупционных мероприятий БУ УР «Дом Дружбы народов» на 2024 год",
                           "законодательства в сфере противодействия коррупции» и иных норм"])
    assert meta.title == "План антикоррупционных мероприятий БУ УР «Дом Дружбы народов» на 2024 год"
    meta = parse_metadata(["План мероприятий по реализации", "проекта «Успех каждого ребенка»", "на 2020 год"])
    assert meta.title == "План мероприятий по реализации проекта «Успех каждого ребенка» на 2020 год"
