"""normalizers.abbreviation_heads: a "Сокращения" list header as a scan reads it."""
import pytest

from normalizers.abbreviation_heads import LIST_HEADER_RE, mend_list_head
from normalizers.abbreviations import find_definitions, leftover_entries


@pytest.mark.parametrize("read", ["Принятые сакращения:", "Список сокращении:", "Использхемые сокращения.",
                                  "Церечень сокращений:", "Принятые сокращениз:", "Спиеок сокращений-",
                                  "Исподьзуемы сокращения", "Список сокращений”.",
                                  "Списек используемых: сокращений:", "Используемыю сджфащёния:",
                                  "Используемые совращения."])   # one letter off into another word
def test_misread_header_reads_as_the_header(read):
    assert LIST_HEADER_RE.match(mend_list_head(read))


@pytest.mark.parametrize("line", ["Сократите расходы:", "Сливок сокращений:", "План мероприятий:",
                                  "Используемые материалы:", "Исполнители мероприятий:",
                                  "Условные обозначения:", "Принятые решения:"])
def test_other_lines_stay(line):
    assert mend_list_head(line) == line


def test_a_speck_glued_to_a_header_word_is_dropped():
    assert mend_list_head("Список`1 используемых сокращений:") == "Список используемых сокращений:"
    assert mend_list_head("Слово` другое") == "Слово` другое"


def test_a_speck_for_the_space_between_header_words():
    assert mend_list_head("Перечень.используемых сокращений") == "Перечень используемых сокращений"
    assert mend_list_head("Перечень-используемых сокращений") == "Перечень используемых сокращений"
    assert mend_list_head("Перечень используемых*сокращений") == "Перечень используемых сокращений"
    assert mend_list_head("Торгово-промышленная палата") == "Торгово-промышленная палата"
    assert mend_list_head("т.е.используемых") == "т.е.используемых"


@pytest.mark.parametrize("line, header", [
    ("Список сорратяений:", True),        # three letters off, after "Список": the header
    ("Список соглашений:", False),         # a word of its own
    ("Сорратяений:", False),               # no "Список" before it: one letter off only
])
def test_a_key_word_read_further_off_after_the_list_word(line, header):
    assert (mend_list_head(line) != line) == header


def test_a_header_ending_in_a_semicolon_a_scan_read_for_its_colon():
    assert LIST_HEADER_RE.match("Используемые сокращения;")
    assert mend_list_head("Использхемые сокращения;") != "Использхемые сокращения;"


@pytest.mark.parametrize("line, cut", [
    ("Список", True), ("Список используемых", True), ("Перечень принятых:", True), ("Принятые", True),
    ("Список мероприятий", False), ("Список используемых программ", False), ("ПОО - организации", False),
])
def test_a_header_whose_key_word_was_lost(line, cut):
    from normalizers.abbreviation_heads import cut_head

    assert cut_head(line) is cut


def test_a_header_cut_to_its_first_word_opens_the_list_when_an_entry_follows():
    from normalizers.abbreviations import find_definitions, leftover_entries

    text = ("Список\nПОО - профессиональные образовательные организации;\n"
            "Минобразования Чувашии Министерство образования Чувашской\nРеспублики.")
    assert find_definitions(text) == {"ПОО": "профессиональные образовательные организации"}
    assert leftover_entries(text)[0] == ["Минобразования Чувашии Министерство образования Чувашской Республики"]
    plain = "Список\nучастников совещания.\nМинобразования Чувашии Министерство образования Чувашской\nРеспублики."
    assert leftover_entries(plain) == ([], []), "no entry after the word: no list"


def test_specks_a_scan_reads_round_a_list_and_its_entries():
    from normalizers.abbreviations import find_definitions

    text = ("„Перечень используемых сокращений\n"                   # a speck before the header
            "„МОиН РТ-- Министерство образования и науки Республики Татарстан;\n"   # before the short form, a dash doubled
            "Минобразования края - министерство образования Красноярского края.")
    assert find_definitions(text) == {"МОиН РТ": "Министерство образования и науки Республики Татарстан",
                                      "Минобразования края": "министерство образования Красноярского края"}


@pytest.mark.parametrize("line, header", [
    ("ок/сокращений:", True),                  # the header's first word read as junk
    ("Порядок сокращений:", False),            # a word of its own before the key word
    ("штатных сокращений", False),
])
def test_the_key_word_after_junk_is_the_header(line, header):
    assert bool(LIST_HEADER_RE.match(mend_list_head(line))) is header


def test_an_entry_closed_by_a_colon_after_its_quote_ends_there():
    from normalizers.abbreviations import find_definitions

    text = ("Сокращения:\nТОИПКРО - областное учреждение «Томский институт\nработников образования»:\n"
            "ко рябластное учреждение «Томский\nПОО - профессиональные образовательные организации.")
    defs = find_definitions(text)
    assert defs["ТОИПКРО"] == "областное учреждение «Томский институт работников образования»"
    assert defs["ПОО"] == "профессиональные образовательные организации"


def test_a_signatures_junk_after_the_header_is_no_entry():
    assert LIST_HEADER_RE.match(mend_list_head("Список сокращений. ватель:"))
    assert mend_list_head("Сокращения: ПОО - организации") == "Сокращения: ПОО - организации"


@pytest.mark.parametrize("line", ['Список сокращений"', "Сокращения'", "Принятые сокращения”"])
def test_a_specks_mark_read_for_the_headers_colon(line):
    assert LIST_HEADER_RE.match(mend_list_head(line))


def test_a_mark_after_another_line_stays():
    assert mend_list_head('Министерство образования"') == 'Министерство образования"'


