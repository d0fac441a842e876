#!/usr/bin/env python3
"""Records test vectors from real JAX for flaxj's JUnit replay tests.

A developer tool; the test run itself never needs CPython JAX. Run from the repository root:

    python3 conformance-tests/tools/record_jax_vectors.py           # (re)write the vector files
    python3 conformance-tests/tools/record_jax_vectors.py --check   # re-record to a temp folder, diff

On first use it creates conformance-tests/tools/.venv (git-ignored), installs the pinned versions
below into it and re-executes itself there. Output: one JSON file per topic in
interpreter/src/test/resources/jax-vectors/ (random.json, initializers.json, numpy.json, and
transforms.json: compositions of JAX transformations, whose programs are in transform_programs.py).

File format: a header {"jax", "jaxlib", "flax", "python", "platform", "cpu_arch", "x64",
"threefry_partitionable", "recorded_by"} and "cases": [{"fn": name, "args": {...}, "out": value}].

Values (in "args" and "out"):
  array         {"dtype": "float32", "shape": [2, 3], "weak_type": false, "data": [...]}
                data is flat, row-major. float32 also has "bits": ["0x3f800000", ...] (the exact
                IEEE bit patterns; "data" holds the shortest decimal that reads back as the same
                float32, or "nan"/"inf"/"-inf"). int32 and uint32 are plain integers, bool is true/false.
  typed key     {"dtype": "key<fry>", "shape": [...], "key_data": <uint32 array of shape [..., 2]>}
  Python scalar {"py": "int" | "float" | "bool", "value": v}  (an operand whose weak type matters)
  index         a list, one entry per item of the index tuple: an int, "newaxis", "...",
                {"slice": [start, stop, step]} (nulls for omitted parts), or an array
  tuple/list    a JSON list of values
  error         {"error": "ExceptionClassName"} when the call raised
Other arguments (shapes, axes, counts, dtype names, flags) are plain JSON.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the tools folder free of __pycache__
from recorder_env import REPO_ROOT, encode_array, enter_pinned_venv, versions  # noqa: E402

VECTOR_DIR = REPO_ROOT / "interpreter" / "src" / "test" / "resources" / "jax-vectors"
RECORDED_BY = "conformance-tests/tools/record_jax_vectors.py"
X32_DTYPES = ("float32", "int32", "uint32", "bool")


# ---------------------------------------------------------------- encoding

class Py:
    """A Python scalar operand, recorded with its Python type because that decides weak typing."""

    def __init__(self, value):
        self.value = value


class Index:
    """A numpy index tuple, recorded item by item."""

    def __init__(self, *items):
        self.items = items


def encode(x):
    """Encodes an output or argument value as described in the module docstring."""
    import jax
    import numpy as np
    if isinstance(x, Py):
        return {"py": type(x.value).__name__, "value": x.value}
    if isinstance(x, Index):
        return [encode_index_item(item) for item in x.items]
    if isinstance(x, (tuple, list)):
        return [encode(v) for v in x]
    if isinstance(x, jax.Array) and jax.dtypes.issubdtype(x.dtype, jax.dtypes.prng_key):
        return {"dtype": str(x.dtype), "shape": list(x.shape),
                "key_data": encode(jax.random.key_data(x))}
    if isinstance(x, (jax.Array, np.ndarray, np.generic)):
        weak = bool(jax.typeof(x).weak_type) if isinstance(x, jax.Array) else False
        return encode_x32_array(np.asarray(x), weak)
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, dict):
        return {k: encode(v) for k, v in x.items()}
    raise TypeError(f"cannot encode {type(x).__name__}: {x!r}")


def encode_x32_array(a, weak):
    if str(a.dtype) not in X32_DTYPES:
        raise TypeError(f"unexpected dtype {a.dtype} (the vectors are x32: float32/int32/uint32/bool)")
    return encode_array(a, weak)


def encode_index_item(item):
    if item is None:
        return "newaxis"
    if item is Ellipsis:
        return "..."
    if isinstance(item, slice):
        return {"slice": [item.start, item.stop, item.step]}
    if isinstance(item, int):
        return item
    if isinstance(item, list):
        import numpy as np
        return encode_x32_array(np.asarray(item, dtype=np.int32), False)
    return encode(item)


def decode_for_call(x):
    """The Python object handed to JAX for an argument value (markers unwrapped)."""
    if isinstance(x, Py):
        return x.value
    if isinstance(x, Index):
        return tuple(decode_for_call(item) for item in x.items)
    return x


class Recorder:
    def __init__(self):
        self.cases = []

    def add(self, fn, call, **args):
        """Records fn(**args) computed by `call`; a raised exception is recorded by class name."""
        try:
            out = encode(call(**{k: decode_for_call(v) for k, v in args.items()}))
        except Exception as e:  # noqa: BLE001 - the exception class is the recorded result
            out = {"error": type(e).__name__}
        self.cases.append({"fn": fn, "args": {k: encode(v) for k, v in args.items()}, "out": out})


# ---------------------------------------------------------------- random.json

KEY_SEEDS = [0, 1, 42, 2**31 - 1]
EDGE_SEEDS = [-1, 2**31, 2**32 - 1, 2**32, 2**63]
SAMPLE_SHAPES = [(), (5,), (2, 3)]


def record_random():
    import jax
    import jax.numpy as jnp
    import numpy as np
    from jax._src.random.threefry2x32 import threefry2x32_p
    r = Recorder()
    rnd = jax.random

    for seed in KEY_SEEDS + EDGE_SEEDS:
        r.add("key", lambda seed: rnd.key(seed), seed=seed)
        r.add("PRNGKey", lambda seed: rnd.PRNGKey(seed), seed=seed)
    for seed in KEY_SEEDS:
        r.add("key_data", lambda keys: rnd.key_data(keys), keys=rnd.key(seed))
    r.add("key_data", lambda keys: rnd.key_data(keys), keys=rnd.split(rnd.key(7), 3))
    r.add("key_data", lambda keys: rnd.key_data(keys), keys=rnd.PRNGKey(7))
    for data in [np.array([0, 42], np.uint32), np.array([[1, 2], [3, 4], [5, 6]], np.uint32),
                 np.array([1, 2, 3], np.uint32), np.array([[1], [2]], np.uint32)]:
        r.add("wrap_key_data", lambda key_data: rnd.wrap_key_data(key_data), key_data=data)

    for seed in KEY_SEEDS:
        typed, raw = rnd.key(seed), rnd.PRNGKey(seed)
        for key in (typed, raw):
            for num in [2, 3, 4, (2, 3)]:
                r.add("split", lambda key, num: rnd.split(key, num), key=key, num=num)
            for data in [0, 1, 7, 2**32 - 1]:
                r.add("fold_in", lambda key, data: rnd.fold_in(key, data), key=key, data=data)
        keys = [typed, raw] if seed in (0, 42) else [typed]
        for key in keys:
            for shape in [(), (3,), (2, 5)]:
                r.add("bits", lambda key, shape, dtype: rnd.bits(key, shape, jnp.dtype(dtype)),
                      key=key, shape=shape, dtype="uint32")
            for shape in SAMPLE_SHAPES:
                r.add("uniform", lambda key, shape, dtype: rnd.uniform(key, shape, jnp.dtype(dtype)),
                      key=key, shape=shape, dtype="float32")
        record_samplers(r, typed)

    zero = rnd.key(0)
    r.add("bits", lambda key, shape, dtype: rnd.bits(key, shape, jnp.dtype(dtype)),
          key=zero, shape=(0, 3), dtype="uint32")
    r.add("uniform", lambda key, shape, dtype: rnd.uniform(key, shape, jnp.dtype(dtype)),
          key=zero, shape=(0, 3), dtype="float32")
    r.add("normal", lambda key, shape, dtype: rnd.normal(key, shape, jnp.dtype(dtype)),
          key=zero, shape=(0,), dtype="float32")
    r.add("split", lambda key, num: rnd.split(key, num), key=zero, num=0)
    r.add("split", lambda key, num: rnd.split(key, num), key=zero, num=1)

    # The raw hash on scalar key words, as JAX calls it. The first three are the known answers
    # from JAX's own tests (random_test.py).
    u32 = lambda *v: np.array(v if len(v) > 1 else v[0], np.uint32)  # noqa: E731
    hash_inputs = [
        (u32(0), u32(0), u32(0), u32(0)),
        (u32(0xFFFFFFFF), u32(0xFFFFFFFF), u32(0xFFFFFFFF), u32(0xFFFFFFFF)),
        (u32(0x13198A2E), u32(0x03707344), u32(0x243F6A88), u32(0x85A308D3)),
        (u32(0x13198A2E), u32(0x03707344), u32(0, 1, 2, 3, 0xFFFFFFFF), u32(9, 8, 7, 6, 5)),
    ]
    for k1, k2, x1, x2 in hash_inputs:
        r.add("threefry2x32", lambda k1, k2, x1, x2: threefry2x32_p.bind(k1, k2, x1, x2),
              k1=k1, k2=k2, x1=x1, x2=x2)
    return r.cases


def record_samplers(r, key):
    """Every sampler on one key (a typed key; the raw-key variants are covered by bits/uniform)."""
    import jax
    import jax.numpy as jnp
    import numpy as np
    rnd = jax.random
    f32 = "float32"
    for shape in SAMPLE_SHAPES:
        r.add("uniform", lambda key, shape, dtype, minval, maxval:
              rnd.uniform(key, shape, jnp.dtype(dtype), minval, maxval),
              key=key, shape=shape, dtype=f32, minval=-2.0, maxval=3.0)
        r.add("normal", lambda key, shape, dtype: rnd.normal(key, shape, jnp.dtype(dtype)),
              key=key, shape=shape, dtype=f32)
        for lower, upper in [(-2.0, 2.0), (-1.0, 3.0)]:
            r.add("truncated_normal", lambda key, lower, upper, shape, dtype:
                  rnd.truncated_normal(key, lower, upper, shape, jnp.dtype(dtype)),
                  key=key, lower=lower, upper=upper, shape=shape, dtype=f32)
        for p in [0.3, 0.5]:
            r.add("bernoulli", lambda key, p, shape: rnd.bernoulli(key, p, shape),
                  key=key, p=p, shape=shape)
        r.add("gumbel", lambda key, shape, dtype: rnd.gumbel(key, shape, jnp.dtype(dtype)),
              key=key, shape=shape, dtype=f32)
    for minval, maxval, shape in [(0, 10, (5,)), (-5, 5, (2, 3)), (-100, 3, ()), (0, 1, (4,)),
                                  (-2**31, 2**31 - 1, (4,)), (5, 3, (3,))]:
        r.add("randint", lambda key, shape, minval, maxval, dtype:
              rnd.randint(key, shape, minval, maxval, jnp.dtype(dtype)),
              key=key, shape=shape, minval=minval, maxval=maxval, dtype="int32")
    r.add("permutation", lambda key, x: rnd.permutation(key, x), key=key, x=10)
    r.add("permutation", lambda key, x, axis: rnd.permutation(key, x, axis),
          key=key, x=np.arange(10, 20, dtype=np.int32), axis=0)
    r.add("permutation", lambda key, x, axis: rnd.permutation(key, x, axis),
          key=key, x=np.arange(12, dtype=np.float32).reshape(4, 3), axis=0)
    p = np.array([0.1, 0.2, 0.3, 0.15, 0.25], np.float32)
    for shape in [(), (3,), (2, 2)]:
        for replace in [True, False]:
            r.add("choice", lambda key, a, shape, replace: rnd.choice(key, a, shape, replace),
                  key=key, a=5, shape=shape, replace=replace)
            r.add("choice", lambda key, a, shape, replace, p: rnd.choice(key, a, shape, replace, p),
                  key=key, a=5, shape=shape, replace=replace, p=p)
    r.add("choice", lambda key, a, shape, replace, axis: rnd.choice(key, a, shape, replace, axis=axis),
          key=key, a=np.arange(8, dtype=np.float32).reshape(4, 2), shape=(3,), replace=False, axis=0)
    r.add("choice", lambda key, a, shape, replace: rnd.choice(key, a, shape, replace),
          key=key, a=5, shape=(6,), replace=False)
    logits3 = np.array([0.5, -1.0, 2.0], np.float32)
    logits24 = np.array([[0.0, 1.0, -1.0, 0.5], [2.0, 2.0, -3.0, 0.0]], np.float32)
    r.add("categorical", lambda key, logits: rnd.categorical(key, logits), key=key, logits=logits3)
    r.add("categorical", lambda key, logits, axis: rnd.categorical(key, logits, axis),
          key=key, logits=logits24, axis=-1)
    r.add("categorical", lambda key, logits, axis: rnd.categorical(key, logits, axis),
          key=key, logits=logits24, axis=0)
    r.add("categorical", lambda key, logits, shape: rnd.categorical(key, logits, shape=shape),
          key=key, logits=logits3, shape=(6,))


# ---------------------------------------------------------------- initializers.json

INIT_SEEDS = [0, 1, 42]
VS_MODES = ["fan_in", "fan_out", "fan_avg", "fan_geo_avg"]
VS_DISTRIBUTIONS = ["truncated_normal", "normal", "uniform"]


def record_initializers():
    import jax
    import jax.numpy as jnp
    init = jax.nn.initializers
    r = Recorder()
    keys = [jax.random.key(s) for s in INIT_SEEDS]

    def add(name, params, shapes, dtype="float32", key_list=keys):
        for shape in shapes:
            for key in key_list:
                r.add(name, lambda params, key, shape, dtype:
                      getattr(init, name)(**params)(key, shape, jnp.dtype(dtype)),
                      params=params, key=key, shape=shape, dtype=dtype)

    for name in ["zeros", "ones"]:
        for dtype in ["float32", "int32"]:
            # the key is ignored by these two, so one key suffices
            for shape in [(2, 3), (), (0, 3)]:
                r.add(name, lambda key, shape, dtype: getattr(init, name)(key, shape, jnp.dtype(dtype)),
                      key=keys[0], shape=shape, dtype=dtype)
    add("constant", {"value": 0.5}, [(2, 3), ()], key_list=keys[:1])
    add("constant", {"value": -3}, [(4,)], key_list=keys[:1])
    add("constant", {"value": 7}, [(2, 2)], dtype="int32", key_list=keys[:1])
    shapes = [(2, 3), (3, 4, 5), (7,)]
    add("normal", {}, shapes)
    add("normal", {"stddev": 0.02}, shapes)
    add("uniform", {"scale": 0.1}, shapes)
    add("truncated_normal", {"stddev": 0.1}, shapes)
    add("truncated_normal", {"stddev": 0.1, "lower": -1.0, "upper": 3.0}, [(2, 3)])

    for mode in VS_MODES:
        for distribution in VS_DISTRIBUTIONS:
            base = {"scale": 1.0, "mode": mode, "distribution": distribution}
            add("variance_scaling", base, [(2, 3), (3, 4, 5)])
            add("variance_scaling", dict(base, scale=2.0), [(4, 6)], key_list=keys[:1])
            for axes, shape in [({"in_axis": 0, "out_axis": 2}, (3, 4, 5)),
                                ({"batch_axis": [0]}, (3, 4, 5)),
                                ({"in_axis": [0, 1], "out_axis": -1}, (3, 4, 5)),
                                ({"in_axis": 0, "out_axis": 0}, (7,)),
                                ({}, (7,))]:
                add("variance_scaling", dict(base, **axes), [shape], key_list=keys[:1])
    add("variance_scaling", {"scale": 1.0, "mode": "fan_sum", "distribution": "normal"}, [(2, 3)],
        key_list=keys[:1])
    add("variance_scaling", {"scale": 1.0, "mode": "fan_in", "distribution": "cauchy"}, [(2, 3)],
        key_list=keys[:1])

    for name in ["lecun_normal", "lecun_uniform", "glorot_normal", "glorot_uniform",
                 "xavier_normal", "xavier_uniform", "he_normal", "he_uniform",
                 "kaiming_normal", "kaiming_uniform"]:
        add(name, {}, [(2, 3), (3, 4, 5)])
        add(name, {"in_axis": 0, "out_axis": 1}, [(3, 4, 5)], key_list=keys[:1])
    add("lecun_normal", {}, [(4, 3)], key_list=[jax.random.PRNGKey(0)])

    for shape, column_axes in [((3, 3), [-1, 0]), ((4, 2), [-1, 0]), ((2, 4), [-1, 0]),
                               ((3, 4, 5), [-1, 0, 1])]:
        for scale in [1.0, 2.0]:
            for column_axis in column_axes:
                add("orthogonal", {"scale": scale, "column_axis": column_axis}, [shape])
    add("orthogonal", {}, [(0, 3), (3,)], key_list=keys[:1])
    add("orthogonal", {}, [(3, 3)], key_list=[jax.random.PRNGKey(0)])
    return r.cases


# ---------------------------------------------------------------- numpy.json

def record_numpy():
    import jax
    import jax.numpy as jnp
    import numpy as np
    from jax import lax
    r = Recorder()

    f32 = lambda *shape: np.arange(np.prod(shape, dtype=int), dtype=np.float32).reshape(shape)  # noqa: E731
    i32 = lambda *shape: np.arange(np.prod(shape, dtype=int), dtype=np.int32).reshape(shape)  # noqa: E731
    a34 = np.array([[1.5, -2.0, 0.25, 3.0], [-0.5, 4.0, 2.0, -1.0], [0.0, 1.0, -3.5, 2.5]], np.float32)
    i34 = np.array([[3, -1, 4, 1], [-5, 9, 2, -6], [5, 3, -5, 8]], np.int32)
    u3 = np.array([0, 1, 0xFFFFFFFF], np.uint32)
    b3 = np.array([True, False, True])
    weak_f = jnp.asarray(2.5)  # a weakly typed float32 array
    weak_i = jnp.asarray(3)    # a weakly typed int32 array

    def binary(fn, x, y):
        r.add(fn, lambda x, y: getattr(jnp, fn)(x, y), x=x, y=y)

    # type promotion and weak types
    promotions = [
        (np.array([1, 2, 3], np.int32), np.array([0.5, 1.5, -2.0], np.float32)),
        (np.array([1, 2, 3], np.int32), Py(2.5)),
        (np.array([1, 2, 3], np.int32), Py(2)),
        (u3, np.array([1, -1, 2], np.int32)),
        (u3, Py(1)),
        (b3, Py(1)),
        (b3, np.array([1, 2, 3], np.int32)),
        (b3, np.array([0.5, 0.5, 0.5], np.float32)),
        (b3, Py(True)),
        (np.array([1.0, 2.0, 3.0], np.float32), Py(2)),
        (np.array([1.0, 2.0, 3.0], np.float32), Py(0.1)),
        (np.array([1.0, 2.0, 3.0], np.float32), u3),
        (Py(2), Py(3)),
        (Py(2), Py(0.5)),
        (weak_f, np.array([1, 2], np.int32)),
        (weak_i, np.array([1.0, 2.0], np.float32)),
        (weak_i, u3),
        (weak_f, weak_i),
    ]
    for x, y in promotions:
        binary("add", x, y)
        binary("multiply", x, y)
    for x, y in [(i34, np.array([2, -3, 5, 7], np.int32)), (i34, Py(2)), (a34, Py(2)),
                 (np.array([7, -7, 7, -7], np.int32), np.array([2, 2, -2, -2], np.int32)),
                 (np.array([7.5, -7.5, 7.5, -7.5], np.float32), np.array([2.0, 2.0, -2.0, -2.0], np.float32))]:
        for fn in ["subtract", "true_divide", "floor_divide", "remainder", "maximum", "minimum"]:
            binary(fn, x, y)
    binary("power", a34, Py(2))
    binary("power", np.array([2.0, 0.5, 4.0], np.float32), np.array([3.0, -1.0, 0.5], np.float32))
    binary("power", np.array([2, 3, -2], np.int32), Py(3))
    for fn in ["less", "greater_equal", "equal", "not_equal"]:
        binary(fn, np.array([1, 2, 3], np.int32), np.array([0.5, 2.0, 3.5], np.float32))
        binary(fn, a34, Py(1))
    for fn in ["logical_and", "logical_or", "logical_xor"]:
        binary(fn, b3, np.array([True, True, False]))
    for fn in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
        binary(fn, np.array([12, -1, 5], np.int32), np.array([10, 7, 3], np.int32))
    r.add("negative", lambda x: jnp.negative(x), x=i34)
    r.add("logical_not", lambda x: jnp.logical_not(x), x=b3)

    # broadcasting
    for x, y in [(f32(3, 1), f32(1, 4)), (np.float32(2.0), f32(2, 3)), (f32(0, 3), f32(1, 3)),
                 (f32(2, 1, 3), f32(4, 1)), (f32(2, 3), f32(3, 2)), (f32(3), f32(4))]:
        binary("add", x, y)

    # creation
    for args in [(Py(5),), (Py(2), Py(10), Py(3)), (Py(0.0), Py(1.0), Py(0.25)), (Py(5), Py(0)),
                 (Py(-3), Py(3)), (Py(10), Py(0), Py(-3))]:
        r.add("arange", lambda **kw: jnp.arange(*kw.values()),
              **dict(zip(["start", "stop", "step"], args)))
    r.add("arange", lambda start, dtype: jnp.arange(start, dtype=jnp.dtype(dtype)), start=Py(5), dtype="float32")
    for start, stop, num, endpoint in [(0.0, 1.0, 5, True), (0.0, 1.0, 5, False), (-1.0, 1.0, 1, True),
                                       (-1.0, 1.0, 0, True), (2.0, -3.0, 7, True), (0.0, 10.0, 4, True)]:
        r.add("linspace", lambda start, stop, num, endpoint: jnp.linspace(start, stop, num, endpoint),
              start=Py(start), stop=Py(stop), num=num, endpoint=endpoint)
    for n, m, k in [(3, None, 0), (2, 4, 1), (3, None, -1), (4, 3, 2), (0, None, 0)]:
        r.add("eye", lambda N, M, k: jnp.eye(N, M, k), N=n, M=m, k=k)
    r.add("eye", lambda N, dtype: jnp.eye(N, dtype=jnp.dtype(dtype)), N=2, dtype="int32")
    for shape, fill in [((2, 3), Py(1.5)), ((2,), Py(7)), ((), Py(True)), ((0, 2), Py(1.0)),
                        ((2, 2), np.float32(-0.5))]:
        r.add("full", lambda shape, fill_value: jnp.full(shape, fill_value), shape=shape, fill_value=fill)
    r.add("full", lambda shape, fill_value, dtype: jnp.full(shape, fill_value, jnp.dtype(dtype)),
          shape=(3,), fill_value=Py(2.7), dtype="int32")
    for shape, dtype in [((2, 3), "float32"), ((4,), "int32"), ((), "float32"), ((2, 0), "bool")]:
        r.add("zeros", lambda shape, dtype: jnp.zeros(shape, jnp.dtype(dtype)), shape=shape, dtype=dtype)
        r.add("ones", lambda shape, dtype: jnp.ones(shape, jnp.dtype(dtype)), shape=shape, dtype=dtype)
    for a in [i34, a34, b3, weak_f]:
        r.add("zeros_like", lambda a: jnp.zeros_like(a), a=a)
        r.add("ones_like", lambda a: jnp.ones_like(a), a=a)
    r.add("full_like", lambda a, fill_value: jnp.full_like(a, fill_value), a=i34, fill_value=Py(3.9))
    r.add("full_like", lambda a, fill_value: jnp.full_like(a, fill_value), a=a34, fill_value=Py(3))

    # reductions
    axes = [None, 0, 1, -1, (0, 1)]
    for fn in ["sum", "mean", "var", "max", "min", "prod"]:
        for x in [a34, i34]:
            for axis in axes:
                for keepdims in [False, True]:
                    r.add(fn, lambda x, axis, keepdims: getattr(jnp, fn)(x, axis=axis, keepdims=keepdims),
                          x=x, axis=axis, keepdims=keepdims)
    r.add("var", lambda x, axis, ddof: jnp.var(x, axis=axis, ddof=ddof), x=a34, axis=1, ddof=1)
    for fn in ["sum", "prod", "mean", "max"]:
        r.add(fn, lambda x, axis: getattr(jnp, fn)(x, axis=axis), x=f32(0, 3), axis=0)
        r.add(fn, lambda x, axis: getattr(jnp, fn)(x, axis=axis), x=f32(0, 3), axis=1)
    r.add("sum", lambda x, axis: jnp.sum(x, axis=axis), x=b3, axis=None)
    r.add("sum", lambda x, axis: jnp.sum(x, axis=axis), x=u3, axis=None)
    r.add("sum", lambda x, axis: jnp.sum(x, axis=axis), x=np.float32(3.0), axis=None)
    r.add("sum", lambda x, axis: jnp.sum(x, axis=axis), x=a34, axis=2)
    for fn in ["argmax", "argmin"]:
        ties = np.array([[1.0, 3.0, 3.0], [-2.0, -2.0, 0.0]], np.float32)
        for x in [a34, i34, ties]:
            for axis in [None, 0, 1, -1]:
                r.add(fn, lambda x, axis: getattr(jnp, fn)(x, axis=axis), x=x, axis=axis)
        r.add(fn, lambda x, axis, keepdims: getattr(jnp, fn)(x, axis=axis, keepdims=keepdims),
              x=a34, axis=1, keepdims=True)
        r.add(fn, lambda x, axis: getattr(jnp, fn)(x, axis=axis), x=f32(0, 3), axis=1)
    for x in [a34, i34, b3]:
        for axis in [None, 0, -1]:
            r.add("cumsum", lambda x, axis: jnp.cumsum(x, axis=axis), x=x, axis=axis)

    # where, clip, triu/tril
    r.add("where", lambda condition, x, y: jnp.where(condition, x, y),
          condition=a34 > 0, x=a34, y=np.float32(-1.0))
    r.add("where", lambda condition, x, y: jnp.where(condition, x, y),
          condition=np.array([True, False, True, False]), x=i34, y=Py(0.5))
    r.add("where", lambda condition, x, y: jnp.where(condition, x, y),
          condition=np.array([[True], [False], [True]]), x=Py(1), y=Py(2))
    r.add("where", lambda condition, x, y: jnp.where(condition, x, y),
          condition=b3, x=np.zeros((2,), np.float32), y=Py(1.0))
    r.add("clip", lambda x, min, max: jnp.clip(x, min, max), x=a34, min=Py(-1.0), max=Py(2.0))
    r.add("clip", lambda x, min: jnp.clip(x, min=min), x=a34, min=Py(0.0))
    r.add("clip", lambda x, max: jnp.clip(x, max=max), x=i34, max=Py(3))
    r.add("clip", lambda x, min, max: jnp.clip(x, min, max), x=i34, min=np.array([0, 1, 2, 3], np.int32), max=Py(4))
    for fn in ["triu", "tril"]:
        for x in [f32(3, 4), f32(2, 3, 3), i32(4, 3)]:
            for k in [0, 1, -1]:
                r.add(fn, lambda m, k: getattr(jnp, fn)(m, k), m=x, k=k)

    # matmul / dot / einsum
    b23 = np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]], np.float32)
    for x, y in [(b23, a34), (np.stack([b23, -b23]), a34), (f32(3), a34), (a34[:, 0:2].T.copy(), f32(3)),
                 (f32(3), f32(3)), (i34.T.copy(), i34), (np.zeros((2, 0), np.float32), np.ones((0, 4), np.float32)),
                 (b23, a34[:2])]:
        r.add("matmul", lambda a, b: jnp.matmul(a, b), a=x, b=y)
        r.add("dot", lambda a, b: jnp.dot(a, b), a=x, b=y)
    r.add("dot", lambda a, b: jnp.dot(a, b), a=a34, b=Py(2.0))
    for spec, operands in [("ij,jk->ik", (b23, a34)), ("bij,bjk->bik", (np.stack([b23, 2 * b23]), np.stack([a34, -a34]))),
                           ("i,i->", (f32(5), f32(5) - 2)), ("ij->ji", (b23,)), ("ij,j->i", (a34, f32(4))),
                           ("ij,ij->ij", (b23, b23)), ("ii->i", (f32(3, 3),)), ("ij->", (a34,))]:
        r.add("einsum", lambda subscripts, operands: jnp.einsum(subscripts, *operands),
              subscripts=spec, operands=list(operands))

    # shapes
    x234 = f32(2, 3, 4)
    for shape in [(4, 3), (-1,), (2, -1, 2), (12, 1), (), (5, 3)]:
        r.add("reshape", lambda a, shape: jnp.reshape(a, shape), a=a34 if shape != () else np.float32([7.0]), shape=shape)
    r.add("reshape", lambda a, shape: jnp.reshape(a, shape), a=f32(0, 3), shape=(3, 0, 5))
    r.add("ravel", lambda a: jnp.ravel(a), a=x234)
    for axes_ in [None, (1, 0, 2), (2, 0, 1)]:
        r.add("transpose", lambda a, axes: jnp.transpose(a, axes), a=x234, axes=axes_)
    r.add("transpose", lambda a, axes: jnp.transpose(a, axes), a=x234, axes=(0, 1))
    for a1, a2 in [(0, 2), (-1, 0), (1, 1)]:
        r.add("swapaxes", lambda a, axis1, axis2: jnp.swapaxes(a, axis1, axis2), a=x234, axis1=a1, axis2=a2)
    for src, dst in [(0, -1), (2, 0), ((0, 1), (2, 0))]:
        r.add("moveaxis", lambda a, source, destination: jnp.moveaxis(a, source, destination),
              a=x234, source=src, destination=dst)
    for x, axis in [(f32(1, 3, 1), None), (f32(1, 3, 1), 0), (f32(1, 3, 1), -1), (f32(1, 3, 1), (0, 2)),
                    (f32(1, 3, 1), 1), (np.float32(1.0).reshape(()), None)]:
        r.add("squeeze", lambda a, axis: jnp.squeeze(a, axis), a=x, axis=axis)
    for axis in [0, -1, 1, (0, 2), 3]:
        r.add("expand_dims", lambda a, axis: jnp.expand_dims(a, axis), a=f32(2, 3), axis=axis)
    r.add("expand_dims", lambda a, axis: jnp.expand_dims(a, axis), a=np.float32(1.0), axis=0)
    for arrays, axis in [([f32(2, 3), f32(1, 3)], 0), ([f32(2, 3), f32(2, 1) + 10], 1),
                         ([f32(2, 2), f32(2, 2)], None), ([i32(2), np.ones(3, np.float32)], 0),
                         ([f32(0, 3), f32(2, 3)], 0), ([f32(2, 3), f32(2, 2)], 0)]:
        r.add("concatenate", lambda arrays, axis: jnp.concatenate(arrays, axis), arrays=arrays, axis=axis)
    for axis in [0, 1, -1]:
        r.add("stack", lambda arrays, axis: jnp.stack(arrays, axis), arrays=[f32(2, 3), -f32(2, 3)], axis=axis)
    r.add("stack", lambda arrays, axis: jnp.stack(arrays, axis), arrays=[np.float32(1), np.float32(2)], axis=0)
    for ios, axis in [(2, 0), (3, 1), ([1, 3], 1), ([0, 5], 1), (4, 1)]:
        r.add("split", lambda ary, indices_or_sections, axis: jnp.split(ary, indices_or_sections, axis),
              ary=f32(4, 6), indices_or_sections=ios, axis=axis)

    # indexing
    x = np.array([[0.0, 1.0, 2.0, 3.0], [10.0, 11.0, 12.0, 13.0], [20.0, 21.0, 22.0, 23.0]], np.float32)
    v = np.arange(8, dtype=np.float32) * 1.5
    mask = np.array([True, False, False, True, True, False, True, False])
    idx = np.array([2, 0, -1, 2], np.int32)
    for a, index in [(x, Index(slice(None), 0)), (v, Index(slice(1, 5, 2))), (v, Index(slice(None, None, -1))),
                     (v, Index(slice(-3, None))), (x, Index(None, slice(None), None)), (x, Index(Ellipsis, 0)),
                     (x, Index(idx)), (x, Index([0, 2], 1)), (v, Index(mask)), (x, Index(1)), (x, Index(-1, -2)),
                     (x, Index(slice(None, None, -2), slice(1, None))), (x, Index(slice(5, 10))),
                     (x, Index(slice(2, 0))), (v, Index(slice(6, 1, -2))), (x, Index(Ellipsis, None)),
                     (x, Index(idx, slice(1, 3))), (x, Index(slice(None), np.array([[0, 1], [3, 2]], np.int32))),
                     (x, Index(x > 11.5)), (x, Index(np.array([True, False, True]))), (x, Index(3)),
                     (np.float32(4.0), Index(None)), (i34, Index(slice(None), -1))]:
        r.add("getitem", lambda x, index: jnp.asarray(x)[index], x=a, index=index)
    for a, index, values in [(v, Index(1), Py(5.0)), (x, Index(1), Py(5.0)), (x, Index(slice(None), 0), np.float32([7, 8, 9])),
                             (v, Index(np.array([1, 3, 1], np.int32)), np.float32([1, 2, 3])), (x, Index(-1, -1), Py(-1.0)),
                             (i34, Index(0, slice(None)), Py(2.9))]:
        r.add("at_set", lambda x, index, values: jnp.asarray(x).at[index].set(values), x=a, index=index, values=values)
    for a, index, values in [(x, Index(slice(None), 0), Py(1.0)), (v, Index(np.array([1, 3, 1, 1], np.int32)), np.float32([1, 2, 3, 4])),
                             (x, Index(np.array([0, 0], np.int32)), np.float32([[1, 1, 1, 1], [2, 2, 2, 2]])),
                             (v, Index(slice(None, None, 2)), Py(100.0)), (i34, Index(1, 1), Py(10))]:
        r.add("at_add", lambda x, index, values: jnp.asarray(x).at[index].add(values), x=a, index=index, values=values)

    # math functions on a fixed float32 grid
    grid = np.concatenate([np.linspace(-4, 4, 33, dtype=np.float32),
                           np.float32([-0.0, 1e-6, -1e-6, 1e-30, 10.0, -10.0, 30.0, 88.0, 89.0, -104.0,
                                       np.inf, -np.inf, np.nan])])
    unit = np.concatenate([np.linspace(-0.99, 0.99, 23, dtype=np.float32),
                           np.float32([0.999, -0.9999, 0.99999994, 1e-6, -0.0, 1.0, -1.0, 1.5])])
    math = {"exp": jnp.exp, "log": jnp.log, "tanh": jnp.tanh, "nn.sigmoid": jax.nn.sigmoid,
            "special.erf": jax.scipy.special.erf, "sqrt": jnp.sqrt, "lax.rsqrt": lax.rsqrt,
            "log1p": jnp.log1p, "expm1": jnp.expm1, "sin": jnp.sin, "cos": jnp.cos, "abs": jnp.abs,
            "sign": jnp.sign, "floor": jnp.floor, "ceil": jnp.ceil, "round": jnp.round, "square": jnp.square}
    for fn, f in math.items():
        r.add(fn, lambda x: f(x), x=grid)
    r.add("special.erfinv", lambda x: jax.scipy.special.erfinv(x), x=unit)
    r.add("round", lambda x: jnp.round(x), x=np.float32([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999998]))
    for fn in ["abs", "sign", "square"]:
        r.add(fn, lambda x: getattr(jnp, fn)(x), x=np.array([-7, 0, 3, -2**31], np.int32))
    return r.cases


# ---------------------------------------------------------------- transforms.json

def record_transforms():
    from transform_programs import record_transforms as record  # imports numpy: inside the venv only
    r = Recorder()
    record(r)
    return r.cases


# ---------------------------------------------------------------- files and check

TOPICS = {"random.json": record_random, "initializers.json": record_initializers, "numpy.json": record_numpy,
          "transforms.json": record_transforms}


def header():
    import jax
    return {
        **versions(),
        "x64": bool(jax.config.jax_enable_x64),
        "threefry_partitionable": bool(jax.config.jax_threefry_partitionable),
        "recorded_by": RECORDED_BY,
    }


def render(head, cases):
    """JSON with one case per line: compact, yet diffs stay readable."""
    lines = ["{"]
    for name, value in head.items():
        lines.append(f"  {json.dumps(name)}: {json.dumps(value)},")
    lines.append('  "cases": [')
    body = [json.dumps(case, allow_nan=False, separators=(",", ":")) for case in cases]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_all(out_dir):
    import jax
    if jax.default_backend() != "cpu" or jax.config.jax_enable_x64:
        sys.exit("record_jax_vectors: needs JAX on CPU with x64 disabled")
    out_dir.mkdir(parents=True, exist_ok=True)
    head = header()
    for name, record in TOPICS.items():
        cases = record()
        (out_dir / name).write_text(render(head, cases), encoding="utf-8")
        print(f"{out_dir / name}: {len(cases)} cases", file=sys.stderr)


def check(committed_dir):
    """Re-records into a temporary folder and reports every difference; returns the exit code."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_dir = Path(tmp)
        write_all(fresh_dir)
        differences = 0
        for name in TOPICS:
            differences += compare(committed_dir / name, fresh_dir / name)
    print("check: " + ("no differences" if differences == 0 else f"{differences} differences"), file=sys.stderr)
    return 0 if differences == 0 else 1


