"""Where ficlint's shipped data lives: the `rules/` packs and data files.

In a wheel, `rules/` is installed as `ficlint/_rules`; in a source checkout
(and an editable install) it is the top-level `rules/` folder.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import zlib
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any


def _imported_on_first_use(name: str) -> ModuleType:
    """A module that is imported when one of its attributes is first read (importlib's LazyLoader).
    PyYAML costs ~25 ms of every run to import (its reader compiles a pattern over all of Unicode),
    and a run without a config file or a user's pack reads only compiled data."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import yaml
else:
    yaml = _imported_on_first_use("yaml")

_PACKAGE = Path(__file__).resolve().parent
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def __getattr__(name: str) -> Any:
    """`SafeLoader`, read on first use so that importing this module does not import PyYAML."""
    if name == "SafeLoader":
        return safe_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def safe_loader() -> Any:
    """libyaml's parser when PyYAML was built with it (the PyPI wheels are): about ten times faster."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def rules_dir() -> Path:
    installed = _PACKAGE / "_rules"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("ficlint's rules/ folder is missing from this installation")


def data_dir() -> Path:
    """Binary data shipped inside the package (trained models, compiled lists)."""
    return _PACKAGE / "data"


@cache
def load_data(name: str) -> Any:
    """A YAML data file from rules/data/, e.g. load_data("speech-verbs").

    Read from its compiled form (ficlint/data/rules-data.json, built by
    scripts/build_rules_data.py: a JSON parse instead of a YAML one, ~35 ms less per run) when the
    YAML file is the one it was compiled from (same length and CRC-32); parsed from the YAML
    otherwise, so an edited data file is never read stale."""
    raw = (rules_dir() / "data" / f"{name}.yaml").read_bytes()
    entry = compiled_data().get(name)
    if entry is not None and entry["source"] == source_digest(raw):
        return entry["data"]
    return load_yaml(yaml_text(raw))


@cache
def data_words(name: str, key: str) -> frozenset[str]:
    """One word list of a rules/data/ file as a set, as written (e.g. data_words("letters",
    "title_small_words")); read once."""
    return frozenset(str(w) for w in load_data(name)[key])


def compiled_yaml(path: Path, text: str) -> Any | None:
    """The objects of a YAML file shipped under rules/ (a pack, a glossary) from rules-data.json,
    where scripts/build_rules_data.py compiled them, while `text` (the file as read in text mode)
    is still what they were compiled from; None for any other file or an edited one (parse it)."""
    try:
        name = path.resolve().relative_to(rules_dir().resolve()).as_posix()
    except ValueError:
        return None
    entry = compiled_data().get(name)
    if entry is None or entry["source"] != source_digest(text.encode("utf-8")):
        return None
    return entry["data"]


def yaml_text(raw: bytes) -> str:
    """A YAML file's text as a file opened in text mode reads it (line ends made "\\n")."""
    text = raw.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


COMPILED_DATA = "rules-data.json"


@cache
def compiled_data() -> dict[str, Any]:
    """ficlint/data/rules-data.json: each rules/data/*.yaml file's objects, by name, with the
    digest of the YAML they were compiled from ({} when the file is missing)."""
    try:
        with (data_dir() / COMPILED_DATA).open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def source_digest(raw: bytes) -> str:
    """What identifies a YAML file's bytes for its compiled form: its length and CRC-32, line ends
    read as a text-mode file reads them (a checkout with CRLF line ends has the same objects)."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return f"{len(raw)}:{zlib.crc32(raw):08x}"


def load_yaml(stream: Any) -> Any:
    """`yaml.load(stream, Loader=SafeLoader)`, the same objects, in about half the time: the
    parsed nodes are turned into Python objects by one recursive function instead of PyYAML's
    constructor (a generator per mapping and sequence, run in two passes). Strings, lists and
    mappings with string keys, nearly all a data file has, are built here; anything else
    (numbers, booleans, merge keys, tags) by PyYAML's own constructor."""
    loader = safe_loader()(stream)
    try:
        node = loader.get_single_node()
        return None if node is None else _constructed(node, loader, {})
    finally:
        loader.dispose()


def _constructed(node: yaml.Node, loader: Any, done: dict[int, Any]) -> Any:
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if id(node) in done:  # an alias: the anchored object itself, as PyYAML gives it
        return done[id(node)]
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        found: Any = []
        done[id(node)] = found
        found.extend(_constructed(item, loader, done) for item in node.value)
    elif node.tag == _MAP and isinstance(node, yaml.MappingNode) and all(
            key.tag == _STR and isinstance(key, yaml.ScalarNode) for key, _ in node.value):
        found = done[id(node)] = {}
        for key, value in node.value:
            found[key.value] = _constructed(value, loader, done)
    else:
        found = done[id(node)] = loader.construct_document(node)
    return found