def test_a_header_whose_key_word_is_cut_short_with_junk_after_it_opens_the_list():
    from normalizers.abbreviations import find_definitions

    text = ("План мероприятий на 2022-2024 годы\nСписок сокр. тароттетьные\n"
            "ПОО - профессиональные образовательные организации;\n"
            "Минобразования Энии - Министерство образования Энской\nРеспублики.")
    got = find_definitions(text)
    assert got["Минобразования Энии"] == "Министерство образования Энской Республики"
    assert got["ПОО"] == "профессиональные образовательные организации"
    from normalizers.abbreviation_heads import cut_head
    assert not cut_head("Список сокращённых сроков обучения")       # words of the dictionary after it


def test_a_wrapped_line_opening_with_a_speck_and_a_space_carries_its_entry_on():
    from normalizers.abbreviations import find_definitions

    text = ("Принятые сокращения:\n"
            "ТОИПКРО - областное государственное бюджетное учреждение «Томский\n"
            "областной институт повышения квалификации и переподготовки работников\n"
            "‚ образования»\n"                                          # a speck, then a space
            "ТОИКО - областное государственное бюджетное учреждение.")
    assert find_definitions(text)["ТОИПКРО"].endswith("переподготовки работников образования»")


@pytest.mark.parametrize("line", ["3 дарст. казённые учреждения Энской области",          # a digit, then junk
                                  "пежо казенные.учреждения Энской области",              # no dictionary word
                                  "ТосуХарственные-казённые учреждения Энской области"])
def test_a_block_line_whose_first_word_is_junk_is_an_entry_that_lost_its_short_form(line):
    text = ("Сокращения:\n" + line + "\n„Центры занятости населения»;\n"       # a low quote opens the wrapped name
            "Минпромторг ЭО - министерство промышленности Энской области.")
    lost, _ = leftover_entries(text)
    assert len(lost) == 1 and lost[0].endswith("Центры занятости населения»")
    assert find_definitions(text) == {"Минпромторг ЭО": "министерство промышленности Энской области"}


def test_a_plan_title_after_the_list_is_no_entry():
    text = ("Сокращения:\nМО ЭО - Министерство образования Энской области.\n"
            "План мероприятий по профессиональной ориентации обучающихся")
    assert leftover_entries(text)[0] == []        # no entry that lost its short form


def test_an_entry_whose_short_form_and_dash_were_lost_opens_in_lower_case_and_a_misread_genitive_goes_on():
    from normalizers.ocr_definitions import mend_definitions

    text = ("Список используемых сокращений:\n"
            "МТЗиСЗ РЭ - Министерство труда, занятости и социальной защиты\n"
            "Респубйики Энск;\n"                                        # one letter off "Республики"
            "автономное.образовательное учреждение\n"                   # "ИРО РЭ -" and its first word lost
            "дополнительного образования «Институт развития\nобразования Республики Энск»")
    lost, _ = leftover_entries(text)
    assert len(lost) == 1 and lost[0].startswith("автономное")
    got = mend_definitions(find_definitions(text), "МТЗиСЗ РЭ\nИРО РЭ\nИРО РЭ", orphans=lost)
    assert got["МТЗиСЗ РЭ"].endswith("Респубйики Энск")
    assert got["ИРО РЭ"].endswith("«Институт развития образования Республики Энск»")


def test_a_header_with_junk_after_its_colon_then_entries_opens_the_list():
    text = ("Принятые сокращения: АНБ тыла\n"                           # a signature's junk after the colon
            "ТОИПКРО - областное государственное бюджетное учреждение «Энский\n"
            "5: областной институт работников образования»;\n"          # a speck read as "5:" before the wrap
            "ТОИКО - областное государственное бюджетное учреждение.")
    got = find_definitions(text)
    assert got["ТОИПКРО"] == "областное государственное бюджетное учреждение «Энский областной институт работников образования»"
    assert "АНБ" not in got


@pytest.mark.parametrize("line, expected", [
    ("Спибрк сокрацуавий:", "список сокращений:"),     # the head word two letters off before a key word
    ("Стирка сокрацуавий:", "Стирка сокрацуавий:"),     # "стирка" is a word: no head word misread
    ("Спибрк сокращенные:", "Спибрк сокращенные:"),     # "сокращенные" is another word than the key
    ("Спибрк отчётов:", "Спибрк отчётов:"),             # no key word
])
def test_a_head_word_two_letters_off_before_a_key_word_of_its_shape(line, expected):
    assert mend_list_head(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Используемые вокрёщёния:", "используемые сокращений:"),   # specks over "е" read as "ё", "с" as "в"
    ("Используемые обозначения:", "Используемые обозначения:"),  # another word, in the dictionary
    ("Используемые решения:", "Используемые решения:"),
])
def test_a_key_word_two_letters_off_after_a_qualifier_read_right(line, expected):
    assert mend_list_head(line) == expected


@pytest.mark.parametrize("line, cut", [
    ("Список 4бкраьний*", True),            # the key word garbled past reading: one token of junk
    ("Список литературы", False), ("Список участников:", False), ("Перечень мероприятий", False),
    ("Список 2024", False),                 # digits: no key word
])
def test_a_head_word_with_one_junk_token_for_its_key_word_is_a_cut_header(line, cut):
    from normalizers.abbreviation_heads import cut_head

    assert cut_head(line) is cut


def test_a_list_under_a_header_whose_key_word_is_junk_is_read():
    got = find_definitions("Список 4бкраьний*\nМинобразования Чувашии - Министерство образования Чувашской\n"
                           "Республики.")
    assert got == {"Минобразования Чувашии": "Министерство образования Чувашской Республики"}
