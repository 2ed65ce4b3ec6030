"""The second look at doubtful and missed words: which re-read replaces the first reading (no
Tesseract needed); text the first OCR pass missed — blobs that follow one another on a line are
read as one line, and each word read comes back with its own box on the page."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr import engine
from extractors.ocr.words import (_digits_for_letters, _is_noise, _latin_reading_wins,
                                  recheck_words)
from tests.drawing import cyrillic_font

needs_capi = pytest.mark.skipif(not engine.has_capi() and engine.tessdata_dir() is None,
                                reason="no Tesseract language data")


@needs_capi
def test_a_missed_line_is_read_word_by_word_with_each_words_box():
    text = "Реализация механизмов прогнозирования потребности"
    img = Image.new("L", (1500, 90), 255)
    font = ImageFont.truetype(cyrillic_font(), 30)
    ImageDraw.Draw(img).text((40, 25), text, fill=0, font=font)
    words = recheck_words(np.array(img), [], 100)     # the first pass saw nothing; 100 dpi: a word
    assert "прогнозирования" in [w.text for w in words]  # over 2 in. wide is read as part of its line
    assert len(words) >= 3, "the line is read as words, not one box"
    assert sum(w.text in text.split() for w in words) >= 3
    boxes = sorted((w.x, w.x + w.w) for w in words)
    assert boxes[0][0] < 100 and boxes[-1][0] > 600, "each word keeps its own place on the line"
    assert all(a[1] <= b[0] + 2 for a, b in zip(boxes, boxes[1:])), "word boxes do not overlap"
    assert all(25 <= w.y + w.h / 2 <= 70 for w in words)


def test_a_lone_backslash_is_a_strokes_remnant_not_a_word():
    from extractors.ocr.words import _is_noise

    assert _is_noise("\\", 0.9) and _is_noise("\\\\", 0.95)
    assert not _is_noise("1\\2", 0.9)

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


def test_lone_symbols_a_cloud_of_toner_specks_is_read_as_are_noise():
    assert _is_noise("©", 0.9) and _is_noise("&", 0.8) and _is_noise("*", 0.7) and _is_noise("=", 0.9)
    assert not _is_noise("%", 0.9) and not _is_noise("+", 0.9) and not _is_noise("№", 0.9)


def test_doubtful_neighbours_are_read_again_together_but_never_across_a_column_rule():
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import _merge_neighbours

    a, b = PxWord("кла$сов", 100, 50, 90, 24, 0.3), PxWord("общ°", 205, 50, 60, 24, 0.3)
    assert [len(g.parts) for g in _merge_neighbours([a, b])] == [2]
    rule = [(198.0, 0.0, 400.0)]                   # a vertical rule between them, over their line
    assert [len(g.parts) for g in _merge_neighbours([a, b], rule)] == [1, 1]
    elsewhere = [(198.0, 200.0, 400.0)]           # a rule of rows further down: no wall here
    assert [len(g.parts) for g in _merge_neighbours([a, b], elsewhere)] == [2]


@needs_capi
def test_a_doubtful_token_as_tall_as_several_lines_is_dropped_and_its_lines_read_once():
    from extractors.ocr.engine import PxWord

    img = Image.new("L", (700, 400), 255)
    font = ImageFont.truetype(cyrillic_font(), 30)
    draw = ImageDraw.Draw(img)
    lines = ["ежегодно", "сентябрь", "октябрь"]
    for i, t in enumerate(lines):
        draw.text((40, 40 + 50 * i), t, fill=0, font=font)
    sure = [PxWord(t, 40 + 400 * (k % 2), 300 + (k // 2) * 40, 120, 28, 0.95)
            for k, t in enumerate(["план", "работы", "отчёт", "итоги", "совет"])]   # the page's other words
    first = [PxWord("ежегодно", 40, 42, 150, 28, 0.95), PxWord("тоя", 150, 42, 60, 130, 0.3)] + sure
    words = recheck_words(np.array(img), first, 100)
    texts = [w.text for w in words]
    assert "тоя" not in texts
    assert sum("ежегод" in t for t in texts) == 1, texts          # the first line read once
    assert all(w.h < 60 for w in words), "no word box spans lines"


def test_a_reading_of_short_tokens_is_junk_and_words_are_not():
    from extractors.grid import Word
    from extractors.ocr.orientation import reads_as_junk

    def ws(text: str) -> list[Word]:
        return [Word(t, 0, 0, 1, 1, confidence=0.9) for t in text.split()]

    assert reads_as_junk(ws("5 ре Е Е Я 82 зза РЗ 28 5, воз хо о мо м5! ЕС ЕВ ИЕ 8 на: 3 Sz 18 58 33"))
    assert not reads_as_junk(ws("1.1 Организация профессиональных проб 2024 год ЦЗН ПОО до 1 мая"))
    assert not reads_as_junk(ws("5 Е"))            # too little text to tell


def test_words_of_a_two_line_crop_are_read_line_by_line():
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import reading_order

    reads = [PxWord("положения", 10, 40, 90, 20, 0.9), PxWord("Разработка", 10, 10, 100, 20, 0.9),
             PxWord("о", 110, 42, 10, 16, 0.9), PxWord("регионального", 120, 12, 130, 20, 0.9)]
    assert [r.text for r in reading_order(reads)] == ["Разработка", "регионального", "положения", "о"]


def test_a_word_whose_box_broke_to_a_sliver_is_not_kept_beside_its_second_reading():
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import _without_flat_twins

    sliver = PxWord("`01.03.202", 634, 1328, 175, 2, 0.63)       # Tesseract's box: 2 px high
    other = PxWord("Министер", 900, 1326, 160, 30, 0.4)
    again = PxWord("01.03.202", 651, 1326, 151, 29, 0.91)        # the same ink, read as a missed line
    assert _without_flat_twins([sliver, other], [again], 30.0) == [other]
    assert _without_flat_twins([sliver, other], [], 30.0) == [sliver, other]


def test_a_second_reading_of_part_of_a_word_goes():
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import drop_nested_twins

    words = [PxWord("024", 871, 460, 35, 24, 0.95), PxWord("года", 939, 466, 68, 18, 0.96),
             PxWord("2024", 852, 460, 73, 25, 0.95), PxWord("год", 972, 467, 18, 20, 0.95),
             PxWord("1", 300, 460, 10, 24, 0.9), PxWord("12", 295, 460, 30, 24, 0.9)]
    assert [w.text for w in drop_nested_twins(words)] == ["года", "2024", "12"]
    apart = [PxWord("год", 100, 10, 30, 20, 0.9), PxWord("года", 500, 10, 60, 20, 0.9)]
    assert drop_nested_twins(apart) == apart


def test_the_same_word_read_twice_in_one_place_is_kept_once():
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import drop_nested_twins

    a, b = PxWord("2024", 301, 213, 27, 9, 0.96), PxWord("2024", 301, 212, 27, 9, 0.97)
    assert drop_nested_twins([a, b]) == [b]
    same = PxWord("2024", 301, 213, 27, 9, 0.96)
    assert drop_nested_twins([a, same]) == [a]                 # equally sure: the first stays
    assert drop_nested_twins([a, PxWord("2024", 301, 240, 27, 9, 0.9)]) == [a, PxWord("2024", 301, 240, 27, 9, 0.9)]


def test_a_ghost_of_a_word_with_a_speck_mark_beside_it_goes():
    # measured: "„Проведение" 1.8 pt tall inside "Проведение:" had doubled the title's first word
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import drop_nested_twins

    sure, ghost = PxWord("Проведение:", 328, 1708, 180, 30, 0.85), PxWord("„Проведение", 317, 1725, 186, 5, 0.34)
    assert drop_nested_twins([sure, ghost]) == [sure]


def test_a_flat_ghost_of_a_word_on_the_rule_above_it_goes():
    """Measured: a "2024" 8 px tall at confidence 0 on a row rule, over a sure "2024" of the row
    below, gave a section heading a deadline (and made it an activity)."""
    from extractors.ocr.engine import PxWord
    from extractors.ocr.words import drop_nested_twins

    sure, ghost = PxWord("2024", 1037, 1001, 72, 29, 0.96), PxWord("2024", 975, 995, 128, 8, 0.0)
    assert drop_nested_twins([ghost, sure]) == [sure]
    line_below = PxWord("2024", 1037, 1040, 72, 29, 0.5)          # as tall: a word of its own
    assert drop_nested_twins([sure, line_below]) == [sure, line_below]
    other = PxWord("2025", 975, 995, 128, 8, 0.0)                 # another text: not this rule's
    assert drop_nested_twins([other, sure]) == [other, sure]


@needs_capi
def test_a_doubtful_word_read_alone_letters_beat_marks():
    from extractors.ocr.words import _PxWord, _alone_reading, _lookalike_fold

    img = Image.new("L", (300, 80), 255)
    ImageDraw.Draw(img).text((40, 20), "ПОО", fill=0, font=ImageFont.truetype(cyrillic_font(), 30))
    grey = np.array(img)
    ys, xs = np.nonzero(grey < 128)
    box = dict(x=int(xs.min()), y=int(ys.min()), w=int(xs.max() - xs.min() + 1), h=int(ys.max() - ys.min() + 1))
    old = _PxWord("[о", conf=0.3, **box)
    assert _alone_reading(grey, old, old.text, old.conf)[0].upper() == "ПОО"    # letters, not "[о"
    assert _lookalike_fold("000") == _lookalike_fold("ООО")     # the same shapes as digits: nothing new
    assert _lookalike_fold("Доин") != _lookalike_fold("ДОиН")     # case is news for an abbreviation


def test_a_re_read_that_took_in_the_start_of_the_next_line_is_refused():
    from extractors.ocr.words import _PxWord, _next_line_taken

    old = _PxWord("гу", 100, 100, 40, 90, 0.56)               # a box down into the next line
    below = _PxWord("квартал", 102, 160, 150, 35, 0.97)
    assert _next_line_taken(old, "ГУ кв", [old, below])
    assert not _next_line_taken(old, "IV", [old, below])      # one word for one
    assert not _next_line_taken(old, "профессиональных намерений", [old, below])   # words of its own
    assert not _next_line_taken(None, "ГУ кв", [below])


@needs_capi
def test_a_missed_line_that_reads_as_nothing_sure_is_read_word_by_word():
    from extractors.ocr.words import _read_blob_by_blob

    img = Image.new("L", (900, 200), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(cyrillic_font(), 30)
    boxes = []
    for x, word in ((40, "III"), (110, "квартал")):
        draw.text((x, 20), word, fill=0, font=font)
        x0, y0, x1, y1 = draw.textbbox((x, 20), word, font=font)
        boxes.append((x0, y0, x1 - x0, y1 - y0))
    rng = np.random.default_rng(3)
    for x in range(40, 400, 45):          # a line of scribbles: strokes, no letters
        pts = [(int(x + rng.integers(0, 30)), int(120 + rng.integers(0, 35))) for _ in range(6)]
        draw.line(pts, fill=0, width=3)
    scribbles = [(x - 3, 115, 40, 45) for x in range(40, 400, 45)]
    read = _read_blob_by_blob(np.array(img), [boxes, scribbles])
    assert "квартал" in [w.text for w in read]
    assert all(w.y < 100 for w in read), "the scribbles' line reads as nothing sure and stays out"
    kv = next(w for w in read if w.text == "квартал")
    assert abs(kv.x - boxes[1][0]) <= 8 and abs(kv.x + kv.w - boxes[1][0] - boxes[1][2]) <= 8
