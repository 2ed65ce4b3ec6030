"""extractors.ocr.day_marks: the day "1" of a date read as a mark is read back in context."""

from __future__ import annotations

from extractors.ocr.day_marks import day_ones
from extractors.ocr.engine import PxWord


def _line(*texts: str, y: int = 100) -> list[PxWord]:
    return [PxWord(t, 20 + 60 * i, y, 40, 24, 0.9) for i, t in enumerate(texts)]


def test_a_mark_between_a_preposition_and_a_genitive_month_is_the_day_one():
    words = _line("до", "]") + _line("декабря", "2022", "г.", y=140)   # the month on the next line
    assert [w.text for w in day_ones(words)] == ["до", "1", "декабря", "2022", "г."]
    shuffled = words[2:] + words[:2][::-1]                                # in no reading order
    assert sorted(w.text for w in day_ones(shuffled)) == sorted(["до", "1", "декабря", "2022", "г."])
    assert [w.text for w in day_ones(_line("с", "|", "сентября"))] == ["с", "1", "сентября"]


def test_a_mark_elsewhere_stays_a_mark():
    assert [w.text for w in day_ones(_line("до", "]", "2024"))] == ["до", "]", "2024"]        # no month
    assert [w.text for w in day_ones(_line("план", "|", "декабря"))] == ["план", "|", "декабря"]  # no preposition
    assert [w.text for w in day_ones(_line("до", "]", "декабрь"))] == ["до", "]", "декабрь"]   # not genitive
    far = _line("до") + _line("]", "декабря", y=300)                    # the mark on another line
    assert [w.text for w in day_ones(far)] == ["до", "]", "декабря"]


def test_a_mark_glued_to_the_preposition_before_a_genitive_month_is_the_day_one():
    out = day_ones(_line("до!", "декабря", "2022"))
    assert [w.text for w in out] == ["до", "1", "декабря", "2022"]
    assert out[0].x + out[0].w <= out[1].x                     # the box cut between them
    assert [w.text for w in day_ones(_line("до!", "2022"))] == ["до!", "2022"]       # no month: as read


def test_the_day_one_read_as_a_bar_survives_the_second_looks_noise_filter(monkeypatch):
    # a missed line read again ("до | июня"), and a cell read alone: the bar is the day, not noise
    import numpy as np

    from extractors.ocr import cells, words

    read = _line("до", "|", "июня", "2022")
    monkeypatch.setattr(words, "_tesseract_words", lambda img, lang, config: list(read))
    page = np.full((200, 400), 255, np.uint8)
    got = words._read_runs(page, [(20, 20, 300, 30)])
    assert [w.text for w in got] == ["до", "1", "июня", "2022"]
    monkeypatch.setattr(cells, "tesseract_words", lambda img, lang, config: list(read))
    assert [w.text for w in cells._read_cell(page, (0.0, 0.0, 400.0, 200.0), 1.0)] == ["до", "1", "июня", "2022"]
