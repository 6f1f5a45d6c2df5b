"""What a check read of the manuscript's facts decides whether its stored findings still hold."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficlint.reads import Digests, ReadLog


@dataclass
class Census:
    counts: Counter[str] = field(default_factory=Counter)
    names: frozenset[str] = frozenset()
    label: str = "a"


def read(manuscript: dict[str, object], reader) -> ReadLog:
    log = ReadLog()
    reader(log.watch("census", manuscript["census"]))
    return log


def test_a_lookup_holds_until_its_own_key_changes():
    before = {"census": Census(Counter(harry=3, ron=1), frozenset({"Hermione"}))}
    log = read(before, lambda c: (c.counts["harry"], "Hermione" in c.names))
    others_changed = {"census": Census(Counter(harry=3, ron=9, luna=2), frozenset({"Hermione", "Luna"}))}
    assert log.reads.hold(others_changed, Digests())
    assert not log.reads.hold({"census": Census(Counter(harry=4), frozenset({"Hermione"}))}, Digests())
    assert not log.reads.hold({"census": Census(Counter(harry=3), frozenset())}, Digests())


def test_iterating_reads_the_whole_field_and_plain_fields_are_read_whole():
    before = {"census": Census(Counter(harry=3))}
    log = read(before, lambda c: sorted(c.counts.items()))
    assert log.reads.hold({"census": Census(Counter(harry=3))}, Digests())
    assert not log.reads.hold({"census": Census(Counter(harry=3, ron=1))}, Digests())
    assert not log.reads.hold({"census": Census(Counter(harry=3), label="b")}, Digests())


def test_a_fact_of_another_shape_is_read_whole():
    log = ReadLog()
    assert log.watch("majority", ("british", 12)) == ("british", 12)
    assert log.reads.hold({"majority": ("british", 12)}, Digests())
    assert not log.reads.hold({"majority": ("british", 13)}, Digests())
