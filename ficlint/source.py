"""Reading manuscript files: bytes in, exact text out, or a clear InputError.

The text is kept exactly as in the file (CRLF, BOM-less) so that every offset a
check reports maps back to the file. What we learned about the encoding, the
BOM and the line endings is kept too, so that --fix can write the file back the
way it found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be read as a manuscript; the message is for the writer."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Source:
    """A manuscript's decoded text and how to write it back."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

    @property
    def newline(self) -> str:
        """The file's dominant line ending."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"

    def encode(self, text: str) -> bytes:
        """Bytes for `text` in this file's encoding, with its BOM."""
        return self.bom + text.encode(self.encoding)


def decode(path: str, data: bytes, fallback_encoding: str | None = "cp1252") -> Source:
    """Decode a manuscript's bytes.

    UTF-8 (with or without BOM) and UTF-16 (with a BOM, or without one when the
    bytes leave no doubt) are read as they are.
    Bytes that are not UTF-8 are read as `fallback_encoding` (Word's cp1252 by
    default) when that gives plausible text; otherwise, and for binary files,
    an InputError explains what is wrong.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Source(path, data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as err:
                raise InputError(path, f"not valid {encoding.upper()} despite its byte-order mark "
                                       f"(byte {err.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        bomless = _bomless_utf16(path, data)
        if bomless is not None:
            return bomless
        raise InputError(path, "looks like a binary file (it contains NUL bytes), not a manuscript")
    try:
        return Source(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if fallback_encoding:
        try:
            text = data.decode(fallback_encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_like_text(text):
            return Source(path, text, fallback_encoding)
    raise InputError(path, f"is not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
                           f"{utf8_error.start}); save it as UTF-8 or set `encoding` in .ficlint.yaml")


def _bomless_utf16(path: str, data: bytes) -> Source | None:
    """UTF-16 without a byte-order mark (some Windows and phone apps save it):
    in English text nearly every other byte is NUL, always on the same side.
    None when the bytes do not read that way."""
    if len(data) % 2 or len(data) < 8:
        return None
    sample = data[:8192]
    pairs = len(sample) // 2
    even = sample[0::2].count(0)  # the high byte of big-endian ASCII
    odd = sample[1::2].count(0)  # the high byte of little-endian ASCII
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.6 * pairs and other <= pairs // 100:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return Source(path, text, encoding) if _control_characters(text) == 0 else None
    return None


def _looks_like_text(text: str) -> bool:
    return _control_characters(text) <= max(2, len(text) // 1000)


def _control_characters(text: str) -> int:
    """How many characters of `text` are control characters other than whitespace."""
    return sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")


def read_source(path: str | Path, fallback_encoding: str | None = "cp1252") -> Source:
    """Read and decode a manuscript file; every failure is an InputError."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(name, f"is {size // (1024 * 1024)} MB; ficlint reads manuscripts of up to "
                                   f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as err:
        raise InputError(name, err.strerror or str(err)) from None
    return decode(name, data, fallback_encoding)
