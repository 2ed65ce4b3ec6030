"""normalizers.ocr_item_numbers: item numbers checked against their neighbours."""

import pytest


@pytest.mark.parametrize("numbers,expected", [
    (["11", "12", "1.3", "2.1"], ["1.1", "1.2", "1.3", "2.1"]),      # a run lost its dots before "1.3"
    (["2.1", "22", "23."], ["2.1", "2.2", "2.3."]),                   # ... after "2.1"
    (["9", "10", "11", "12", "2.1"], ["9", "10", "11", "12", "2.1"]),  # a flat list before a section
    (["11", "12"], ["11", "12"]),                                     # no dotted neighbour: no telling
    (["3.1", "11", "12", "3.4"], ["3.1", "11", "12", "3.4"]),         # digits that spell no sibling
    (["1}", "12", "13", "1.4.", "1.5"], ["1}", "1.2", "1.3", "1.4.", "1.5"]),  # after a garbled first
    (["12", "13", "1.4."], ["12", "13", "1.4."]),                      # nothing before: "1.2" cannot open
])
def test_a_run_of_numbers_that_all_lost_their_dots_is_read_against_its_dotted_neighbours(numbers, expected):
    from normalizers.ocr_item_numbers import repair_item_numbers

    got = repair_item_numbers(numbers)
    assert [n for n, _ in got] == expected
    assert all(flag == "item_number_repaired" for (n, flag), old in zip(got, numbers) if n != old)


def test_a_digit_read_as_a_brace_and_a_colon_for_the_dot():
    from normalizers.ocr_item_numbers import repair_item_number

    assert repair_item_number(None, "1.}", "1.2") == ("1.1", "item_number_repaired")
    assert repair_item_number("2.0", "2:1", "2.2") == ("2.1", "item_number_repaired")
    assert repair_item_number("1", "1)", "2") == ("1)", None)


@pytest.mark.parametrize("numbers, last", [
    (["6", "7", "8", "5"], ("9", "item_number_repaired")),      # a list never goes back: one digit misread
    (["6", "7", "8", "10"], ("10", None)),                       # a gap may be a row lost: as read
    (["6", "7", "8", "1"], ("1", None)),                         # a list starting again
])
def test_the_last_number_of_a_list_going_back_is_the_successor(numbers, last):
    from normalizers.ocr_item_numbers import repair_item_numbers

    assert repair_item_numbers(numbers)[-1] == last


@pytest.mark.parametrize("numbers, expected", [
    (["1.1", "1.2", "1.3", "21", "22"], ["1.1", "1.2", "1.3", "2.1", "2.2"]),   # the next section's first items
    (["1", "2", "3", "21", "22"], ["1", "2", "3", "21", "22"]),                 # a flat list: as read
])
def test_a_run_that_lost_its_dots_may_open_the_next_section(numbers, expected):
    from normalizers.ocr_item_numbers import repair_item_numbers

    assert [n for n, _ in repair_item_numbers(numbers)] == expected


def test_a_run_that_lost_its_dots_across_a_section_is_read_step_by_step():
    from normalizers.ocr_item_numbers import repair_item_numbers

    got = [n for n, _ in repair_item_numbers(["1.1", "1.2", "13", "21", "22"])]
    assert got == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert [n for n, _ in repair_item_numbers(["1.1", "1.2", "13", "21", "25"])] == ["1.1", "1.2", "13", "21", "25"]


def test_a_speck_read_as_a_digit_before_a_dotted_number_goes_where_the_sequence_pins_it():
    from normalizers.ocr_item_numbers import repair_item_numbers

    assert repair_item_numbers(["71.1", "1.2", "1.3"])[0] == ("1.1", "item_number_repaired")
    assert repair_item_numbers(["1.2", "11.3", "1.4"])[1] == ("1.3", "item_number_repaired")
    assert repair_item_numbers(["11.1", "11.2"])[0] == ("11.1", None)      # the sequence agrees: as read


def test_a_quote_speck_after_a_number_goes_and_the_number_before_it_is_read_against_it():
    # measured on a grey photocopy: "1.2.”" beside a "1" that lost ".1"
    from normalizers.ocr_item_numbers import repair_item_numbers

    assert [n for n, _ in repair_item_numbers(["1", "1.2.”", "2.1", "2.2"])] == ["1.1", "1.2.", "2.1", "2.2"]


@pytest.mark.parametrize("numbers, last", [
    (["1", "2", "3", "4", "25"], ("5", "item_number_repaired")),    # the successor with a speck's digit
    (["1", "2", "3", "4", "10"], ("10", None)),                      # a skip, not the successor misread
    (["1", "2", "3", "4", "5"], ("5", None)),
])
def test_the_last_rows_number_with_a_specks_digit_beside_its_successor(numbers, last):
    from normalizers.ocr_item_numbers import repair_item_numbers

    assert repair_item_numbers(numbers)[-1] == last
