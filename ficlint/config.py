"""`.ficlint.yaml`: found by walking up from the checked file, or given with --config.

Every key is checked: an unknown key or a bad value is a ConfigError that names
the file, the line and the key.
"""

from __future__ import annotations

import codecs
import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ficlint.resources import yaml  # PyYAML itself is imported only when a config file is read

if TYPE_CHECKING:
    Node = yaml.Node

CONFIG_NAMES = (".ficlint.yaml", ".ficlint.yml", "ficlint.yaml")
WORDS_FILE = ".ficlint-words.txt"
DIALECTS = ("auto", "en-US", "en-GB", "en-GB-oxendict")
FANDOM_GLOSSARIES = ("auto", "off")
MANUSCRIPTS = ("auto", "config", "folder", "file")
SEVERITIES = ("error", "warning", "info", "hint", "off")
FAIL_ON = ("error", "warning", "info", "hint")  # the least severe finding that makes `check` exit 1
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")


class ConfigError(Exception):
    """A configuration problem, with the place it was found."""

    def __init__(self, path: str | Path | None, line: int | None, message: str) -> None:
        where = str(path) if path else "configuration"
        if line:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class LanguageToolConfig:
    enabled: bool = False
    server: str | None = None  # URL of a LanguageTool server
    local: bool = False  # let language-tool-python start a local server (needs Java)
    language: str = "auto"  # "auto" follows ficlint's dialect
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    timeout: float = 20.0
    author_notes: bool = False  # also send author's notes


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from
    dialect: str = "auto"
    select: tuple[str, ...] = ()  # empty: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    words: tuple[str, ...] = ()
    encoding: str = "cp1252"  # fallback for files that are not UTF-8
    min_confidence: float = 0.0  # findings that report a lower confidence are dropped
    fandom_glossaries: str = "auto"  # shipped glossaries switch on when the manuscript is of their fandom
    fail_on: str = "warning"  # findings this severe or worse make `ficlint check` exit 1
    manuscript: str = "auto"  # which files are one manuscript (workspace.manuscript_key)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per check family
    languagetool: LanguageToolConfig = field(default_factory=LanguageToolConfig)
    # (key, rule, line) of each rule the file names, checked once the rules are known
    selectors: tuple[tuple[str, str, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file_path: str) -> tuple[str, ...]:
        """Selectors ignored for one file by `per-file-ignores`."""
        rel = _relative(file_path, self.root)
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(selectors)
        return tuple(out)

    def excludes(self, file_path: str) -> bool:
        rel = _relative(file_path, self.root)
        return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(Path(rel).name, p) for p in self.exclude)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def option(self, family: str, key: str, default: Any = None) -> Any:
        return self.options.get(family, {}).get(key, default)


