"""normalizers.ocr_definitions: the abbreviations a scan defines, mended with the party cells."""

import pytest
from normalizers.ocr_lexicon import document_lexicon
from normalizers.ocr_full_form import mend_full_form
from normalizers.ocr_definitions import mend_definitions

CELLS = "ПОО,\nОМСУ (по согласованию)\nРЦПО,\nРЦПО\nМО ОО, ПОО\nМОиН РС(Я)\nМОиН РС(Я), ЦЗН\nЦЗН"


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


def test_a_defined_short_form_gets_back_its_lost_closing_bracket():
    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert mend_definitions({"МОиН РС(Я": full}, "МОиН РС(Я") == {"МОиН РС(Я)": full}
    assert mend_definitions({"ДО (ПК)": "дополнительное образование"}, "") == {"ДО (ПК)": "дополнительное образование"}


def test_a_mended_full_form_is_put_into_the_nominative_again():
    defs = {"ДК": "муниципальным автономным учреждениём «Дом культуры»"}
    assert mend_definitions(defs, "ДК") == {"ДК": "муниципальное автономное учреждение «Дом культуры»"}


def test_a_full_form_takes_the_words_the_document_spells():
    got = mend_definitions({"ВЦ": "«Бологодский областной центр»"}, "ВЦ", lexicon=frozenset({"Вологодский"}))
    assert got == {"ВЦ": "«Вологодский областной центр»"}


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


def test_a_defined_short_form_takes_the_spacing_the_cells_write_most():
    full = "Министерство образования и науки Республики Татарстан"
    cells = "МОиН РТ\nМТЗиСЗ РТ\nМОиНРТ —\nМОиН РТ\nИРО РТ"
    assert mend_definitions({"МОиНРТ": full}, cells) == {"МОиН РТ": full}
    assert mend_definitions({"МОиН РТ": full}, cells) == {"МОиН РТ": full}
    assert mend_definitions({"‚ МОиНРТ": full}, cells) == {"МОиН РТ": full}      # a speck before it too
    # cells that lost the space more often than not: the list's spaced form stays
    glued = "КОиНКО\nКОиНКО, ЦОПП\nКОиН КО"
    assert mend_definitions({"КОиН КО": "комитет образования и науки Энской области"}, glued) == {
        "КОиН КО": "комитет образования и науки Энской области"}


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


def test_a_bracketed_acronym_is_spelled_and_a_misread_word_of_it_mended():
    from normalizers.abbreviations import spells
    from normalizers.ocr_short_forms import defined_as

    full = "Министерство образования и науки Республики Саха (Якутия)"
    assert spells("МОиН РС(Я)", full) and not spells("МОиН РС(Я)", "Министерство образования и науки Саха")
    cells = "МбИН РС(Я)\nИРПО\nМбИН РС(Я)\nМОиН ВС(Я)\nпрофессиональные образовательные организации"
    assert list(mend_definitions({"МОий РС(Я)": full}, cells)) == ["МОиН РС(Я)"]
    defined = {"МОиН РС(Я)", "ИРПО"}
    assert defined_as("МбИН РС(Я)", defined) == "МОиН РС(Я)"
    assert defined_as("МОиН ВС(Я)", defined) == "МОиН РС(Я)"     # an acronym of three letters one off
    assert defined_as("ЦЗН РБ", {"ЦЗН РТ"}) is None                # two letters: a region of its own
    assert defined_as("ГБУ ЦОПП", {"ГКУ ЦОПП"}, {"ГБУ", "ГКУ"}) is None   # both legal forms the glossary has


def test_a_short_form_that_lost_a_letter_takes_the_one_near_spelling_its_full_form_spells():
    cells = "ПОО, ОМСУ\nРЦПО, ПОО\nРЦПО\nМО ОО, ПОО\nмо оО"
    got = mend_definitions({"МО О": "Министерство образования Омской области"}, cells)
    assert got == {"МО ОО": "Министерство образования Омской области"}      # "ПОО" is as near, spells nothing


