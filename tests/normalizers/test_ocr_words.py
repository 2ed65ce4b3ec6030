"""normalizers.ocr_words: dictionary word mends of scanned text (capitals inside words, first
words one letter off, words a scan split, misread compound heads)."""

import pytest

from normalizers.ocr_words import rejoin_split_words


@pytest.mark.parametrize("text,expected", [
    ("мастерских совреМенного уровня", "мастерских современного уровня"),
    ("СовреМенного", "Современного"),               # a first capital stays
    ("Кемеровской облаСти", "Кемеровской области"),
    ("МОиН РС(Я)", "МОиН РС(Я)"),                    # an abbreviation's inner capital
    ("ДепОбр", "ДепОбр"),                            # no dictionary word
    ("ТомскСтат", "ТомскСтат"),
])
def test_a_capital_read_inside_a_dictionary_word_is_lowered(text, expected):
    from normalizers.ocr_words import lower_inner_capital

    assert lower_inner_capital(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Экснертиза программ", "Экспертиза программ"),          # the cell's first word
    ("итоги. Организацня работы", "итоги. Организация работы"),
    ("работа\nОрганизацня отбора", "работа\nОрганизация отбора"),
    ("Проведение конкурса «Абилимпикс»", "Проведение конкурса «Абилимпикс»"),   # a name inside
    ("Кванториум создан", "Кванториум создан"),              # no dictionary word one letter off
])
def test_a_capitalised_first_word_one_letter_from_one_dictionary_word_is_mended(text, expected):
    from normalizers.ocr_words import mend_misread_words

    assert mend_misread_words(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Торгово-промышлен ‚ная палата", "Торгово-промышленная палата"),   # a speck's mark in a word
    ("НСО предприя. тия-партнёры", "НСО предприятия-партнёры"),
    ("образова ния", "образования"),                                   # a lost letter's space
    ("млн руб", "млн руб"), ("центр рег. развития", "центр рег. развития"),   # abbreviations
    ("работы по плану", "работы по плану"), ("консультан онный", "консультан онный"),  # no whole word
    ("профессиональн\nые образовательные", "профессиональные образовательные"),   # broken over lines
    ("органы\nво", "органы\nво"), ("ЦОПП\nи", "ЦОПП\nи"),       # a word on each line stays
])
def test_two_pieces_of_a_word_a_scan_split_are_joined_where_only_the_whole_is_a_word(text, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(text) == expected


def test_a_breve_i_after_a_consonant_is_read_as_i():
    from normalizers.ocr_words import nearest_word

    # "й" after a consonant is no Russian spelling ("учрежденье" is a letter away too)
    assert nearest_word("учрежденйе") == "учреждение"
    assert nearest_word("собранйе") == "собрание"
    # after a vowel "й" is a letter of its own: a known word stays; no word with "и": nothing forced
    assert nearest_word("майский") is None
    assert nearest_word("блйщрок") is None


def test_the_misread_head_of_a_hyphenated_compound_is_mended_only_to_a_linking_form():
    from normalizers.ocr_words import mend_compound_heads, mend_misread_words

    assert mend_compound_heads("профессиенально-общественный совет") == "профессионально-общественный совет"
    assert mend_misread_words("Центр информациенно-аналитический") == "Центр информационно-аналитический"
    # heads that are no words but right ("медико-", "северо-"): the only words a letter away are
    # a name and a numeral, no linking forms
    for text in ("медико-социальный", "северо-западный", "историко-культурный", "научно-исследовательский"):
        assert mend_compound_heads(text) == text


@pytest.mark.parametrize("read, expected", [
    ("Торгово: промышленная палата", "Торгово-промышленная палата"),
    ("ГАПОУ «Чебоксарский экономико: технологический колледж»", "ГАПОУ «Чебоксарский экономико-технологический колледж»"),
    ("транспортно; энергетический техникум", "транспортно-энергетический техникум"),
    ("очень много: новых программ", "очень много: новых программ"),     # an adverb's colon stays
    ("такого: вида", "такого: вида"),
    ("Итого: проведено", "Итого: проведено"),
])
def test_a_compound_adjectives_hyphen_read_as_a_colon(read, expected):
    from normalizers.ocr_words import mend_compound_marks

    assert mend_compound_marks(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("Санитарно-энидемиологическая экспертиза", "Санитарно-эпидемиологическая экспертиза"),
    ("санитарно-эпидемиопогическая", "санитарно-эпидемиологическая"),
    ("учебно-методический", "учебно-методический"),          # spelled right
])
def test_the_last_part_of_a_compound_is_mended_as_a_word(read, expected):
    from normalizers.ocr_words import mend_misread_words

    assert mend_misread_words(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("организациями и общественным и организациями инвалидов", "организациями и общественными организациями инвалидов"),
    ("организациями и общественным\nи организациями инвалидов", "организациями и общественными организациями инвалидов"),
    ("работа с новым и старым оборудованием", "работа с новым и старым оборудованием"),     # two adjectives
])
def test_an_instrumental_plurals_last_letter_split_off_is_joined_back(read, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("Доля трудоустроен 5 ных не менее", "Доля трудоустроенных не менее"),    # a speck read as a digit
    ("не менее 5 ед", "не менее 5 ед"),                                      # a number between words
])
def test_a_word_split_by_a_speck_read_as_a_digit_is_joined(read, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("Министерство образован” ия и науки", "Министерство образования и науки"),   # a name's reading is no word
    ("Министерство образования и науки Пермског.\n-о края", "Министерство образования и науки Пермского края"),
    ("Министерство образования и науки Пермского\n-о работе", "Министерство образования и науки Пермского\n-о работе"),
    ("организация о\nка", "организация о\nка"),                  # two words stay two
])
def test_a_word_split_with_a_specks_mark_or_a_names_reading_is_joined(read, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("министерство образования и науки Пермског 0 края", "министерство образования и науки Пермского края"),
    ("в количестве 0 единиц", "в количестве 0 единиц"),           # a word of its own before a zero
])
def test_a_words_last_o_read_as_a_zero_apart_is_joined(read, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("организациями-и общественными", "организациями и общественными"),
    ("заместитель/ министра", "заместитель министра"),
    ("ПОО/ЦЗН", "ПОО/ЦЗН"), ("учебно-методический", "учебно-методический"),
])
def test_a_hyphen_before_a_one_letter_word_and_a_slash_before_a_space_are_specks(read, expected):
    from normalizers.ocr_words import split_speck_hyphens

    assert split_speck_hyphens(read) == expected


