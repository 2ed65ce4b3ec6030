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


def test_a_closing_guillemet_read_as_a_greater_than_sign_closes_the_open_name():
    """A degraded Kaliningrad plan read "ГАУ КО «Центр … подготовки> работодатели": the open name
    swallowed the next party. Only a ">" glued to a word's end and only inside an open name."""
    from normalizers.ocr_quotes import mend_close_quotes

    assert mend_close_quotes("ГАУ КО «Центр опережающей подготовки> работодатели") == \
        "ГАУ КО «Центр опережающей подготовки» работодатели"
    assert mend_close_quotes("«А» и Б> в") == "«А» и Б> в", "no name open"
    assert mend_close_quotes("a > b") == "a > b"


def test_an_x_for_the_closing_guillemet_before_a_short_forms_bracket():
    """Measured on a colour photocopy: "«Центр развития профессионального образованиях (ЦРПО)" left
    the name open and ЦРПО undefined."""
    from normalizers.ocr_quotes import mend_close_quotes

    assert mend_close_quotes("учреждение «Центр развития профессионального образованиях (ЦРПО) и") == \
        "учреждение «Центр развития профессионального образования» (ЦРПО) и"
    assert mend_close_quotes("в образовательных организациях (ПОО)") == "в образовательных организациях (ПОО)"
    assert mend_close_quotes("«Центр» в организациях (ПОО)") == "«Центр» в организациях (ПОО)"   # the name closed