def test_an_entry_without_its_short_form_takes_the_one_the_cells_write_and_its_words_spell():
    defs = {"МО ОО": "Министерство образования Омской области"}
    full = "профессиональные образовательные организации Омской области"
    got = mend_definitions(defs, "ПОО, РЦПО\nМО ОО, ПОО", orphans=[full])
    assert got == {**defs, "ПОО": full}
    # two the cells write that the words spell ("ПОО", "ОО"): no pick
    assert mend_definitions(defs, "ПОО, РЦПО\nОО", orphans=[full]) == defs


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
    misread = "Минобразования Чуваший Министерство образования Чувашской Республики"     # "й" for "и"
    assert mend_definitions({}, cells, orphans=[misread]) == got


def test_a_full_form_that_is_hardly_words_is_dropped_for_the_glossary():
    cells = "руководители ПОО\nМинобразования Чувашии"
    got = mend_definitions({"ПОО": "п la. е Эбразовательные организации",
                            "Минобразования Чувашии": "Министерство образования Чувашской Республики"}, cells)
    assert got == {"Минобразования Чувашии": "Министерство образования Чувашской Республики"}


def test_a_block_line_opening_with_the_short_form_the_cells_write_is_its_entry():
    line = "Минпромторг нсох министерство промышленности, торговли и развития предпринимательства Новосибирской области"
    cells = "Минобр НСО\nМинпромторг НСО, ЦЗН\nМинпромторг НСО"
    got = mend_definitions({"ЦЗН": "центры занятости населения"}, cells, unread=[line])
    assert got["Минпромторг НСО"] == ("министерство промышленности, торговли и развития предпринимательства "
                                      "Новосибирской области")
    # a line that opens with no form the cells write, or with one already defined, adds nothing
    title = "План мероприятий («дорожная карта») по кадровому обеспечению экономики края"
    assert mend_definitions({"ЦЗН": "центры занятости населения"}, cells, unread=[title]) == {
        "ЦЗН": "центры занятости населения"}
    defined = {"Минпромторг НСО": "министерство промышленности"}
    assert mend_definitions(defined, cells, unread=[line]) == defined


def test_a_block_line_opening_with_a_short_form_the_cells_write_only_before_another_party():
    line = "Минпромторг нсох министерство промышленности, торговли и развития предпринимательства Новосибирской области"
    cells = "Минобр НСО\nМинпромторг НСО предприятия-партнёры\nЦЗН"       # the comma after it lost
    got = mend_definitions({"ЦЗН": "центры занятости населения"}, cells, unread=[line])
    assert got["Минпромторг НСО"].startswith("министерство промышленности")
    assert not any(k.startswith("Минпромторг") and k != "Минпромторг НСО" for k in got)


def test_a_block_line_opening_with_the_cells_form_written_without_its_stray_space_is_its_entry():
    """The cells write "Минпром торг НСО" (a scan's space inside the word), the list line
    "Минпромторг НСО министерство …" (its dash lost): the line's spelling is the short form."""
    line = "Минпромторг НСО министерство промышленности, торговли и развития предпринимательства Новосибирской области"
    cells = "Минобр НСО\nМинпром торг НСО предприятия-партнёры\nЦЗН"
    got = mend_definitions({"ЦЗН": "центры занятости населения"}, cells, unread=[line])
    assert got["Минпромторг НСО"] == ("министерство промышленности, торговли и развития предпринимательства "
                                      "Новосибирской области")
    assert "Минпром торг НСО" not in got


def test_a_syllabic_short_forms_word_part_takes_the_full_forms_spelling():
    """Measured: "Минобразбвания края" in a scan's list (and in every cell) left the short form wrong."""
    from normalizers.ocr_definitions import _tail_from_full

    full = "министерство образования Красноярского края"
    assert _tail_from_full("Минобразбвания", full) == "Минобразования"
    assert _tail_from_full("Минобразования", full) == "Минобразования"   # spelled right: left
    assert _tail_from_full("ККИПК", full) == "ККИПК"                     # an acronym: left
    assert _tail_from_full("Минпросвещения", "министерство просвещения") == "Минпросвещения"


