"""Soft wraps joined, hard breaks kept, in PDF cell text."""

from extractors.grid import Word
from extractors.lines import cell_text, text_lines


def words(line_specs, h=10.0, cw=5.0):
    """[(top, x0, "text words")] → Word list; each char cw points wide."""
    out = []
    for top, x, text in line_specs:
        for t in text.split():
            out.append(Word(t, x, top, x + cw * len(t), top + h))
            x += cw * (len(t) + 1)
    return out


def test_wrapped_lines_join_and_list_items_stay_apart():
    wrapped = words([(0, 0, "Министерство образования и"), (12, 0, "науки Амурской области")])
    assert cell_text(wrapped, right=140) == "Министерство образования и науки Амурской области"
    listed = words([(0, 0, "ДТиЗН КО"), (12, 0, "ДОиН КО"), (24, 0, "АМ")])
    assert cell_text(listed, right=200) == "ДТиЗН КО\nДОиН КО\nАМ"


def test_bullets_break_and_hyphen_kept_for_the_dictionary():
    bul = words([(0, 0, "- первый пункт списка длинный"), (12, 0, "- второй")])
    assert cell_text(bul, right=150) == "- первый пункт списка длинный\n- второй"
    hyph = words([(0, 0, "подготовки высококвалифици-"), (12, 0, "рованных кадров")])
    assert cell_text(hyph, right=140) == "подготовки высококвалифици-\nрованных кадров"


def test_text_lines_groups_by_vertical_centre():
    ws = [Word("b", 20, 0.5, 25, 10.5), Word("a", 0, 0, 5, 10), Word("c", 0, 12, 5, 22)]
    assert [[w.text for w in ln] for ln in text_lines(ws)] == [["a", "b"], ["c"]]


def test_abbreviation_after_a_closed_name_starts_a_new_item():
    ws = words([(0, 0, "ГБУ ДПО «КРИРПО»"), (12, 0, "МОУО")])
    assert cell_text(ws, right=90) == "ГБУ ДПО «КРИРПО»\nМОУО"
    ws = words([(0, 0, "Министерство образования"), (12, 0, "Амурской области")])
    assert cell_text(ws, right=125) == "Министерство образования Амурской области"


def test_number_wrapped_in_a_narrow_column_is_rejoined():
    ws = [Word("110", 0, 0, 15, 10), Word("0", 0, 12, 5, 22)]
    assert cell_text(ws, right=20) == "1100"


def test_year_range_wrapped_at_its_dash_is_rejoined():
    ws = [Word("2021-", 0, 0, 25, 10), Word("2023", 0, 12, 20, 22)]
    assert cell_text(ws, right=30) == "2021-2023"
    ws = words([(0, 0, "предприятия-"), (12, 0, "партнеры")])
    assert cell_text(ws, right=70) == "предприятия-\nпартнеры"


def test_a_dash_with_a_stroke_high_box_stays_on_its_line():
    # OCR boxes are as high as the ink: a dash is a point high, a capital-only word lower
    # than one with brackets; "(далее — РКЦ), ГАУ" is one line all the same
    ws = [Word("(далее", 0, 212.4, 25, 220.3), Word("—", 26, 215.6, 32, 216.4),
          Word("РКЦ),", 33, 212.0, 50, 220.3), Word("ГАУ", 52, 212.4, 65, 218.5),
          Word("Россия)»", 0, 201.6, 30, 209.9)]
    assert [[w.text for w in ln] for ln in text_lines(ws)] == [["Россия)»"], ["(далее", "—", "РКЦ),", "ГАУ"]]


def test_words_too_wide_for_a_narrow_column_are_joined_by_the_dictionary():
    """LibreOffice breaks a word wider than its column where the line is full, with no hyphen
    (``right`` is the cell's edge: 5.4 pt of padding beyond the widest line)."""
    broken = words([(0, 0, "Министерст"), (12, 0, "во")])
    assert cell_text(broken, right=56) == "Министерство"
    tail = words([(0, 0, "ежеквартальн"), (12, 0, "о")])
    assert cell_text(tail, right=66) == "ежеквартально"
    thrice = words([(0, 0, "Информа"), (12, 0, "ционные"), (24, 0, "материал"), (36, 0, "ы")])
    assert cell_text(thrice, right=46) == "Информационные материалы", "the whole word so far is checked"
    comma = words([(0, 0, "образования"), (12, 0, ", органы")])
    assert cell_text(comma, right=61) == "образования, органы"
    date = words([(0, 0, "01.03.202"), (12, 0, "0")])
    assert cell_text(date, right=51) == "01.03.2020"
    # a line far below (a cell a lost rule spans over two rows: "31.12.2022" … "31.12.2022")
    # holds no broken word's tail
    apart = words([(0, 0, "31.12.2022"), (60, 0, "31.12.2022")])
    assert cell_text(apart, right=51).split() == ["31.12.2022", "31.12.2022"]
    # the piece is a word and the whole is none ("Республики" / "Татарстан"): two words
    two = words([(0, 0, "Республики"), (12, 0, "Татарстан")])
    assert cell_text(two, right=56) == "Республики Татарстан"
    # a line that ends well short of the edge holds a whole word (and "а" would have fitted)
    short = words([(0, 0, "мониторинг"), (12, 0, "а также проведение")])
    assert cell_text(short, right=100) == "мониторинг\nа также проведение"


