"""Roman numerals both ways."""

import pytest

from normalizers.roman import roman_numeral, roman_value


@pytest.mark.parametrize("text,value", [("I", 1), ("IV", 4), ("ix", 9), ("XIV", 14), ("XL", 40), ("П", None), ("", None)])
def test_roman_value(text, value):
    assert roman_value(text) == value


def test_numerals_read_back():
    assert [roman_numeral(v) for v in (1, 2, 4, 9, 14, 40)] == ["I", "II", "IV", "IX", "XIV", "XL"]
    assert all(roman_value(roman_numeral(v)) == v for v in range(1, 90))
