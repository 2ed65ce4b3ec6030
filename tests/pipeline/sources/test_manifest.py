"""Manifest validation: good entries load, bad ones are named by index and url/path."""

import pytest

from pipeline.sources.manifest import ManifestError, load_manifest, manifest_from_locations, parse_manifest
from tests.conftest import RAW


def test_valid_manifest_with_hints_and_relative_paths(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    manifest = folder / "manifest.yaml"
    manifest.write_text(
        "sources:\n"
        "  - url: https://minobr.example.ru/a.pdf\n"
        "    region_code: RU-KLU\n"
        "    doc_kind: roadmap\n"
        "    tags: [school, 2021]\n"
        "  - path: b.docx\n"
        "  - path: /abs/c.pdf\n"
        "  - url: file:///tmp/d.pdf\n", encoding="utf-8")
    m = load_manifest(manifest)
    assert [e.location for e in m.sources] == [
        "https://minobr.example.ru/a.pdf", str(folder / "b.docx"), "/abs/c.pdf", "file:///tmp/d.pdf"]
    assert m.sources[0].hints() == {"region_code": "RU-KLU", "doc_kind": "roadmap",
                                    "tags": ["school", "2021"]}
    assert m.sources[1].hints() == {}


@pytest.mark.parametrize("entry, expected", [
    ("{url: 'ftp://x.ru/a.pdf'}", "entry #2 (ftp://x.ru/a.pdf): url: URL scheme 'ftp' is not allowed"),
    ("{url: 'https://x.ru/a.pdf', path: a.pdf}", "entry #2 (https://x.ru/a.pdf): give exactly one"),
    ("{region_code: RU-KLU}", "entry #2: give exactly one of 'url' or 'path'"),
    ("{path: a.pdf, region_code: Kaluga}", "entry #2 (a.pdf): region_code:"),
    ("{path: a.pdf, colour: red}", "entry #2 (a.pdf): colour: Extra inputs"),
    ("{path: a.pdf, tags: 5}", "entry #2 (a.pdf): tags:"),
    ("just-a-string", "entry #2: expected a mapping"),
])
def test_bad_entry_is_named(entry, expected):
    text = f"sources:\n  - path: ok.docx\n  - {entry}\n"
    with pytest.raises(ManifestError) as err:
        parse_manifest(text, "m.yaml")
    assert expected in str(err.value)
    assert str(err.value).startswith("m.yaml: invalid manifest")


@pytest.mark.parametrize("text, expected", [
    ("sources: []\n", "'sources:' is empty"),
    ("- a.pdf\n", "expected a mapping with a 'sources:' list"),
    ("sources: [\n", "not valid YAML"),
    ("sources:\n  - path: a.pdf\nextra: 1\n", "unknown top-level keys: extra"),
])
def test_bad_manifest_shape(text, expected):
    with pytest.raises(ManifestError, match=expected):
        parse_manifest(text, "m.yaml")


def test_missing_manifest_file(tmp_path):
    with pytest.raises(ManifestError, match="cannot read manifest"):
        load_manifest(tmp_path / "nope.yaml")


def test_all_bad_entries_reported_at_once():
    text = "sources:\n  - {url: 'ftp://a'}\n  - {path: b, url: 'http://b'}\n"
    with pytest.raises(ManifestError) as err:
        parse_manifest(text, "m.yaml")
    assert "entry #1" in str(err.value) and "entry #2" in str(err.value)


def test_manifest_from_locations_splits_urls_and_paths():
    m = manifest_from_locations(["http://127.0.0.1/a.pdf", "data/raw/b.docx"])
    assert m.sources[0].url == "http://127.0.0.1/a.pdf"
    assert m.sources[1].path == "data/raw/b.docx"


def test_repository_sample_manifest_is_valid():
    from pathlib import Path

    path = RAW / "manifest.yaml"
    m = load_manifest(path)
    assert m.sources and all(Path(e.path).exists() for e in m.sources)
