"""split_parties: separators, protected commas, agreement marks, definitions, gold party F1."""
import random

import pytest

from normalizers.parties import PartyMention, split_after_defined, split_parties
from tests.normalizers.gold_data import f1, gold_params, load_gold, party_counts


def names(text):
    return [m.name for m in split_parties(text)]


def test_empty_cell_gives_no_parties():
    assert split_parties(None) == []
    assert split_parties("  \n ") == []


def test_splits_at_commas_semicolons_and_line_breaks_but_not_at_i():
    assert names("ПОО, ОВО; РКЦ\nИРО") == ["ПОО", "ОВО", "РКЦ", "ИРО"]
    assert names("РКЦ, ОВО, ПОО и отраслевые объединения работодателей") == [
        "РКЦ", "ОВО", "ПОО и отраслевые объединения работодателей"]


def test_never_splits_inside_quotes_or_parentheses():
    text = "Союз «Агентство развития (Ворлдскиллс, Россия)», ЦОПП (Иркутск, Ангарск)"
    assert names(text) == ["Союз «Агентство развития (Ворлдскиллс, Россия)»", "ЦОПП (Иркутск, Ангарск)"]


def test_participle_continuation_stays_in_one_name():
    text = ("Министерство образования Тульской области, ЦОПП, государственные профессиональные "
            "образовательные организации, подведомственные министерству образования Тульской области "
            "(далее – ГПОУ ТО) (по согласованию)")
    parties = split_parties(text)
    assert [p.name for p in parties] == [
        "Министерство образования Тульской области", "ЦОПП",
        "государственные профессиональные образовательные организации, подведомственные министерству "
        "образования Тульской области"]
    assert parties[2].by_agreement and parties[2].defines == "ГПОУ ТО"
    assert names("образовательные организации, реализующие программы СПО, отраслевые объединения") == [
        "образовательные организации, реализующие программы СПО", "отраслевые объединения"]


def test_by_agreement_is_set_and_removed():
    parties = split_parties("ОИВ (по согласованию), объединения работодателей (по согласованию), ПОО")
    assert [(p.name, p.by_agreement) for p in parties] == [
        ("ОИВ", True), ("объединения работодателей", True), ("ПОО", False)]
    # a scan's speck after "по" ("(по: согласованию)", "(по. согласованию)")
    parties = split_parties("ГАУ КО «Центр» (по: согласованию)\nЦЗН (по. согласованию) ПОО")
    assert [(p.name, p.by_agreement) for p in parties] == [("ГАУ КО «Центр»", True), ("ЦЗН", True), ("ПОО", False)]
    # the bracket read as a letter glued to "по" ("ino согласованию)")
    parties = split_parties("органы местного самоуправления ino согласованию)")
    assert [(p.name, p.by_agreement) for p in parties] == [("органы местного самоуправления", True)]


def test_defines_is_recorded_and_removed():
    [party] = split_parties("ГАУ ДПО «АМИРО» (далее – ИРО)")
    assert party == PartyMention(name="ГАУ ДПО «АМИРО»", by_agreement=False, defines="ИРО",
                                 raw="ГАУ ДПО «АМИРО» (далее – ИРО)")


def test_bullets_and_numbering_are_not_part_of_names_and_duplicates_are_kept():
    assert names("- ДТиЗН КО\n- ДОиН КО\n1. ОО\n2) ОО") == ["ДТиЗН КО", "ДОиН КО", "ОО", "ОО"]


def test_soft_line_break_inside_a_name_is_joined():
    assert names("министерство образования и\nнауки Калужской области\nПОО") == [
        "министерство образования и науки Калужской области", "ПОО"]


@pytest.mark.parametrize("gold_path", gold_params())
def test_party_f1_on_gold_is_at_least_095(gold_path):
    gold = load_gold(gold_path)
    activities = list(gold["activities"])
    random.Random(7).shuffle(activities)  # order-independent
    tp = gt = pt = 0
    for activity in activities:
        predicted = names(activity["responsible"])
        a, b, c = party_counts([p["name"] for p in activity["parties"]], predicted)
        tp, gt, pt = tp + a, gt + b, pt + c
    assert f1(tp, gt, pt) >= 0.95


@pytest.mark.parametrize("gold_path", gold_params())
def test_by_agreement_matches_gold(gold_path):
    gold = load_gold(gold_path)
    for activity in gold["activities"]:
        got = {(p.name, p.by_agreement) for p in split_parties(activity["responsible"])}
        want = {(p["name"], p["by_agreement"]) for p in activity["parties"]}
        assert want <= got


