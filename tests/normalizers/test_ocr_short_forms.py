"""normalizers.ocr_short_forms: a misread mention read as the one short form that fits."""

import pytest
from normalizers.ocr_short_forms import defined_as


def test_a_breve_read_over_the_conjunction_and_a_lost_space_still_name_the_defined_form():
    assert defined_as("МОЙНРТ —", {"МОиН РТ", "МТЗиСЗ РТ"}) == "МОиН РТ"


def test_a_glued_mention_with_a_letter_too_many_names_the_defined_form():
    assert defined_as("МОинНРТ", {"МОиН РТ", "ИРО РТ", "МТЗиСЗ РТ"}) == "МОиН РТ"
    assert defined_as("Школаинт", {"МОиН РТ"}) is None


def test_a_defined_form_with_a_speck_token_more_is_that_form_but_a_conjunction_is_a_word():
    assert defined_as("МОиН НР РС(Я)", {"МОиН РС(Я)"}) == "МОиН РС(Я)"
    assert defined_as("МО и ОО", {"МО ОО"}) is None


def test_a_letter_read_twice_in_lower_case_inside_a_defined_acronym():
    assert defined_as("ПоОО", {"ПОО", "ЦЗН"}) == "ПОО"
    assert defined_as("КОиН", {"КОН"}) is None           # "и" among capitals is the conjunction
    assert defined_as("ПоОО", {"ПОО"}, {"ПоОО"}) == "ПоОО"   # a form the glossary knows stays


@pytest.mark.parametrize("name, code, expected", [
    ("МОиН РЕ(Я)", "РС(Я)", "МОиН РС(Я)"),          # a letter of the region's code misread
    ("МОиН РС(Я)", "РС(Я)", "МОиН РС(Я)"),
    ("ДОиН ТО", "КО", "ДОиН ТО"),                    # two letters: too short to tell
    ("Минобр ТСО", "НСО", "Минобр ТСО"),             # a syllabic head the dictionary takes for no abbreviation
    ("работодатели РЕ(Я)", "РС(Я)", "работодатели РЕ(Я)"),
])
def test_a_mention_ending_in_the_regions_code_misread_by_a_letter(name, code, expected):
    from normalizers.ocr_short_forms import with_region_code

    assert with_region_code(name, code) == expected


def test_a_syllabic_form_glued_to_the_regions_code():
    from normalizers.ocr_short_forms import with_region_code

    assert with_region_code("МинтрудНСО", "НСО") == "Минтруд НСО"
    assert with_region_code("Минтруд", "НСО") == "Минтруд"


def test_an_acronym_with_a_letter_read_twice():
    assert defined_as("ПООО", {"ПОО", "ЦЗН"}) == "ПОО"
    assert defined_as("ЦОПП", {"ЦОП"}, {"ЦОПП"}) == "ЦОПП"    # the glossary's own double letter


@pytest.mark.parametrize("name, want", [
    ("БУ ЧРДПО «Институт»", "БУ ЧР ДПО «Институт»"),     # the space lost
    ("БУ ЧР-ДПО «Институт»", "БУ ЧР ДПО «Институт»"),    # ... or read as a hyphen
    ("БУ ЧР ДПО «Институт»", "БУ ЧР ДПО «Институт»"),
    ("ЧРАБВ", "ЧРАБВ"),                                  # the rest no known short form
    ("АЧРДПО", "АЧРДПО"),                                # the code inside another token
    ("ЧРЦЗН", "ЧРЦЗН"),                                  # the glued token itself known
])
def test_a_region_code_glued_to_a_known_short_form_gets_its_space(name, want):
    from normalizers.ocr_short_forms import code_glued_to_short

    assert code_glued_to_short(name, "ЧР", {"ДПО", "ПОО", "ЦЗН", "ЧРЦЗН"}) == want
