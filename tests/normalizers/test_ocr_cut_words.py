"""normalizers.ocr_cut_words: an adjective a scan cut short at a line's end."""
from __future__ import annotations

import pytest

from normalizers.ocr_cut_words import complete_cut_adjectives


@pytest.mark.parametrize("read, expected", [
    ("Минобразования края\nпрофессиональн\nобразовательные организации",
     "Минобразования края\nпрофессиональные\nобразовательные организации"),     # not the animate "-ых"
    ("профессиональн\nобразовательной организации", "профессиональной\nобразовательной организации"),
    ("государственн\nучреждение", "государственное\nучреждение"),
    ("с профессиональн\nорганизациями", "с профессиональными\nорганизациями"),
])
def test_an_adjective_cut_at_a_lines_end_takes_the_one_ending_that_agrees_with_the_next_line(read, expected):
    assert complete_cut_adjectives(read) == expected


@pytest.mark.parametrize("text", [
    "обучени\nработников",                      # no adjective's stem
    "Центр опережающ\nпрофессиональной подготовки",   # a participle's: left
    "профессиональные\nобразовательные организации",  # a word already
    "профессиональн образовательные организации",     # no line's end
])
def test_other_line_ends_stay(text):
    assert complete_cut_adjectives(text) == text