@pytest.mark.parametrize("text, expected", [
    ("горгово-промышленная палата", "торгово-промышленная палата"),    # "торгово" alone is no word
    ("Горгово-промышленная палата", "Торгово-промышленная палата"),    # the name's capital stays
    ("Информациенно-консультационный центр", "Информационно-консультационный центр"),
    ("Медико-социальный центр", "Медико-социальный центр"),
])
def test_a_compound_head_one_letter_off_that_makes_the_compound_a_word(text, expected):
    from normalizers.ocr_words import mend_compound_heads

    assert mend_compound_heads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("переподгатовкиработников образования", "переподготовки работников образования"),
    ("мастерскихпроизводственного обучения", "мастерских производственного обучения"),
    ("высококвалифицированных", "высококвалифицированных"),      # one word
    ("переподгатовкирабатников", "переподгатовкирабатников"),    # both pieces misread: no split
])
def test_two_words_run_together_are_split(text, expected):
    from normalizers.ocr_words import split_glued_words

    assert split_glued_words(text) == expected


@pytest.mark.parametrize("read, mended", [
    # measured on grey photocopies: "ов" read as " з", both pieces words by chance ("звательный")
    ("профессиональные образ звательные организации", "профессиональные образовательные организации"),
    ("руководители образ звательных организаций", "руководители образовательных организаций"),
])
def test_a_long_word_split_where_a_letter_was_garbled_is_mended(read, mended):
    assert rejoin_split_words(read) == mended


@pytest.mark.parametrize("text", ["образ жизни", "план мероприятия по развитию", "проведение конкурса профессионального мастерства",
                                  "обеспечение деятельности центров"])
def test_pairs_of_real_words_stay(text):
    assert rejoin_split_words(text) == text


def test_an_instrumental_plural_whose_i_stands_on_a_line_of_its_own_is_joined():
    assert rejoin_split_words("организациями\nи\nобщественным\nи\nорганизациями") == (
        "организациями\nи\nобщественными организациями")


@pytest.mark.parametrize("read, joined", [
    # measured on a grey photocopy: the tail's own "и" had been split off as a conjunction
    ("профессиональными образовательн ыми организациями", "профессиональными образовательными организациями"),
    ("Министерство образован ияи науки", "Министерство образования и науки"),     # a conjunction run in
])
def test_a_tail_ending_in_a_conjunction_letter_is_joined_whole_when_that_is_a_word(read, joined):
    assert rejoin_split_words(read) == joined


@pytest.mark.parametrize("word, nearest", [
    ("агентсзтво", "агентство"),          # measured: a speck read as a letter inside the word
    ("лодготовки", "подготовки"),          # one letter changed, as before
    ("сзтво", None),                       # too short to tell
])
def test_the_nearest_word_may_drop_one_inner_letter_of_a_long_word(word, nearest):
    from normalizers.ocr_words import nearest_word

    assert nearest_word(word) == nearest
