"""Header → role mapping on wordings not seen in the dev set, and OCR-damaged ones."""

import pytest

from pipeline.roles import ROLE_STEMS, header_role, is_numbering_row, year_of


@pytest.mark.parametrize("text,role", [
    ("№", "number"), ("N п/п", "number"), ("№ п.п.", "number"),
    ("Наименование мероприятия", "title"), ("Мероприятия", "title"), ("Перечень мероприятий", "title"),
    ("Содержание работы", "description"),
    ("Ответственные исполнители", "responsible"), ("Исполнитель", "responsible"),
    ("Соисполнители", "responsible"), ("Ответствснный исполнитсль", "responsible"),
    ("Сроки исполнения", "deadline"), ("Срок выполнения", "deadline"), ("Дата проведения", "deadline"),
    ("Ожидаемый результат", "result"), ("Планируемые результаты", "result"),
    ("Документ, подтверждающий исполнение", "result_document"),
    ("Документ, определяющий результат", "result_document"),
    ("Задачи модели", "tasks"), ("Ед. изм.", "unit"), ("Единица измерения", "unit"),
    ("Целевые показатели", "targets"), ("2024", "year"), ("2024 г.", "year"),
    ("Значение в 2025 году", "year"), ("Наименование показателя", "indicator"), ("202 1", "year"),
    ("Едини цы измере ния", "unit"), ("Зада чи моде ли", "tasks"),
    ("Срак реализации", "deadline"), ("Срак исполнения", "deadline"),   # a scan's slip in a short word (measured)
])
def test_header_roles(text, role):
    assert header_role(text) == role


def test_unknown_header_has_no_role():
    assert header_role("Примечание к строке") is None
    assert header_role("") is None


def test_numbering_row_and_years():
    assert is_numbering_row(["1", "2", "3", "4", "5"])
    assert not is_numbering_row(["2021", "2022", "2023"])
    assert not is_numbering_row(["1", "Текст", "3"])
    assert year_of("Планируемое значение в 2022 году") == "2022"
    assert year_of("2021-2023") is None


@pytest.mark.parametrize("text", ["Ответствснный исполнитсль", "Исполнители", "Сроки исполнения",
                                  "Мероприятия плана", "Едини цы измере ния", "Планируемые результаты"])
def test_cutoff_only_changes_scores_below_it(text):
    from pipeline.roles import MIN_SCORE, role_score

    for _, stems in ROLE_STEMS:
        for stem in stems:
            full, cut = role_score(text, stem), role_score(text, stem, MIN_SCORE)
            assert cut == full or (cut < MIN_SCORE and full < MIN_SCORE), (stem, full, cut)


@pytest.mark.parametrize("text, role", [
    ("{-Соисполн ители", "responsible"),        # a scan split the word and spattered its start
    ("Значе_ ние", "targets"),
    ("Наимено вание мероприя тия", "title"),
    ("Ответствен ный исполни тель", "responsible"),
])
def test_header_words_split_by_a_scan_are_glued_back(text, role):
    assert header_role(text) == role


@pytest.mark.parametrize("text", ["Минобр НСО", "Проведение ярмарок вакансий", "1.2", "01.03.2024"])
def test_gluing_finds_no_role_in_data_cells(text):
    assert header_role(text) is None


@pytest.mark.parametrize("text, role", [
    ("“рок начала", "deadline"), ("„Срок окончания", "deadline"),     # a letter read as a quote mark
    ("‘Ответственный исполнитель", "responsible"), ("Результат”", "result"),
])
def test_quote_marks_at_a_headers_edge_are_debris(text, role):
    assert header_role(text) == role
