"""Abbreviation definitions as real plans write them (issue 20): a bare "(АББР)" after a name with
commas, "Сокращения" list entries that wrap, a "(далее – X)" in an introductory sentence."""

from __future__ import annotations

from normalizers.abbreviations import find_definitions

MTZ = "Министерство труда, занятости и социальной защиты Республики Татарстан"


def test_bare_acronym_after_a_name_with_commas():
    text = f"{MTZ} (МТЗиСЗ РТ) обеспечивает мониторинг."
    assert find_definitions(text)["МТЗиСЗ РТ"] == MTZ


def test_bare_acronym_name_is_put_into_the_nominative():
    text = "Совместно с Министерством труда, занятости и социальной защиты Республики Татарстан (МТЗиСЗ РТ) провести"
    assert find_definitions(text)["МТЗиСЗ РТ"] == MTZ


def test_list_entry_wrapping_over_two_lines():
    text = ("Список используемых сокращений\n"
            "МОиН РТ – Министерство образования и науки\nРеспублики Татарстан;\n"
            "ПОО – профессиональные образовательные\nорганизации.")
    assert find_definitions(text) == {
        "МОиН РТ": "Министерство образования и науки Республики Татарстан",
        "ПОО": "профессиональные образовательные организации",
    }


def test_list_block_ends_before_the_next_paragraph():
    text = "Перечень сокращений:\nЦЗН – центр занятости населения\nПриложение 2\nк приказу"
    assert find_definitions(text) == {"ЦЗН": "центр занятости населения"}


def test_definition_in_an_introductory_sentence_drops_the_verb():
    text = ("Определить краевое государственное автономное учреждение «Красноярский центр "
            "профессионального образования» (далее – РКЦ) региональным координационным центром.")
    assert find_definitions(text)["РКЦ"] == (
        "краевое государственное автономное учреждение «Красноярский центр профессионального образования»")
