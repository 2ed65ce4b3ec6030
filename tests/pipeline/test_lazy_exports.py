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
