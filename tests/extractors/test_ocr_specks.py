"""Specks read as text: tokens too small to be letters dropped (against the text near them), speck
marks cut off word edges while real quotes stay."""

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.engine import PxWord
from extractors.ocr.specks import drop_speck_tokens, strip_edge_specks
from tests.drawing import SERIF, cyrillic_font


def _line(y: int, h: int, texts: list[str], x: int = 10) -> list[PxWord]:
    out = []
    for t in texts:
        out.append(PxWord(t, x, y, 12 * len(t), h, 0.9))
        x += 12 * len(t) + 10
    return out


def test_tokens_lower_than_letters_are_specks_but_short_words_and_separators_stay():
    words = _line(100, 30, ["Министерство", "образования", "науки", "области"])
    words += [PxWord("у", 700, 110, 4, 5, 0.3),        # a speck read as a letter
              PxWord("°", 760, 105, 5, 5, 0.7),        # ... as a mark, quite sure
              PxWord("и", 560, 108, 12, 16, 0.95),     # a real short word: x-height
              PxWord(",", 600, 122, 4, 8, 0.8),        # a comma alone separates names
              PxWord("-", 630, 112, 12, 3, 0.8)]       # a dash is flat but long
    kept = [w.text for w in drop_speck_tokens(words)]
    assert "у" not in kept and "°" not in kept
    assert {"и", ",", "-", "науки"} <= set(kept)


def test_a_digit_or_capital_half_as_tall_as_the_text_is_a_speck_a_lower_case_letter_is_not():
    words = _line(100, 30, ["Сопровождение", "молодых", "педагогов", "первые"])
    words += [PxWord("3", 700, 104, 7, 16, 0.69),     # a speck read as a digit: half a digit's height
              PxWord("Г", 760, 104, 14, 16, 0.2),     # ... as a capital
              PxWord("5", 560, 100, 16, 29, 0.45),    # a real item number: as tall as the text
              PxWord("и", 600, 108, 14, 16, 0.95),    # a real short word at x-height
              PxWord("IV", 640, 100, 20, 28, 0.9)]    # a Roman numeral
    kept = [w.text for w in drop_speck_tokens(words)]
    assert "3" not in kept and "Г" not in kept
    assert {"5", "и", "IV", "первые"} <= set(kept)


def test_a_short_flat_dash_of_a_list_stays_a_round_speck_read_as_a_dash_goes():
    words = _line(100, 24, ["руководители", "кураторы", "внедрения", "наставников"])
    words += [PxWord("-", 700, 116, 9, 3, 0.9),        # a list's dash in small print: flat
              PxWord("-", 760, 112, 5, 5, 0.6),        # a round speck read as a dash
              PxWord("–", 800, 116, 4, 3, 0.6)]        # a flat speck, too short for a dash
    kept = [(w.text, w.x) for w in drop_speck_tokens(words)]
    assert ("-", 700) in kept
    assert ("-", 760) not in kept and ("–", 800) not in kept


def test_small_print_is_measured_against_its_own_text_not_a_large_heading():
    heading = _line(20, 60, ["ДОРОЖНАЯ", "КАРТА", "ПРОЕКТА"])
    table = _line(600, 16, ["Проведение", "конкурса", "среди", "школ"]) + [PxWord("и", 600, 604, 7, 9, 0.9)]
    kept = [w.text for w in drop_speck_tokens(heading + table)]
    assert "и" in kept          # 9 px: small against the heading, a letter against its own line


def test_too_few_words_to_judge_changes_nothing():
    words = [PxWord("у", 10, 10, 3, 3, 0.2), PxWord("Срок", 40, 10, 40, 20, 0.9)]
    assert drop_speck_tokens(words) == words


def _draw(text: str, speck_before: bool) -> tuple[np.ndarray, PxWord]:
    font = ImageFont.truetype(cyrillic_font(SERIF), 40)
    img = Image.new("L", (500, 100), 255)
    d = ImageDraw.Draw(img)
    d.text((60, 25), text, fill=0, font=font)
    x0 = 60
    if speck_before:
        d.ellipse((36, 40, 41, 45), fill=30)              # a toner speck left of the word
        x0 = 36
    arr = np.array(img)
    ys, xs = np.nonzero(arr[:, x0:] < 140)
    box = (x0, int(ys.min()), int(xs.max()) + x0 + 1 - x0, int(ys.max() - ys.min() + 1))
    return arr, PxWord(("°" if speck_before else "") + text, box[0], box[1], box[2], box[3], 0.7)


def _with_reference(word: PxWord) -> list[PxWord]:
    """The word among a few words of the same size (the reference height)."""
    return [word] + [PxWord("образования", 10, 300 + 50 * i, 200, word.h, 0.9) for i in range(3)]


def test_a_speck_glued_to_a_word_is_cut_off():
    img, word = _draw("МОУО", speck_before=True)
    img = np.vstack([img, np.full((500, 500), 255, np.uint8)])
    out = strip_edge_specks(img, _with_reference(word))[0]
    assert out.text == "МОУО"
    assert out.x >= 55                                     # the box shrinks to the letters


def test_real_quotes_are_kept():
    img, word = _draw("«КРИРПО»", speck_before=False)
    img = np.vstack([img, np.full((500, 500), 255, np.uint8)])
    assert strip_edge_specks(img, _with_reference(word))[0].text == "«КРИРПО»"


def test_a_speck_read_together_with_a_real_quote_keeps_the_quote():
    img, word = _draw("«КРИРПО»", speck_before=True)
    img = np.vstack([img, np.full((500, 500), 255, np.uint8)])
    word = PxWord("«КРИРПО»", word.x, word.y, word.w, word.h, 0.4)   # Tesseract saw one «
    assert strip_edge_specks(img, _with_reference(word))[0].text == "«КРИРПО»"
