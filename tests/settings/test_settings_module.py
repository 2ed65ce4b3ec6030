"""roadmaps_settings: precedence default < .env < environment < flag, one-line errors, sources."""

import pytest

import roadmaps_settings as rs


@pytest.fixture
def clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in [rs.env_name(f) for f in rs.Settings.model_fields]:
        monkeypatch.delenv(name, raising=False)
    rs.clear_overrides()
    yield tmp_path
    rs.clear_overrides()


def test_precedence_default_dotenv_env_flag(clean, monkeypatch):
    assert rs.load().max_pages == 500 and rs.sources()["max_pages"] == "default"
    (clean / ".env").write_text("ROADMAPS_MAX_PAGES=10\nROADMAPS_DOC_TIMEOUT=5\n", encoding="utf-8")
    assert rs.load().max_pages == 10 and rs.sources()["max_pages"] == ".env"
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "20")
    s = rs.load()
    assert (s.max_pages, s.doc_timeout) == (20, 5.0)
    assert rs.sources()["max_pages"] == "env" and rs.sources()["doc_timeout"] == ".env"
    assert rs.load(max_pages=30).max_pages == 30
    with rs.overridden(max_pages=40):
        assert rs.load().max_pages == 40 and rs.sources()["max_pages"] == "flag"
    assert rs.load().max_pages == 20


@pytest.mark.parametrize("name,value,words", [("ROADMAPS_MAX_PAGES", "many", "is not a whole number"),
                                              ("ROADMAPS_FETCH_DEADLINE", "soon", "is not a number"),
                                              ("ROADMAPS_ISOLATE", "maybe", "yes/no"),
                                              ("ROADMAPS_FETCH_RETRIES", "-1", "must not be negative")])
def test_a_bad_value_is_one_line_naming_the_variable(clean, monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    with pytest.raises(rs.SettingsError) as err:
        rs.load()
    msg = str(err.value)
    assert name in msg and words in msg and "\n" not in msg


def test_a_bad_value_elsewhere_does_not_stop_what_is_needed(clean, monkeypatch):
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "many")
    monkeypatch.setenv("ROADMAPS_DB_URL", "sqlite:///x.db")
    assert rs.load(need=("db_url",)).db_url == "sqlite:///x.db"
    with pytest.raises(rs.SettingsError):
        rs.load(need=("max_pages",))


def test_an_explicit_mapping_ignores_the_environment(clean, monkeypatch):
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "20")
    assert rs.load({}).max_pages == 500
    assert rs.load({"ROADMAPS_MAX_PAGES": "7", "ROADMAPS_MAX_BYTES": ""}).max_pages == 7


def test_empty_variables_count_as_unset(clean, monkeypatch):
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "  ")
    monkeypatch.setenv("ROADMAPS_DB_URL", "")
    s = rs.load()
    assert s.max_pages == 500 and s.db_url is None


def test_every_field_has_a_description():
    assert all(desc for _name, _default, desc in rs.describe())


def test_the_readme_lists_every_setting():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- settings-table")
    block = readme[readme.index("\n", start) + 1:readme.index("<!-- /settings-table -->")].strip()
    assert block == rs.markdown_table(), "regenerate with roadmaps_settings.markdown_table()"
    for name, _default, _desc in rs.describe():
        assert f"`{name}`" in block
