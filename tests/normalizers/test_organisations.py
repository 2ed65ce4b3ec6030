"""canonical_organisation: nominative name, type from data rules, region."""
import pytest

from normalizers.organisations import ORG_TYPES, canonical_organisation, classify, find_region, load_type_rules


def test_rules_load_and_use_known_types():
    rules = load_type_rules()
    assert rules and all(r.org_type in ORG_TYPES for r in rules)


@pytest.mark.parametrize("name, expanded, org_type", [
    ("ЦОПП", "Центр опережающей профессиональной подготовки Калужской области", "copp"),
    ("РКЦ", None, "worldskills"),
    ("СЦК", "специализированные центры компетенций", "worldskills"),
    ("ГКУ ЦЗН г. Благовещенска", None, "employment_centre"),
    ("ИРО", "государственное автономное учреждение дополнительного профессионального образования «АМИРО»",
     "education_institute"),
    ("ОВО", "организации высшего образования", "university"),
    ("ГАПОУ «Калужский колледж»", None, "college"),
    ("ПОО", "профессиональные образовательные организации", "college"),
    ("ООО", "общеобразовательные организации", "school"),
    ("предприятия-работодатели", None, "employer"),
    ("объединения работодателей", None, "employer"),
    ("министерству образования Тульской области", None, "regional_executive"),
    ("ГОИВ", "государственные органы исполнительной власти", "regional_executive"),
    ("МОУО", "Муниципальные органы управления образования", "municipality"),
    ("Министерство просвещения Российской Федерации", None, "federal"),
    ("образовательные организации", None, "other"),
    # a ministry's short form: regional with a regional qualifier, else federal
    ("Минобрнауки РБ", "Министерство образования и науки Республики Башкортостан", "regional_executive"),
    ("Минобрнауки РБ", None, "regional_executive"),
    ("Минтруд НСО", None, "regional_executive"),
    ("Минобр НСО", None, "regional_executive"),
    ("Минздрав Кузбасса", None, "regional_executive"),
    ("Минобразования края", None, "regional_executive"),
    ("Минтруд России", None, "federal"),
    ("Минпросвещения РФ", None, "federal"),
    ("Минпросвещения", None, "federal"),
    ("Минтруд (по согласованию)", None, "federal"),
])
def test_classify(name, expanded, org_type):
    assert classify(name, expanded) == org_type


def test_canonical_name_is_nominative_with_number_kept():
    org = canonical_organisation("министерству образования Тульской области", None, "Калужская область")
    assert org.canonical_name == "министерство образования Тульской области"
    assert org.region == "Тульская область"
    org = canonical_organisation("ЦЗН", "центров занятости населения", "Калужская область")
    assert org.canonical_name == "центры занятости населения"
    assert org.org_type == "employment_centre" and org.region == "Калужская область"


def test_federal_bodies_have_no_region_and_regions_are_found():
    assert canonical_organisation("Министерство просвещения РФ", None, "Тульская область").region is None
    assert find_region("Департамент труда Кемеровской области") == "Кемеровская область"
    assert find_region("ПОО") is None


def test_a_regional_ministry_keeps_its_region():
    org = canonical_organisation("Минтруд НСО", None, "Новосибирская область")
    assert org.org_type == "regional_executive" and org.region == "Новосибирская область"