def _relative(file_path: str, root: Path) -> str:
    try:
        return Path(file_path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(file_path).as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(path, None, f"cannot read: {err}") from None
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    reject_duplicate_keys(node, path)
    config = parse_config(node, path)
    return _with_words_file(config)


def _with_words_file(config: Config) -> Config:
    return replace(config, words=config.words + read_words_file(config.root / WORDS_FILE))


def word_lists(folder: Path, config_path: Path | None) -> list[Path]:
    """The `.ficlint-words.txt` files the check reads for files in `folder`,
    nearest first: the one beside the config file that applies; with no config
    file, every one in the folder and the folders above it (so a list made at
    the top of a project counts for the chapters in its subfolders, and one
    made beside a chapter counts too)."""
    if config_path is not None:
        return [config_path.parent / WORDS_FILE]
    folder = folder.resolve()
    return [f / WORDS_FILE for f in (folder, *folder.parents) if (f / WORDS_FILE).is_file()]


def read_words_file(path: Path) -> tuple[str, ...]:
    """The words of a `.ficlint-words.txt`: one a line, `#` comments; none if it is missing or unreadable."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return ()
    return tuple(w for w in (line.strip() for line in lines) if w and not w.startswith("#"))


def default_config(folder: Path | None = None) -> Config:
    """The config used where no file is found; words files still count (see word_lists)."""
    config = Config()
    if folder is not None:
        words = (w for path in word_lists(folder, None) for w in read_words_file(path))
        config = replace(config, words=tuple(dict.fromkeys(words)))
    return config


# -- validation ----------------------------------------------------------------

def parse_config(node: Node | None, path: Path) -> Config:
    if node is None:
        return Config(path=path)
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), "the top level must be a mapping of keys to values")
    values: dict[str, Any] = {"path": path}
    for key_node, value_node in node.value:
        key = key_node.value
        parser = _TOP_LEVEL.get(key)
        if parser is None:
            known = ", ".join(sorted(_TOP_LEVEL))
            raise ConfigError(path, _line(key_node), f"unknown key {key!r} (known: {known})")
        field_name, parse = parser
        values[field_name] = parse(value_node, path, key)
    values["selectors"] = _selectors(node)
    return Config(**values)


def _selectors(node: yaml.MappingNode) -> tuple[tuple[str, str, int], ...]:
    """(key, selector, line) of every rule named in select, ignore, severity and
    per-file-ignores, so the rules can be checked to exist once they are known."""
    found: list[tuple[str, str, int]] = []
    for key_node, value_node in node.value:
        key = key_node.value
        if key in ("select", "extend-select", "ignore"):
            items = list(_items(value_node))
        elif key == "severity":
            items = [k for k, _ in value_node.value]
        elif key == "per-file-ignores":
            items = [item for _, v in value_node.value for item in _items(v)]
        else:
            continue
        found.extend((key, str(item.value), _line(item)) for item in items)
    return tuple(found)


def reject_duplicate_keys(node: Node | None, path: Path) -> None:
    """A key given twice in one mapping is an error at its second place: YAML
    loaders keep the last value silently, so the first setting would be lost."""
    seen_nodes: set[int] = set()
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if id(current) in seen_nodes:  # an alias met again
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                    if key_node.value in first:
                        raise ConfigError(path, _line(key_node), f"duplicate key {key_node.value!r} "
                                          f"(first given on line {first[key_node.value]})")
                    first[key_node.value] = _line(key_node)
                pending.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)


_MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALAR_KINDS = {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
                 "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:null": "empty"}


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _plain(node: Node) -> Any:
    return yaml.SafeLoader(" ").construct_object(node, deep=True)


def _string(node: Node, path: Path, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.value in ("", None):
        raise ConfigError(path, _line(node), f"{key!r} must be a string")
    return str(node.value)


def _choice(choices: tuple[str, ...]) -> Callable[[Node, Path, str], str]:
    def parse(node: Node, path: Path, key: str) -> str:
        value = _string(node, path, key)
        if value not in choices:
            raise ConfigError(path, _line(node),
                              f"{key!r} must be one of {', '.join(choices)}, not {value!r}")
        return value

    return parse


def _encoding(node: Node, path: Path, key: str) -> str:
    value = _string(node, path, key)
    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError(path, _line(node), f"{key!r}: unknown encoding {value!r}") from None
    return value


def _bool(node: Node, path: Path, key: str) -> bool:
    value = _plain(node)
    if not isinstance(value, bool):
        raise ConfigError(path, _line(node), f"{key!r} must be true or false")
    return value


def _number(node: Node, path: Path, key: str) -> float:
    value = _plain(node)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(path, _line(node), f"{key!r} must be a positive number")
    return float(value)


def _confidence(node: Node, path: Path, key: str) -> float:
    value = _plain(node)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(path, _line(node), f"{key!r} must be a number from 0 to 1")
    return float(value)


def _strings(node: Node, path: Path, key: str) -> tuple[str, ...]:
    """A list of strings, or one string standing for a list of one."""
    if isinstance(node, yaml.ScalarNode) and node.value:
        return (_list_string(node, path, key),)
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(path, _line(node), f"{key!r} must be a list of strings")
    return tuple(_list_string(item, path, key) for item in node.value)


def _list_string(node: Node, path: Path, key: str) -> str:
    """One string of a list: `words: 5` or `select: [true]` are mistakes, not text."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(path, _line(node), f"{key!r} must be a list of strings")
    kind = _SCALAR_KINDS.get(node.tag)
    if kind is not None:
        raise ConfigError(path, _line(node), f"{key!r} must be a list of strings, not {kind} "
                          f"({node.value!r}; put it in quotes if it is meant as text)")
    return str(node.value)


def _items(node: Node) -> list[Node]:
    return node.value if isinstance(node, yaml.SequenceNode) else [node]


def _severity_map(node: Node, path: Path, key: str) -> dict[str, str]:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), f"{key!r} must map rule ids to a severity")
    out = {}
    for k, v in node.value:
        sev = _choice(SEVERITIES)(v, path, f"{key}.{k.value}")
        out[str(k.value)] = sev
    return out


