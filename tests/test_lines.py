"""Offsets <-> lines and columns in every unit a position can be counted in (ficlint/document/lines.py)."""

from __future__ import annotations

import random

import pytest

from ficlint.document.lines import UTF8, UTF16, UTF32, LineIndex

LINE = 'He’s there—waiting 😀. "stop it..stop crying"'
CODECS = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2), UTF32: ("utf-32-le", 4)}


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_every_offset_maps_to_its_column_and_back(encoding: str) -> None:
    text = f"# Title\r\n\f\n{LINE}\nlast line, no break"
    index = LineIndex(text, lsp=True)
    codec, width = CODECS[encoding]
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n":
            continue  # between the two characters of a line break: no position is there
        line, character = index.encoded_position(offset, encoding)
        start = index.starts[line]
        assert character == len(text[start:offset].encode(codec)) // width
        assert index.offset_at(line, character, encoding) == offset


def test_columns_of_the_two_dots_in_each_unit() -> None:
    index = LineIndex(f"\n{LINE}\n", lsp=True)
    dots = index.text.index("..")
    assert [index.encoded_position(dots, e) for e in (UTF8, UTF16, UTF32)] == [(1, 37), (1, 31), (1, 30)]
    assert index.utf16_position(dots) == (1, 31)


def test_a_column_past_the_end_of_a_line_is_its_end_before_the_line_break() -> None:
    text = "one\r\ntwo 😀\nthree"
    index = LineIndex(text, lsp=True)
    assert index.offset_at(0, 99) == text.index("\r\n")
    assert index.offset_at(1, 99, UTF8) == text.index("\nthree")
    assert index.offset_at(2, 99) == len(text)  # the last line, with no break
    assert index.offset_at(7, 0) == len(text)  # past the last line


def test_a_column_inside_a_character_means_the_end_of_it() -> None:
    index = LineIndex("a😀b", lsp=True)
    assert index.offset_at(0, 2, UTF16) == 2  # between the emoji's two UTF-16 units
    assert index.offset_at(0, 3, UTF8) == 2  # inside its four UTF-8 bytes


def test_only_the_protocol_ends_lines_at_a_lone_carriage_return() -> None:
    text = "old\rmac\r\nnew\n"
    assert LineIndex(text, lsp=True).starts == [0, 4, 9, 13]
    assert LineIndex(text).starts == [0, 9, 13]  # as ficlint reports lines


def test_an_edit_finds_the_same_lines_as_indexing_the_edited_text_again() -> None:
    rng = random.Random(14)
    pieces = ["a", "b", " ", "\n", "\r", "\r\n", "😀", "’", "\f"]
    for _ in range(1000):
        lsp = rng.random() < 0.7
        index = LineIndex("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))), lsp=lsp)
        for _ in range(3):
            start = rng.randint(0, len(index.text))
            end = rng.randint(start, len(index.text))
            index = index.replaced(start, end, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))))
            assert index.starts == LineIndex(index.text, lsp=lsp).starts, repr(index.text)