def test_an_acronym_whose_letters_are_no_initials_of_its_full_form_takes_the_one_lookalike_that_is():
    full = ("областное государственное бюджетное учреждение «Энский областной институт повышения "
            "квалификации и переподготовки работников образования»")
    got = mend_definitions({"ЭОИНКРО": full}, "ЭОИНКРО\nЭОИНКРО, ПОО")
    assert list(got) == ["ЭОИПКРО"]                    # "Н" opens no word after "институт"; "П" does
    # a form whose letters are initials in order stays, though the cells write it otherwise
    assert list(mend_definitions({"ЭОИПКРО": full}, "ЭОИПКРО")) == ["ЭОИПКРО"]
    # two look-alikes that both fit: no reading, the form stays
    assert list(mend_definitions({"ЦННО": "центр научной и полезной организации"}, "ЦННО")) == ["ЦННО"]


def test_a_full_form_misread_takes_the_glossarys_words_for_the_run_they_are():
    glossary = {"ПОО": "профессиональные образовательные организации"}
    defs = {"ПОО": "профессиойа образовать дьные организации Энской области"}
    got = mend_definitions(defs, "ПОО", set(glossary), glossary=glossary)
    assert got == {"ПОО": "профессиональные образовательные организации Энской области"}
    # the document's own wording, all words, stays
    defs = {"ПОО": "профессиональных образовательных организаций Энской области"}
    assert mend_definitions(defs, "ПОО", set(glossary), glossary=glossary) == defs
    # a short form the glossary does not know: nothing to take
    defs = {"ПООЭ": "профессиойа образовать дьные организации Энской области"}
    assert mend_definitions(defs, "ПООЭ", set(glossary), glossary=glossary)["ПООЭ"].startswith("профессиойа")


def test_a_run_less_like_the_glossarys_words_takes_them_only_word_for_word_and_when_then_spelled():
    glossary = {"ПОО": "профессиональные образовательные организации"}
    # a stamp over the first word: only the glossary's words make the full form spell "ПОО"
    defs = {"ПОО": "ищуэМьные разовательные организации Энской области"}
    got = mend_definitions(defs, "ПОО", set(glossary), glossary=glossary)
    assert got == {"ПОО": "профессиональные образовательные организации Энской области"}
    # a dictionary word of the run that is not the glossary's at its place: the run is no misreading of it
    defs = {"ПОО": "ищуэМьные разовательные учреждения Энской области"}
    got = mend_definitions(defs, "ПОО", set(glossary), glossary=glossary)
    assert got["ПОО"] != "профессиональные образовательные организации Энской области"


def test_a_short_form_misread_past_a_letter_gives_way_to_the_one_the_cells_write_and_the_full_form_spells():
    full = "государственное автономное учреждение «Институт развития образования Республики Энск»"
    got = mend_definitions({"Меж": full, "МОиН РЭ": "Министерство образования и науки Республики Энск"},
                           "ИРО РЭ\nМОиН РЭ, ИРО РЭ")
    assert got["ИРО РЭ"] == full and "Меж" not in got
    # the cells write no short form the full form spells: the definition stays as read
    assert "Меж" in mend_definitions({"Меж": full}, "МОиН РЭ")
    # a syllabic form with the region's code is a short form, though the cells write it only
    # run into the next mention and write the code alone elsewhere: it stays
    defs = {"Минпромторг НСО": "министерство промышленности и торговли Новосибирской области"}
    assert mend_definitions(defs, "Минпромторг НСО предприятия-партнёры\nНСО\nМинобр НСО") == defs


def test_a_definition_left_with_the_regions_code_alone_takes_the_cells_form_its_full_form_spells():
    """"ИРО РТ - …" read "РТ - …": the code alone, which the full form's end spells, is no body's
    short form; the one undefined form the cells write and the full form spells is."""
    full = "государственное автономное учреждение «Институт развития образования Республики Энск»"
    defs = {"РЭ": full, "МОиН РЭ": "Министерство образования и науки Республики Энск"}
    got = mend_definitions(defs, "МОиН РЭ\nИРО РЭ\nМОиН РЭ, ИРО РЭ")
    assert got["ИРО РЭ"] == full and "РЭ" not in got
    # a list defining the region itself: no cell form the full form spells, the code stays
    region = {"РЭ": "Республика Энск", "МОиН РЭ": "Министерство образования и науки Республики Энск"}
    assert mend_definitions(region, "МОиН РЭ\nИРО РЭ") == region


