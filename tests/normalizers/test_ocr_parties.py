"""OCR slips in the parties of a scan and in the abbreviations it defines (normalizers.ocr_parties)."""

import pytest

from normalizers.ocr_lexicon import document_lexicon
from normalizers.ocr_full_form import mend_full_form
from normalizers.ocr_parties import mend_definitions, mend_mentions
from normalizers.parties import split_after_defined, split_parties

DEFINED = {"ДОиН КО", "ООО", "МОУО", "ПОО", "ОВО", "Координатор", "ГБУ ДПО «КРИРПО»"}


def _names(text: str, defined: set[str] = DEFINED) -> list[str]:
    return [m.name for m in split_after_defined(mend_mentions(split_parties(text), defined), defined)]


@pytest.mark.parametrize("text,expected", [
    ("Доин ко", ["ДОиН КО"]),                 # case slipped in every letter
    ("ДОиН`КО", ["ДОиН КО"]),                 # a speck for the space
    ("000", ["ООО"]),                         # zeros for the letter О
    ("МОУО\n000 ры", ["МОУО", "ООО"]),        # a speck read as two letters after it
    ("Координатфр", ["Координатор"]),         # a word-like short form one letter off
    ("ГБУ, ДПО «КРИРПО» моуо", ["ГБУ ДПО «КРИРПО»", "МОУО"]),   # a speck comma after a legal form
    ("ГБУ ДПО «КРИРИО». МОУО", ["ГБУ ДПО «КРИРИО»", "МОУО"]),   # a comma read as a full stop
    ("РКЦ, ПОО/ОВО", ["РКЦ", "ПОО", "ОВО"]),  # a comma read as "/"
])
def test_misread_mentions_become_the_defined_abbreviation(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "Координаторы",                 # a dictionary word: no slip
    "Доин",                         # part of an abbreviation only
    "000 «Ромашка»",                # zeros with a name after them: not a bare abbreviation
    "ПОО/СПО",                      # СПО is not defined: "/" kept
    "ГБУ",                          # a legal form with nothing after it stays as read
])
def test_uncertain_mentions_stay_as_read(text):
    assert _names(text) == [m.name for m in split_parties(text)]


def test_a_word_like_short_form_two_letters_off_stays():
    assert _names("Кординатфр") == ["Кординатфр"]


def test_a_definition_misread_takes_the_spelling_the_cells_use():
    defs = {"ДОинН КО": "Департамент образования и науки Кемеровской.области.", "ЦЗН": "центры занятости"}
    cells = "ДОиН КО\nДОин КО, ЦЗН\nДоин ко"
    got = mend_definitions(defs, cells, {"ДОиН"})
    assert list(got) == ["ДОиН КО", "ЦЗН"]
    assert got["ДОиН КО"] == "Департамент образования и науки Кемеровской.области"   # its final speck gone


def test_a_definition_misread_is_mended_even_when_the_cells_read_its_token_in_the_wrong_case():
    # the cells write "УКиТ" only as "УКит" (no acronym); the defined "УКиТТ" with its extra
    # letter dropped is the one spelling the full form spells
    defs = {"УКиТТ ЛО": "управление культуры и туризма Липецкой области"}
    assert list(mend_definitions(defs, "УКит ЛО\nЦЗН")) == ["УКиТ ЛО"]
    # the cells' token two letters away: kept as read
    assert list(mend_definitions(defs, "УКт ЛО\nЦЗН")) == ["УКиТТ ЛО"]


def test_a_definition_is_kept_when_its_full_form_does_not_spell_the_mended_one():
    defs = {"МОУО": "муниципальные органы управления образованием"}
    assert mend_definitions(defs, "МОО, ЦЗН") == defs          # "МОО" is not what the words spell
    defs = {"ДОинН КО": "Департамент образования и науки Кемеровской области"}
    assert mend_definitions(defs, "ДОинК КО, ДОинМ КО") == defs  # two abbreviations near it, neither spelled: no pick
    # two near it, only one of them spelled by the full form: that one
    assert list(mend_definitions(defs, "ДОиН КО, ДОинМ КО")) == ["ДОиН КО"]


