"""Post-OCR repairs: certain slips fixed, everything else untouched."""

from normalizers.ocr_fixes import fix_ocr_text


def test_latin_lookalikes_inside_cyrillic_words():
    assert fix_ocr_text("oбразование и нayки") == "образование и науки"
    assert fix_ocr_text("WorldSkills Russia") == "WorldSkills Russia"
    assert fix_ocr_text("ЦOПП") == "ЦОПП"


def test_zero_as_ooo_only_where_certain():
    assert fix_ocr_text("000 «Ромашка»") == "ООО «Ромашка»"
    assert fix_ocr_text("МОУО\n000\nЦЗН") == "МОУО\nООО\nЦЗН"
    assert fix_ocr_text("1000 человек") == "1000 человек"
    assert fix_ocr_text("бюджет 3 000 рублей") == "бюджет 3 000 рублей"
    assert fix_ocr_text("10.000") == "10.000"
