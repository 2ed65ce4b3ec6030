"""Full forms of definitions read from a scan (normalizers.ocr_full_form)."""

import pytest

from normalizers.ocr_full_form import mend_full_form


@pytest.mark.parametrize("read, want", [
    ("Министерство труда, занятости-`н социальной.защиты Республики Татарстан",
     "Министерство труда, занятости и социальной защиты Республики Татарстан"),
    ("Министерство труда, занятости п социальной защиты", "Министерство труда, занятости и социальной защиты"),
    ("учреждение ‚Томский областной информационно-консультационный центр»",
     "учреждение «Томский областной информационно-консультационный центр»"),
    ("научно- и опытно-конструкторских работ", "научно- и опытно-конструкторских работ"),   # a suspended hyphen
    ("центр „Томский“", "центр „Томский“"),
])
def test_full_form_conjunction_misread_and_low_opening_quote(read, want):
    assert mend_full_form(read) == want


def test_full_form_junk_after_its_end_goes_and_a_lost_closing_quote_returns():
    assert mend_full_form("Министерство образования и науки Республики Саха (Якутия). ©7777") == \
        "Министерство образования и науки Республики Саха (Якутия)"
    assert mend_full_form("средняя школа № 5") == "средняя школа № 5"
    assert mend_full_form("учреждение «Томский областной институт развития образования") == \
        "учреждение «Томский областной институт развития образования»"
    assert mend_full_form("учреждение «Томский» институт") == "учреждение «Томский» институт"
    # a letter left after the end's stop is junk; a word after a stop ("г. Томск") is not
    assert mend_full_form("министерство образования Новосибирской области. а.") == (
        "министерство образования Новосибирской области")
    assert mend_full_form("учреждение «Центр» г. Томск") == "учреждение «Центр» г. Томск"


def test_an_organisations_head_read_in_the_genitive_plural_opens_in_the_nominative_singular():
    """"министерств. промышленности …": the head's "о" read as a stop, which goes; "министерств"
    put into the nominative read "министерства", a plural body."""
    assert mend_full_form("министёрств промышленности, торговли") == "министерство промышленности, торговли"
    assert mend_full_form("Комитетов образования") == "Комитет образования"
    assert mend_full_form("министерства образования") == "министерства образования"    # as read: a case not plain
    assert mend_full_form("учреждений образования") == "учреждений образования"        # no body's head stem


def test_junk_after_the_closing_quote_goes():
    assert mend_full_form("учреждение «Институт развития образования Республики Татарстан»х.__") == \
        "учреждение «Институт развития образования Республики Татарстан»"
    assert mend_full_form("учреждение «Институт» Татарстана") == "учреждение «Институт» Татарстана"


def test_a_lone_a_without_a_comma_is_a_speck_in_a_name():
    assert mend_full_form("учреждение «Центр а опережающей профессиональной подготовки»") == \
        "учреждение «Центр опережающей профессиональной подготовки»"
    assert mend_full_form("центр образования, а также школы") == "центр образования, а также школы"


def test_a_backslash_before_the_form_and_a_stop_glued_before_a_capital():
    assert mend_full_form("\\ министерство промышленности") == "министерство промышленности"
    assert mend_full_form("Министерство образования.Омской области") == "Министерство образования Омской области"
    assert mend_full_form("обл.Омской") == "обл.Омской"               # a shortened word keeps its stop


def test_latin_junk_before_the_name_and_a_plus_for_its_opening_quote():
    assert mend_full_form("Cc государственным учреждением «Центр»") == "государственным учреждением «Центр»"
    assert mend_full_form("образования + Институт развития образования»") == "образования «Институт развития образования»"
    assert mend_full_form("ДПО «Институт» + Центр") == "ДПО «Институт» + Центр"     # quotes matched: stays