@pytest.mark.parametrize("text,expected", [
    ("Координатор. региональный координационный центр", ["Координатор", "региональный координационный центр"]),
    ("ПОО. ОВО", ["ПОО", "ОВО"]),
    ("ПОО ОВО", ["ПОО ОВО"]),                  # no mark between them: left as read
    ("Координатор проекта", ["Координатор проекта"]),   # a genitive goes on with the name
])
def test_a_full_stop_after_a_defined_abbreviation_ends_its_party(text, expected):
    defs = {"ПОО", "ОВО", "Координатор"}
    assert [m.name for m in split_after_defined(split_parties(text), defs)] == expected


def test_a_speck_for_the_space_of_a_defined_short_form_is_the_space():
    defs = {"КОин.КО": "Комитет образования и науки Курской области", "МТЗиСЗ’РТ": "Министерство труда"}
    got = mend_definitions(defs, "КОин КО\nЦОПП")
    assert set(got) == {"КОин КО", "МТЗиСЗ РТ"}
    # a mention is never mended into a short form that still holds a speck
    assert [m.name for m in mend_mentions(split_parties("КОин КО"), {"КОин.КО"})] == ["КОин КО"]


@pytest.mark.parametrize("read,mended", [
    ("Министерство образования и науки Республики. Татарстан", "Министерство образования и науки Республики Татарстан"),
    ("органы: местного самоуправления", "органы местного самоуправления"),
    ("БУ ЧР ДПО. «Республиканский институт образования»", "БУ ЧР ДПО «Республиканский институт образования»"),
    ("учреждения «Центры занятости населения»:", "учреждения «Центры занятости населения»"),
    ("учреждение «Центр оперёжающей профессиональной лодготовки»", "учреждение «Центр опережающей профессиональной подготовки»"),
    ("институт повышения квалификации и профессиональн ОЙ переподготовки",
     "институт повышения квалификации и профессиональной переподготовки"),
    ("областное бюджетное-учреждение дополнительного образования", "областное бюджетное учреждение дополнительного образования"),
    ("научно-исследовательский институт", "научно-исследовательский институт"),       # a compound stays
    ("торгово-промышленная палата", "торгово-промышленная палата"),
    ("учреждение «Центр-развития профессионального образования»", "учреждение «Центр развития профессионального образования»"),
    ("школа-интернат", "школа-интернат"), ("бизнес-инкубатор", "бизнес-инкубатор"),
    ("- комитет образования и науки Курской области", "комитет образования и науки Курской области"),
])
def test_a_scanned_full_form_loses_its_certain_slips(read, mended):
    assert mend_full_form(read) == mended
    assert mend_definitions({"ИРО": read}, "ИРО") == {"ИРО": mended}


@pytest.mark.parametrize("text", [
    "г. Казань", "пос. Новый", "ООО «Ромашка» и др.", "им. Н.Э. Баумана",
    "Министерство труда, занятости и социальной защиты", "кураторы ПОО", "Республика Татарстан",
])
def test_a_full_form_without_slips_stays(text):
    assert mend_full_form(text) == text


GLOSSARY = frozenset({"ПОО", "ЦЗН", "МОиН", "ИРО", "ГАПОУ", "МО", "ОО", "Минтруд"})
OWN = {"МОиН РТ", "ИРО РТ", "МОиН РС(Я)", "КОиН КО", "ЦРПО", "Минпромторг НСО"}


def _known_names(text: str, defined: set[str] = OWN, known: frozenset[str] = GLOSSARY) -> list[str]:
    return [m.name for m in split_after_defined(mend_mentions(split_parties(text), defined, known), defined)]


