"""The second look at doubtful words: which re-read replaces the first reading (no Tesseract needed)."""

from extractors.ocr.words import _digits_for_letters, _is_noise, _latin_reading_wins


def test_latin_words_do_not_replace_a_russian_reread_of_dictionary_words_and_numbers():
    # "до 1" with a speck on the "1": first read "до Т", the English pass sees "nol"
    assert not _latin_reading_wins("до Т", "nol", 0.68, "до 1")
    assert _latin_reading_wins("\\Мог!45кй1$", "WorldSkills", 0.8, "\\Мог!45кй1$")
    assert _latin_reading_wins("до Т", "nol", 0.68, "")        # no Russian re-read: as before
    assert not _latin_reading_wins("№", "Ne:", 0.88, "")      # English has no "№"


def test_roman_numerals_still_win_over_letters():
    assert _latin_reading_wins("ТУ", "IV", 0.8, "ТУ")


def test_numbers_replace_lone_letters_that_are_no_words_the_rest_the_same():
    assert _digits_for_letters("до Т", "до 1")
    assert _digits_for_letters("З.", "3.")
    assert not _digits_for_letters("в 2022", "8 2022")          # "в" is a word
    assert not _digits_for_letters("до Т", "до 1 июня")         # another token count
    assert not _digits_for_letters("от Т", "до 1")              # another word changed too
    assert not _digits_for_letters("до 1", "до 1")


def test_a_lone_caret_or_degree_sign_is_a_speck_however_sure():
    assert _is_noise("^", 0.9) and _is_noise("°", 0.95) and _is_noise("^°", 0.9)
    assert not _is_noise("°C", 0.9) and not _is_noise("-", 0.9) and not _is_noise("№", 0.9)
