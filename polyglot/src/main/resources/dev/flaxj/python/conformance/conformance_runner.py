"""The flaxj side of the conformance suite, run on GraalPy by dev.flaxj.python.conformance.PageRunner.

It runs a corpus page with the recorder's own code (conformance-tests/tools/corpus_pages.py parses
the page, record_flax_goldens.run_page/execute run it: one namespace per page or section, the
page's starting globals, doctest's compile modes, stdout/exception/bound/deleted captured the same
way), so the records are comparable field by field with the goldens. Only the value encoding is
ours: the recorder's `encode` needs numpy, which flaxj does not have, so `encode` below produces the
same JSON shapes (see the docstring of record_flax_goldens.py) from flaxj's jax.Array.
"""

import json
import math
import struct
import sys

SUMMARY_THRESHOLD = 2048   # as record_flax_goldens.SUMMARY_THRESHOLD
SUMMARY_HEAD = 8
MAX_DEPTH = 50
_FLOAT_FORMATS = {"float32": ("<f", "<I", 8), "float64": ("<d", "<Q", 16), "float16": ("<e", "<H", 4)}


def run_page(tools_dir, page_name):
    """Runs every example of the page and returns the records as a JSON array (text)."""
    recorder, pages = _recorder(str(tools_dir))
    page = next((p for p in pages if p.name == str(page_name)), None)
    if page is None:
        raise ValueError("no page %r in corpus/pages.json" % str(page_name))
    records = recorder.run_page(page)
    return json.dumps(records, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


_loaded = {}


def _recorder(tools_dir):
    """The recorder module, patched to encode flaxj values, and the parsed pages (once per session)."""
    if tools_dir not in _loaded:
        if tools_dir not in sys.path:
            sys.path.insert(0, tools_dir)
        import corpus_pages
        import record_flax_goldens as recorder
        recorder.encode = encode
        recorder.execute = _guarded(recorder.execute)
        _loaded[tools_dir] = recorder, corpus_pages.load_pages()
    return _loaded[tools_dir]


def _guarded(execute):
    """The recorder's execute catches Exception; an example may also raise what is not one (a
    SystemExit, an error from the host). That is recorded as its exception, nothing bound."""
    def run(example, globs, filename, page_flags):
        try:
            return execute(example, globs, filename, page_flags)
        except BaseException as e:  # noqa: BLE001 - the escape itself is the result
            return {"ran": True, "stdout": "", "exception": _describe_exception(e),
                    "matches_expected": False, "warnings": [], "bound": {}, "deleted": []}
    return run


def _describe_exception(e):
    return {"class": type(e).__name__, "module": type(e).__module__, "message": str(e)}


# ---------------------------------------------------------------- values

def encode(x, depth=0):
    """What record_flax_goldens.encode gives for the same value under real JAX, for flaxj values.
    A value that cannot be encoded is {"type": "object", "kind": "unencodable", ...}."""
    try:
        return _encode(x, depth)
    except Exception as e:  # noqa: BLE001 - reported in the record, compared as a mismatch
        return {"type": "object", "kind": "unencodable", "class": type(x).__name__,
                "error": "%s: %s" % (type(e).__name__, e)}


def _encode(x, depth):
    import collections.abc
    import jax
    if depth > MAX_DEPTH:
        return {"type": "object", "kind": "too_deep", "class": type(x).__name__}
    if x is None:
        return None
    if isinstance(x, jax.Array):
        return encode_array(x)
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


def encode_array(x):
    import jax
    dtype = str(x.dtype)
    if dtype.startswith("key<"):
        data = jax.random.key_data(x)
        return {"dtype": dtype, "shape": list(x.shape), "key_data": encode_array(data)}
    # one flat list, not x.tolist()'s nested lists flattened level by level (a 1.5M-element
    # array would exist ndim times over)
    flat = x.reshape(-1).tolist() if x.ndim else [x.tolist()]
    out = {"dtype": dtype, "shape": list(x.shape), "weak_type": bool(x.weak_type)}
    # A summarised array keeps only its head's values: encode no more than that one by one.
    shown = flat[:SUMMARY_HEAD] if len(flat) > SUMMARY_THRESHOLD else flat
    if dtype == "bool":
        out["data"] = [bool(v) for v in shown]
    elif dtype.startswith(("int", "uint")):
        out["data"] = [int(v) for v in shown]
    elif dtype in _FLOAT_FORMATS:
        out["data"] = [float_decimal(v, dtype) for v in shown]
        out["bits"] = [float_bits(v, dtype) for v in shown]
    else:
        return {"type": "object", "kind": "array", "class": type(x).__name__, "dtype": dtype}
    return summarise(out, flat, dtype) if len(flat) > SUMMARY_THRESHOLD else out


def float_bits(v, dtype):
    """The IEEE bits of v in its own format, as the recorder writes them: "0x" + hex digits."""
    fmt, unsigned, digits = _FLOAT_FORMATS[dtype]
    return "0x%0*x" % (digits, struct.unpack(unsigned, struct.pack(fmt, v))[0])


def float_decimal(v, dtype):
    """The shortest decimal that reads back as v in its own format (numpy's str of the value)."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    fmt = _FLOAT_FORMATS[dtype][0]
    exact = struct.pack(fmt, v)
    for precision in range(1, 18):
        text = "%.*g" % (precision, v)
        if struct.pack(fmt, float(text)) == exact:
            return float(text)
    return float(v)


def _packed(code, values, chunk=4096):
    """The little-endian bytes of values in struct format code, packed a chunk at a time (one
    call with millions of arguments exhausts GraalPy's memory)."""
    return b"".join(struct.pack("<%d%s" % (len(values[i:i + chunk]), code), *values[i:i + chunk])
                    for i in range(0, len(values), chunk))


def summarise(out, flat, dtype):
    """The recorder's digest of a large array: sha256 of the little-endian bytes, head, min, max, sum."""
    import hashlib
    values = out.pop("data")
    out.pop("bits", None)
    if dtype == "bool":
        raw = bytes(1 if v else 0 for v in flat)
    elif dtype in _FLOAT_FORMATS:
        raw = _packed(_FLOAT_FORMATS[dtype][0][1], flat)
    else:
        code = {"int8": "b", "uint8": "B", "int16": "h", "uint16": "H", "int32": "i", "uint32": "I",
                "int64": "q", "uint64": "Q"}[dtype]
        raw = _packed(code, flat)
    out["sha256"] = hashlib.sha256(raw).hexdigest()
    out["head"] = values[:SUMMARY_HEAD]
    if dtype not in _FLOAT_FORMATS:
        ints = [int(v) for v in flat]
        out.update(min=min(ints), max=max(ints), sum=sum(ints))
    elif any(math.isnan(v) for v in flat):
        out.update(min="nan", max="nan", sum="nan")
    else:
        total = math.fsum(flat)
        out.update(min=float_decimal(min(flat), dtype), max=float_decimal(max(flat), dtype),
                   sum=total if math.isfinite(total) else ("inf" if total > 0 else "-inf"))
    return out


def encode_scalar(x):
    if isinstance(x, float) and not math.isfinite(x):
        return {"type": "float", "value": "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")}
    if isinstance(x, complex):
        return {"type": "complex", "value": [encode_scalar(x.real)["value"], encode_scalar(x.imag)["value"]]}
    return {"type": type(x).__name__, "value": x}


def describe_object(x):
    """A value that is not a pytree of arrays: its kind and type name only (as the recorder)."""
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
