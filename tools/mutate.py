"""`make mutate`: mutation testing of kiosk/domain, to find tests that cannot fail.

Each mutant changes one thing in one domain module — a flipped comparison, a constant off
by one, a negated condition, `and` for `or`, True for False, + for - — anywhere in the
module: in functions (decorated ones too), class bodies and module-level constants. The
unit tests run against it in a copy of the project; a mutant that no test notices
"survives". The score is killed / (mutants - known equivalent ones).

Each mutant meets the unit tests that run its line (measured once per run with coverage, per
test: tools/mutate_plugin.py), its own module's tests first, stopping at the first failure;
a line that runs at import (module constants, class bodies, default values), in a cached
function, or in no test at all meets every unit test.

    python -m tools.mutate [--sample N] [--seed S] [--module NAME] [--keys FILE] [--workers N] [--list]

Equivalent mutants (that provably change nothing) are listed with the reason why in
tools/mutate_equivalent.txt as `module:line:description  # reason`; they are left out.
"""

from __future__ import annotations

import argparse
import ast
import functools
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ROOT / "kiosk" / "domain"
EQUIVALENT = Path(__file__).with_name("mutate_equivalent.txt")
TEST_COMMAND = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                "tests/unit"]
TIMEOUT = 120  # seconds: a mutant that loops forever counts as killed

COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv,
}


@dataclass(frozen=True)
class Mutant:
    module: str
    """File path under kiosk/domain ("calendar.py", "sms/names.py")."""
    index: int
    """The n-th mutation point of the module, in AST walk order."""
    line: int
    description: str
    end_line: int = 0
    """The mutated expression's last line (0: `line`)."""

    @property
    def key(self) -> str:
        return f"{self.module}:{self.line}:{self.description}"