@pytest.mark.parametrize("text,expected", [
    ("поо", ["ПОО"]),                                   # the glossary's, read in lower case
    ("МОИН РС(Я)", ["МОиН РС(Я)"]),                     # the document's own, case slipped
    ("-КОин КО", ["КОиН КО"]),                          # debris at its start ...
    ("ЦРПО..", ["ЦРПО"]),                               # ... or at its end
    ("„Минпромторг НСО", ["Минпромторг НСО"]),
    ("МОиНРТ ИРО РТ", ["МОиН РТ", "ИРО РТ"]),           # two known ones run together, one split only
    ("МОиН РТ ИРО РТ", ["МОиН РТ", "ИРО РТ"]),
    ("руководители поо", ["руководители ПОО"]),         # a lower-case word that is a known abbreviation
    ("цзн, поо", ["ЦЗН", "ПОО"]),
])
def test_a_party_that_is_a_known_abbreviation_but_for_case_or_debris_takes_its_form(text, expected):
    assert _known_names(text) == expected


@pytest.mark.parametrize("text,defined,known", [
    ("Доклад", OWN, GLOSSARY),                          # an unknown word stays
    ("руководители его", OWN, GLOSSARY),                # a dictionary word is no abbreviation
    ("МООО", set(), GLOSSARY),                          # "МО"+"ОО": parts too short to tell
    ("мо оо", {"МО ОО", "МООО"}, frozenset()),          # two defined forms with those letters
    ("МОИНРТИРО", set(), frozenset({"МОИ", "НРТИРО", "МОИНРТ", "ИРО"})),   # splits two ways
    ("абв", set(), frozenset({"АБВ", "АбВ"})),          # two glossary forms, case aside
    ("по о", set(), GLOSSARY),                          # the glossary's letters, split inside: not its text
    ("МОин", OWN, GLOSSARY),                            # the glossary's "МОиН" is also a word of a defined form
])
def test_a_party_with_no_single_known_form_stays_as_read(text, defined, known):
    assert _known_names(text, defined, known) == [m.name for m in split_parties(text)]


def test_a_defined_short_form_gets_back_its_lost_closing_bracket():
    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert mend_definitions({"МОиН РС(Я": full}, "МОиН РС(Я") == {"МОиН РС(Я)": full}
    assert mend_definitions({"ДО (ПК)": "дополнительное образование"}, "") == {"ДО (ПК)": "дополнительное образование"}
    assert _known_names("МОиН РС(Я", {"МОиН РС(Я)"}) == ["МОиН РС(Я)"]


def test_a_quoted_name_is_not_split_into_two_known_forms():
    defined = {"ГБУ ДПО", "МОУО"}
    assert _known_names("ГБУ ДПО «КРИРПО»", defined, frozenset({"КРИРПО"})) == ["ГБУ ДПО «КРИРПО»"]


@pytest.mark.parametrize("text,expected", [
    ("ДОиНТО", ["ДОиН ТО"]),                  # the space of a defined short form lost on a scan
    ("Минпром торг ТО", ["Минпромторг ТО"]),  # a defined short form broken in a narrow column
    ("ДОиН", ["ДОиН"]),                       # a different mention: left as read
])
def test_a_defined_short_form_read_with_its_spaces_moved_is_that_form(text, expected):
    defs = {"ДОиН ТО", "Минпромторг ТО"}
    assert [m.name for m in split_after_defined(split_parties(text), defs)] == expected


@pytest.mark.parametrize("read,mended", [
    ("муниципальное бюджетное.учреждение «Дом культуры»", "муниципальное бюджетное учреждение «Дом культуры»"),
    ("Департамент труда й занятости населения", "Департамент труда и занятости населения"),
    ("автономные` учреждения «Дворцы спорта»", "автономные учреждения «Дворцы спорта»"),
    ("управление культуры Тверской“Области", "управление культуры Тверской Области"),
    ("казённые учреждения «Дома творчества» -", "казённые учреждения «Дома творчества»"),
])
def test_specks_between_the_words_of_a_full_form_are_spaces(read, mended):
    assert mend_full_form(read) == mended


