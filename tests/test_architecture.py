"""The house's shape, checked: data flows one way, so no module imports back up the chain.

    source -> document -> analysis -> rules -> registry/engine -> run -> reporters / cli / lsp

An import anywhere in a module (at the top or inside a function) counts: a lazy import back up is
still a cycle in the design. Rules and reporters never import each other, and only the run and the
entry points know the pipeline.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ficlint"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """ficlint modules imported anywhere in the file (TYPE_CHECKING-only imports left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ficlint"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ficlint"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    # a package's __init__ importing its own submodules is how packages work, not a cycle
    return {name: {m for m in deps if not m.startswith(name + ".")} for name, deps in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_lower_layers_never_import_higher_ones():
    graph = _graph()
    below = {
        "ficlint.document": ("ficlint.analysis", "ficlint.rules", "ficlint.engine", "ficlint.run"),
        "ficlint.analysis": ("ficlint.rules", "ficlint.engine", "ficlint.run", "ficlint.reporters"),
        "ficlint.rules": ("ficlint.engine", "ficlint.run", "ficlint.reporters", "ficlint.cli"),
        "ficlint.reporters": ("ficlint.rules", "ficlint.run", "ficlint.cli"),
    }
    for module, deps in graph.items():
        for layer, forbidden in below.items():
            if module == layer or module.startswith(layer + "."):
                wrong = sorted(d for d in deps if d.startswith(forbidden))
                assert not wrong, f"{module} imports {wrong}"


def test_the_codes_table_lists_every_rule_module():
    from ficlint.rules.codes import RULES

    modules = {_module_name(p).removeprefix("ficlint.rules.") for p in (PACKAGE / "rules").rglob("*.py")
               if not p.name.startswith("_") and p.parent != PACKAGE / "rules"}
    assert set(RULES.values()) == modules
