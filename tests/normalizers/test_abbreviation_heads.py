"""normalizers.abbreviation_heads: a "Сокращения" list header as a scan reads it."""
import pytest

from normalizers.abbreviation_heads import LIST_HEADER_RE, mend_list_head


@pytest.mark.parametrize("read", ["Принятые сакращения:", "Список сокращении:", "Использхемые сокращения.",
                                  "Церечень сокращений:"])
def test_misread_header_reads_as_the_header(read):
    assert LIST_HEADER_RE.match(mend_list_head(read))


@pytest.mark.parametrize("line", ["Сократите расходы:", "Сливок сокращений:", "План мероприятий:"])
def test_other_lines_stay(line):
    assert mend_list_head(line) == line
