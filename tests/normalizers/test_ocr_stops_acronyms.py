"""ocr_stops.drop_acronym_colons: a colon a scan put after an acronym before a quoted name is a speck."""
import pytest

from normalizers.ocr_stops import drop_acronym_colons


@pytest.mark.parametrize("text,expected", [
    ("ГБУ ДПО: «Центр ремёсел» (далее – ЦР)", "ГБУ ДПО «Центр ремёсел» (далее – ЦР)"),
    ("МБУ; «Дом культуры»", "МБУ «Дом культуры»"),
    ("Организатор: «Центр ремёсел»", "Организатор: «Центр ремёсел»"),     # after a word it stays
    ("ГБУ ДПО: центр ремёсел", "ГБУ ДПО: центр ремёсел"),                   # no quoted name after it
    ("КГАУ ДПО. «Красноярский институт» (далее - ККИПК)", "КГАУ ДПО «Красноярский институт» (далее - ККИПК)"),
    ("в г. «Энск»", "в г. «Энск»"),                                         # a lower-case abbreviation's stop
])
def test_a_colon_after_an_acronym_before_a_quoted_name_is_a_speck(text, expected):
    assert drop_acronym_colons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Республики Саха (Якутия):«Институт", "Республики Саха (Якутия) «Институт"),   # after a bracketed word
    ("Республики Саха (Якутия): «Институт", "Республики Саха (Якутия) «Институт"),
    ("Организатор: «Центр»", "Организатор: «Центр»"),                                 # after a word it stays
    ("(далее): «X»", "(далее): «X»"),                                                 # a lower-case word
])
def test_a_colon_after_a_bracketed_word_of_a_name_before_its_quoted_part(text, expected):
    assert drop_acronym_colons(text) == expected
