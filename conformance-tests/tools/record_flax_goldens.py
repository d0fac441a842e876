#!/usr/bin/env python3
"""Records what real Flax leaves behind after each example of the conformance corpus.

A developer tool; the test run itself never needs CPython JAX/Flax. Run from the repository root:

    python3 conformance-tests/tools/record_flax_goldens.py                   # (re)write all goldens
    python3 conformance-tests/tools/record_flax_goldens.py --page state_params   # one page
    python3 conformance-tests/tools/record_flax_goldens.py --check           # re-record to a temp folder, diff

It runs in the pinned venv of recorder_env.py (created on first use). The pages and how their
examples are run are described by conformance-tests/corpus/pages.json (read by corpus_pages.py).
Each page runs in its own child process, so pages cannot influence each other. Output: one
file per page, conformance-tests/goldens/<page>.json.

File format: a header {"page", "file", "format", "namespace", "globals", "global_setup",
"optionflags", "jax", "jaxlib", "flax", "python", "platform", "cpu_arch", "numpy", "optax",
"x64", "recorded_by"} and "examples": one object per example, in run order:
  index, section (title of its namespace, null for the page), line (1-based line of the example
  in the page; 0 for a Sphinx page's global setup), kind ("doctest", "global_setup", "testsetup",
  "testcode", "testcleanup"), source,
  ran         false if the example was not run (a doctest SKIP option; or, as in Sphinx, a test
              of a page whose setup code failed),
  stdout      everything printed while it ran (for `>>>` examples this includes the repr that
              a bare expression echoes),
  exception   null, or {"class", "module", "message"} of the exception it raised,
  matches_expected  whether stdout/exception match the page's expected output the way doctest
              (with the page's option flags) judges it,
  warnings    class names of the warnings it emitted, first occurrence order,
  bound       {name: value} for every name the example bound or rebound (identity changed),
  deleted     names it removed from the namespace
  (dunder names such as __builtins__ and __warningregistry__ are left out of both).

Values in "bound":
  array       {"dtype", "shape", "weak_type", "data"[, "bits"]} as in recorder_env.encode_array
              (data flat row-major; floats also as exact IEEE bits); "numpy": true for numpy
              (not JAX) arrays and scalars. Arrays of more than SUMMARY_THRESHOLD (2048) elements
              are summarised (none on the seed page; its largest has 2048): "data"/"bits" are
              replaced by "sha256" (of the raw little-endian bytes, row-major), "head" (the first
              8 values, as in "data"), "min", "max" (as in "data") and "sum" (the exact sum
              of the values, rounded once to a double; integers exactly).
  typed key   {"dtype": "key<fry>", "shape", "key_data": <uint32 array>}
  None        null
  scalar      {"type": "int"|"float"|"bool"|"str", "value": v}  (float nan/inf as strings;
              complex as {"type": "complex", "value": [re, im]})
  containers  {"type": "dict"|"FrozenDict"|<other mapping class>, "items": [[key, value], ...]}
              (insertion order; str keys as is, other keys encoded), {"type": "list"|"tuple",
              "items": [...]}, {"type": "namedtuple", "class", "fields": [[name, value], ...]},
              other registered pytree nodes {"type": "pytree", "class", "children":
              [[key path, value], ...]}
  other       {"type": "object", "kind": "class"|"function"|"module"|"object", "class": type
              name[, "name": __name__ of a class, function or module]}; a jax.ShapeDtypeStruct
              as {"type": "ShapeDtypeStruct", "shape", "dtype"}.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the tools folder free of __pycache__
from corpus_pages import load_pages  # noqa: E402
from recorder_env import REPO_ROOT, encode_array, enter_pinned_venv, float_decimal, versions  # noqa: E402

GOLDEN_DIR = REPO_ROOT / "conformance-tests" / "goldens"
RECORDED_BY = "conformance-tests/tools/record_flax_goldens.py"
SUMMARY_THRESHOLD = 2048
SUMMARY_HEAD = 8
MAX_DEPTH = 50


# ---------------------------------------------------------------- values

def encode(x, depth=0):
    """Encodes a value left behind by an example, as described in the module docstring."""
    import collections.abc
    import jax
    import numpy as np
    if depth > MAX_DEPTH:
        return {"type": "object", "kind": "too_deep", "class": type(x).__name__}
    if x is None:
        return None
    if isinstance(x, jax.Array):
        if jax.dtypes.issubdtype(x.dtype, jax.dtypes.prng_key):
            return {"dtype": str(x.dtype), "shape": list(x.shape),
                    "key_data": encode_numeric(np.asarray(jax.random.key_data(x)), False)}
        return encode_numeric(np.asarray(x), bool(jax.typeof(x).weak_type))
    if isinstance(x, (np.ndarray, np.generic)):
        return dict(encode_numeric(np.asarray(x), False), numpy=True)
    if type(x) in (bool, int, float, complex, str):
        return encode_scalar(x)
    if isinstance(x, jax.ShapeDtypeStruct):
        return {"type": "ShapeDtypeStruct", "shape": list(x.shape), "dtype": str(x.dtype)}
    if isinstance(x, tuple) and hasattr(type(x), "_fields"):
        return {"type": "namedtuple", "class": type(x).__name__,
                "fields": [[name, encode(getattr(x, name), depth + 1)] for name in type(x)._fields]}
    if type(x) in (list, tuple):
        return {"type": type(x).__name__, "items": [encode(v, depth + 1) for v in x]}
    if isinstance(x, collections.abc.Mapping):
        return {"type": type(x).__name__,
                "items": [[k if isinstance(k, str) else encode(k, depth + 1), encode(v, depth + 1)]
                          for k, v in x.items()]}
    if not jax.tree_util.treedef_is_leaf(jax.tree_util.tree_structure(x)):
        children, _ = jax.tree_util.tree_flatten_with_path(x, is_leaf=lambda y: y is not x)
        return {"type": "pytree", "class": type(x).__name__,
                "children": [[jax.tree_util.keystr(path), encode(child, depth + 1)] for path, child in children]}
    return describe_object(x)


def encode_numeric(a, weak):
    try:
        out = encode_array(a, weak)
    except TypeError:
        return {"type": "object", "kind": "array", "class": type(a).__name__, "dtype": str(a.dtype)}
    return summarise(a, out) if a.size > SUMMARY_THRESHOLD else out


def summarise(a, out):
    """Replaces the values of a large encoded array by a digest, its first values and statistics."""
    import hashlib
    import math
    import numpy as np
    raw = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes(order="C")
    values = out.pop("data")
    out.pop("bits", None)
    out["sha256"] = hashlib.sha256(raw).hexdigest()
    out["head"] = values[:SUMMARY_HEAD]
    if a.dtype.kind in "iub":
        out.update(min=int(a.min()), max=int(a.max()), sum=int(a.astype(np.int64).sum()))
    elif np.isnan(a).any():
        out.update(min="nan", max="nan", sum="nan")
    else:
        total = math.fsum(a.astype(np.float64).ravel().tolist())
        out.update(min=float_decimal(a.min()), max=float_decimal(a.max()),
                   sum=total if math.isfinite(total) else ("inf" if total > 0 else "-inf"))
    return out


def encode_scalar(x):
    import math
    if isinstance(x, float) and not math.isfinite(x):
        return {"type": "float", "value": "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")}
    if isinstance(x, complex):
        return {"type": "complex", "value": [encode_scalar(x.real)["value"], encode_scalar(x.imag)["value"]]}
    return {"type": type(x).__name__, "value": x}


def describe_object(x):
    """A value that is not a pytree of arrays: its kind and type name only."""
    import functools
    import types
    if isinstance(x, type):
        return {"type": "object", "kind": "class", "class": type(x).__name__, "name": x.__name__}
    if isinstance(x, types.ModuleType):
        return {"type": "object", "kind": "module", "class": "module", "name": x.__name__}
    if isinstance(x, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, functools.partial)):
        return {"type": "object", "kind": "function", "class": type(x).__name__,
                "name": getattr(x, "__name__", None)}
    return {"type": "object", "kind": "object", "class": type(x).__name__}


# ---------------------------------------------------------------- running one page

def initial_namespace(page):
    import importlib
    if page.globals == "empty":
        return {}
    kind, _, name = page.globals.partition(":")
    if kind != "module":
        raise ValueError(f"{page.name}: unknown globals {page.globals!r}")
    return dict(vars(importlib.import_module(name)))


def run_page(page):
    """Runs the page's examples in order and returns one record per example."""
    import doctest
    namespaces = {}
    setup_failed = False
    records = []
    for index, example in enumerate(page.examples):
        key = example.section if page.namespace == "section" else None
        if key not in namespaces:
            namespaces[key] = initial_namespace(page)
        skipped = example.options.get(doctest.SKIP, bool(page.flags() & doctest.SKIP))
        not_run = skipped or (setup_failed and example.kind in ("testcode", "testcleanup"))
        record = {"index": index, "section": example.section, "line": example.line, "kind": example.kind,
                  "source": example.source}
        if not_run:
            record.update(ran=False, stdout="", exception=None, matches_expected=None, warnings=[],
                          bound={}, deleted=[])
        else:
            name = example.section or page.name
            record.update(execute(example, namespaces[key], f"<doctest {name}[{index}]>", page.flags()))
            if example.kind in ("global_setup", "testsetup") and record["exception"] is not None:
                setup_failed = True
        records.append(record)
    return records