def test_a_short_form_read_with_a_space_takes_the_cells_spelling_without_it():
    full = "областное учреждение «Энский областной информационный центр»"
    assert list(mend_definitions({"ЭОИ КО": full}, "ЭОИКО (по согласованию)\nЭОИКО")) == ["ЭОИКО"]
    # the cells write the spaced form's words too: kept
    assert list(mend_definitions({"ЭОИ КО": full}, "ЭОИ КО\nЭОИКО")) == ["ЭОИ КО"]


def test_a_full_form_that_lost_its_first_words_takes_them_from_the_glossary():
    glossary = {"ПОО": "профессиональные образовательные организации"}
    for read, whole in (("образовательные организации", "профессиональные образовательные организации"),
                        ("организации Энской области", "профессиональные образовательные организации Энской области"),
                        ("профессноя ракетные организации", "профессиональные образовательные организации")):
        assert mend_definitions({"ПОО": read}, "ПОО", set(glossary), glossary=glossary) == {"ПОО": whole}
    # a full form that spells its acronym, or shares no words with the glossary's end, stays
    for kept in ("площадки опытного обучения", "профессиональные образовательные организации Энской области"):
        assert mend_definitions({"ПОО": kept}, "ПОО", set(glossary), glossary=glossary) == {"ПОО": kept}


def test_an_acronym_read_with_a_letter_that_passes_over_more_words_takes_the_cells_spelling():
    full = ("областное государственное бюджетное учреждение «Энский областной институт повышения "
            "квалификации и переподготовки работников образования»")
    # "Г" is the initial of "государственное" too, but three more words lie between it and the rest
    got = mend_definitions({"ГОИПКРО": full}, "ЭОИПКРО (по согласованию)\nЭОИПКРО")
    assert list(got) == ["ЭОИПКРО"]
    assert list(mend_definitions({"ГОИПКРО": full}, "ПОО")) == ["ГОИПКРО"]     # no other reading: stays


def test_a_list_acronym_its_full_form_spells_stays_where_one_cell_reads_it_otherwise():
    full = "профессиональные образовательные организации Энской области"
    assert list(mend_definitions({"ПОО": full}, "ПоОО\nЦЗН")) == ["ПОО"]
    assert list(mend_definitions({"ПОО": full}, "ПоОО\nПоОО, ЦЗН")) == ["ПоОО"]    # the cells twice: theirs


def test_a_short_form_read_as_a_lower_case_fragment_gives_way_to_the_cells_form():
    full = ("государственное автономное образовательное учреждение дополнительного профессионального "
            "образования «Институт развития образования Республики Энск»")
    got = mend_definitions({"и РЭ": full}, "ИРО РЭ\nИРО РЭ, МОиН РЭ")
    assert list(got) == ["ИРО РЭ"]


def test_a_long_short_form_with_a_specks_stop_loses_it():
    got = mend_definitions({"агентство труда и. занятости населения края": "агентство труда и занятости населения Энского края"},
                           "агентство труда и занятости населения края")
    assert list(got) == ["агентство труда и занятости населения края"]


def test_a_syllabic_short_form_misread_in_its_code_takes_the_cells_spelling_its_full_form_spells():
    full = "Министерство образования и науки Республики Энск"
    got = mend_definitions({"Минобрнауки 6Э": full}, "Минобрнауки РЭ\nМинобрнауки РЭ, РУМЦ")
    assert got == {"Минобрнауки РЭ": full}
    # the cells' spelling a letter away that the full form does not spell: the form read stays
    got = mend_definitions({"Минобрнауки 6Э": full}, "Минобрнауки ТЭ\nМинобрнауки ТЭ")
    assert "Минобрнауки 6Э" in got


@pytest.mark.parametrize("read", ["Минобразования, Энии", 'Минобразования"Энии'])
def test_a_comma_or_quote_speck_between_the_words_of_a_defined_short_form_is_the_space(read):
    full = "Министерство образования Энской Республики"
    got = mend_definitions({read: full}, "Минобразования Энии")
    assert got == {"Минобразования Энии": full}


def test_a_word_in_capitals_of_a_full_form_one_look_alike_from_a_glossary_forms_word_is_read_as_it():
    glossary = {"ДПО": "дополнительное профессиональное образование"}
    got = mend_definitions({"ККИПК": "КГАУ ДНО «Энский краевой институт»"}, "ККИПК", glossary=glossary)
    assert got == {"ККИПК": "КГАУ ДПО «Энский краевой институт»"}
    # without the glossary form: as read
    got = mend_definitions({"ККИПК": "КГАУ ДНО «Энский краевой институт»"}, "ККИПК")
    assert got == {"ККИПК": "КГАУ ДНО «Энский краевой институт»"}