@pytest.mark.parametrize("text", [
    "т.е. учреждение", "ООО \"Ромашка\" и филиалы", "Чайный клуб", "лицей №1 г.Москвы", "обл.центр досуга",
])
def test_a_stop_or_quote_that_may_be_meant_stays(text):
    assert mend_full_form(text) == text


def test_a_mended_full_form_is_put_into_the_nominative_again():
    defs = {"ДК": "муниципальным автономным учреждениём «Дом культуры»"}
    assert mend_definitions(defs, "ДК") == {"ДК": "муниципальное автономное учреждение «Дом культуры»"}


def test_a_full_form_takes_the_words_the_document_spells():
    got = mend_definitions({"ВЦ": "«Бологодский областной центр»"}, "ВЦ", lexicon=frozenset({"Вологодский"}))
    assert got == {"ВЦ": "«Вологодский областной центр»"}


@pytest.mark.parametrize("text,expected,agreed", [
    ("Минобрнауки` РБ", "Минобрнауки РБ", False),       # a speck for the space
    ("Минобрнаук “`н РБ", "Минобрнауки РБ", False),     # a letter misread, debris inside the word
    ("ГБУ, «Дом ремёсел»", "ГБУ «Дом ремёсел»", False),  # a legal form before a quoted name
    ("Дом ремёсел (по соглаЛованию)", "Дом ремёсел", True),
    ("Дом ремёсел (по согласован и", "Дом ремёсел", True),    # cut short, its bracket never closed
    ("Дом ремёсел (по сотласбванию)", "Дом ремёсел", True),    # two letters misread
    ("Дом ремёсел (по согласован и. ю)", "Дом ремёсел", True),  # split by specks
    ("Дом ремёсел (по’ согласованию)", "Дом ремёсел", True),    # a speck after "по"
])
def test_a_mention_one_slip_from_a_defined_form(text, expected, agreed):
    got = mend_mentions(split_parties(text), {"Минобрнауки РБ", "Минобразования края"}, GLOSSARY | {"ГБУ"})
    assert [m.name for m in got] == [expected]
    assert got[0].by_agreement is agreed


@pytest.mark.parametrize("text", [
    "Минобразования района",       # dictionary words only: another body, not a misread one
    "Дом ремёсел (по расписанию)",
    "Дом ремёсел (по соглашению",
    "Дом ремёсел (по соглашению)",
    "Дом ремёсел (по сопровождению)",
])
def test_a_mention_with_other_words_stays(text):
    got = mend_mentions(split_parties(text), {"Минобразования края"}, GLOSSARY)
    assert [m.name for m in got] == [text] and not got[0].by_agreement


@pytest.mark.parametrize("text,expected", [
    ("ГБУ ДПО: «Центр ремёсел»", "ГБУ ДПО «Центр ремёсел»"),
    ("ГБУ «Областной спортивный’центр»", "ГБУ «Областной спортивный центр»"),
    ("администрация г. Тулы", "администрация г. Тулы"),          # a shortened word keeps its stop
    ("ООО «Д’Арт»", "ООО «Д’Арт»"),                               # an apostrophe in a name stays
])
def test_specks_between_the_words_of_a_mention(text, expected):
    got = mend_mentions(split_parties(text), {"ПОО"}, GLOSSARY | {"ГБУ", "ДПО"})
    assert [m.name for m in got] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("ЦДЮТ", "ЦДЮТ"),          # defined: stays
    ("ЦДЮБ", "ЦДЮТ"),          # one letter from the one defined acronym
    ("ЦДЮБ.", "ЦДЮТ"),
    ("ЦДТ", "ЦДТ"),            # three letters: too short to tell
    ("ЦЗМ", "ЦЗМ"),
    ("ГБУЗ", "ГБУЗ"),          # a known (glossary) acronym stays
    ("ПОЗО", "ПОЗО"),          # two defined acronyms one letter off: no pick
])
def test_an_acronym_one_letter_from_one_defined_acronym_is_it(text, expected):
    got = mend_mentions(split_parties(text), {"ЦДЮТ", "ЦДЮТ", "ПОКО", "ПОЗУ", "ЦЗН"}, GLOSSARY | {"ГБУЗ", "ГБУ"})
    assert [m.name for m in got] == [expected]