def compare(committed_path, fresh_path):
    if not committed_path.exists():
        print(f"{committed_path}: missing", file=sys.stderr)
        return 1
    old = json.loads(committed_path.read_text(encoding="utf-8"))
    new = json.loads(fresh_path.read_text(encoding="utf-8"))
    differences = 0
    for field in sorted((set(old) | set(new)) - {"cases"}):
        if old.get(field) != new.get(field):
            print(f"{committed_path.name}: header {field}: {old.get(field)!r} -> {new.get(field)!r}", file=sys.stderr)
            differences += field not in ("python",)  # a different CPython patch level alone is harmless
    old_cases, new_cases = old.get("cases", []), new.get("cases", [])
    if len(old_cases) != len(new_cases):
        print(f"{committed_path.name}: {len(old_cases)} cases committed, {len(new_cases)} recorded", file=sys.stderr)
        differences += 1
    for i, (a, b) in enumerate(zip(old_cases, new_cases)):
        if a != b:
            print(f"{committed_path.name}: case {i} ({a.get('fn')} {json.dumps(a.get('args'))[:200]}) differs",
                  file=sys.stderr)
            differences += 1
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="re-record into a temporary folder and diff against the committed files")
    parser.add_argument("--out", type=Path, default=VECTOR_DIR, help="vector folder (default: %(default)s)")
    args = parser.parse_args()
    enter_pinned_venv(__file__)
    if args.check:
        sys.exit(check(args.out))
    write_all(args.out)


if __name__ == "__main__":
    main()