def test_dashes_at_a_line_end():
    ranged = words([(0, 0, "февраль–"), (12, 0, "март 2022")])
    assert cell_text(ranged, right=51) == "февраль–март 2022"
    spaced = words([(0, 0, "2021 –"), (12, 0, "2023 годы")])
    assert cell_text(spaced, right=51) == "2021 – 2023 годы"
    hyphen_alone = words([(0, 0, "материально"), (12, 0, "-"), (24, 0, "технической")])
    assert cell_text(hyphen_alone, right=61) == "материально-\nтехнической"


def test_pieces_of_a_cell_broken_by_a_page():
    from extractors.lines import piece_separator
    assert piece_separator("Организация работы центров опережающ", "ей подготовки") == ""
    assert piece_separator("август–", "сентябрь 2022") == ""
    assert piece_separator("Организация работы", "центров подготовки") == " "
    assert piece_separator("«КРИРПО»", "МОУО") == "\n"


def test_a_broken_short_name_is_one_word_when_the_document_prints_it_whole():
    """"Минпром" / "торг": both pieces are words pymorphy3 knows and the whole is not, so only the
    document itself tells that "Минпромторг" is one name (printed unbroken in the order's text)."""
    from extractors.lines import document_words
    broken = words([(0, 0, "Минпром"), (12, 0, "торг ПК,")])
    assert cell_text(broken, right=36) == "Минпром торг ПК,"
    with document_words(words([(100, 0, "(Минпромторг ПК)")])):
        assert cell_text(broken, right=36) == "Минпромторг ПК,"
        two = words([(0, 0, "Республики"), (12, 0, "татарстан")])
        assert cell_text(two, right=51) == "Республики татарстан", "a whole the document never prints"
    assert cell_text(broken, right=36) == "Минпром торг ПК,", "the words belong to one document"


def test_a_short_organisation_name_after_a_closed_name_starts_a_new_item():
    """"Минобр НСО" / "Минтруд НСО": the next line's word would not have fitted, but the dictionary
    tags "Минтруд" as an organisation's name, so it opens the next party; "Министерство" or a
    region in the genitive goes on with the name above."""
    listed = words([(0, 0, "Минобр НСО"), (12, 0, "Минтруд НСО")])
    assert cell_text(listed, right=51) == "Минобр НСО\nМинтруд НСО"
    agency = words([(0, 0, "ЦЗН"), (12, 0, "Рособрнадзор")])
    assert cell_text(agency, right=16) == "ЦЗН\nРособрнадзор"
    wrapped = words([(0, 0, "ГБУ НСО"), (12, 0, "Министерство")])
    assert cell_text(wrapped, right=36) == "ГБУ НСО Министерство"
    region = words([(0, 0, "ГАУ ДПО РС(Я)"), (12, 0, "Республики Саха")])
    assert cell_text(region, right=66) == "ГАУ ДПО РС(Я) Республики Саха"


def test_white_space_between_two_lines_of_a_cell_opens_a_new_paragraph():
    """"… Томской области" / (space after the paragraph) / "работодатели (по согласованию)": the
    next word would not have fitted on the short line, but the wider step between the lines shows
    a new paragraph of the cell (three lines at least, so that the usual step is known)."""
    cell = words([(0, 0, "Департамент"), (12, 0, "образования Томской"), (24, 0, "области"),
                  (44, 0, "работодатели (по"), (56, 0, "согласованию)")])
    assert cell_text(cell, right=100) == ("Департамент образования Томской области\n"
                                          "работодатели (по согласованию)")
    spaced = words([(0, 0, "Департамент"), (20, 0, "образования Томской"), (40, 0, "области"),
                    (60, 0, "работодатели (по")])
    assert cell_text(spaced, right=100) == "Департамент образования Томской области работодатели (по", \
        "one and a half line spacing: every step alike"
    two = words([(0, 0, "области"), (24, 0, "работодатели")])
    assert cell_text(two, right=100) == "области работодатели"