def test_an_acronym_near_a_glossary_one_too_stays():
    got = mend_mentions(split_parties("ГБОУ"), {"ГБОЮ"}, GLOSSARY | {"ГБОУ", "ГБПУ"})
    assert [m.name for m in got] == ["ГБОУ"]
    got = mend_mentions(split_parties("ГБОЯ"), {"ГБОЮ"}, GLOSSARY | {"ГБОУ"})
    assert [m.name for m in got] == ["ГБОЯ"]


@pytest.mark.parametrize("text,expected", [
    ("МОУО’ ПОО", ["МОУО", "ПОО"]),              # a mark read where two defined forms meet
    ("МОУО-ПОО", ["МОУО", "ПОО"]),
    ("МОУО — ДОиН КО", ["МОУО", "ДОиН КО"]),
    ("МОУО-ЦЗН", ["МОУО-ЦЗН"]),                  # ЦЗН is not defined here: no split
])
def test_two_defined_forms_joined_by_a_mark_are_two_parties(text, expected):
    assert _names(text) == expected


def test_a_hyphen_a_scan_read_in_a_short_form_is_the_space_the_cells_write():
    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert mend_definitions({"МОиН-РС(Я)": full}, "МОиН РС(Я)\nИРПО") == {"МОиН РС(Я)": full}
    assert mend_definitions({"МОиН-РС(Я)": full}, "МОиН-РС(Я)") == {"МОиН-РС(Я)": full}


def test_a_misread_short_form_is_mended_though_a_two_letter_token_is_as_near():
    full = "профессиональные образовательные организации Омской области"
    got = mend_definitions({"ИОО": full}, "МО ОО, ПОО\nПОО")
    assert got == {"ПОО": full}


def test_a_defined_token_the_cells_never_write_takes_their_spelling_one_letter_off():
    full = "Министерство образования и науки Республики Татарстан"
    got = mend_definitions({"МОнН РТ": full}, "МОиН РТ\nИРО РТ\nМОиН РТ")
    assert got == {"МОиН РТ": full}
    # a token the cells write is kept as defined
    assert mend_definitions({"МОнН РТ": full}, "МОнН РТ\nМОиН РТ") == {"МОнН РТ": full}


def test_a_brace_speck_after_a_defined_form_goes():
    got = mend_mentions(split_parties("ТОИПКРО }, ТОИКО"), {"ТОИПКРО", "ТОИКО"})
    assert [m.name for m in got] == ["ТОИПКРО", "ТОИКО"]


def test_a_short_form_with_one_word_a_letter_off_a_defined_one_becomes_it():
    defined = {"КОиН КО", "Минпромтранс КО", "ЦОПП"}
    assert [m.name for m in mend_mentions(split_parties("КОиНн КО"), defined)] == ["КОиН КО"]
    assert [m.name for m in mend_mentions(split_parties("МО ООО"), {"МО ОО"})] == ["МО ООО"]   # no syllabic word
    assert [m.name for m in mend_mentions(split_parties("КОиН ТО"), defined)] == ["КОиН ТО"]  # the other word


def test_a_defined_short_form_takes_the_spacing_the_cells_write_most():
    full = "Министерство образования и науки Республики Татарстан"
    cells = "МОиН РТ\nМТЗиСЗ РТ\nМОиНРТ —\nМОиН РТ\nИРО РТ"
    assert mend_definitions({"МОиНРТ": full}, cells) == {"МОиН РТ": full}
    assert mend_definitions({"МОиН РТ": full}, cells) == {"МОиН РТ": full}
    assert mend_definitions({"‚ МОиНРТ": full}, cells) == {"МОиН РТ": full}      # a speck before it too


# ---------------------------------------------------------------- definitions misread on a scan (seeds of the unseen layouts)