def execute(example, globs, filename, page_flags):
    """Runs one example as doctest does and describes what it printed, raised and bound."""
    import contextlib
    import doctest
    import io
    import linecache
    import traceback
    import warnings
    linecache.cache[filename] = (len(example.source), None, example.source.splitlines(True), filename)
    before = dict(globs)
    stdout = io.StringIO()
    exception = None
    with contextlib.redirect_stdout(stdout), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        saved_displayhook, sys.displayhook = sys.displayhook, sys.__displayhook__
        try:
            code = compile(example.source, filename, example.mode, doctest._extract_future_flags(globs), True)
            exec(code, globs)
        except Exception as e:  # noqa: BLE001 - the exception is part of the result
            exception = e
        finally:
            sys.displayhook = saved_displayhook
    got = stdout.getvalue()
    flags = page_flags
    for flag, on in example.options.items():
        flags = flags | flag if on else flags & ~flag
    checker = doctest.OutputChecker()
    if exception is None:
        matches = checker.check_output(example.want, got, flags)
    else:
        exc_line = traceback.format_exception_only(type(exception), exception)[-1]
        matches = example.exc_msg is not None and checker.check_output(example.exc_msg, exc_line, flags)
    rebound = sorted(k for k in globs if not is_dunder(k) and (k not in before or before[k] is not globs[k]))
    return {
        "ran": True,
        "stdout": got,
        "exception": None if exception is None else {
            "class": type(exception).__name__, "module": type(exception).__module__, "message": str(exception)},
        "matches_expected": bool(matches),
        "warnings": list(dict.fromkeys(type(w.message).__name__ for w in caught)),
        "bound": {name: encode(globs[name]) for name in rebound},
        "deleted": sorted(k for k in before if k not in globs),
    }


