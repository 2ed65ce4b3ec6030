"""normalizers.ocr_party_names: a known name misread by a letter in a scan's party cell."""

import pytest

from normalizers.ocr_party_names import mend_name_words

NAMES = {"центр занятости населения", "департамент труда и занятости населения",
         "профессиональные образовательные организации"}


@pytest.mark.parametrize("read, expected", [
    ("ГКУ Ценгр занятости ‚населения", "ГКУ Центр занятости населения"),     # a letter, a speck
    ("ГКУ Центр занятости населения", "ГКУ Центр занятости населения"),       # spelled right
    ("центры занятости населения", "центры занятости населения"),             # a word of its own, plural
    ("ГКУ Ценгр занятисти ‚насиления", "ГКУ Ценгр занятисти ‚насиления"),     # too far from any
    ("Ценгр", "Ценгр"),                                                      # no name's words
    ("профессиональные образовательны организации", "профессиональные образовательные организации"),  # a short form
])
def test_a_known_name_misread_by_a_letter_is_that_name(read, expected):
    assert mend_name_words(read, NAMES) == expected


def test_two_names_that_fit_leave_the_words_as_read():
    names = {"центр занятости населения", "цент занятости населения"}
    assert mend_name_words("ГКУ Ценгр занятости населения", names) == "ГКУ Ценгр занятости населения"
