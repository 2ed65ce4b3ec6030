"""normalizers.lazy_re: a pattern compiled on first use behaves as ``re.compile``'s."""

import re

import pytest

from normalizers.lazy_re import LazyPattern, lazy

TEXTS = ["срок: 2021-2023 гг.", "ЦЗН и ДОиН", "", "1-2 3-4", "нет цифр"]


def test_nothing_is_compiled_before_the_first_use(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: compiled.append(a) or real(*a))
    p = lazy(r"(\d+)-(\d+)")
    assert compiled == [] and "search" not in vars(p)
    assert p.search("годы 2021-2023").groups() == ("2021", "2023")
    assert compiled == [(r"(\d+)-(\d+)", 0)] and "search" in vars(p)   # then the methods are its own
    p.findall("1-2")
    assert len(compiled) == 1


@pytest.mark.parametrize("pattern, flags", [(r"(\d+)-(\d+)", 0), (r"[А-ЯЁ]{2,}", 0), (r"гг?\.", re.I),
                                            (r"^(\w+)", re.M)])
def test_every_method_answers_as_the_compiled_pattern(pattern, flags):
    p, c = lazy(pattern, flags), re.compile(pattern, flags)
    for t in TEXTS:
        assert [m and m.group() for m in (p.search(t), p.match(t), p.fullmatch(t))] == \
               [m and m.group() for m in (c.search(t), c.match(t), c.fullmatch(t))]
        assert p.findall(t) == c.findall(t) and p.split(t) == c.split(t)
        assert p.sub("#", t) == c.sub("#", t) and p.subn("#", t) == c.subn("#", t)
        assert [m.span() for m in p.finditer(t)] == [m.span() for m in c.finditer(t)]
    assert (p.pattern, p.flags, p.groups, p.groupindex) == (c.pattern, c.flags, c.groups, c.groupindex)


def test_bytes_patterns_and_a_bad_pattern_fail_at_first_use():
    assert lazy(rb"<table\b", re.I).search(b"x<TABLE>").span() == (1, 7)
    bad = lazy(r"(unclosed")
    assert isinstance(bad, LazyPattern)          # made without complaint …
    with pytest.raises(re.error):                # … refused where it is used
        bad.search("x")