def is_dunder(name):
    """Names like __builtins__ and __warningregistry__, which the interpreter sets itself."""
    return name.startswith("__") and name.endswith("__")


# ---------------------------------------------------------------- files

def header(page):
    import importlib.metadata as metadata
    import jax
    return {
        "page": page.name,
        "file": f"conformance-tests/corpus/{page.file}",
        "format": page.format,
        "namespace": page.namespace,
        "globals": page.globals,
        "global_setup": page.global_setup,
        "optionflags": page.optionflags,
        **versions(),
        "numpy": metadata.version("numpy"),
        "optax": metadata.version("optax"),
        "x64": bool(jax.config.jax_enable_x64),
        "recorded_by": RECORDED_BY,
    }


def render(head, examples):
    """JSON with one example per line: compact, yet diffs stay readable."""
    lines = ["{"]
    for name, value in head.items():
        lines.append(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "examples": [')
    body = [json.dumps(e, allow_nan=False, ensure_ascii=False, separators=(",", ":")) for e in examples]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def record_page_here(name, out_dir):
    """Records one page in this process (the child side of record_pages)."""
    import jax
    if jax.default_backend() != "cpu" or jax.config.jax_enable_x64:
        sys.exit("record_flax_goldens: needs JAX on CPU with x64 disabled")
    page = next(p for p in load_pages() if p.name == name)
    examples = run_page(page)
    (out_dir / f"{page.name}.json").write_text(render(header(page), examples), encoding="utf-8")
    raised = [e["index"] for e in examples if e["exception"]]
    print(f"{out_dir / page.name}.json: {len(examples)} examples, {len(raised)} raised", file=sys.stderr)


def record_pages(names, out_dir):
    """Records each page in a child process of its own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", name,
                        "--out", str(out_dir)], check=True)


def check(names, committed_dir):
    """Re-records into a temporary folder and reports every difference; returns the exit code."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_dir = Path(tmp)
        record_pages(names, fresh_dir)
        differences = sum(compare(committed_dir / f"{n}.json", fresh_dir / f"{n}.json") for n in names)
    print("check: " + ("no differences" if differences == 0 else f"{differences} differences"), file=sys.stderr)
    return 0 if differences == 0 else 1


def compare(committed_path, fresh_path):
    if not committed_path.exists():
        print(f"{committed_path}: missing", file=sys.stderr)
        return 1
    old = json.loads(committed_path.read_text(encoding="utf-8"))
    new = json.loads(fresh_path.read_text(encoding="utf-8"))
    differences = 0
    for field in sorted((set(old) | set(new)) - {"examples"}):
        if old.get(field) != new.get(field):
            print(f"{committed_path.name}: header {field}: {old.get(field)!r} -> {new.get(field)!r}", file=sys.stderr)
            differences += field != "python"  # a different CPython patch level alone is harmless
    old_examples, new_examples = old.get("examples", []), new.get("examples", [])
    if len(old_examples) != len(new_examples):
        print(f"{committed_path.name}: {len(old_examples)} examples committed, {len(new_examples)} recorded",
              file=sys.stderr)
        differences += 1
    for a, b in zip(old_examples, new_examples):
        if a != b:
            fields = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            print(f"{committed_path.name}: example {a.get('index')} (line {a.get('line')}) differs in {fields}",
                  file=sys.stderr)
            differences += 1
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="re-record into a temporary folder and diff against the committed goldens")
    parser.add_argument("--page", action="append", metavar="NAME",
                        help="record (or check) only this page; may be repeated")
    parser.add_argument("--out", type=Path, default=GOLDEN_DIR, help="goldens folder (default: %(default)s)")
    parser.add_argument("--worker", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args()
    enter_pinned_venv(__file__)
    if args.worker:
        record_page_here(args.worker, args.out)
        return
    known = [p.name for p in load_pages()]
    names = args.page or known
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"record_flax_goldens: unknown page(s) {unknown}; pages: {known}")
    if args.check:
        sys.exit(check(names, args.out))
    record_pages(names, args.out)


if __name__ == "__main__":
    main()
