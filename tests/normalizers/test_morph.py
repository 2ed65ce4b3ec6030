"""Morphology helpers: nominative/genitive of noun phrases, abbreviation test, cached loaders."""
from normalizers.morph import get_morph, is_abbreviation, to_genitive, to_nominative


def test_to_nominative_keeps_number_and_tail():
    assert to_nominative("министерству образования") == "министерство образования"
    assert to_nominative("организаций высшего образования") == "организации высшего образования"
    assert to_nominative("межведомственного координационного совета по внедрению стандарта") == (
        "межведомственный координационный совет по внедрению стандарта")
    assert to_nominative("материально-технической базы") == "материально-техническая база"


def test_phrases_already_nominative_or_starting_with_abbreviations_are_unchanged():
    assert to_nominative("Министерство образования и науки Амурской области") == (
        "Министерство образования и науки Амурской области")
    assert to_nominative("ГАУ ДПО «АМИРО»") == "ГАУ ДПО «АМИРО»"


def test_to_genitive():
    assert to_genitive("дополнительное профессиональное образование") == (
        "дополнительного профессионального образования")


def test_is_abbreviation():
    assert all(map(is_abbreviation, ["ПОО", "ДОиН", "ДТиЗН", "WSR", "КО"]))
    assert not any(map(is_abbreviation, ["Координатор", "и", "П"]))


def test_analyser_is_cached():
    assert get_morph() is get_morph()


def test_a_word_the_dictionary_does_not_know_is_not_inflected_into_a_second_slip():
    from normalizers.morph import to_nominative

    assert to_nominative("областнае государственное бюджетное учреждение") == \
        "областнае государственное бюджетное учреждение"
    assert to_nominative("министерству образования") == "министерство образования"