def test_a_defined_abbreviation_followed_by_another_name_is_two_parties():
    from normalizers.parties import split_after_defined
    shorts = {"МОиН РТ", "МТЗиСЗ РТ", "ЦЗН", "Минпромторг ПК"}
    got = split_after_defined(split_parties("МТЗиСЗ РТ муниципальные органы управления образованием "
                                            "(по согласованию)"), shorts)
    assert [(m.name, m.by_agreement) for m in got] == [
        ("МТЗиСЗ РТ", False), ("муниципальные органы управления образованием", True)]
    got = split_after_defined(split_parties("МОиН РТ Торгово-промышленная палата Республики Татарстан"), shorts)
    assert [m.name for m in got] == ["МОиН РТ", "Торгово-промышленная палата Республики Татарстан"]
    # a misread word after it ("совместио" for "совместно с …") opens no name: pymorphy only guesses it
    got = split_after_defined(split_parties("ЦЗН совместио с профессиональными образовательными организациями"), shorts)
    assert [m.name for m in got] == ["ЦЗН совместио с профессиональными образовательными организациями"]
    # a genitive complement stays with the abbreviation
    assert [m.name for m in split_after_defined(split_parties("ЦЗН Калужской области"), shorts)] == [
        "ЦЗН Калужской области"]
    assert [m.name for m in split_after_defined(split_parties("ЦЗН г. Калуги"), shorts)] == ["ЦЗН г. Калуги"]
    # a defined abbreviation broken in a narrow column
    assert [m.name for m in split_after_defined(split_parties("Минпром торг ПК"), shorts)] == ["Минпромторг ПК"]


def test_text_after_by_agreement_with_no_separator_is_the_next_party():
    """"(по согласованию)" closes a name: a PDF cell that listed one organisation per line keeps no
    line break where the next name was too long for the line."""
    got = split_parties("ГКУ Центр занятости населения (по согласованию) профессиональные образовательные "
                        "организации")
    assert [(m.name, m.by_agreement) for m in got] == [
        ("ГКУ Центр занятости населения", True), ("профессиональные образовательные организации", False)]
    assert [m.name for m in split_parties("ЦЗН (по согласованию), ПОО")] == ["ЦЗН", "ПОО"]
    assert [m.name for m in split_parties("Работодатели (по согласованию)")] == ["Работодатели"]


def test_a_quote_opened_and_never_closed_does_not_glue_the_cell():
    # a speck read as „ before the first name of a scanned cell
    assert [m.name for m in split_parties("„Минсельхоз АО\nМинобр АО")] == ["Минсельхоз АО", "Минобр АО"]
    assert [m.name for m in split_parties("ГБПОУ «Колледж\nсервиса»\nЦЗН")] == ["ГБПОУ «Колледж сервиса»", "ЦЗН"]
    assert [m.name for m in split_parties("«Колледж сервиса»")] == ["«Колледж сервиса»"]
    assert [m.name for m in split_parties("\"„РУМЦ")] == ["РУМЦ"]                  # two specks read as quotes
    assert split_parties("„") == [] and split_parties("« „") == []              # quotes alone: no name, no loop


def test_a_dash_after_a_closing_bracket_at_a_line_end_joins_nothing():
    # no word breaks after ")": the dash is a speck, the next line another party
    assert [m.name for m in split_parties("МОиН РС(Я)-\nпрофессиональные образовательные организации")] == \
        ["МОиН РС(Я)", "профессиональные образовательные организации"]


def test_a_dash_after_an_acronym_before_a_capitalised_line_joins_nothing():
    # measured on a grey photocopy: "КОиН КО-" / "Минпромтранс КО" had become one party
    assert [m.name for m in split_parties("КОиН КО-\nМинпромтранс КО\nЦОПП")] == ["КОиН КО", "Минпромтранс КО", "ЦОПП"]
    # a word broken at a line's end still joins, an acronym's compound with a lower-case word too
    assert len(split_parties("Министерство экономиче-\nского развития")) == 1
    assert [m.name for m in split_parties("IT-\nкомпании")] == ["IT-компании"]


def test_the_codes_a_document_writes_for_its_region():
    from normalizers.parties import region_codes_written

    names = ["Минобр НСО", "Минтруд НСО", "ЦЗН", "Минпромторг НСО предприятия-партнёры"]
    assert region_codes_written(names, "НО") == {"НСО", "НО"}
    assert region_codes_written(["Минобр НСО", "ЦЗН"]) == set(), "one use is no code"


