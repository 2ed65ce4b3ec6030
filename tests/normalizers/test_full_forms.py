"""normalizers/full_forms.py: the full wording of a short form from the text before its marker."""
from normalizers.abbreviations import find_definitions
from normalizers.full_forms import full_form


def test_a_quoted_name_that_lost_its_closing_quote_keeps_its_head():
    text = ("КГАУ ДПО «Красноярский краевой институт повышения квалификации и профессиональной "
            "переподготовки работников образования (далее - ККИПК)")
    assert find_definitions(text)["ККИПК"] == (
        "КГАУ ДПО «Красноярский краевой институт повышения квалификации и профессиональной "
        "переподготовки работников образования»")
    closed = "КГАУ ДПО «Красноярский краевой институт повышения квалификации» "
    assert full_form(closed, "ККИПК", True)[0] == full_form(closed.replace("»", ""), "ККИПК", True)[0]


def test_a_closed_quote_is_left_as_it_is():
    assert find_definitions("ГАУ ДПО «Институт развития образования» (далее – ИРО)")["ИРО"] == \
        "ГАУ ДПО «Институт развития образования»"
