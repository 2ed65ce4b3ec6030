"""normalizers.ocr_party_split: a line break between two parties a scan lost."""

import pytest

from normalizers.ocr_party_split import defined_then_plural

DEFINED = {"Минпромторг НСО", "ПОО", "ЦЗН"}


@pytest.mark.parametrize("name, parts", [
    ("Минпромторг НСО предприятия-партнёры", ["Минпромторг НСО", "предприятия-партнёры"]),
    ("Минпром торг НСО предприятия-партнёры", ["Минпромторг НСО", "предприятия-партнёры"]),
    ("Минпромторг НСО предприятия партнёры", ["Минпромторг НСО", "предприятия партнёры"]),   # hyphen lost
    ("ПОО работодатели", ["ПОО", "работодатели"]),
    ("ПОО области", None),                          # a genitive: the same party
    ("ЦЗН совместно с работодателями", None),
    ("ПОО организации области", None),               # "области" is no plural subject
])
def test_a_defined_short_form_run_into_a_plural_subject_splits(name, parts):
    assert defined_then_plural(name, DEFINED) == parts


@pytest.mark.parametrize("cell, want", [
    ('Минобр "НСО\nМинпромторг НСО', "Минобр НСО\nМинпромторг НСО"),    # the cell's only quote, before a code
    ('ГАУ "Центр" НСО', 'ГАУ "Центр" НСО'),                                # quotes that close: a name
    ('ГАУ «Центр "НСО»', 'ГАУ «Центр "НСО»'),                             # another quote in the cell
])
def test_a_lone_quote_glued_before_a_word_in_capitals_is_a_speck(cell, want):
    from normalizers.ocr_party_split import drop_lone_quote_specks

    assert drop_lone_quote_specks(cell) == want
