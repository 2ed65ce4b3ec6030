"""OCR slips in the parties of a scan and in the abbreviations it defines (normalizers.ocr_parties)."""

import pytest

from normalizers.ocr_lexicon import document_lexicon
from normalizers.ocr_full_form import mend_full_form
from normalizers.ocr_definitions import mend_definitions
from normalizers.ocr_parties import mend_mentions
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
    ("ГБУ ДПО «КРИРИО». МОУО", ["ГБУ ДПО «КРИРПО»", "МОУО"]),   # a comma read as a full stop; "И" for "П"
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
    ("РЦПО, ноо", ["РЦПО", "ПОО"]),                     # ... one letter read for its look-alike capital (Н for П)
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


@pytest.mark.parametrize("text,expected,agreed", [
    ("Минобрнауки` РБ", "Минобрнауки РБ", False),       # a speck for the space
    ("Минобрнаук “`н РБ", "Минобрнауки РБ", False),     # a letter misread, debris inside the word
    ("ГБУ, «Дом ремёсел»", "ГБУ «Дом ремёсел»", False),  # a legal form before a quoted name
    ("Дом ремёсел (по соглаЛованию)", "Дом ремёсел", True),
    ("Дом ремёсел (по согласован и", "Дом ремёсел", True),    # cut short, its bracket never closed
    ("Дом ремёсел (по сотласбванию)", "Дом ремёсел", True),    # two letters misread
    ("Дом ремёсел (по согласован и. ю)", "Дом ремёсел", True),  # split by specks
    ("Дом ремёсел (по’ согласованию)", "Дом ремёсел", True),    # a speck after "по"
    ("Дом ремёсел (по сагласова", "Дом ремёсел", True),        # cut short and a letter misread
    ("Роспотребнадзор КО. (по согласова тю", "Роспотребнадзор КО", True),   # the stop before the note goes too
    ("Дом ремёсел (по", "Дом ремёсел", True),                   # cut right after "по"
    ("Дом ремёсел (по еерласованию)", "Дом ремёсел", True),      # three letters off, its tail whole
    # closed, its "по" read right, one word ending as "согласованию" does, garbled further
    ("Дом ремёсел (по еерлаоованию)", "Дом ремёсел", True),
    ("работодатели (по у4етокованию)", "работодатели", True),
    ('работодатели (по "’сотласадванию)', "работодатели", True),
    ("Дом ремёсел (по еерлаоования", "Дом ремёсел (по еерлаоования", False),   # not closed: its head is no note's
    ('Дом ремёсел (по "', "Дом ремёсел", True),
    ("Дом ремёсел (по сагласовка", "Дом ремёсел (по сагласовка", False),   # two letters off its head
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
    "Дом ремёсел (по финансированию)",     # a word of the dictionary ending so
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


def test_a_brace_speck_after_a_defined_form_goes():
    got = mend_mentions(split_parties("ТОИПКРО }, ТОИКО"), {"ТОИПКРО", "ТОИКО"})
    assert [m.name for m in got] == ["ТОИПКРО", "ТОИКО"]


def test_a_short_form_with_one_word_a_letter_off_a_defined_one_becomes_it():
    defined = {"КОиН КО", "Минпромтранс КО", "ЦОПП"}
    assert [m.name for m in mend_mentions(split_parties("КОиНн КО"), defined)] == ["КОиН КО"]
    assert [m.name for m in mend_mentions(split_parties("МО ООО"), {"МО ОО"})] == ["МО ООО"]   # no syllabic word
    assert [m.name for m in mend_mentions(split_parties("КОиН ТО"), defined)] == ["КОиН ТО"]  # the other word


# ---------------------------------------------------------------- definitions misread on a scan (seeds of the unseen layouts)



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


def test_a_known_short_form_and_the_next_party_joined_by_a_lone_mark_are_two():
    from normalizers.parties import PartyMention

    def names(text, defined):
        return [m.name for m in mend_mentions([PartyMention(text, False, None, text)], defined)]

    assert names("ОИВ . объединения работодателей", {"ОИВ"}) == ["ОИВ", "объединения работодателей"]
    assert names("центр . работодатели", {"ОИВ"}) == ["центр . работодатели"]     # no known form before it


def test_mention_specks_after_a_one_letter_conjunction_and_an_unclosed_quote_before_a_word():
    from normalizers.parties import PartyMention

    def names(text):
        return [(m.name, m.by_agreement) for m in mend_mentions([PartyMention(text, False, None, text)], set())]

    assert names("агентство труда и.занятости населения края") == [("агентство труда и занятости населения края", False)]
    assert names("РУМЦ совместно с организациями «и общественными организациями инвалидов") == [
        ("РУМЦ совместно с организациями и общественными организациями инвалидов", False)]
    assert names("ГКУ Центр занятости населения (по - согласованию)") == [("ГКУ Центр занятости населения", True)]
    assert names("директор ГАУ «Центр» и.о. директора") == [("директор ГАУ «Центр» и.о. директора", False)]


@pytest.mark.parametrize("text, want", [
    ("Минпромторг НСО предприятия-партнёры", ["Минпромторг НСО", "предприятия-партнёры"]),
    ("Минпромторг НСО предприятия: партнёры", ["Минпромторг НСО", "предприятия: партнёры"]),   # a speck's colon
    ("ПОО области, районы", ["ПОО области, районы"]),    # a comma is no hyphen
    ("ПОО работодатели", ["ПОО", "работодатели"]),
    ("ЦЗН совместно с ПОО", ["ЦЗН совместно с ПОО"]),
    ("ПОО Томской области", ["ПОО Томской области"]),
    ("ЦЗН организации", ["ЦЗН организации"]),          # "организации" may be genitive: one party
])
def test_a_defined_form_and_a_plural_subject_after_it_are_two_parties(text, want):
    from normalizers.parties import PartyMention

    got = mend_mentions([PartyMention(text, False, None, text)], {"Минпромторг НСО", "ПОО", "ЦЗН"})
    assert [m.name for m in got] == want




def test_a_mention_that_lost_the_closing_bracket_of_a_defined_form_gets_it():
    assert _known_names("МОиН РС(Я", {"МОиН РС(Я)"}) == ["МОиН РС(Я)"]


@pytest.mark.parametrize("text, defined, expected", [
    ("moo", {"ПОО", "ТОИКО"}, ["ПОО"]),              # Latin letters for the defined acronym, one off
    ("moo", {"ПОО", "МОУ"}, ["moo"]),                # two defined acronyms as near: stays
    ("Samsung", {"ПОО"}, ["Samsung"]),                # a Latin name is no misread acronym
    ("МО ОО Х", {"МО ОО", "ПОО"}, ["МО ОО"]),          # a speck read as a lone capital after a defined form
    ("KOuH КО", {"КОиН КО", "ЦОПП"}, ["КОиН КО"]),    # one word of a defined form read in Latin letters
    ("Sony КО", {"КОиН КО"}, ["Sony КО"]),            # no defined form with those letters: stays
])
def test_a_mention_in_latin_letters_or_with_a_lone_capital_after_it(text, defined, expected):
    assert _known_names(text, defined) == expected


def test_two_mentions_a_known_name_runs_across_are_one():
    names = {"центр занятости населения", "профессиональные образовательные организации"}
    text = "ГКУ Центр, занятости населения (по согласованию).\nпрофессиональные образовательные\nорганизации"
    got = mend_mentions(split_parties(text), set(), GLOSSARY, names)
    assert [(m.name, m.by_agreement) for m in got] == [
        ("ГКУ Центр занятости населения", True), ("профессиональные образовательные организации", False)]
    # two parties of their own stay two: the second opens no name the first one began
    text = "ЦЗН, профессиональные образовательные организации"
    assert [m.name for m in mend_mentions(split_parties(text), set(), GLOSSARY, names)] == [
        "ЦЗН", "профессиональные образовательные организации"]


@pytest.mark.parametrize("text, expected", [
    ("Начальник отдела, профессионального образования", ["Начальник отдела профессионального образования"]),
    ("руководители\n‚ образовательных организаций", ["руководители образовательных организаций"]),
    ("ЦЗН, занятости населения", ["ЦЗН", "занятости населения"]),      # "занятости" may be a plural nominative
    ("ПОО, органы местного самоуправления", ["ПОО", "органы местного самоуправления"]),
])
def test_a_mention_that_is_a_genitive_phrase_only_is_the_rest_of_the_one_above(text, expected):
    assert [m.name for m in mend_mentions(split_parties(text), set(), GLOSSARY)] == expected


def test_a_defined_short_form_split_by_a_space_it_does_not_have_is_still_it():
    defined = {"Минпромторг ПК", "Минпромторг НСО", "ЦРПО"}
    assert _known_names("Минпром торт ПК", defined) == ["Минпромторг ПК"]
    assert _known_names("“Минпром торг НСО предприятия-партнёры", defined) == ["Минпромторг НСО", "предприятия-партнёры"]
    assert _known_names("Минобр НСО", {"Минобр ЯНАО", "Минобрнауки НСО"}) == ["Минобр НСО"]     # spaced as written


def test_a_mention_with_a_digit_for_the_capital_it_looks_like_is_the_defined_form():
    assert _known_names("МТЗиС3 РТ", {"МТЗиСЗ РТ", "МОиН РТ"}) == ["МТЗиСЗ РТ"]


@pytest.mark.parametrize("text, expected", [
    ("ГАУ КО «Центр опережающей подготовки» “работодатели", ["ГАУ КО «Центр опережающей подготовки»", "работодатели"]),
    ("ГАУ «Центр» совместно с ПОО", ["ГАУ «Центр» совместно с ПОО"]),
])
def test_a_quoted_name_then_a_plural_subject_are_two_parties(text, expected):
    assert _known_names(text, {"ЦЗН"}) == expected


def test_a_word_in_capitals_one_lookalike_letter_from_one_known_abbreviation_is_it():
    # Н read for П inside a name: the glossary knows ДПО, nobody ДНО
    known = GLOSSARY | {"ДПО"}
    assert _known_names("КГАУ ДНО «Краевой институт повышения квалификации»", set(), known) == \
        ["КГАУ ДПО «Краевой институт повышения квалификации»"]
    # a word a document defines is kept; two candidates (П or И for Н) or none: as read
    assert _known_names("ДНО", {"ДНО"}, known) == ["ДНО"]
    assert _known_names("КГАУ ДНО «Институт»", set(), known | {"ДИО"}) == ["КГАУ ДНО «Институт»"]
    assert _known_names("ООО «ЛИК»", set(), known) == ["ООО «ЛИК»"]


def test_a_defined_short_form_a_narrow_column_broke_over_lines_is_it():
    defined = {"Минобр НСО", "Минтруд НСО", "Минэкономразвития НСО"}
    assert _known_names("Минобр НСО\nМинэко\nномразв\nития НСО", defined) == ["Минобр НСО", "Минэкономразвития НСО"]
    # a long form's pieces with a letter misread and a speck
    assert _known_names("Минзэкономразв` ития\nНСО", defined) == ["Минэкономразвития НСО"]
    # pieces that spell nothing known stay as read; a known form is never a piece of another
    assert _known_names("Минэко\nномразв", defined) == ["Минэко", "номразв"]
    assert _known_names("Минобр НСО\nМинтруд НСО", defined) == ["Минобр НСО", "Минтруд НСО"]


def test_a_known_form_and_another_known_abbreviation_with_the_same_region_code_are_two_parties():
    # "ИРО РТ" itself undefined (its list line lost under a signature), "ИРО" the glossary's
    assert _known_names("МОиН РТ ИРО РТ", {"МОиН РТ"}, frozenset({"ИРО"})) == ["МОиН РТ", "ИРО РТ"]
    assert _known_names("МОиН РТ ИРО КО", {"МОиН РТ"}, frozenset({"ИРО"})) == ["МОиН РТ ИРО КО"]


@pytest.mark.parametrize("read, expected", [
    ("Начальник ‚ отдела профессионального образования", ["Начальник отдела профессионального образования"]),
    ("ГАУ КО «Центр опережающей подготовки» ’", ["ГАУ КО «Центр опережающей подготовки»"]),
    ("ГАУ КО’ «Центр опережающей подготовки»", ["ГАУ КО «Центр опережающей подготовки»"]),
    ("Заместитель _ министра", ["Заместитель министра"]),
])
def test_a_mark_standing_alone_in_a_mention_is_a_speck(read, expected):
    assert _known_names(read, set()) == expected


def test_an_underscore_read_for_a_comma_between_two_defined_forms_leaves_two_parties():
    assert _known_names("КОиН КО _ ЦОПП", {"КОиН КО", "ЦОПП"}) == ["КОиН КО", "ЦОПП"]


def test_a_defined_form_with_a_speck_read_as_a_capital_or_two_among_its_words_is_that_form():
    assert _known_names("МОиН НР РС(Я)", {"МОиН РС(Я)"}) == ["МОиН РС(Я)"]
    assert _known_names("МОиН ’ РС(Я)", {"МОиН РС(Я)"}) == ["МОиН РС(Я)"]
    assert _known_names("МО и ОО", {"МО ОО"}) != ["МО ОО"]                   # "и" is a word: two parties


def test_a_two_letter_region_code_a_letter_off_beside_a_form_read_right_is_the_defined_one():
    assert _known_names("КОиН ЖО", {"КОиН КО"}) == ["КОиН КО"]
    assert _known_names("МО ОО", {"МО КО"}, frozenset({"МО", "ОО"})) == ["МО ОО"]     # too short to tell


@pytest.mark.parametrize("text, want", [
    ("КОиННКО ЦОПП", ["КОиН КО", "ЦОПП"]),     # the first form's "Н" read twice
    ("ЦОПП КОиННКО", ["ЦОПП", "КОиН КО"]),
    ("МОУО ГБУ ДПО", ["МОУО ГБУ ДПО"]),        # no two defined forms a letter off: one party
])
def test_two_defined_forms_run_together_one_read_a_letter_off(text, want):
    from normalizers.parties import PartyMention

    defined = {"КОиН КО", "ЦОПП", "КУГС КО"}
    assert [m.name for m in mend_mentions([PartyMention(text, False, None, text)], defined)] == want


@pytest.mark.parametrize("text, want", [
    ('МОйН"РС(Я)', "МОиН РС(Я)"),          # a breve speck over "и", a mark for the space
    ('ГБУ"КРИРПО"', 'ГБУ"КРИРПО"'),        # a quote that closes stays
    ("организациями ‚инвалидов", "организациями инвалидов"),        # a speck before a lower-case word
    ("агентство труда и занятости населения края*-", "агентство труда и занятости населения края"),
    ("ГАПОУ «Канашский транспортно- ‚энергетический техникум»", "ГАПОУ «Канашский транспортно-энергетический техникум»"),
    ("министерство науки пермског. о края", "министерство науки пермского края"),
    ("научно- и учебно-методический центр", "научно- и учебно-методический центр"),   # a hanging hyphen
    ('ГАУ КО Центр опережающей подготовки"', "ГАУ КО «Центр опережающей подготовки»"),  # its opening quote lost
    ("Центр опережающей подготовки»", "Центр опережающей подготовки»"),     # no capitals before: as read
])
def test_marks_inside_a_mention_in_capitals(text, want):
    from normalizers.ocr_parties import mend_mention_specks

    assert mend_mention_specks(text) == want


@pytest.mark.parametrize("text, want", [
    ("РУМЦ совместно с. профессиональными организациями", "РУМЦ совместно с профессиональными организациями"),
    ("2` Минтруд НСО", "Минтруд НСО"),
    ('органы местного" самоуправления', "органы местного самоуправления"),
    ('Минтруд НСО"', "Минтруд НСО"),
    ("администрация г. Томска", "администрация г. Томска"),     # "г." is no preposition
    ("ТОИПКРО )", "ТОИПКРО"),                                      # a bracket nothing opened: a speck
    ("Торгово-промышленная палата Республики‘ Татарстан", "Торгово-промышленная палата Республики Татарстан"),
    ("ГБУ ‘Центр’ развития", "ГБУ ‘Центр’ развития"),                  # a quote that closes stays
    ("профессиональные образовательн _ые организации", "профессиональные образовательные организации"),
    ('ГАУ КО ‚ "Центр опережающей подготовки"', 'ГАУ КО "Центр опережающей подготовки"'),    # a mark alone
    ("заместитель министра -", "заместитель министра"),
    ('МО ОО "ПОО', "МО ОО ПОО"),                          # no quote closes: a speck for the comma
    ("РУМЦ совместно с... профессиональными организациями", "РУМЦ совместно с профессиональными организациями"),
    ("ГАУ КО «Центр. ‚. опережающей подготовки»", "ГАУ КО «Центр опережающей подготовки»"),
    ("агентство*труда и занятости населения края", "агентство труда и занятости населения края"),
    ("МОиН РС(Я)", "МОиН РС(Я)"),
    ("ЦРПО 1", "ЦРПО"), ("ЦРПО |", "ЦРПО"),                 # specks along a rule read as a stroke
    ("Школа 1", "Школа 1"),                                   # after a word, a digit may be its number
])
def test_more_specks_inside_a_mention(text, want):
    from normalizers.ocr_parties import mend_mention_specks

    assert mend_mention_specks(text) == want


def test_a_straight_quote_inside_guillemets_is_a_speck():
    from normalizers.ocr_parties import mend_mention_specks

    assert mend_mention_specks('КГАУ ДПО «Институт работников" образования»') == "КГАУ ДПО «Институт работников образования»"
    assert mend_mention_specks('«Центр "Ромашка" развития»') == '«Центр "Ромашка" развития»'


@pytest.mark.parametrize("cell, expected", [
    ("о ПОО\nОМСУ", [("ПОО", False), ("ОМСУ", False)]),                   # a bullet read as "о"
    ("МОиН РТ о Торгово-промышленная палата Республики Татарстан (по согласованию)",
     [("МОиН РТ", False), ("Торгово-промышленная палата Республики Татарстан", True)]),
    ("Минтруд НСО\nо Минобр НСО", [("Минтруд НСО", False), ("Минобр НСО", False)]),
    ("° Минобр НСО", [("Минобр НСО", False)]),
    ("Совет о Правительстве", [("Совет о Правительстве", False)]),       # no short form before "о"
    ("ГАПОУ «Энский колледж» о ГАПОУ «Энский техникум»",               # after a whole quoted name
     [("ГАПОУ «Энский колледж»", False), ("ГАПОУ «Энский техникум»", False)]),
    ("Совет «Энск» о Правительстве", [("Совет «Энск» о Правительстве", False)]),   # no capitals after "о"
])
def test_a_bullet_read_as_o_goes_and_parts_two_names(cell, expected):
    from normalizers.ocr_parties import mend_mentions
    from normalizers.parties import split_parties

    defined = {"ПОО", "ОМСУ", "МОиН РТ", "Минобр НСО", "Минтруд НСО"}
    assert [(m.name, m.by_agreement) for m in mend_mentions(split_parties(cell), defined)] == expected


def test_a_stop_glued_to_a_short_form_before_a_defined_one_parts_them():
    from normalizers.ocr_parties import mend_mentions
    from normalizers.parties import split_parties

    defined = {"МОиН", "ИРПО"}
    assert [m.name for m in mend_mentions(split_parties("МОиН РС(Я). ИРПО"), defined)] == ["МОиН РС(Я)", "ИРПО"]
    assert [m.name for m in mend_mentions(split_parties("МОиН РС(Я). Иные органы"), defined)] == \
        ["МОиН РС(Я). Иные органы"]          # no defined short form after the stop: as read
    name = "КГАУ. ДПО «Красноярский краевой институт»"    # legal forms: one name
    assert [m.name for m in mend_mentions(split_parties(name), defined | {"ККИПК"}, GLOSSARY | {"ДПО"})] \
        == ["КГАУ ДПО «Красноярский краевой институт»"]   # a glossary form after the stop: one name


def test_a_lower_case_party_a_letter_from_the_one_short_form_the_document_defines_is_it():
    """A degraded Omsk plan read "ПОО" as "поа": the glossary's "ПОА" (an accreditation) is no
    party; the document defines "ПОО", a letter away. A dictionary word ("пол") is left; a
    preposition alone ("под", read for "ПОО" on a degraded seed) is no party and is read so."""
    from normalizers.parties import split_parties

    defined = {"ПОО", "МО ОО"}
    assert [m.name for m in mend_mentions(split_parties("МО ОО\nпоа"), defined, {"ПОА"}, set())] == ["МО ОО", "ПОО"]
    assert [m.name for m in mend_mentions(split_parties("пол"), defined, {"ПОА"}, set())] == ["пол"]
    assert [m.name for m in mend_mentions(split_parties("под"), defined, {"ПОА"}, set())] == ["ПОО"]


def test_a_lower_case_party_falls_back_on_the_glossarys_forms_only_where_one_lies_a_letter_away():
    from normalizers.parties import split_parties

    assert [m.name for m in mend_mentions(split_parties("цзк"), set(), {"ЦЗН", "ПОО"}, set())] == ["ЦЗН"]
    assert [m.name for m in mend_mentions(split_parties("лоо"), set(), {"ПОО", "ООО"}, set())] == ["лоо"], \
        "ПОО or ООО: no telling"
