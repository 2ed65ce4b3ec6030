"""Speck clouds read as short unsure tokens are dropped; real short tokens (numbers, "№", Roman
numerals, one-letter words, initials, abbreviations, dictionary words) are kept; a line of one-
and two-letter unsure tokens is dropped as a whole; rows that lost tokens are flagged."""

import pytest

from extractors.grid import PageLayout, Row, SPECKS_DROPPED, Table, Word, flag_dropped_words
from extractors.ocr.engine import PxWord
from extractors.ocr.junk import drop_junk, has_text_shape, is_junk

H = 30   # the text height of the synthetic page


def line(y: int, *tokens: tuple[str, float], x: int = 100, h: int = H) -> list[PxWord]:
    """Tokens side by side on a line at ``y`` (each ``len * 15`` px wide, a word gap apart)."""
    out = []
    for text, conf in tokens:
        w = max(12, 15 * len(text))
        out.append(PxWord(text, x, y, w, h, conf))
        x += w + 12
    return out


def page(*extra: PxWord) -> list[PxWord]:
    """A cell of sure text (the reference height) and the tokens under test."""
    return line(100, ("Министерство", 0.95), ("образования", 0.94), ("Республики", 0.96)) \
        + line(140, ("Башкортостан", 0.93), ("ПОО", 0.9)) + list(extra)


@pytest.mark.parametrize("text", ["и", "в", "№", "1", "1.2", "г.", "(по", "IV", "А.", "ПОО", "РБ",
                                  "по", "01.03.2024", "с", "7.", "Ш", "И-Ш", "ТУ",
                                  "ПК)’и", "ПОО’в"])     # two words a speck glued
def test_real_short_tokens_have_a_texts_shape(text):
    assert has_text_shape(text)


@pytest.mark.parametrize("text", ["хз", "р", "Ц", "ы", "рь®", "-1„-", "2%.", "г", "$4", "#3", "р’и", "2’3"])
def test_speck_readings_have_no_texts_shape(text):
    assert not has_text_shape(text)


@pytest.mark.parametrize("text", ["и", "в", "№", "1", "1.2", "г.", "(по", "IV", "А.", "РБ", "поо"])
def test_unsure_real_short_tokens_are_kept(text):
    w = PxWord(text, 400, 180, 15 * len(text), 24, 0.35)
    kept, dropped = drop_junk(page(w))
    assert w in kept and not dropped


@pytest.mark.parametrize("text", ["хз", "р", "Ц", "ы", "рь®", "-1„-", "г", "$4"])
def test_unsure_speck_readings_are_dropped(text):
    w = PxWord(text, 400, 180, 15 * len(text), 28, 0.2)
    kept, dropped = drop_junk(page(w))
    assert dropped == [w] and w not in kept


def test_sure_tokens_are_kept_whatever_they_read():
    w = PxWord("хз", 400, 180, 30, 28, 0.9)
    assert not is_junk(w, H)


def test_a_lowercase_abbreviation_the_page_reads_surely_elsewhere_is_kept_even_barely_read():
    w = PxWord("поо", 400, 180, 45, 24, 0.1)
    kept, dropped = drop_junk(page(w))
    assert w in kept
    kept, dropped = drop_junk([x for x in page() if x.text != "ПОО"] + [w])
    assert dropped == [w]


def test_a_barely_read_token_with_a_texts_shape_is_kept_whatever_its_box():
    assert not is_junk(PxWord("4", 400, 180, 20, 2 * H, 0.05), H)


def test_letters_barely_read_in_a_box_of_a_signatures_size_are_junk_whatever_their_shape():
    assert is_junk(PxWord("СЖ", 400, 180, 16 * H, 4 * H, 0.23), H)          # four lines high
    assert is_junk(PxWord("РБ", 400, 180, 8 * H, H, 0.2), H)                # four letters wide each
    assert not is_junk(PxWord("РБ", 400, 180, 2 * H, H, 0.2), H)            # an abbreviation's box
    assert not is_junk(PxWord("1.", 400, 180, H, 4 * H, 0.1), H)            # a number: read again later
    assert not is_junk(PxWord("ф.", 400, 180, 30, 2 * H, 0.0), H)     # an item number "1." misread


