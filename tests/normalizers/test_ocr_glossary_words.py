"""A definition's full form read from a scan, mended with the glossary's words for its short form."""

import pytest

from normalizers.ocr_glossary_words import with_glossary_words

POO = "профессиональные образовательные организации"


@pytest.mark.parametrize("read, mended", [
    # measured: a signature over "образовательные", its neighbour cut to "профессиональ"
    ("профессиональ организации", POO),
    ("Профессиональ организации Томской области;", "Профессиональные образовательные организации Томской области;"),
])
def test_a_run_that_lost_an_inner_word_takes_the_glossary_words(read, mended):
    assert with_glossary_words(read, POO, "ПОО") == mended


@pytest.mark.parametrize("read", [
    "профессиональные организации",     # dictionary words: the document's own wording
    "образовательные организации",      # the first word is not lost inside the run
    "профессиональ",                    # one word is no run of two
])
def test_the_documents_own_wording_or_a_lost_edge_word_stays(read):
    assert with_glossary_words(read, POO, "ПОО") == read


def test_a_misread_run_of_the_glossary_length_is_mended_as_before():
    assert with_glossary_words("профессиойа образовать дьные организации Томской области", POO, "ПОО") == (
        "профессиональные образовательные организации Томской области")


@pytest.mark.parametrize("full, mended", [
    ("организации Томской области", "профессиональные образовательные организации Томской области"),
    # the head misread past mending before the glossary's last word read right (a stamp over it)
    ("разбвательные организации Гомской области", "профессиональные образовательные организации Гомской области"),
    ("профессноя ракетные организации", POO),                 # a word misread elsewhere: the glossary's words
    ("подведомственные организации", "подведомственные организации"),     # dictionary words: the document's own
    ("назывательные организации Томской области", "назывательные организации Томской области"),
])
def test_a_full_form_that_lost_or_garbled_its_head_takes_the_glossarys(full, mended):
    from normalizers.ocr_glossary_words import glossary_head

    assert glossary_head("ПОО", full, POO) == mended