CELLS = "ПОО,\nОМСУ (по согласованию)\nРЦПО,\nРЦПО\nМО ОО, ПОО\nМОиН РС(Я)\nМОиН РС(Я), ЦЗН\nЦЗН"


def test_short_form_misread_where_defined_takes_the_cells_spelling_its_quoted_name_spells():
    full = "бюджетное учреждение Омской области «Региональный центр профессиональной ориентации»"
    assert mend_definitions({"РЦНО": full}, CELLS) == {"РЦПО": full}


def test_short_form_the_initials_cannot_spell_mended_only_by_a_substitution_the_cells_repeat():
    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert list(mend_definitions({"МОиН РЕЯ": full}, CELLS)) == ["МОиН РС(Я)"]
    # written once: mended only where the full form spells the cells' spelling (its bracket too)
    assert list(mend_definitions({"МОиН РЕЯ": full}, "МОиН РС(Я)")) == ["МОиН РС(Я)"]
    short = "Министерство образования и науки Республики Саха"
    assert list(mend_definitions({"МОиН РЕЯ": short}, "МОиН РС(Я)")) == ["МОиН РЕЯ"]


def test_lower_case_short_form_and_a_lost_dash():
    assert list(mend_definitions({"поо": "профессиональные организации"}, CELLS)) == ["ПОО"]
    out = mend_definitions({"ПОО профессиональные": "образовательные организации"}, CELLS)
    assert out == {"ПОО": "профессиональные образовательные организации"}
    kept = mend_definitions({"ЦЗН субъекта": "центры занятости"}, CELLS)   # the words spell nothing: stays
    assert list(kept) == ["ЦЗН субъекта"]


@pytest.mark.parametrize("read, expected", [
    ("Министерство образования Омской' области", "Министерство образования Омской области"),
    ("агентство труда и занятости населения Красноярского! края", "агентство труда и занятости населения Красноярского края"),
    ("квалификации и'переподготовки работников", "квалификации и переподготовки работников"),
    ("квалификации и. переподготовки работников", "квалификации и переподготовки работников"),
    ("развития образования Республики-Татарстан».___", "развития образования Республики Татарстан»"),
    ("профессиональные - образовательные организации", "профессиональные образовательные организации"),
    ("«Томский областной информационно-консультацйонный цемтр»", "«Томский областной информационно-консультационный центр»"),
    ("Минисы'ерство образования", "Министерство образования"),
])
def test_full_form_marks_and_words(read, expected):
    lexicon = document_lexicon(["Министерство образования и науки", "областной"])
    assert mend_full_form(read, lexicon) == expected


def test_full_form_words_the_dictionary_cannot_settle_stay():
    assert mend_full_form("учебный центр «Кванториум»") == "учебный центр «Кванториум»"
    assert mend_full_form("Ханты-Мансийского округа") == "Ханты-Мансийского округа"


@pytest.mark.parametrize("name, expected", [
    ("ГАУ КО «Центр» (по фогзасованию)", "ГАУ КО «Центр»"),
    ("Роспотребнадзор КО (яо согласованию)", "Роспотребнадзор КО"),
    ("палата Республики Татарстан (по вогласовани", "палата Республики Татарстан"),
    ("ТОИПКРО (по-согласованию)", "ТОИПКРО"),
    ("работодатели (no согласованию)", "работодатели"),
])
def test_agreement_note_with_its_preposition_misread_too(name, expected):
    from normalizers.ocr_parties import _misread_agreement
    from normalizers.parties import PartyMention

    m = _misread_agreement(PartyMention(name=name, by_agreement=False, defines=None, raw=name))
    assert (m.name, m.by_agreement) == (expected, True)
    other = PartyMention(name="школы (по отдельному плану)", by_agreement=False, defines=None, raw="")
    assert _misread_agreement(other) == other


