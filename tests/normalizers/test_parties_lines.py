"""Responsible cells as real plans write them (issue 23): a name wrapped over two lines, one
organisation per line, two posts run together on one line, posts typed ``person_post``."""

from __future__ import annotations

import pytest

from normalizers.organisations import ORG_TYPES, canonical_organisation, classify, is_person_post
from normalizers.parties import split_parties


def names(text: str) -> list[str]:
    return [m.name for m in split_parties(text)]


@pytest.mark.parametrize("text,expected", [
    ("Начальник\nинформационно-аналитического отдела", ["Начальник информационно-аналитического отдела"]),
    ("Министерство образования\nРеспублики Татарстан", ["Министерство образования Республики Татарстан"]),
    ("МОиН РТ\nмуниципальные органы управления образованием\nПОО",
     ["МОиН РТ", "муниципальные органы управления образованием", "ПОО"]),
    ("Воспитатели Ст. воспитатель", ["Воспитатели", "Ст. воспитатель"]),
    ("Заместитель директора по УВР Педагог-психолог", ["Заместитель директора по УВР", "Педагог-психолог"]),
    ("Директор Классные руководители", ["Директор", "Классные руководители"]),
    # a capitalised word in another case is part of the name, not a second post
    ("Заместитель Председателя Правительства", ["Заместитель Председателя Правительства"]),
    ("Директор, заместитель директора по УВР", ["Директор", "заместитель директора по УВР"]),
    # an OCR'd abbreviation is no dictionary word: its guessed genitive does not join it to the line above
    ("Дтизн ко\nДоин ко\nГБУ ДПО «КРИРПО»", ["Дтизн ко", "Доин ко", "ГБУ ДПО «КРИРПО»"]),
    # a stray dash on a line of its own (OCR) neither splits nor joins on its own
    ("Начальник\n-\nинформационно-аналитического отдела", ["Начальник информационно-аналитического отдела"]),
    ("Воспитатели Ст. воспитатель Медицинский работник", ["Воспитатели", "Ст. воспитатель", "Медицинский работник"]),
    # lower case: a post noun that can only be nominative after a genitive complement
    ("заместители директора начальники отделов", ["заместители директора", "начальники отделов"]),
    ("заместитель начальника отдела", ["заместитель начальника отдела"]),
    ("руководитель методического объединения учителей", ["руководитель методического объединения учителей"]),
    # a line opening with a lower-case "и" / preposition goes on with the name above
    ("министерство экономического развития\nи промышленности Калужской области, КРИПО",
     ["министерство экономического развития и промышленности Калужской области", "КРИПО"]),
    ("Отдел по работе\nс молодежью\nЦЗН", ["Отдел по работе с молодежью", "ЦЗН"]),
    # specks read as marks at the ends of a name; a "name" with no word of two letters is debris
    ("°ИРО, РКЦ`", ["ИРО", "РКЦ"]),
    ("ООО\nД` г", ["ООО"]),
    ("ЦЗН ж\nМОУО -", ["ЦЗН", "МОУО"]),                # a lone letter or a dash after a name
    ("Отдел образования администрации г. Калуги", ["Отдел образования администрации г. Калуги"]),
])
def test_line_breaks_and_run_together_posts(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("name", ["Заместитель директора по УВР", "Начальник отдела образования", "Директор",
                                  "Классные руководители", "Педагог-психолог", "Ст. воспитатель"])
def test_posts_are_typed_person_post(name):
    assert "person_post" in ORG_TYPES
    assert is_person_post(name)
    assert classify(name) == "person_post"
    assert canonical_organisation(name, None, "Калужская область").org_type == "person_post"


@pytest.mark.parametrize("name,org_type", [
    ("Министерство образования Калужской области", "regional_executive"),
    ("ЦОПП", "copp"),
    ("муниципальные органы управления образованием", "municipality"),
])
def test_organisations_are_not_posts(name, org_type):
    assert not is_person_post(name)
    assert classify(name) == org_type


def test_a_defined_abbreviation_after_a_quoted_name_is_the_next_party():
    from normalizers.parties import split_after_defined

    got = split_after_defined(split_parties("ГБУ ДПО «КРИРПО» ООО\nЦЗН"), {"ООО", "ЦЗН"})
    assert [m.name for m in got] == ["ГБУ ДПО «КРИРПО»", "ООО", "ЦЗН"]
    kept = split_after_defined(split_parties("АНО «Центр» ООО"), set())     # not defined: one name
    assert [m.name for m in kept] == ["АНО «Центр» ООО"]


@pytest.mark.parametrize("text,expected", [
    ("ДТизн КО\nДОин КО", ["ДТиЗН КО", "ДОиН КО"]),     # case slips
    ("МОУС\nООО", ["МОУО", "ООО"]),                     # one letter misread, one abbreviation that near
    ("ДТизнН КО", ["ДТиЗН КО"]),                        # one letter doubled
    ("ЦОО", ["ЦОО"]),                                   # near several (ООО, ПОО): left as read
    ("МООО", ["МО ОО"]),                                # a defined abbreviation that lost its space
    ("Министерство образования", ["Министерство образования"]),
    # measured on photocopies: a "3" read for "З", once doubled ("МТЗиСЗ" had become "МТЗиСЗ3З")
    ("МТЗиС3З РТ\nМТЗиС3 РТ", ["МТЗиСЗ РТ", "МТЗиСЗ РТ"]),
    ("ГБОУ СОШ 3", ["ГБОУ СОШ 3"]),                      # a number after the capitals stays
])
def test_misread_abbreviations_mended_against_the_known_ones(text, expected):
    from normalizers.parties import mend_abbreviations

    known = {"ДТиЗН КО", "ДОиН КО", "МОУО", "ООО", "ПОО", "ЦЗН", "МО ОО", "МТЗиСЗ РТ"}
    assert [m.name for m in mend_abbreviations(split_parties(text), known)] == expected


@pytest.mark.parametrize("text,expected", [
    # measured on a grey photocopy: "п" read "л", a last letter lost
    ("Минлромторг НСО\nМинтру НСО", ["Минпромторг НСО", "Минтруд НСО"]),
    ("Минобр НСО", ["Минобр НСО"]),                      # defined as it is
    ("Заместитель министра", ["Заместитель министра"]),  # dictionary words
])
def test_a_misread_syllabic_short_form_is_mended_against_the_defined_one(text, expected):
    from normalizers.parties import mend_abbreviations

    defined = {"Минпромторг НСО", "Минтруд НСО", "Минобр НСО"}
    assert [m.name for m in mend_abbreviations(split_parties(text), defined)] == expected
    two = {"Минтруд НСО", "Минтрук НСО"}                 # a letter from two: left as read
    assert [m.name for m in mend_abbreviations(split_parties("Минтру НСО"), two)] == ["Минтру НСО"]


def test_a_mended_abbreviation_then_splits_off_the_name_run_into_it():
    from normalizers.parties import mend_abbreviations, split_after_defined

    defs = {"МОиН РТ", "МТЗиСЗ РТ"}
    text = "МОиН РТ\nМТЗисСЗ РТ муниципальные органы управления образованием (по согласованию)"
    got = split_after_defined(mend_abbreviations(split_parties(text), defs), defs)
    assert [m.name for m in got] == ["МОиН РТ", "МТЗиСЗ РТ", "муниципальные органы управления образованием"]


def test_only_the_documents_own_abbreviations_are_edit_targets():
    from normalizers.parties import mend_abbreviations

    # "МООО" is one letter from the glossary's "МОУО", but the document defines neither
    assert [m.name for m in mend_abbreviations(split_parties("МООО"), set(), {"МОУО"})] == ["МООО"]
    assert [m.name for m in mend_abbreviations(split_parties("МОуо"), set(), {"МОУО"})] == ["МОУО"]


@pytest.mark.parametrize("text,expected", [
    ("РУМЦ\nпрофессиональные:\nобразовательные организации", ["РУМЦ", "профессиональные образовательные организации"]),
    ("муниципальные\nорганы управления образованием", ["муниципальные органы управления образованием"]),
    ("Министерство образования\nЦЗН", ["Министерство образования", "ЦЗН"]),    # a noun: a name of its own
    ("РУМЦ\nТоргово-промышленная\nпалата Республики Башкортостан",            # a hyphenated adjective
     ["РУМЦ", "Торгово-промышленная палата Республики Башкортостан"]),
    ("ЦЗН\nСоциально-ориентированные НКО", ["ЦЗН", "Социально-ориентированные НКО"]),
    ("РУМЦ\nТоргово-промышленная, палата Республики Башкортостан",            # a speck's comma
     ["РУМЦ", "Торгово-промышленная палата Республики Башкортостан"]),
    ("ЦЗН, Минтруд", ["ЦЗН", "Минтруд"]),
])
def test_a_line_of_adjectives_alone_goes_on_onto_the_next(text, expected):
    assert [m.name for m in split_parties(text)] == expected


def test_agreement_read_with_a_misread_first_letter():
    m = split_parties("ГКУ Центр занятости населения (но согласованию)")[0]
    assert (m.name, m.by_agreement) == ("ГКУ Центр занятости населения", True)


def test_a_brace_read_for_a_bracket_still_closes_it():
    got = split_parties("ТОИПКРО (по согласованию}, ТОИКО (по согласованию)")
    assert [(m.name, m.by_agreement) for m in got] == [("ТОИПКРО", True), ("ТОИКО", True)]


def test_a_conjunction_alone_on_its_line_joins_the_lines_as_on_one_line():
    # measured on a grey photocopy: each word of a narrow cell on a line of its own, "и" alone
    text = "РУМЦ совместно с ПОО\nи\nобщественными организациями инвалидов"
    assert [m.name for m in split_parties(text)] == [m.name for m in split_parties(text.replace("\n", " "))] == [
        "РУМЦ совместно с ПОО и общественными организациями инвалидов"]
    assert [m.name for m in split_parties("министерство образования\nи\nнауки")] == ["министерство образования и науки"]