def test_an_entry_that_lost_its_short_form_takes_the_cells_one_not_a_region_code_nor_a_note():
    orphan = "3 дарст казённые учреждения Энской области «Центры занятости населения»"
    cells = "Минобр ЭО\nМинтруд ЭО\nМинэкономразв\nЭО\nЦЗН (по согласованию)"       # "ЭО" alone: a wrapped code
    got = mend_definitions({}, cells, orphans=[orphan])
    assert list(got) == ["ЦЗН"]


def test_a_bodys_name_in_words_misread_by_a_letter_takes_the_spelling_the_cells_write():
    full = "агентство труда и занятости населения Энского края"
    cells = "Минобразования края\nагентство труда и занятости населения края\nагентство труда и занятости населения края"
    got = mend_definitions({"агентство труда и зднятости населения края": full}, cells)
    assert got == {"агентство труда и занятости населения края": full}
    # written once only, and the full form no witness of the word: the name as the list reads it
    once = mend_definitions({"агентство труда и зднятости населения края": "агентство Энского края"},
                            "агентство труда и занятости населения края")
    assert "агентство труда и зднятости населения края" in once


def test_a_short_forms_word_a_letter_off_a_word_of_its_full_form_is_spelled_as_it():
    """A degraded Krasnoyarsk plan's list read "агентсзтво*труда и занятости населения края": the
    mentions, their specks and letters mended, no longer matched the short form."""
    defs = {"агентсзтво труда и занятости населения края": "агентство труда и занятости населения Красноярского края"}
    got = mend_definitions(defs, "агентство труда и занятости населения края")
    assert got == {"агентство труда и занятости населения края": "агентство труда и занятости населения Красноярского края"}


def test_a_region_code_a_list_read_in_lower_case_takes_the_cells_often_written_spelling():
    """A degraded Novosibirsk plan's list read "Минпромторг нео": the cells write "НСО" five times."""
    defs = {"Минпромторг нео": "министерство промышленности, торговли и развития предпринимательства Новосибирской области"}
    cells = "Минэкономразвития НСО\nМинобр НСО\nМинтруд НСО\nМинпромторг НСО предприятия-партнёры\nМинобр НСО"
    assert list(mend_definitions(defs, cells)) == ["Минпромторг НСО"]
    # written once, the full form spelling "Минпромторг НСО" (the syllabic pieces the head of the
    # name, "и развития предпринимательства" its coordinated tail, "НСО" the region's code): mended
    assert list(mend_definitions(defs, "Минпромторг НСО")) == ["Минпромторг НСО"]
    # written once, the full form no witness of the cells' spelling: not enough
    other = {"Минпромторг нео": "министерство промышленности Новосибирской области"}
    assert list(mend_definitions(other, "Минпромторг НСО")) == ["Минпромторг нео"]


def test_an_orphan_entry_that_opens_with_a_misread_glossary_full_form_defines_that_short_form():
    from normalizers.abbreviations import load_glossary

    glossary = load_glossary()
    cells = "ТОИПКРО (по согласованию)\nПОО\nорганы местного самоуправления"
    orphan = "еокйональные образовафельные организации Томской области"
    got = mend_definitions({}, cells, orphans=[orphan], glossary=glossary)
    assert got == {"ПОО": "профессиональные образовательные организации Томской области"}
    # the glossary's words must open the entry: a head word is never added ("образовательные
    # организации высшего образования" is no misreading of "профессиональные образовательные …")
    assert mend_definitions({}, cells, orphans=["образовательные организации высшего образования"],
                            glossary=glossary) == {}
    assert mend_definitions({}, "органы власти", orphans=[orphan], glossary=glossary) == {}   # not in the cells


def test_an_entry_whose_short_form_a_scan_garbled_takes_the_glossary_form_its_full_form_misreads():
    from normalizers.abbreviations import load_glossary

    got = mend_definitions({"Ю": "ексиональныф образовательные организации Томской области"}, "ПОО\nЦЗН",
                           glossary=load_glossary())
    assert got == {"ПОО": "профессиональные образовательные организации Томской области"}