def _per_file(node: Node, path: Path, key: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), f"{key!r} must map file globs to lists of rules")
    return {str(k.value): _strings(v, path, f"{key}.{k.value}") for k, v in node.value}


def _packs(node: Node, path: Path, key: str) -> tuple[Path, ...]:
    out = []
    for item, name in zip(_items(node), _strings(node, path, key), strict=True):
        pack = (path.parent / name).resolve()
        if not pack.exists():
            pack = _shipped_pack(name) or pack
        if not pack.exists():
            raise ConfigError(path, _line(item), f"{key!r}: rule pack {name!r} does not exist")
        out.append(pack)
    return tuple(out)


def _shipped_pack(name: str) -> Path | None:
    """An opt-in pack shipped with ficlint, named by its place under rules/
    (`glossaries/harry-potter`), when no file of that name is beside the config."""
    from ficlint.resources import rules_dir

    for candidate in (rules_dir() / name, rules_dir() / f"{name}.yaml"):
        if candidate.is_file() and candidate.resolve().is_relative_to(rules_dir().resolve()):
            return candidate.resolve()
    return None


def _options(node: Node, path: Path, key: str) -> dict[str, dict[str, Any]]:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), f"{key!r} must map check families to their options")
    out: dict[str, dict[str, Any]] = {}
    for k, v in node.value:
        value = _plain(v)
        if not isinstance(value, dict):
            raise ConfigError(path, _line(v), f"{key}.{k.value} must be a mapping")
        out[str(k.value)] = value
    return out


_LT_KEYS: dict[str, Callable[[Node, Path, str], Any]] = {
    "enabled": _bool,
    "server": _string,
    "local": _bool,
    "language": _string,
    "enabled_rules": _strings,
    "disabled_rules": _strings,
    "timeout": _number,
    "author_notes": _bool,
}


def _languagetool(node: Node, path: Path, key: str) -> LanguageToolConfig:
    if isinstance(node, yaml.ScalarNode):
        return LanguageToolConfig(enabled=_bool(node, path, key))
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), f"{key!r} must be true, false or a mapping")
    values: dict[str, Any] = {}
    for k, v in node.value:
        parse = _LT_KEYS.get(k.value)
        if parse is None:
            raise ConfigError(path, _line(k), f"unknown key {key}.{k.value} (known: {', '.join(_LT_KEYS)})")
        values[k.value] = parse(v, path, f"{key}.{k.value}")
    return LanguageToolConfig(**values)


_TOP_LEVEL: dict[str, tuple[str, Callable[[Node, Path, str], Any]]] = {
    "dialect": ("dialect", _choice(DIALECTS)),
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "severity": ("severity", _severity_map),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "packs": ("packs", _packs),
    "words": ("words", _strings),
    "encoding": ("encoding", _encoding),
    "min-confidence": ("min_confidence", _confidence),
    "fandom-glossaries": ("fandom_glossaries", _choice(FANDOM_GLOSSARIES)),
    "fail-on": ("fail_on", _choice(FAIL_ON)),
    "manuscript": ("manuscript", _choice(MANUSCRIPTS)),
    "options": ("options", _options),
    "languagetool": ("languagetool", _languagetool),
}
