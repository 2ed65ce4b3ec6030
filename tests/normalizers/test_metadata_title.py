"""normalizers.metadata_title: the title a plan's first page gives."""


def test_a_title_that_ends_with_its_period_takes_a_lower_case_line_only_when_it_links_on():
    """A degraded Chuvashia plan: "… Чувашской Республики на 2022-2024 годы" then the abbreviation
    list's garbled line "п@о к/бо Бащеёний. в …" in lower case; a title goes on after its period
    only with a linking word ("и на период до 2030 года")."""
    from normalizers.metadata_title import find_title

    head = "План мероприятий по развитию образования на 2022-2024 годы"
    assert find_title(["ПРИКАЗ", head, "п@о к/бо Бащеёний. в реебиональные образовательные организации;"]) == head
    assert find_title(["ПРИКАЗ", head, "и на период до 2030 года"]) == head + " и на период до 2030 года"


def test_a_specks_colon_after_the_periods_years_neither_ends_the_title_nor_stays_in_it():
    """Measured on a grey photocopy: "… Новосибирской области на 2024-2026:" / "годы" had ended the
    title at "… системы среднего" (a line ending in a colon reads as a label)."""
    from normalizers.metadata_title import find_title

    lines = ["Министр М.Н. Жафаров", "Комплекс мер («дорожная карта») по развитию системы среднего",
             "профессионального образования Новосибирской области на 2024-2026:", "годы", "уёмые сокращёций,"]
    assert find_title(lines) == ("Комплекс мер («дорожная карта») по развитию системы среднего профессионального "
                                 "образования Новосибирской области на 2024-2026 годы")
