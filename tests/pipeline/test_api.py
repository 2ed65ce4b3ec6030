"""The Python API: folders expanded to document files, ingest, documents, activities as a
DataFrame and a comparison, all on one temporary database."""

import shutil

from pipeline.api import activities_frame, compare_regions, documents, expand_paths, ingest_files, search_activities
from tests.conftest import sample


def test_folders_are_searched_recursively_for_document_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/x.pdf", "a/b/y.DOCX", "a/b/notes.txt", ".hidden/z.pdf", "a/page.html"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert got == ["a/b/y.DOCX", "a/page.html", "a/x.pdf"]


def test_ingest_a_folder_then_read_activities_and_compare(tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    for key in ("kaluga_2021", "amur_2019"):
        shutil.copy(sample(f"{key}.docx"), folder / f"{key}.docx")
    outcomes = ingest_files(folder, db=db_url)
    assert sorted(o.status for o in outcomes) == ["loaded", "loaded"]
    assert [o.status for o in ingest_files([folder], db=db_url)] == ["unchanged", "unchanged"]

    docs = documents(db=db_url)
    df = activities_frame(db=db_url)
    assert len(df) == sum(len(d["activities"]) for d in docs) > 0
    assert set(df["region_code"]) == {"RU-KLU", "RU-AMU"}
    assert set(activities_frame(db=db_url, regions=["RU-KLU"])["region_code"]) == {"RU-KLU"}

    hits = search_activities("работодатели", db=db_url, regions=["RU-KLU"], limit=3)
    assert len(hits) == 3 and {h.region_code for h in hits} == {"RU-KLU"}
    assert all("работодател" in (h.snippet or "").lower() for h in hits)

    by_theme = compare_regions("theme", db=db_url)
    assert {"region_code", "theme"} <= set(by_theme.columns)
    assert by_theme.groupby("region_code")["region_activities"].first().to_dict() == \
        df.groupby("region_code").size().to_dict()


def test_pool_workers_see_the_callers_environment_as_it_is_when_the_pool_starts(monkeypatch):
    """Pool workers are forks of a fork server that may have started earlier with another
    environment (budgets and settings are read from it): each adopts the caller's current one."""
    from pipeline.api import cpu_process_pool

    monkeypatch.setenv("ROADMAPS_DOC_TIMEOUT", "11")
    with cpu_process_pool(2) as pool:   # starts the fork server (or reuses one) with "11"
        assert pool.submit(roadmaps_setting, "ROADMAPS_DOC_TIMEOUT").result() == "11"
    monkeypatch.setenv("ROADMAPS_DOC_TIMEOUT", "7")
    monkeypatch.delenv("ROADMAPS_MAX_MEMORY_MB", raising=False)
    with cpu_process_pool(2) as pool:
        seen = [f.result() for f in [pool.submit(roadmaps_setting, "ROADMAPS_DOC_TIMEOUT") for _ in range(4)]]
        assert seen == ["7"] * 4
        assert pool.submit(roadmaps_setting, "ROADMAPS_MAX_MEMORY_MB").result() is None


def roadmaps_setting(name: str):
    """In a pool worker: the value of an environment variable there."""
    import os

    return os.environ.get(name)
