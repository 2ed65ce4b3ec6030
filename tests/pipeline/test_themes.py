"""Themes: lemma rules on inflected forms, fallbacks, hand-labelled precision, assignment on ingest."""

from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from normalizers.themes import OTHER_THEME, classify, lemmatize, load_taxonomy, primary_theme
from pipeline.store.db import session_factory
from pipeline.ingest import ingest_path
from pipeline.store.schema import Activity
from pipeline.store.theme_schema import ActivityTheme, ThemeDef
from pipeline.themes import assign_themes, reassign_all
from tests.docx_factory import make_docx

LABELS = Path(__file__).parent / "data" / "theme_labels.yaml"
REQUIRED_NAMES = ["профориентация", "цифровая платформа и информационная среда", "сетевое взаимодействие и партнёрства",
                  "кадры и повышение квалификации", "демонстрационный экзамен и ГИА",
                  "чемпионаты (WorldSkills, Абилимпикс)", "дуальное обучение и практика",
                  "мониторинг, аналитика и прогноз потребности в кадрах", "нормативное обеспечение",
                  "образовательные программы", "инклюзия", "продвижение и медиа", "инфраструктура и МТБ"]


def test_taxonomy_has_the_required_themes():
    tax = load_taxonomy()
    names = [t.name for t in tax.themes]
    assert len(tax.themes) >= 12
    assert set(REQUIRED_NAMES) <= set(names)
    assert all(t.rules for t in tax.themes)


@pytest.mark.parametrize("text,theme", [
    ("Организация профессиональных проб для школьников", "career_guidance"),
    ("Подготовка к демонстрационному экзамену выпускников", "exams"),
    ("Оснащение мастерских современным оборудованием", "infrastructure"),
    ("Публикации в средствах массовой информации о колледжах", "media"),
    ("Внедрение дуальной модели обучения на предприятиях", "dual"),
    ("Стажировки педагогических работников", "staff"),
])
def test_inflected_forms_match_lemma_rules(text, theme):
    assert primary_theme(text) == theme


def test_participles_and_adjectives_lemmatise_the_same_in_every_case():
    assert lemmatize("специализированных центров") == lemmatize("специализированный центр")
    assert lemmatize("чемпионатного движения") == lemmatize("чемпионатное движение")


def test_an_activity_can_carry_several_themes():
    themes = {m.theme for m in classify("Участие в чемпионатах «Абилимпикс» для лиц с инвалидностью")}
    assert {"inclusion", "championships"} <= themes


def test_prefix_rule_matches_derived_words():
    assert primary_theme("Профориентационный квест для восьмиклассников") == "career_guidance"


def test_section_heading_stands_in_when_the_title_names_no_theme():
    assert classify("Проведение мероприятий")[0].theme == OTHER_THEME
    ctx = classify("Проведение мероприятий", ["Блок «Профессиональная ориентация»"])
    assert ctx[0].theme == "career_guidance" and ctx[0].is_primary


def test_exactly_one_primary_theme():
    matches = classify("Демонстрационный экзамен по стандартам WorldSkills в рамках ГИА")
    assert [m.is_primary for m in matches].count(True) == 1
    assert {m.theme for m in matches} >= {"exams", "championships"}


def _label_scores():
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assigned = correct = primary_ok = covered = 0
    for item in labels:
        matches = [m for m in classify(item["title"]) if m.theme != OTHER_THEME]
        if matches:
            covered += 1
            primary_ok += matches[0].theme in item["themes"]
        assigned += len(matches)
        correct += sum(m.theme in item["themes"] for m in matches)
    return len(labels), correct / assigned, primary_ok / covered, covered / len(labels)


def test_precision_on_hand_labelled_activities():
    n, precision, primary_precision, coverage = _label_scores()
    assert n >= 60
    assert precision >= 0.8, precision
    assert primary_precision >= 0.8, primary_precision
    assert coverage >= 0.9, coverage


ROWS = [["1", "Организация профессиональных проб для обучающихся школ", "ЦОПП", "Март 2023 г.", "Пробы"],
        ["2", "Проведение демонстрационного экзамена", "ПОО", "Июнь 2023 г.", "Экзамен"],
        ["3", "Прочие дела", "ЦОПП", "2023 г.", "—"]]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта развития профессионального образования Тульской области на 2023 год"]


def test_assign_themes_gives_every_activity_one_primary_and_is_repeatable(tmp_path, db_url):
    out = ingest_path(str(make_docx(tmp_path / "t.docx", ROWS, before=BEFORE)), db_url)
    assert out.status == "loaded"
    first = reassign_all(db_url)
    again = reassign_all(db_url)
    assert first == again and first["documents"] == 1
    with session_factory(db_url)() as s:
        n_acts = s.scalar(select(func.count()).select_from(Activity))
        primaries = s.execute(select(ActivityTheme.activity_id, ActivityTheme.theme)
                              .where(ActivityTheme.is_primary)).all()
        assert len(primaries) == n_acts == 3
        assert {t for _, t in primaries} >= {"career_guidance", "exams", OTHER_THEME}
        assert s.scalar(select(func.count()).select_from(ThemeDef)) == len(load_taxonomy().themes) + 1
    with session_factory(db_url)() as s, s.begin():
        assert assign_themes(s, out.document_id) == first["rows"]
