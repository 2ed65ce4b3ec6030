"""Each room's public names resolve to the function or class in its module (lazily)."""

import importlib

import pytest


@pytest.mark.parametrize("room", ["pipeline.store", "pipeline.compare", "pipeline.sources"])
def test_every_public_name_of_a_room_resolves(room):
    pkg = importlib.import_module(room)
    for name in pkg.__all__:
        obj = getattr(pkg, name)
        assert obj is getattr(importlib.import_module(f"{room}.{pkg._EXPORTS[name]}"), name)
    with pytest.raises(AttributeError):
        getattr(pkg, "no_such_name")


def test_keep_loaded_takes_what_exists_out_of_the_collectors_rounds():
    import gc

    from pipeline.lazy import keep_loaded

    gc.unfreeze()
    kept = [[1, 2], {"a": []}]
    try:
        assert all(any(x is o for x in gc.get_objects()) for o in kept)     # scanned by the collector
        keep_loaded()
        assert gc.get_freeze_count() > 0
        assert not any(x is o for x in gc.get_objects() for o in kept)     # no longer
    finally:
        gc.unfreeze()
