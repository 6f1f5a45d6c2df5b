"""Stop 36, speed: the H001 n-gram table is read faster (counts decoded once per byte value, keys
summed in uint32, prefix starts summed in place) and must read exactly as before."""

from __future__ import annotations

import gzip
import struct

import numpy as np

from ficlint.resources import data_dir
from ficlint.rules.homophones import _ngrams
from tests.conftest import rule_findings


def _plainly_read(raw: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shipped table's keys, counts and prefix starts, read the straightforward way (as
    `read_table` did before this stop): every count through exp2, keys summed in uint64."""
    import json

    (length,) = struct.unpack("<I", raw[:4])
    header = json.loads(raw[4:4 + length].decode("utf-8"))
    at = 4 + length + 8 * header["sets"] * header["width"]
    n = header["entries"]
    deltas = np.frombuffer(raw, dtype="<u4", count=n, offset=at)
    counts = _ngrams.decode_count(np.frombuffer(raw, dtype=np.uint8, count=n, offset=at + 4 * n))
    keys = np.cumsum(deltas, dtype=np.uint64).astype(np.uint32)
    shift = _ngrams._PREFIX_SHIFT
    per_prefix = np.bincount(keys >> np.uint32(shift), minlength=1 << (32 - shift))
    return keys, counts, np.concatenate([[0], np.cumsum(per_prefix)])


def test_shipped_ngram_table_reads_exactly_as_decoded_entry_by_entry():
    raw = gzip.decompress((data_dir() / _ngrams.NGRAM_FILE).read_bytes())
    table = _ngrams.read_table(raw)
    keys, counts, starts = _plainly_read(raw)
    assert table.keys.dtype == keys.dtype and np.array_equal(table.keys, keys)
    assert table.counts.dtype == counts.dtype and np.array_equal(table.counts, counts)  # bit for bit
    assert table.starts.dtype == starts.dtype and np.array_equal(table.starts, starts)


def test_each_count_byte_decodes_alike_in_the_table_and_alone():
    # the 256-entry table is exp2 over one short array; a count decoded on its own must agree bit for bit
    table = _ngrams.decode_count(np.arange(256, dtype=np.uint8))
    alone = [_ngrams.decode_count(np.array([b], dtype=np.uint8))[0] for b in range(256)]
    assert table.tolist() == alone


def test_cli_still_flags_what_the_ngram_evidence_catches(tmp_path):
    # "stay here" is counted thousands of times in the train split, "stay hear" seldom
    assert rule_findings(tmp_path, "I'd rather stay hear with you.\n", "H001") == [("H001", "hear", "here")]


def test_cli_still_leaves_a_right_use_alone(tmp_path):
    assert rule_findings(tmp_path, "He bought it back from the pawnbroker.\n", "H001") == []
