"""normalizers.ocr_region_words: the document's own region's words misread by a letter."""

import pytest

from normalizers.ocr_region_words import mend_region_words, region_forms


@pytest.mark.parametrize("text, region, expected", [
    ("Министерство образования и науки Пермекого края", "Пермский край", "Министерство образования и науки Пермского края"),
    ("организации Томокой области", "Томская область", "организации Томской области"),
    ("Республики Татарстав", "Республика Татарстан", "Республики Татарстан"),
    ("Тамбовской области", "Томская область", "Тамбовской области"),       # another region's word stays
    ("Пермекого края", None, "Пермекого края"),                            # no region known
    ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ НЕРМСКОГО КРАЯ", "Пермский край",   # a letterhead in capitals
     "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ПЕРМСКОГО КРАЯ"),
    ("ТАМБОВСКОЙ ОБЛАСТИ", "Томская область", "ТАМБОВСКОЙ ОБЛАСТИ"),
])
def test_the_regions_words_a_letter_off(text, region, expected):
    assert mend_region_words(text, region) == expected


def test_the_forms_are_the_region_words_inflections():
    forms = region_forms("Пермский край")
    assert {"Пермского", "Пермскому", "Пермский"} <= forms and "Край" not in forms
