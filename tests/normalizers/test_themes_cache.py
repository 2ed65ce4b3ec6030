"""The theme taxonomy's rule lemmas are kept between runs, keyed by the file, and equal to a fresh parse."""

import json

import pytest

from normalizers import themes
from normalizers.data_files import cached_json

TAXONOMY = """
min_score: 1.0
section_weight: 0.5
themes:
  - id: career
    name: профориентация
    description: Работа со школьниками
    strong: ["профориентационная работа", "профориент*"]
    rules: ["школьники"]
  - id: staff
    name: кадры
    rules: ["подготовка кадров"]
    weak: ["специалисты"]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", str(folder))
    themes.load_taxonomy.cache_clear()
    yield folder
    themes.load_taxonomy.cache_clear()


def fresh(path):
    """The taxonomy parsed without any cache."""
    data = themes._taxonomy_data(path)
    themes.load_taxonomy.cache_clear()
    return data


def test_the_cached_taxonomy_equals_a_fresh_parse(tmp_path, cache):
    path = tmp_path / "themes.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    first = themes.load_taxonomy(path)
    kept = list(cache.glob("themes-*.json"))
    assert len(kept) == 1
    assert json.loads(kept[0].read_text(encoding="utf-8")) == fresh(path)
    themes.load_taxonomy.cache_clear()
    again = themes.load_taxonomy(path)                 # from the cache file
    assert again == first
    assert [m.theme for m in themes.classify("Профориентационная работа со школьниками", (), again)] == ["career"]
    assert again.secondary_min_score == 1.0 and again.section_weight == 0.5


def test_a_changed_taxonomy_is_parsed_again(tmp_path, cache):
    path = tmp_path / "themes.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    themes.load_taxonomy(path)
    themes.load_taxonomy.cache_clear()
    path.write_text(TAXONOMY.replace('"специалисты"', '"наставники"'), encoding="utf-8")
    tax = themes.load_taxonomy(path)
    staff = tax.by_id()["staff"]
    assert ("наставник",) in [r.lemmas for r in staff.rules]
    assert len(list(cache.glob("themes-*.json"))) == 2


def test_a_damaged_cache_file_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", str(tmp_path))
    (tmp_path / "x-k1.json").write_text("{not json", encoding="utf-8")
    assert cached_json("x", "k1", lambda: {"a": [1, 2]}) == {"a": [1, 2]}
    assert cached_json("x", "k1", lambda: "never called") == {"a": [1, 2]}   # rewritten
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", "off")
    assert cached_json("x", "k1", lambda: "computed") == "computed"


def test_a_yaml_file_is_kept_as_json_equal_to_its_parse(tmp_path, cache):
    import yaml

    from normalizers.data_files import _load, load_yaml

    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n  ПОО: профессиональные образовательные организации\nweights: [1, 2.5, true, null]\n",
                    encoding="utf-8")
    first = load_yaml(path)
    assert first == yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(list(cache.glob("yaml-glossary-*.json"))) == 1
    _load.cache_clear()
    assert load_yaml(path) == first                        # read back from the kept JSON
    path.write_text("when: 2024-01-31\n1: one\n", encoding="utf-8")   # not JSON-safe: parsed each time
    _load.cache_clear()
    assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))
    _load.cache_clear()
    assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))
