"""Reading manuscript bytes: exact text or a clear InputError, never a traceback."""

from __future__ import annotations

import pytest

from ficlint.source import InputError, decode, read_source


def test_utf8_text_is_kept_exactly_including_crlf():
    source = decode("a.txt", "Café “quotes”.\r\nNext line.\r\n".encode())
    assert source.text == "Café “quotes”.\r\nNext line.\r\n"
    assert source.encoding == "utf-8" and source.bom == b""
    assert source.newline == "\r\n"


def test_utf8_bom_is_removed_from_the_text_and_remembered():
    source = decode("a.txt", b"\xef\xbb\xbfShe left.\n")
    assert source.text == "She left.\n" and source.bom == b"\xef\xbb\xbf"
    assert source.encode(source.text) == b"\xef\xbb\xbfShe left.\n"


def test_utf16_with_bom():
    data = "\ufeffShe said “hi”.".encode("utf-16-le")
    source = decode("a.txt", b"\xff\xfe" + data[2:])
    assert source.text == "She said “hi”." and source.encoding == "utf-16-le"


def test_cp1252_from_word_is_the_documented_fallback():
    data = "She said “hi” – café.".encode("cp1252")
    source = decode("a.txt", data)
    assert source.text == "She said “hi” – café." and source.encoding == "cp1252"
    assert source.encode(source.text) == data


def test_no_fallback_gives_a_clear_error():
    with pytest.raises(InputError, match=r"is not UTF-8 \(invalid byte 0x93 at offset 9\)"):
        decode("a.txt", "She said “hi”.".encode("cp1252"), fallback_encoding=None)


def test_binary_files_are_refused():
    with pytest.raises(InputError, match="binary file"):
        decode("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_bytes_that_are_no_text_in_any_encoding_are_refused():
    data = bytes(range(0x80, 0x100)) * 4 + b"\x01\x02\x03\x04\x05\x06"
    with pytest.raises(InputError):
        decode("a.txt", data)


def test_empty_file_is_empty_text(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert read_source(path).text == ""


def test_missing_file_and_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.md")
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path)


def test_input_error_names_the_file():
    err = InputError("chapters/one.md", "no such file")
    assert str(err) == "chapters/one.md: no such file"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_written_back_without_one(encoding):
    text = "“Meet you there” She said.\r\nCafé."
    source = decode("a.txt", text.encode(encoding))
    assert source.text == text and source.encoding == encoding and source.bom == b""
    assert source.encode(source.text) == text.encode(encoding)


def test_nul_bytes_that_do_not_read_as_utf16_are_still_binary():
    with pytest.raises(InputError, match="binary file"):
        decode("a.bin", b"\x00\x01\x02\x03" * 100)
    with pytest.raises(InputError, match="binary file"):
        decode("odd.txt", "She said hi.".encode("utf-16-le") + b"\x00")  # odd length
