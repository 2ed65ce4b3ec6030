"""normalizers.expansion: a party name written out in full."""

from normalizers.expansion import expand, region_initials


def test_a_name_ending_with_the_documents_own_region_code_has_the_region_written_out():
    assert region_initials("Республика Саха (Якутия)") == "РС(Я)" and region_initials("Пермский край") == "ПК"
    assert expand("МОиН РС(Я)", {}, "Республика Саха (Якутия)") == \
        "министерство образования и науки Республики Саха (Якутия)"
    assert expand("ДТиЗН КО", {}, "Курская область") == "департамент труда и занятости населения Курской области"
    # the document's own definition of the whole name comes first; another region's code stays
    defs = {"МОиН РС(Я)": "Министерство образования и науки Республики Саха (Якутия)"}
    assert expand("МОиН РС(Я)", defs, "Республика Саха (Якутия)") == defs["МОиН РС(Я)"]
    assert expand("ДТиЗН КО", {}, "Пермский край") == "департамент труда и занятости населения КО"


def test_a_head_whose_full_form_names_the_region_already_gets_it_once():
    # a scan's definition of the head alone took the region from the text ("МОиН" -> "… (Якутия)")
    defs = {"МОиН": "Министерство образования и науки Республики Саха (Якутия)"}
    assert expand("МОиН РС(Я)", defs, "Республика Саха (Якутия)") == defs["МОиН"]
    assert expand("МОиН РС(Я)", {"МОиН": "Министерство образования и науки"}, "Республика Саха (Якутия)") == \
        "Министерство образования и науки Республики Саха (Якутия)"


def test_a_syllabic_head_nothing_defines_before_the_regions_code_stays_unexpanded():
    from normalizers.expansion import expand

    assert expand("Минпромторг ПК", {}, "Пермский край") is None            # not "… повышение квалификации"
    assert expand("Минобрнауки РБ", {}, "Республика Башкортостан") is None  # not the federal ministry
    assert expand("ЦОПП ПК", {}, "Пермский край").endswith("Пермского края")