def test_a_body_and_its_region_code_at_a_mentions_head_is_a_short_form_there():
    from normalizers.parties import coded_heads

    names = ["Минпромторг НСО предприятия-партнёры", "Министерство образования НСО", "Минобр НСО"]
    assert coded_heads(names, {"НСО"}) == {"Минпромторг НСО"}
    assert coded_heads(["Минпромторг НСО предприятия"], {"РБ"}) == set()
    shorts = coded_heads(names, {"НСО"})
    split = split_after_defined([PartyMention(name=names[0], by_agreement=False, defines=None, raw=names[0])], shorts)
    assert [m.name for m in split] == ["Минпромторг НСО", "предприятия-партнёры"]


def test_a_legal_form_and_a_region_code_before_a_quoted_name_is_one_party():
    from normalizers.parties import coded_heads, region_codes_written

    assert coded_heads(["ГПОУ ТО «Тульский колледж № 12»", "Минздрав ТО «Центр»"], {"ТО"}) == set()
    assert region_codes_written(["ГПОУ ТО", "ГАУ ТО"]) == set(), "legal forms in capitals are no body's short form"


def test_agreement_whose_bracket_and_po_a_signature_took():
    got = split_parties("ГКУ Центр занятости населения согласованию)\nПОО")
    assert [(m.name, m.by_agreement) for m in got] == [("ГКУ Центр занятости населения", True), ("ПОО", False)]



def test_agreement_with_a_latin_po_and_a_brace_after_it():
    got = split_parties("ТОИПКРО (no согласованию), ТОИКО (по согласованию)\nработодатели (по согласованию)}")
    assert [(m.name, m.by_agreement) for m in got] == [("ТОИПКРО", True), ("ТОИКО", True), ("работодатели", True)]


def test_a_line_after_an_agreement_note_is_the_next_party():
    got = split_parties("ГАУ КО «Центр подготовки» (по согласованию)\nрябого датели (по согласованию)")
    assert [m.name for m in got] == ["ГАУ КО «Центр подготовки»", "рябого датели"]


def test_a_coded_name_then_a_defined_form_is_two_parties():
    from normalizers.parties import split_coded_then_defined

    got = split_coded_then_defined(split_parties("МОиН РС(Я) ИРПО\nЦЗН"), {"ИРПО"}, {"РС(Я)"})
    assert [m.name for m in got] == ["МОиН РС(Я)", "ИРПО", "ЦЗН"]
    kept = split_coded_then_defined(split_parties("МОиН РС(Я) ИРПО"), set(), {"РС(Я)"})
    assert [m.name for m in kept] == ["МОиН РС(Я) ИРПО"]          # no defined form after the code


def test_a_line_opening_with_a_speck_and_and_continues_the_name_above():
    """A degraded Bashkiria plan read the wrap "… организациями / и общественными …" with "-." before
    "и": the party had been split in two, the second opening with "и"."""
    text = ("РУМЦ совместно с профессиональными образовательными организациями\n"
            "-.и общественными организациями инвалидов (по согласованию)")
    assert [m.name for m in split_parties(text)] == [
        "РУМЦ совместно с профессиональными образовательными организациями и общественными организациями инвалидов"]
    assert [m.name for m in split_parties("ЦЗН\n- ПОО")] == ["ЦЗН", "ПОО"]


def test_a_definition_whose_dalee_a_scan_read_with_yo_is_a_definition():
    got = split_parties("КГАУ ДПО «Красноярский краевой институт» (далёе - ККИПК)")
    assert [(m.name, m.defines) for m in got] == [("КГАУ ДПО «Красноярский краевой институт»", "ККИПК")]


def test_a_misread_word_opens_a_name_as_the_dictionary_words_a_letter_away_do():
    """"совместио" (of "совместно с …") is a letter from "совместно", "совместим", … — none opens a
    name, so "ЦЗН совместио с …" is one party; "предприя" (cut short) is a letter from no word: the
    guessed parse stands, and "Минпромторг НСО предприя партнеры" is two."""
    from normalizers.parties import split_after_defined

    one = split_after_defined(split_parties("ЦЗН совместио с профессиональными организациями"), {"ЦЗН"})
    assert [m.name for m in one] == ["ЦЗН совместио с профессиональными организациями"]
    two = split_after_defined(split_parties("Минпромторг НСО предприя партнеры"), {"Минпромторг НСО"})
    assert [m.name for m in two] == ["Минпромторг НСО", "предприя партнеры"]


@pytest.mark.parametrize("text, unread", [("МО ОО, 100", ["100"]), ("РКЦ, 12", []), ("ЦОПП\n—", []),
                                          ("ОО, 00", []), ("Д` г", []), (None, [])])
def test_pieces_of_a_responsible_cell_that_read_as_no_name(text, unread):
    from normalizers.parties import unread_pieces

    assert unread_pieces(text) == unread