def test_short_form_spelled_by_its_full_form_once_the_full_form_is_mended():
    cells = "МОиН РТ\nМТЗиСЗ РТ\nмуниципальные органы"
    lexicon = document_lexicon(["Министерство образования и науки Республики Татарстан"])
    got = mend_definitions({"МТЗиСЗ РЪ": "Министерство труда, занятости и социальной защиты Республики Гатарстан"},
                           cells, set(), lexicon)
    assert got == {"МТЗиСЗ РТ": "Министерство труда, занятости и социальной защиты Республики Татарстан"}


def test_short_form_with_a_digit_for_a_letter_or_in_lower_case_takes_the_cells_spelling():
    cells = "руководители ПОО;\nМинобразования Чувашии\nМинобразования Чувашии, ПОО\nМТЗиСЗ РТ"
    full = "Министерство труда, занятости и социальной защиты Республики Татарстан"
    got = mend_definitions({"поо": "профессиональные организации", "МТЗиС3З РТ": full,
                            "Минобразовайия Чувашии": "Министерство образования Чувашской Республики"}, cells)
    assert list(got) == ["ПОО", "МТЗиСЗ РТ", "Минобразования Чувашии"]


def test_syllabic_short_form_one_letter_off_and_a_case_slip_take_the_cells_spelling():
    full = "Министерство образования Чувашской Республики"
    assert list(mend_definitions({"Минобразования Чузашии": full}, "Минобразования Чувашии\nПОО")) == \
        ["Минобразования Чувашии"]                  # "Чува" opens a word of the full form, "Чуза" none
    defs = {"КОин КО": "комитет образования и науки Курской области"}
    assert list(mend_definitions(defs, "КОиН КО\nКОиН КО, ЦОПП")) == ["КОиН КО"]
    assert list(mend_definitions(defs, "КОиН КО\nЦОПП")) == ["КОин КО"]      # written once: no telling


def test_a_known_short_form_and_the_next_party_joined_by_a_lone_mark_are_two():
    from normalizers.parties import PartyMention

    def names(text, defined):
        return [m.name for m in mend_mentions([PartyMention(text, False, None, text)], defined)]

    assert names("ОИВ . объединения работодателей", {"ОИВ"}) == ["ОИВ", "объединения работодателей"]
    assert names("центр . работодатели", {"ОИВ"}) == ["центр . работодатели"]     # no known form before it


def test_a_bracketed_acronym_is_spelled_and_a_misread_word_of_it_mended():
    from normalizers.abbreviations import spells
    from normalizers.ocr_parties import _defined_as

    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert spells("МОиН РС(Я)", full) and not spells("МОиН РС(Я)", "Министерство образования и науки Саха")
    cells = "МбИН РС(Я)\nИРПО\nМбИН РС(Я)\nМОиН ВС(Я)\nпрофессиональные образовательные организации"
    assert list(mend_definitions({"МОий РС(Я)": full}, cells)) == ["МОиН РС(Я)"]
    defined = {"МОиН РС(Я)", "ИРПО"}
    assert _defined_as("МбИН РС(Я)", defined) == "МОиН РС(Я)"
    assert _defined_as("МОиН ВС(Я)", defined) == "МОиН РС(Я)"     # an acronym of three letters one off
    assert _defined_as("ЦЗН РБ", {"ЦЗН РТ"}) is None                # two letters: a region of its own
    assert _defined_as("ГБУ ЦОПП", {"ГКУ ЦОПП"}, {"ГБУ", "ГКУ"}) is None   # both legal forms the glossary has


def test_a_short_form_that_lost_a_letter_takes_the_one_near_spelling_its_full_form_spells():
    cells = "ПОО, ОМСУ\nРЦПО, ПОО\nРЦПО\nМО ОО, ПОО\nмо оО"
    got = mend_definitions({"МО О": "Министерство образования Омской области"}, cells)
    assert got == {"МО ОО": "Министерство образования Омской области"}      # "ПОО" is as near, spells nothing