class _Points(ast.NodeTransformer):
    """Walks a module; with `target` set, applies the target-th mutation and nothing else."""

    def __init__(self, target: int | None = None) -> None:
        self.target = target
        self.found: list[tuple[int, int, str]] = []

    def _point(self, node: ast.AST, description: str) -> bool:
        """Records a mutation point; True when it is the one to apply."""
        line = getattr(node, "lineno", 0)
        self.found.append((line, getattr(node, "end_lineno", None) or line, description))
        return self.target == len(self.found) - 1

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return node  # f-strings: wording, not logic

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node  # docstrings
        return self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            swap = COMPARE_SWAPS.get(type(op))
            if swap and self._point(node, f"{type(op).__name__}->{swap.__name__}"):
                node.ops[i] = swap()
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        swap = BINOP_SWAPS.get(type(node.op))
        name = f"{type(node.op).__name__}->{swap.__name__}" if swap else ""
        if swap and not _is_string(node.left) and self._point(node, name):
            node.op = swap()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        if self._point(node, f"{type(node.op).__name__}->{other.__name__}"):
            node.op = other()
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._point(node, "drop not"):
            return node.operand
        return node

    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        if self._point(node, "negate if"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        if self._point(node, "negate conditional"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self._point(node, f"{value}->{not value}"):
                return ast.Constant(not value)
        elif isinstance(value, int):
            if self._point(node, f"{value}->{value + 1}"):
                return ast.Constant(value + 1)
            if value != 0 and self._point(node, f"{value}->{value - 1}"):
                return ast.Constant(value - 1)
        return node


def _is_string(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def _walk_points(tree: ast.Module) -> _Points:
    points = _Points()
    points.visit(tree)
    return points


def _name(path: Path) -> str:
    """"calendar", "sms/names": a module's path under kiosk/domain without .py."""
    return path.relative_to(DOMAIN).with_suffix("").as_posix()


def mutants(modules: list[Path]) -> Iterator[Mutant]:
    for path in modules:
        points = _walk_points(ast.parse(path.read_text(encoding="utf-8")))
        seen: dict[tuple[int, str], int] = {}
        for index, (line, end_line, description) in enumerate(points.found):
            # a second mutant of the same kind on a line gets "@2" in its key, so that listing
            # one as equivalent never hides the other
            seen[line, description] = seen.get((line, description), 0) + 1
            name = description if seen[line, description] == 1 else f"{description}@{seen[line, description]}"
            yield Mutant(path.relative_to(DOMAIN).as_posix(), index, line, name, end_line)


def mutated_source(mutant: Mutant, source: str | None = None) -> str:
    """The module with the mutation applied (to `source`, the copy's text, when given)."""
    tree = ast.parse(source if source is not None else (DOMAIN / mutant.module).read_text(encoding="utf-8"))
    _Points(mutant.index).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def _copy_project(target: Path) -> None:
    for name in ("kiosk", "tests", "tools"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")


Covered = dict[str, dict[int, set[str]]]
"""module under kiosk/domain -> line -> node ids of the tests that run it ("": at import)."""


def _measure(workdir: Path) -> Covered | None:
    """Runs the unit tests once under coverage, each test its own context; None when they
    fail without any mutant."""
    data_file = workdir / ".coverage-mutate"
    result = subprocess.run([*TEST_COMMAND[:-1], "-p", "tools.mutate_plugin", "tests/unit"], cwd=workdir,
                            capture_output=True, env={**os.environ, "KIOSK_MUTATE_COVERAGE": str(data_file)})
    if result.returncode != 0:
        return None
    data = coverage.CoverageData(basename=str(data_file))
    data.read()
    domain = (workdir / "kiosk" / "domain").resolve()
    measured: Covered = {}
    for filename in data.measured_files():
        path = Path(filename).resolve()
        if path.is_relative_to(domain):
            lines = data.contexts_by_lineno(filename)
            measured[path.relative_to(domain).as_posix()] = {n: set(c) for n, c in lines.items()}
    return measured


@functools.lru_cache
def _cached_lines(module: str) -> set[int]:
    """Lines of functions whose results are cached: the first test to call one decides for all."""
    tree = ast.parse((DOMAIN / module).read_text(encoding="utf-8"))
    return {n for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and any("cache" in ast.unparse(d) for d in node.decorator_list)
            for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)}


def _tests_for(mutant: Mutant, measured: Covered) -> list[str] | None:
    """The node ids of the tests that run the mutant's lines, its own module's tests first;
    None: every unit test (the line runs at import, in a cached function, or in no test)."""
    by_line = measured.get(mutant.module, {})
    lines = range(mutant.line, max(mutant.end_line, mutant.line) + 1)
    contexts = set().union(*(by_line.get(n, set()) for n in lines))
    if not contexts or "" in contexts or mutant.line in _cached_lines(mutant.module):
        return None
    return sorted(contexts, key=lambda nodeid: (_other_module(mutant, nodeid.partition("::")[0]), nodeid))


def _other_module(mutant: Mutant, test_file: str) -> bool:
    """Whether a test file is named after another module than the mutant's."""
    words = set(Path(mutant.module).with_suffix("").parts)
    return not words & set(Path(test_file).stem.removeprefix("test_").split("_"))


def _test_files(mutant: Mutant, workdir: Path) -> list[str]:
    """Every unit test file, those named after the mutated module first (for a mutant whose
    line no test measure can pin down). With `-x` the run stops at the first failure, so a
    mutant that its own tests kill costs one file, not the whole suite. (Each file is named:
    pytest drops a folder given after one of its own files.)
    """
    # the copy's files: the project may change while a run goes on
    files = sorted((workdir / "tests" / "unit").glob("test_*.py"),
                   key=lambda p: (_other_module(mutant, p.name), p.name))
    return [f"tests/unit/{p.name}" for p in files]


def _survives(mutant: Mutant, workdir: Path, tests: list[str] | None) -> bool:
    module = workdir / "kiosk" / "domain" / mutant.module
    original = module.read_text(encoding="utf-8")
    module.write_text(mutated_source(mutant, original), encoding="utf-8")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if tests is None:
        command = [*TEST_COMMAND[:-1], *_test_files(mutant, workdir)]
    else:
        only = workdir / ".mutate-only"
        only.write_text("\n".join(tests), encoding="utf-8")
        env["KIOSK_MUTATE_ONLY"] = str(only)
        files = list(dict.fromkeys(nodeid.partition("::")[0] for nodeid in tests))
        command = [*TEST_COMMAND[:-1], "-p", "tools.mutate_plugin", *files]
    try:
        result = subprocess.run(command, cwd=workdir, capture_output=True, timeout=TIMEOUT, env=env)
        if result.returncode == 5:  # no tests ran: the tool is broken, not the mutant (a conftest that no
            # longer imports, exit code 4, is a mutant the tests noticed)
            output = result.stdout[-2000:].decode(errors="replace")
            raise RuntimeError(f"{mutant.key}: pytest could not run the tests:\n{output}")
        return result.returncode == 0
    except subprocess.TimeoutExpired:
        return False
    finally:
        module.write_text(original, encoding="utf-8")


def _known_equivalent() -> dict[str, str]:
    if not EQUIVALENT.exists():
        return {}
    known = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        key, _, reason = line.partition("#")
        if key.strip():
            known[key.strip()] = reason.strip()
    return known


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.mutate", description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="test this many random mutants (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--module", action="append", help="only these domain modules (e.g. auth)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--keys", type=Path,
                        help="only the mutants whose keys this file lists, one a line (a run's SURVIVED lines too)")
    args = parser.parse_args(argv)
    modules = sorted(p for p in DOMAIN.rglob("*.py") if p.parent != DOMAIN or p.name != "__init__.py"
                     if not args.module or _name(p) in args.module or p.stem in args.module)
    equivalent = _known_equivalent()
    wanted = {line.strip().removeprefix("SURVIVED ") for line in args.keys.read_text(encoding="utf-8").splitlines()
              } if args.keys else None
    chosen = [m for m in mutants(modules) if m.key not in equivalent and (wanted is None or m.key in wanted)]
    if args.sample and args.sample < len(chosen):
        sample = random.Random(args.seed).sample(chosen, args.sample)
        chosen = sorted(sample, key=lambda m: (m.module, m.index))
    if args.list:
        for mutant in chosen:
            print(mutant.key)
        return 0
    print(f"{len(chosen)} mutants of {len(modules)} modules ({len(equivalent)} known equivalent left out)",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-mutate-") as tmp:
        workdirs = [Path(tmp) / f"w{n}" for n in range(args.workers)]
        for workdir in workdirs:
            _copy_project(workdir)
        measured = _measure(workdirs[0])  # also the baseline: the tests pass without any mutant
        if measured is None:
            print("the unit tests fail without any mutant: fix them first", file=sys.stderr)
            return 2
        free = list(workdirs)

        done: list[Mutant] = []

        def run(mutant: Mutant) -> tuple[Mutant, bool]:
            workdir = free.pop()
            try:
                survived = _survives(mutant, workdir, _tests_for(mutant, measured))
            finally:
                free.append(workdir)
            done.append(mutant)
            if survived:  # as they come: a full run takes a while
                print(f"SURVIVED {mutant.key}", file=sys.stderr, flush=True)
            if len(done) % 100 == 0:
                print(f"  {len(done)} of {len(chosen)} run", file=sys.stderr, flush=True)
            return mutant, survived

        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            results = list(pool.map(run, chosen))
    return _report(results)


def _report(results: list[tuple[Mutant, bool]]) -> int:
    by_module: dict[str, list[bool]] = {}
    for mutant, survived in results:
        by_module.setdefault(mutant.module, []).append(survived)
    for module, outcomes in sorted(by_module.items()):
        killed = outcomes.count(False)
        print(f"  {module:<20} {killed:4}/{len(outcomes):<4} killed  ({100 * killed / len(outcomes):5.1f} %)")
    survivors = [m for m, survived in results if survived]
    for mutant in survivors:
        print(f"SURVIVED {mutant.key}")
    total = len(results)
    score = 100 * (total - len(survivors)) / total if total else 100.0
    print(f"mutation score: {score:.1f} % ({total - len(survivors)} of {total} killed)")
    return 0 if score >= 90 else 1


if __name__ == "__main__":
    sys.exit(main())
