"""A scanned document's own lexicon settles words a scan misread by one letter."""
import pytest

from normalizers.ocr_lexicon import agrees_with_next, document_lexicon, form_word, lexicon_word, mend_form_words, mend_with_lexicon

DOC = ["Департамент образования Вологодской области", "Вологодский областной центр",
       "районная больница, экспертный совет", "консультационный пункт"]


def test_the_lexicon_holds_the_dictionary_words_the_document_spells():
    lex = document_lexicon(DOC + ["Бологодский центр"])
    assert {"Вологодский", "районная", "экспертный", "консультационный"} <= lex
    assert "Бологодский" not in lex          # no dictionary word
    assert "Дом" not in document_lexicon(["Дом культуры"])   # too short to settle anything


@pytest.mark.parametrize("read,mended", [
    ("«Бологодский областной центр»", "«Вологодский областной центр»"),   # one letter, same capital
    ("районнай больница", "районная больница"),        # the dictionary offers two, the document one
    ("экспертнай совет", "экспертный совет"),
    ("консульта ционный пункт", "консультационный пункт"),   # two pieces, the whole a document word
])
def test_a_word_one_letter_from_one_document_word_is_that_word(read, mended):
    assert mend_with_lexicon(read, document_lexicon(DOC)) == mended


@pytest.mark.parametrize("read", [
    "Гурский районный центр",           # "Курский" and "Сурский" both one letter away: no pick
    "Омской области",                   # a dictionary word is never changed
    "бологодский центр",                # the document writes the word capitalised only
    "районнай учреждение",              # "районная учреждение" does not agree: the word stays
    "в сфере",                          # two dictionary words are not joined
])
def test_an_uncertain_or_known_word_stays(read):
    lex = document_lexicon(DOC + ["Курский и Сурский районы", "Томской области"])
    assert mend_with_lexicon(read, lex) == read


def test_lexicon_word_and_agreement():
    assert lexicon_word("Бологодский", frozenset({"Вологодский"})) == "Вологодский"
    assert lexicon_word("Бологодский", frozenset({"вологодский"})) is None
    assert agrees_with_next("областная", "больница")
    assert not agrees_with_next("областной", "учреждение")
    assert agrees_with_next("областной", None)


@pytest.mark.parametrize("word, expected", [
    ("оеластрой", "областной"),          # two letters from the lexicon's word
    ("инстизу1", "институт"),            # a digit read for a letter
    ("инфаормационно", "информационно"),   # an inserted letter: the dictionary's one word
    ("методичёский", "методический"),
    ("областной", None), ("Кузбасс", None), ("ОГБУ", None),
])
def test_form_word(word, expected):
    lexicon = frozenset({"областной", "институт", "Томский"})
    assert form_word(word, lexicon) == expected


def test_two_letters_off_needs_one_lexicon_word_with_its_first_letter():
    assert form_word("оеластрой", frozenset({"областной", "оелостной"})) is None
    assert form_word("Оеластрой", frozenset({"областной"})) is None      # capitalisation differs
    assert form_word("оеластрой", frozenset()) == "областной"      # the dictionary's one word two letters off
    assert form_word("торгерли", frozenset()) == "торговли"
    assert mend_form_words("Томский оеластрой институт", frozenset({"областной"})) == "Томский областной институт"


def test_a_digit_read_for_one_letter_and_the_dictionarys_spelling_with_yo():
    assert form_word("государс1венные", frozenset()) == "государственные"
    assert form_word("казбиные", frozenset()) is None          # "казённые", "казанные", "разбитые": no one word


def test_several_dictionary_words_the_context_leaves_one_of():
    from normalizers.ocr_lexicon import mend_form_words

    assert mend_form_words("профессионольнуе образовательные организации") == \
        "профессиональные образовательные организации"          # the one that agrees with the next word
    assert mend_form_words("информационнр-консультационный центр") == \
        "информационно-консультационный центр"                  # a compound's head: its linking vowel
    assert mend_form_words("государственные казбиные учреждения") == \
        "государственные казбиные учреждения"                   # six plural adjectives agree: no telling


def test_two_words_run_together_are_split_where_only_one_split_reads():
    from normalizers.ocr_lexicon import glued_pair

    lexicon = frozenset({"переподготовки", "работников"})
    assert glued_pair("переподгетовкиработников", lexicon) == "переподготовки работников"
    assert glued_pair("профессиональногообразования", lexicon) == "профессионального образования"
    assert glued_pair("информационноконсультационный", lexicon) == "информационно-консультационный"
    assert glued_pair("общеобразовательные", lexicon) is None        # a dictionary word
    assert glued_pair("переподготовки", lexicon) is None
    assert glued_pair("Министеротвообразования", lexicon) == "Министерство образования"   # a dictionary slip


def test_a_word_split_in_two_with_a_letter_lost_is_joined_where_one_word_fits():
    from normalizers.ocr_lexicon import join_split_with_slip

    assert join_split_with_slip("Минис ерство образования") == "Министерство образования"
    assert join_split_with_slip("развития образования") == "развития образования"     # two words
    assert join_split_with_slip("об утверждении") == "об утверждении"