def test_mention_specks_after_a_one_letter_conjunction_and_an_unclosed_quote_before_a_word():
    from normalizers.parties import PartyMention

    def names(text):
        return [(m.name, m.by_agreement) for m in mend_mentions([PartyMention(text, False, None, text)], set())]

    assert names("агентство труда и.занятости населения края") == [("агентство труда и занятости населения края", False)]
    assert names("РУМЦ совместно с организациями «и общественными организациями инвалидов") == [
        ("РУМЦ совместно с организациями и общественными организациями инвалидов", False)]
    assert names("ГКУ Центр занятости населения (по - согласованию)") == [("ГКУ Центр занятости населения", True)]
    assert names("директор ГАУ «Центр» и.о. директора") == [("директор ГАУ «Центр» и.о. директора", False)]


def test_an_entry_without_its_short_form_takes_the_one_the_cells_write_and_its_words_spell():
    defs = {"МО ОО": "Министерство образования Омской области"}
    full = "профессиональные образовательные организации Омской области"
    got = mend_definitions(defs, "ПОО, РЦПО\nМО ОО, ПОО", orphans=[full])
    assert got == {**defs, "ПОО": full}
    # two the cells write that the words spell ("ПОО", "ОО"): no pick
    assert mend_definitions(defs, "ПОО, РЦПО\nОО", orphans=[full]) == defs


def test_a_breve_read_over_the_conjunction_and_a_lost_space_still_name_the_defined_form():
    from normalizers.ocr_parties import _defined_as

    assert _defined_as("МОЙНРТ —", {"МОиН РТ", "МТЗиСЗ РТ"}) == "МОиН РТ"


def test_a_defined_form_with_a_breve_speck_takes_the_spelling_the_cells_write_more_often():
    full = "комитет образования и науки Курской области"
    assert list(mend_definitions({"КОйН КО": full}, "КОиН КО\nКОиН КО, ЦОПП\nКОйН КО")) == ["КОиН КО"]
    assert list(mend_definitions({"КОйН КО": full}, "КОйН КО\nКОйН КО, ЦОПП\nКОиН КО")) == ["КОйН КО"]


def test_a_list_line_whose_dash_was_lost_between_two_capitals_splits_after_the_form_the_cells_write():
    line = "Минобразования Чувашии Министерство образования Чувашской Республики"
    cells = "руководители ПОО\nМинобразования Чувашии\nБУ ЧР ДПО «Центр»"
    got = mend_definitions({}, cells, orphans=[line])
    assert got == {"Минобразования Чувашии": "Министерство образования Чувашской Республики"}
    assert mend_definitions({}, "руководители ПОО", orphans=[line]) == {}      # the cells never write it


def test_a_glued_mention_with_a_letter_too_many_names_the_defined_form():
    from normalizers.ocr_parties import _defined_as

    assert _defined_as("МОинНРТ", {"МОиН РТ", "ИРО РТ", "МТЗиСЗ РТ"}) == "МОиН РТ"
    assert _defined_as("Школаинт", {"МОиН РТ"}) is None


@pytest.mark.parametrize("text, want", [
    ("Минпромторг НСО предприятия-партнёры", ["Минпромторг НСО", "предприятия-партнёры"]),
    ("ПОО работодатели", ["ПОО", "работодатели"]),
    ("ЦЗН совместно с ПОО", ["ЦЗН совместно с ПОО"]),
    ("ПОО Томской области", ["ПОО Томской области"]),
    ("ЦЗН организации", ["ЦЗН организации"]),          # "организации" may be genitive: one party
])
def test_a_defined_form_and_a_plural_subject_after_it_are_two_parties(text, want):
    from normalizers.parties import PartyMention

    got = mend_mentions([PartyMention(text, False, None, text)], {"Минпромторг НСО", "ПОО", "ЦЗН"})
    assert [m.name for m in got] == want


def test_a_full_form_that_is_hardly_words_is_dropped_for_the_glossary():
    cells = "руководители ПОО\nМинобразования Чувашии"
    got = mend_definitions({"ПОО": "п la. е Эбразовательные организации",
                            "Минобразования Чувашии": "Министерство образования Чувашской Республики"}, cells)
    assert got == {"Минобразования Чувашии": "Министерство образования Чувашской Республики"}