def test_a_mark_at_the_edge_is_debris_but_marks_round_a_digit_are_a_speck():
    assert has_text_shape("„2") and has_text_shape("`№")
    assert not has_text_shape("-1„-") and not has_text_shape("2%.")


def test_a_line_of_one_and_two_letter_unsure_tokens_is_dropped_whole():
    cloud = line(200, ("вы", 0.3), ("А", 0.4), ("%", 0.2), ("2%.", 0.3), ("рь®", 0.1))
    kept, dropped = drop_junk(page(*cloud))
    assert {w.text for w in dropped} == {"вы", "А", "%", "2%.", "рь®"}
    assert all(w.text not in {"вы", "А"} for w in kept)


def test_unsure_short_words_among_sure_words_are_not_a_speck_line():
    text = line(200, ("с", 0.4), ("1", 0.4), ("по", 0.5), ("марта", 0.9), ("и", 0.4), ("в", 0.4))
    kept, dropped = drop_junk(page(*text))
    assert not dropped


def test_a_stack_of_unsure_tokens_down_a_cell_is_dropped_whole():
    ys = [300, 330, 360, 390, 420]
    stack = [PxWord(t, 600, y, 20, 26, c) for t, c, y in zip(["м", "3", "эй", "ы", "й"],
                                                           [0.46, 0.11, 0.5, 0.2, 0.0], ys)]
    kept, dropped = drop_junk(page(*stack))
    assert {w.text for w in dropped} == {"м", "3", "эй", "ы", "й"}


def test_a_column_of_unsure_item_numbers_is_no_speck_stack():
    stack = [PxWord(str(n), 600, 300 + 30 * n, 14, 26, 0.3) for n in range(1, 6)]
    kept, dropped = drop_junk(page(*stack))
    assert not dropped


def test_a_page_with_too_few_words_is_not_judged():
    ws = [PxWord("хз", 10, 10, 30, 30, 0.1)]
    assert drop_junk(ws) == (ws, [])


def test_rows_holding_dropped_tokens_are_flagged_with_the_count():
    rows = [Row(cells=[], page=1, bbox=(0, 0, 500, 50)), Row(cells=[], page=1, bbox=(0, 50, 500, 100))]
    lay = PageLayout(page_no=1, width=600, height=800,
                     dropped=[Word("хз", 10, 60, 20, 70), Word("р", 30, 80, 40, 90), Word("г", 10, 200, 20, 210)])
    flag_dropped_words(lay, [Table(rows=rows, n_cols=1)])
    assert rows[0].flags == [] and rows[1].flags == [f"{SPECKS_DROPPED}: 2"]


def test_page_words_in_points_are_judged_as_in_pixels():
    from extractors.ocr.junk import drop_junk_words
    k = 0.36      # points per pixel at 200 dpi
    px = page(PxWord("хз", 400, 180, 30, 28, 0.1), PxWord("и", 440, 180, 15, 24, 0.3))
    words = [Word(w.text, w.x * k, w.y * k, (w.x + w.w) * k, (w.y + w.h) * k, confidence=w.conf) for w in px]
    kept, dropped = drop_junk_words(words)
    assert [w.text for w in dropped] == ["хз"] and len(kept) == len(words) - 1


def test_an_item_number_cell_read_as_no_number_is_kept_as_read():
    from extractors.ocr.junk import drop_junk_words
    px = page(PxWord("<.-2", 40, 180, 40, 28, 0.3))
    words = [Word(w.text, w.x, w.y, w.x + w.w, w.y + w.h, confidence=w.conf) for w in px]
    assert [w.text for w in drop_junk_words(words)[1]] == ["<.-2"]
    assert drop_junk_words(words, {id(words[-1])})[1] == []


def test_a_specks_mark_at_the_edge_of_a_word_of_letters_is_debris_but_not_beside_one_letter_or_digit():
    assert not is_junk(PxWord("ПОО:*", 400, 180, 2 * H, H, 0.37), H)       # "ПОО" with a speck after it
    assert has_text_shape("*РБ") and not has_text_shape("2*") and not has_text_shape("~и")
    assert not has_text_shape("ПО*О")                                      # inside a word: odd
