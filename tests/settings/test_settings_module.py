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


CASES = [
    ({}, ""),
    ({"ROADMAPS_MAX_PAGES": "20", "roadmaps_doc_timeout": "5"}, "ROADMAPS_MAX_PAGES=10\nROADMAPS_ISOLATE=0\n"),
    ({"ROADMAPS_ISOLATE": "off", "ROADMAPS_LOG_LEVEL": "INFO", "ROADMAPS_DB_URL": " sqlite:///x.db "}, ""),
    ({"ROADMAPS_MAX_BYTES": "", "ROADMAPS_ORIGINALS_DIR": "/tmp/o"}, "roadmaps_max_bytes=7\nROADMAPS_SOFFICE\n"),
    ({"ROADMAPS_REVIEW_TOKEN": "s3cret", "ROADMAPS_MAX_PAGE_AREA": "1e1"}, "ROADMAPS_OCR_ENGINE=command\n"),
    ({"ROADMAPS_MAX_PAGES": "many"}, ""), ({"ROADMAPS_FETCH_RETRIES": "-1"}, ""),
    ({}, "ROADMAPS_FETCH_DEADLINE=soon\nROADMAPS_UNKNOWN=1\n"), ({"ROADMAPS_LOG_LEVEL": "loud"}, ""),
    ({"ROADMAPS_MAX_PAGES": " 12 ", "ROADMAPS_FETCH_ALLOW_PRIVATE": "yes"}, "ROADMAPS_MAX_PAGES=3\n"),
    # spellings the model leaves to Pydantic, and ones it settles itself
    ({"ROADMAPS_MAX_PAGES": "1_000", "ROADMAPS_MAX_BYTES": "5.0", "ROADMAPS_DOC_TIMEOUT": "inf"}, ""),
    ({"ROADMAPS_MAX_PAGES": "05", "ROADMAPS_FETCH_TIMEOUT": "1E1", "ROADMAPS_CONVERT_TIMEOUT": ".5"}, ""),
    ({"ROADMAPS_ISOLATE": "Yes", "ROADMAPS_DEBUG": "ON", "ROADMAPS_FETCH_DEADLINE": "5."}, ""),
    ({"ROADMAPS_MAX_PAGES": "٣"}, ""), ({"ROADMAPS_MAX_PAGES": "5.5"}, ""), ({"ROADMAPS_ISOLATE": "2"}, ""),
    ({"ROADMAPS_MAX_ZIP_RATIO": "nan"}, ""), ({"ROADMAPS_OCR_ENGINE": "Command"}, ""),
    ({"ROADMAPS_MAX_PAGES": "+5", "ROADMAPS_MAX_PAGE_AREA": "-0"}, ""), ({"ROADMAPS_MAX_PAGES": "1e3"}, ""),
    ({"ROADMAPS_DOC_TIMEOUT": "-1.5"}, ""), ({"ROADMAPS_MAX_PAGES": "many", "ROADMAPS_DEBUG": "maybe"}, ""),
]


@pytest.mark.parametrize("env,dotenv", CASES)
def test_the_same_values_and_errors_as_pydantic_settings(clean, monkeypatch, env, dotenv):
    """The sources are read here without pydantic-settings: the same settings (or the same
    first error) as a pydantic-settings class with the configuration this module had."""
    ps = pytest.importorskip("pydantic")
    ps = pytest.importorskip("pydantic_settings")
    from pydantic import model_validator

    class Twin(rs.model.pydantic_model(rs.Settings, base=ps.BaseSettings)):
        """The class this module had: pydantic-settings over the same fields and validators."""

        model_config = ps.SettingsConfigDict(env_prefix=rs.PREFIX, env_file=rs.ENV_FILE,
                                             env_file_encoding="utf-8", env_ignore_empty=True,
                                             extra="ignore", validate_default=False)

        @model_validator(mode="before")
        @classmethod
        def _blank_is_unset(cls, data):
            if not isinstance(data, dict):
                return data
            data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()
                    if not (isinstance(v, str) and not v.strip())}
            if isinstance(data.get("log_level"), str):
                data["log_level"] = data["log_level"].lower()
            return data

        @classmethod
        def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                       file_secret_settings):
            return init_settings, env_settings, dotenv_settings

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if dotenv:
        (clean / ".env").write_text(dotenv, encoding="utf-8")

    def outcome(build):
        try:
            return {k: (v.get_secret_value() if hasattr(v, "get_secret_value") else v)
                    for k, v in build().model_dump().items()}
        except (rs.SettingsError, ValueError) as e:
            return type(e).__name__
    ours = outcome(rs.load)
    theirs = outcome(Twin)
    if isinstance(ours, str):   # a SettingsError from the ValidationError pydantic-settings raises
        with pytest.raises(rs.SettingsError) as err:
            rs.load()
        with pytest.raises(Exception) as twin_err:
            Twin()
        assert rs._one_line(twin_err.value, rs._raw(None)).args == err.value.args
    else:
        assert ours == theirs
