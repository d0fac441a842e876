#!/usr/bin/env python3
"""Records what real Flax computes for the seed-page programs in seed_programs/.

A developer tool; the test run itself never needs CPython JAX/Flax. Run from the repository root:

    python3 conformance-tests/tools/record_seed_programs.py                      # all modules
    python3 conformance-tests/tools/record_seed_programs.py --only vmap_scan_checkpoint
    python3 conformance-tests/tools/record_seed_programs.py --check              # re-record to a temp folder, diff

It runs in the pinned venv of recorder_env.py (created on first use). Every module of
conformance-tests/tools/seed_programs/ (see its __init__.py for what a program is) is recorded in
its own child process into interpreter/src/test/resources/flax-goldens/seed-<module>.json.

File format: a header {"module", "jax", "jaxlib", "flax", "python", "platform", "cpu_arch", "x64",
"recorded_by"} and "programs": one object per program, in source order:
  name       the function name without its "program_" prefix
  doc        the first line of its docstring ("" if none)
  values     {value name: encoded pytree} as returned by the program (null if it raised)
  exception  null, or {"class", "module", "message"} of the exception it raised (the repository
             path in a message replaced by "<repo>")
Values are encoded as in record_flax_goldens.py (arrays {"dtype", "shape", "weak_type", "data",
"bits"}; dicts {"type": "dict"|"FrozenDict", "items": [[key, value], ...]}; lists/tuples
{"type": "list"|"tuple", "items": [...]}; None as null; Python scalars {"type", "value"}).
"""

import argparse
import importlib
import inspect
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the tools folder free of __pycache__
from recorder_env import REPO_ROOT, TOOLS_DIR, enter_pinned_venv, versions  # noqa: E402

GOLDEN_DIR = REPO_ROOT / "interpreter" / "src" / "test" / "resources" / "flax-goldens"
PROGRAM_DIR = TOOLS_DIR / "seed_programs"
RECORDED_BY = "conformance-tests/tools/record_seed_programs.py"
PREFIX = "program_"


def module_names():
    return sorted(p.stem for p in PROGRAM_DIR.glob("*.py") if not p.stem.startswith("_"))


def programs_of(module):
    """The module's program functions in source order."""
    functions = [f for name, f in vars(module).items()
                 if name.startswith(PREFIX) and inspect.isfunction(f) and f.__module__ == module.__name__]
    return sorted(functions, key=lambda f: f.__code__.co_firstlineno)


def run_program(fn):
    from record_flax_goldens import encode
    doc = (inspect.getdoc(fn) or "").split("\n")[0]
    record = {"name": fn.__name__[len(PREFIX):], "doc": doc}
    try:
        values = fn()
    except Exception as e:  # noqa: BLE001 - a program may be expected to fail; record how
        message = str(e).replace(str(REPO_ROOT), "<repo>")  # no checkout-specific paths in goldens
        record.update(values=None, exception={"class": type(e).__name__, "module": type(e).__module__,
                                               "message": message})
        return record
    if not isinstance(values, dict):
        raise TypeError(f"{fn.__name__} returned {type(values).__name__}, not a dict of values")
    record.update(values={name: encode(value) for name, value in values.items()}, exception=None)
    return record


def header(module_name):
    import jax
    return {"module": module_name, **versions(), "x64": bool(jax.config.jax_enable_x64),
            "recorded_by": RECORDED_BY}


def render(head, programs):
    """JSON with one program per line: compact, yet diffs stay readable."""
    lines = ["{"]
    for name, value in head.items():
        lines.append(f"  {json.dumps(name)}: {json.dumps(value)},")
    lines.append('  "programs": [')
    lines.append(",\n".join(json.dumps(p, allow_nan=False, separators=(",", ":")) for p in programs))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def record_module_here(module_name, out_dir):
    import jax
    if jax.default_backend() != "cpu" or jax.config.jax_enable_x64:
        sys.exit("record_seed_programs: needs JAX on CPU with x64 disabled")
    sys.path.insert(0, str(TOOLS_DIR))
    module = importlib.import_module(f"seed_programs.{module_name}")
    programs = [run_program(fn) for fn in programs_of(module)]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"seed-{module_name}.json"
    path.write_text(render(header(module_name), programs), encoding="utf-8")
    failed = sum(p["exception"] is not None for p in programs)
    print(f"{path}: {len(programs)} programs ({failed} raised)", file=sys.stderr)


def record_modules(names, out_dir):
    """Each module in its own child process, so modules cannot influence each other."""
    for name in names:
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", name, "--out", str(out_dir)],
                       check=True)


def check(names, committed_dir):
    with tempfile.TemporaryDirectory() as tmp:
        record_modules(names, Path(tmp))
        differences = 0
        for name in names:
            file = f"seed-{name}.json"
            old_path, new_path = committed_dir / file, Path(tmp) / file
            if not old_path.exists():
                print(f"{file}: missing", file=sys.stderr)
                differences += 1
                continue
            old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (old_path, new_path))
            for field in sorted((set(old) | set(new)) - {"programs", "python"}):
                if old.get(field) != new.get(field):
                    print(f"{file}: header {field}: {old.get(field)!r} -> {new.get(field)!r}", file=sys.stderr)
                    differences += 1
            old_programs = {p["name"]: p for p in old.get("programs", [])}
            for p in new.get("programs", []):
                if old_programs.pop(p["name"], None) != p:
                    print(f"{file}: program {p['name']} differs or is new", file=sys.stderr)
                    differences += 1
            for name_left in old_programs:
                print(f"{file}: program {name_left} no longer recorded", file=sys.stderr)
                differences += 1
    print("check: " + ("no differences" if differences == 0 else f"{differences} differences"), file=sys.stderr)
    return 0 if differences == 0 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="MODULE",
                        help="record only this seed_programs module (repeatable)")
    parser.add_argument("--check", action="store_true",
                        help="re-record into a temporary folder and diff against the committed files")
    parser.add_argument("--out", type=Path, default=GOLDEN_DIR, help="golden folder (default: %(default)s)")
    parser.add_argument("--child", metavar="MODULE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    enter_pinned_venv(__file__)
    if args.child:
        record_module_here(args.child, args.out)
        return
    known = module_names()
    names = args.only or known
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"record_seed_programs: no module {', '.join(unknown)} in {PROGRAM_DIR} (have: {', '.join(known)})")
    if args.check:
        sys.exit(check(names, args.out))
    record_modules(names, args.out)


if __name__ == "__main__":
    main()