def test_a_syllabic_short_form_one_letter_off_takes_the_cells_spelling_its_full_form_spells_exactly():
    """"Минпромторк НСО" read from a list: "торк" is "торговли" but for a letter, the cells'
    "Минпромторг НСО" spells it letter for letter; both stand for the name, the exact one wins."""
    full = "министерство промышленности, торговли и развития предпринимательства Новосибирской области"
    got = mend_definitions({"Минпромторк НСО": full}, "Минобр НСО\nМинпромторг НСО")
    assert list(got) == ["Минпромторг НСО"]
    # the cells write no form a letter from it: the form as read stays
    assert list(mend_definitions({"Минпромторк НСО": full}, "Минобр НСО\nМинтруд НСО")) == ["Минпромторк НСО"]


def test_an_orphan_entry_finds_its_short_form_in_a_cell_line_that_runs_two_together():
    """A degraded Tatarstan plan: a signature took the list head "ИРО РТ –", and the cells never
    write "ИРО РТ" alone ("МОиН`РТ ИРО РТ", "МОиН РТ ИРО. РТ\\": line breaks lost); the code "РТ"
    ends several short forms, so each form with it is a spelling of its own."""
    orphan = ("автономное образовательное учреждение дополнительного профессионального образования "
              "«Институт развития образования Республики Татарстан»")
    cells = "МОиН РТ\nМТЗиСЗ РТ\nМОиН`РТ ИРО РТ\nМОиН РТ ИРО. РТ\\"
    got = mend_definitions({"МОиН РТ": "Министерство образования и науки Республики Татарстан"}, cells, orphans=[orphan])
    assert got.get("ИРО РТ") == orphan
    # one form a line: nothing run together, no new spelling ("ИРО РТ" never written)
    assert "ИРО РТ" not in mend_definitions({}, "МОиН РТ\nМТЗиСЗ РТ", orphans=[orphan])


def test_the_last_orphan_entry_takes_the_last_short_form_the_cells_write_undefined():
    """A degraded Tomsk list lost "ТОИКО – област…" under specks; the entry's name does not spell
    it, but it is the only entry left and "ТОИКО" the only short form the cells write undefined."""
    entry = "то ла ое государственное бюджетное учреждение Томский областной консультационный центр»"
    got = mend_definitions({"ПОО": "профессиональные образовательные организации"}, "ТОИКО\nПОО\nТОИКО", orphans=[entry])
    assert got["ТОИКО"] == entry


def test_a_list_line_outside_a_block_whose_header_was_garbled_is_an_entry_when_the_cells_write_its_head():
    """A degraded Chuvashia plan read its header "исдк, со аицений:" and "Минобразования Чувашии -
    Манистерство образования Чувашской" / "Республики.": outside a block, and "Манистерство" spells
    no "Мин"; the cells write "Минобразования Чувашии", so the line (with the name's wrapped rest) is its entry."""
    from normalizers.abbreviations import find_definitions, leftover_entries

    text = ("исдк, со аицений:\nоНельные образовательные организации;\n"
            "Минобразования Чувашии - Манистерство образования Чувашской\nРеспублики.")
    orphans, unread = leftover_entries(text)
    got = mend_definitions(find_definitions(text), "руководители ПОО\nМинобразования Чувашии", orphans=orphans, unread=unread)
    assert got["Минобразования Чувашии"].endswith("образования Чувашской Республики")
    assert "Минобразования Чувашии" not in mend_definitions(find_definitions(text), "руководители ПОО",
                                                             orphans=orphans, unread=unread)


def test_a_short_form_the_cells_run_into_the_next_party_is_a_spelling_a_list_form_is_read_against():
    """A degraded Novosibirsk list read "Минпромторг со - министерство …"; the cells write it once,
    run into the next party ("Минпромторг. НСО предприятия-партнёры"): "НСО" ends several forms."""
    cells = "Минобр НСО\nМинтруд НСО\nМинпромторг. НСО предприятия-партнёры"
    full = "министерство промышленности, торговли и развития предпринимательства Новосибирской области"
    assert list(mend_definitions({"Минпромторг со": full}, cells)) == ["Минпромторг НСО"]
