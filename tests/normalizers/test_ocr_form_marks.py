"""normalizers.ocr_form_marks: marks a scan leaves in a definition's full form."""
import pytest

from normalizers.ocr_form_marks import drop_lone_marks, form_marks


@pytest.mark.parametrize("read, expected", [
    ("Министерство образования Омской' области", "Министерство образования Омской области"),
    ("квалификации и'переподготовки", "квалификации и переподготовки"),
    ("развития образования Республики-Татарстан", "развития образования Республики Татарстан"),
    ("Минисы'ерство образования", "Минисыерство образования"),       # the word mends take it from here
    ("учебно-методический центр", "учебно-методический центр"),
    ("школа-интернат", "школа-интернат"),
])
def test_form_marks(read, expected):
    assert form_marks(read) == expected


def test_a_lone_dash_goes_only_between_agreeing_words():
    assert drop_lone_marks("профессиональные - образовательные организации") == \
        "профессиональные образовательные организации"
    assert drop_lone_marks("организации - участники") == "организации - участники"


@pytest.mark.parametrize("read, expected", [
    ("осуществляющие управление-в сфере образования", "осуществляющие управление в сфере образования"),
    ("Министерство образования и науки'Республики Башкортостан",
     "Министерство образования и науки Республики Башкортостан"),
    ("учреждение-« Центр развития»", "учреждение «Центр развития»"),
    ("«Центр» и «Кванториум»", "«Центр» и «Кванториум»"),
])
def test_hyphens_and_marks_before_prepositions_capitals_and_quotes(read, expected):
    assert form_marks(read) == expected
