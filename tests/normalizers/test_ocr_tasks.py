"""Task-number columns of a scan read on the whole column (normalizers.ocr_tasks)."""

from normalizers.ocr_tasks import mend_task_column


def test_specks_round_a_list_dropped_and_commas_spaced():
    out = mend_task_column(["1,4 }", "“2", "1", None, ""])
    assert out == [("1, 4", False), ("2", False), ("1", False), (None, False), ("", False)]


def test_a_stop_between_numbers_is_a_comma_in_a_column_that_lists_with_commas():
    out = mend_task_column(["1, 4", "1.2", "1", "2", "2.4", "3"])
    assert out[1] == ("1, 2", True) and out[4] == ("2, 4", True)
    assert [flag for _, flag in out].count(True) == 2


def test_dotted_task_numbers_stay_where_the_column_numbers_that_way_or_has_no_comma_list():
    numbered = ["1.1", "1.2", "2.1", "1, 2"]
    assert mend_task_column(numbered) == [(c, False) for c in numbered]
    no_commas = ["1", "1.2", "2", "3"]
    assert mend_task_column(no_commas) == [(c, False) for c in no_commas]
    text = ["Задача 1", "см. п. 2"]
    assert mend_task_column(text) == [(c, False) for c in text]