def test_a_word_box_as_high_as_two_lines_goes_with_the_line_it_fits_in():
    # OCR gave "профессионального" a box from the line above down to its own line; it lies under
    # "государственное", so it cannot be of that line
    ws = [Word("ИРО", 0, 113, 25, 122), Word("государственное", 30, 115.6, 150, 124.2),
          Word("профессионального", 125, 114.1, 230, 141.5), Word("учреждение", 235, 115.6, 300, 124.2),
          Word("дополнительного", 0, 130.3, 100, 138.2), Word("развития", 240, 130.3, 290, 139)]
    assert [[w.text for w in ln] for ln in text_lines(ws)] == [
        ["ИРО", "государственное", "учреждение"], ["дополнительного", "профессионального", "развития"]]
    # ... and one that took in the line below, at a line's start where that line has room, stays
    # there, and the line below stays apart ("оеластрой" over "ПОО")
    ws = [Word("учреждение", 350, 123.5, 418, 133.6), Word("«Томский", 422, 123.5, 473, 131.4),
          Word("оеластрой", 88.9, 135.7, 143.6, 163.1), Word("информационно-консультационный", 148, 136.8, 337, 149),
          Word("центр»;", 341, 139.3, 380, 147.2), Word("ПОО", 90, 152.6, 120, 161.2),
          Word("образовательные", 230, 156.6, 322, 168.1)]
    assert [[w.text for w in ln] for ln in text_lines(ws)] == [
        ["учреждение", "«Томский"], ["оеластрой", "информационно-консультационный", "центр»;"],
        ["ПОО", "образовательные"]]


def test_a_tall_dash_over_a_word_stays_on_its_line():
    ws = [Word("МОЙНРТ", 350.3, 210.2, 491, 225.7), Word("—", 418.3, 208.8, 426.2, 227.2),
          Word("Торгово-", 349.2, 237.6, 398.9, 248.8), Word("палата", 374, 269.3, 412.9, 275.8)]
    assert [[w.text for w in ln] for ln in text_lines(ws)][0] == ["МОЙНРТ", "—"]


def _texts(ws):
    return [" ".join(w.text for w in ln) for ln in text_lines(ws)]


def test_a_tall_box_read_twice_inside_a_word_does_not_cut_its_line():
    # an OCR box of "по" twice as high as the line, inside the box of "мероприятий. по": the rest
    # of the line stays one line, in order, and the word is read once
    ws = words([(0, 0, "План"), (0.3, 115, "развитию системы")])
    ws += [Word("мероприятий. по", 30, 0.5, 108, 10.5), Word("по", 97, -4, 108, 18)]
    assert _texts(ws) == ["План мероприятий. по развитию системы"]


def test_a_tall_box_over_two_lines_leaves_the_words_beside_it_on_their_line():
    line = words([(0, 0, "План"), (0.5, 30, "мероприятий"), (2, 115, "развитию системы")])
    tall = Word("гпрофессиональной", 25, -4, 80, 17)       # two lines read as one box, across "мероприятий"
    below = words([(12, 0, "обучающихся области")])
    assert _texts(line + [tall] + below)[0] == "План мероприятий развитию системы"


def test_a_tall_word_under_a_word_it_opens_is_the_next_lines():
    ws = [Word("производственного", 82, 412, 156, 418), Word("обучения", 159, 410, 194, 419),
          Word("на", 197, 412, 205, 417), Word("производстве", 82, 419, 134, 433)]
    ws += words([(401, 82, "педагогических кадров и мастеров")], h=7)
    assert _texts(ws)[-1] == "производстве"


def test_a_box_a_little_taller_than_its_line_inside_a_wide_neighbours_box_stays_on_the_line():
    # "Минобразования" boxed with a speck after it reaches over "края", whose box is a little
    # taller than the line (a re-read): still one line; a box two lines high stays out
    from extractors.grid import Word

    def mk(text, x0, top, x1, bottom):
        return Word(text=text, x0=x0, top=top, x1=x1, bottom=bottom)

    body = [mk(f"слово{i}", 10 + i * 60, 100 + j * 14, 60 + i * 60, 109.5 + j * 14) for i in range(5) for j in range(6)]
    line = [mk("Минобразования", 90.7, 309.2, 220.0, 321.8), mk("края", 192.2, 307.8, 217.1, 323.3),
            mk("министерство", 236.0, 309.2, 311.0, 321.8)]
    got = [[w.text for w in ln] for ln in text_lines(body + line) if any(w.top > 300 for w in ln)]
    assert got == [["Минобразования", "края", "министерство"]]
    two = [mk("государственное", 10, 400, 100, 409.5), mk("профессионального", 10, 398, 110, 424)]
    got = [[w.text for w in ln] for ln in text_lines(body + two) if any(w.top > 390 for w in ln)]
    assert got == [["государственное"], ["профессионального"]]
