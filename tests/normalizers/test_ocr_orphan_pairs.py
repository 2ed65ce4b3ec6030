"""normalizers.ocr_orphan_pairs: the last orphan entry and the last undefined short form of the cells."""

from normalizers.ocr_orphan_pairs import last_pair

ENTRY = "то ла ое государственное бюджетное учреждение Томский областной консультационный центр»"


def test_the_one_orphan_and_the_one_undefined_acronym_pair_when_the_name_opens_with_its_letter():
    assert last_pair([ENTRY], {"ТОИКО"}, set()) == ("ТОИКО", ENTRY)


def test_anything_less_certain_leaves_them_unpaired():
    assert last_pair([ENTRY, ENTRY], {"ТОИКО"}, set()) is None, "two orphans"
    assert last_pair([ENTRY], {"ТОИКО", "РЦПО"}, set()) is None, "two short forms"
    assert last_pair([ENTRY], {"КОИКО"}, set()) is None, "the name opens with another letter"
    assert last_pair([ENTRY], {"ТО"}, set()) is None, "too short to pair"
    assert last_pair([ENTRY], {"ТОИК"}, {"ТОИК"}) is None, "a region's code is no body"
