"""normalizers.ocr_legal_forms: a scan's misread legal form before a quoted name."""
from __future__ import annotations

from normalizers.abbreviations import load_glossary
from normalizers.ocr_legal_forms import mend_legal_forms
from normalizers.parties import PartyMention


def _names(*names: str) -> list[str]:
    mentions = [PartyMention(name=n, by_agreement=False, defines=None, raw=n) for n in names]
    return [m.name for m in mend_legal_forms(mentions, set(load_glossary()))]


def test_a_legal_form_misread_by_a_letter_no_form_has_is_the_one_form_a_letter_away():
    assert _names("ГАЙОУ «Энский техникум»") == ["ГАПОУ «Энский техникум»"]
    assert _names("ЦЗН", "ГБПОЮ «Энский колледж»") == ["ЦЗН", "ГБПОУ «Энский колледж»"]


def test_a_legal_form_is_left_where_the_reading_is_not_certain():
    # a letter legal forms are written with: a real form the glossary lacks (казённое, частное)
    assert _names("ГКПОУ «Энский техникум»", "ЧПОУ «Энский колледж»") == ["ГКПОУ «Энский техникум»",
                                                                        "ЧПОУ «Энский колледж»"]
    # two forms a letter away ("ГБПОУ", "ГАПОУ")
    assert _names("ГЙПОУ «В»") == ["ГЙПОУ «В»"]
    # no quoted name after it: no legal form's place
    assert _names("ГАЙОУ") == ["ГАЙОУ"]
