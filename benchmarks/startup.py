#!/usr/bin/env python3
"""What a one-shot `ficlint check` spends before and besides reading the text: the interpreter,
numpy, ficlint's own imports, the rule modules, and every data load the run makes, in user CPU
milliseconds, the median of several fresh processes.

    python benchmarks/startup.py [FILE] [--repeat 5]

FILE defaults to a one-line file alone in a temporary folder (what a pre-commit hook on a short
chapter pays). Loads are found, not listed: every zero-argument `functools.cache` function of
ficlint (`load_tagger`, `lexicon`, `verb_forms`, `load_model`, `compiled_data`...) is timed on
its first call, less the loads it makes itself, so each line is that load's own cost. The
interpreter's own start (site, and whatever `.pth` files the environment installs) is measured
apart, as `python -c pass` in a process of its own.

Run it with compiled bytecode in place (`python -m compileall ficlint`): an environment with
PYTHONDONTWRITEBYTECODE set and no `__pycache__` compiles every module on every run (~0.3 s),
which an installed wheel never does.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def user_cpu() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def _timing_cache(costs: dict[str, float]):  # noqa: ANN202 - a decorator like functools.cache
    """functools.cache, which also notes the own CPU time of a ficlint loader's first call."""
    real = functools.cache
    nested: list[float] = []

    def cache(fn):  # noqa: ANN001, ANN202
        cached = real(fn)
        if not fn.__module__.startswith("ficlint"):
            return cached

        @functools.wraps(fn)
        def first_call_timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if args or kwargs or cached.cache_info().currsize:
                return cached(*args, **kwargs)
            started = time.process_time()
            nested.append(0.0)
            try:
                return cached()
            finally:
                inner = nested.pop()
                spent = time.process_time() - started
                costs[f"{fn.__module__.removeprefix('ficlint.')}.{fn.__qualname__}"] = spent - inner
                if nested:
                    nested[-1] += spent

        first_call_timed.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        first_call_timed.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return first_call_timed

    return cache


def one_run(path: str) -> dict[str, float]:
    """In this process: the phases of `ficlint check --no-cache -q --jobs 1 path`, in CPU seconds."""
    import gc

    gc.disable()  # as the command line runs (cli/__init__.py)
    loads: dict[str, float] = {}
    functools.cache = _timing_cache(loads)  # before ficlint is imported
    figures = {"before main (interpreter, site, this script)": user_cpu()}
    started = time.process_time()
    import numpy  # noqa: F401 - the tagger and the homophone model need it on any prose

    figures["import numpy"] = time.process_time() - started
    started = time.process_time()
    import ficlint.cli.check  # noqa: F401

    figures["import ficlint (cli, check, batch, analysis)"] = time.process_time() - started
    from ficlint.registry import builtin_checks

    started = time.process_time()
    builtin_checks()
    figures["import the rule modules"] = time.process_time() - started
    from ficlint.cli import main

    loads.clear()  # the rule modules' imports are counted above
    real_exit, ended = os._exit, {}

    def done(code: object = 0) -> None:
        ended["at"] = time.process_time()
        raise SystemExit(code)

    os._exit = done  # type: ignore[assignment]
    sys.argv = ["ficlint", "check", "--no-cache", "-q", "--jobs", "1", path]
    started = time.process_time()
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w")  # noqa: SIM115
    try:
        main()
    except SystemExit:
        pass
    finally:
        sys.stdout = stdout
        os._exit = real_exit
    run = ended.get("at", time.process_time()) - started
    figures["data loads (below)"] = sum(loads.values())
    figures["the rest of the run (the text's own work, imports made on the way)"] = run - sum(loads.values())
    figures["process user CPU"] = user_cpu()
    return {**figures, **{f"  load: {name}": s for name, s in loads.items()}}


def child(path: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def bare_interpreter() -> float:
    """User CPU of `python -c pass` (site and the environment's .pth files included)."""
    import statistics

    runs = []
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", "pass"])
        _, _, usage = os.wait4(proc.pid, 0)
        runs.append(usage.ru_utime)
    return statistics.median(runs)


def report(path: str, repeat: int) -> None:
    runs = [child(path) for _ in range(repeat)]
    names = list(dict.fromkeys(name for run in runs for name in run))
    load = os.getloadavg()[0]
    print(f"{path}: user CPU ms, median of {repeat} fresh processes (load average {load:.1f} on "
          f"{os.cpu_count()} cores)")
    print(f"  {'python -c pass (a process of its own)':66} {bare_interpreter() * 1000:7.1f}")
    loads = sorted((n for n in names if n.startswith("  load:")),
                   key=lambda n: -statistics.median(r.get(n, 0.0) for r in runs))
    for name in [n for n in names if not n.startswith("  load:")] + loads:
        print(f"  {name:66} {statistics.median(r.get(name, 0.0) for r in runs) * 1000:7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", help="the text to check (default: a one-line file)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.file)))
        return
    if args.file:
        report(args.file, args.repeat)
        return
    with tempfile.TemporaryDirectory(prefix="ficlint-startup-") as folder:
        one_line = Path(folder) / "one.txt"
        one_line.write_text("She walked to the shop and bought some bread.\n", encoding="utf-8")
        report(str(one_line), args.repeat)


if __name__ == "__main__":
    main()
