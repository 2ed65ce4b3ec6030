"""Broken words in cell text (issue 23): one-letter tails of justified/narrow columns, and a hyphen at
a line end kept for a real compound, removed for a soft hyphenation (decided with pymorphy3)."""

from __future__ import annotations

import pytest

from normalizers.text import clean_text, one_line


@pytest.mark.parametrize("text,expected", [
    ("ежеквартальн о", "ежеквартально"),
    ("по мере необходимост и", "по мере необходимости"),
    ("провести ежеквартальн\nо", "провести ежеквартально"),
    ("обучающихс я", "обучающихся"),
])
def test_one_letter_tail_joins(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize("text", ["работ и услуг", "в городе и области", "СПО и ВО", "кадров ы"])
def test_real_one_letter_words_stay(text):
    """A known word before the letter ("кадров") is not a fragment: nothing is guessed."""
    assert clean_text(text) == text


@pytest.mark.parametrize("text,expected", [
    ("Торгово-\nпромышленная палата", "Торгово-промышленная палата"),
    ("научно-\nметодический центр", "научно-методический центр"),
    ("информационно-\nаналитического отдела", "информационно-аналитического отдела"),
    ("образо-\nвания", "образования"),
    ("профес-\nсиональных", "профессиональных"),
])
def test_hyphen_at_a_line_end(text, expected):
    assert one_line(text) == expected


def test_wrapped_word_without_hyphen_still_joins():
    assert one_line("высококвалифици рованных кадров") == "высококвалифицированных кадров"
