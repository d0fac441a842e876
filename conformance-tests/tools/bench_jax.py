"""Times issue 7's benchmark programs under real JAX/Flax on CPU (the JAX column of BENCHMARKS.md).

Run from the repository root with any CPython 3: the script re-executes itself in the pinned venv
of recorder_env.py (jax, jaxlib, flax at the versions there; JAX on CPU). The programs are the
ones of interpreter/src/jmh/java/dev/flaxj/bench/FlaxPrograms.java, written with flax.linen:

  lstm_seed / lstm_large   the seed page's LSTM: nn.scan(nn.LSTMCell, variable_broadcast="params",
                           split_rngs={"params": False}, in_axes=1, out_axes=1) on ones (4, 12, 7)
                           with features 32 / on ones (64, 128, 256) with features 256
  resmlp_4 / resmlp_32x512 the seed page's ResidualMLP (nn.scan of x + relu(Dense(x))) with 4
                           layers, features 2, on ones (1, 2) / 32 layers, features 512, on ones (32, 512)
  remat_scan_8 / _512      nn.remat_scan(nn.Dense, lengths=(10, 10)) on ones (4, 8) / ones (32, 512)
  scan_100_8 / _512        the same 100 Dense layers as one plain nn.scan (no remat)
  vmap_dense_256           nn.vmap(nn.Dense, variable_axes={'params': 0}, split_rngs={'params': True})
                           with features 256 on ones (64, 8, 256)

Each is timed as `init` (model.init, eager), `forward` (model.apply, eager) and `grad_step`
(jax.jit(jax.grad(loss)) with loss = mean(apply(params, x) ** 2), compiled before timing). Every
call ends with block_until_ready. For the Dense stacks the script also reports the bytes of
jax.ad_checkpoint.saved_residuals of the loss with respect to the params.

  python3 conformance-tests/tools/bench_jax.py [--programs a,b] [--min-time 1.0] [--out file.json]
"""

import argparse
import json
import statistics
import sys
import time

sys.dont_write_bytecode = True
import recorder_env  # noqa: E402

ALL = ["lstm_seed", "lstm_large", "resmlp_4", "resmlp_32x512", "remat_scan_8", "remat_scan_512",
       "scan_100_8", "scan_100_512", "vmap_dense_256"]


def programs():
    import flax.linen as nn
    import jax
    import jax.numpy as jnp

    class LSTM(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            ScanLSTM = nn.scan(nn.LSTMCell, variable_broadcast="params",
                               split_rngs={"params": False}, in_axes=1, out_axes=1)
            lstm = ScanLSTM(self.features)
            carry = lstm.initialize_carry(jax.random.key(0), x[:, 0].shape)
            carry, x = lstm(carry, x)
            return x

    class ResidualMLPBlock(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x, _):
            h = nn.relu(nn.Dense(features=self.features)(x))
            return x + h, None

    class ResidualMLP(nn.Module):
        n_layers: int
        features: int

        @nn.compact
        def __call__(self, x):
            ScanMLP = nn.scan(ResidualMLPBlock, variable_axes={"params": 0},
                              variable_broadcast=False, split_rngs={"params": True},
                              length=self.n_layers)
            x, _ = ScanMLP(self.features)(x, None)
            return x

    class RematStack(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            DenseStack = nn.remat_scan(nn.Dense, lengths=(10, 10))
            return DenseStack(self.features, name="dense_stack")(x)

    class DenseBody(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x, _):
            return nn.Dense(self.features)(x), None

    class PlainStack(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            Stack = nn.scan(DenseBody, variable_axes={True: 0}, split_rngs={True: True}, length=100)
            x, _ = Stack(self.features, name="dense_stack")(x, None)
            return x

    class VmapDense(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            BatchDense = nn.vmap(nn.Dense, in_axes=0, out_axes=0,
                                 variable_axes={"params": 0}, split_rngs={"params": True})
            return BatchDense(self.features)(x)

    ones = jnp.ones
    return {
        "lstm_seed": (LSTM(32), ones((4, 12, 7))),
        "lstm_large": (LSTM(256), ones((64, 128, 256))),
        "resmlp_4": (ResidualMLP(4, 2), ones((1, 2))),
        "resmlp_32x512": (ResidualMLP(32, 512), ones((32, 512))),
        "remat_scan_8": (RematStack(8), ones((4, 8))),
        "remat_scan_512": (RematStack(512), ones((32, 512))),
        "scan_100_8": (PlainStack(8), ones((4, 8))),
        "scan_100_512": (PlainStack(512), ones((32, 512))),
        "vmap_dense_256": (VmapDense(256), ones((64, 8, 256))),
    }


def mean_ms(fn, min_time, min_reps=3, warmup=2):
    import jax
    for _ in range(warmup):
        jax.block_until_ready(fn())
    times = []
    start = time.perf_counter()
    while len(times) < min_reps or (time.perf_counter() - start < min_time and len(times) < 10000):
        t = time.perf_counter()
        jax.block_until_ready(fn())
        times.append(time.perf_counter() - t)
    return {"mean_ms": statistics.mean(times) * 1e3, "median_ms": statistics.median(times) * 1e3,
            "reps": len(times)}


def main():
    recorder_env.enter_pinned_venv(__file__)
    import jax
    import jax.numpy as jnp
    # saved_residuals is public only through print_saved_residuals in jax 0.10.2
    from jax._src.ad_checkpoint import saved_residuals

    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", default=",".join(ALL))
    parser.add_argument("--min-time", type=float, default=1.0)
    parser.add_argument("--out")
    args = parser.parse_args()

    table = programs()
    results = {}
    residuals = {}
    for name in args.programs.split(","):
        model, x = table[name]
        key = jax.random.key(0)
        variables = model.init(key, x)
        params = variables["params"]

        def loss(p, x, model=model):
            return jnp.mean(jnp.square(model.apply({"params": p}, x)))

        step = jax.jit(jax.grad(loss))
        row = {
            "init": mean_ms(lambda: model.init(key, x), args.min_time),
            "forward": mean_ms(lambda: model.apply(variables, x), args.min_time),
            "grad_step": mean_ms(lambda: step(params, x), args.min_time),
        }
        results[name] = row
        if "scan" in name and "lstm" not in name:
            saved = saved_residuals(lambda p: loss(p, x), params)
            residuals[name] = {
                "count": len(saved),
                "bytes": int(sum(a.size * a.dtype.itemsize for a, _ in saved)),
                # the arguments (the params) are held by the caller whether or not they are saved
                "computed_bytes": int(sum(a.size * a.dtype.itemsize for a, why in saved
                                          if not why.startswith("from the argument")))}
        print(name, json.dumps(row), file=sys.stderr)
    out = {"versions": recorder_env.versions(), "results": results, "residuals": residuals}
    text = json.dumps(out, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
