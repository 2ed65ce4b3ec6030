"""Opening « a scan misread or lost, put back where one place is certain (normalizers.ocr_quotes)."""

import pytest

from normalizers.ocr_fixes import fix_scan_text
from normalizers.ocr_quotes import mend_open_quotes


@pytest.mark.parametrize("text,expected", [
    ("ГБУ ДПО ‚КРИРПО»", "ГБУ ДПО «КРИРПО»"),                     # a low comma-quote
    ("ГБУ ДПО ›КРИРПО»", "ГБУ ДПО «КРИРПО»"),                     # a single guillemet
    ("чемпионате ‹Молодые профессионалы» в категории «Юниоры»",
     "чемпионате «Молодые профессионалы» в категории «Юниоры»"),  # a name of several words
    ("ГАУ ДПО АМИРО»", "ГАУ ДПО «АМИРО»"),                        # lost before an acronym
    ("ООО «Ромашка» и ГБУ КРИРПО»", "ООО «Ромашка» и ГБУ «КРИРПО»"),
])
def test_a_lost_or_misread_opening_quote_is_put_back(text, expected):
    assert mend_open_quotes(text) == expected


@pytest.mark.parametrize("text", [
    "ГБУ ДПО «КРИРПО»",                         # balanced: nothing to do
    "центр Молодые профессионалы»",             # a longer name: where it opened cannot be told
    "значение a < b",                           # no closing quote
    "ООО «Ромашка»",
])
def test_quotes_that_leave_no_single_reading_stay(text):
    assert mend_open_quotes(text) == text


def test_scan_cells_get_the_repair():
    assert fix_scan_text("ГБУ ДПО ‹КРИРПО»") == "ГБУ ДПО «КРИРПО»"
