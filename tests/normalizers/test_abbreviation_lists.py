"""Lists of abbreviations ("Сокращения" blocks) read from scans: entries whose dash a scan misread."""

from normalizers.abbreviations import find_definitions


def test_a_syllabic_short_form_whose_dash_was_read_as_a_stop_is_an_entry():
    # measured on a grey photocopy: the dash read as a stop, the definition lost
    text = ("Перечень используемых сокращений\n"
            "Минобразования края. министерство образования Красноярского края;\n"
            "ККИПК – КГАУ ДПО «Красноярский краевой институт»")
    assert find_definitions(text)["Минобразования края"] == "министерство образования Красноярского края"
    lost = text.replace("края. министерство", "края министерство")      # a scan's stray stop taken out
    assert find_definitions(lost)["Минобразования края"] == "министерство образования Красноярского края"
    # words that do not write the short form out are no entry of it
    other = "Перечень используемых сокращений\nМинобразования края. агентство труда края;\nЦЗН – центр занятости"
    assert "Минобразования края" not in find_definitions(other)
