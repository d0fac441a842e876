"""Runs issue 7's benchmarks in one session and writes BENCHMARKS.md.

flaxj side: the JMH benchmark dev.flaxj.bench.FlaxProgramsBenchmark (interpreter/src/jmh, built
with the Maven profile `bench`, which CI does not run) once per backend (-Dflaxj.backend in the
forked JVM; nd4j needs the accelerator module and ND4J on the class path, taken from the
accelerator's benchmarks.jar), plus dev.flaxj.bench.ResidualBytes for the saved-residual bytes of
the Dense stacks. SameDiff side (--samediff): the JMH benchmark
dev.flaxj.accelerator.bench.SameDiffProgramsBenchmark (accelerator/src/jmh, profile `bench`), the
programs ND4J's SameDiff can express, under the same program and phase names, read by the same
JMH-result parser. JAX side: bench_jax.py (same programs in flax.linen, pinned venv of
recorder_env.py, CPU). Run from the repository root:

  python3 conformance-tests/tools/run_benchmarks.py \\
      [--programs lstm_seed,resmlp_4,...] [--backends reference,nd4j] [--samediff] \\
      [--jmh-args "-wi 2 -i 3"] [--skip-jax] [--offline] [--build-dir target-bench] [--out BENCHMARKS.md]

Times are JMH's average time per operation (ms) for flaxj and the mean of timed calls (ms) for
JAX; nothing is estimated or filled in: a cell that was not measured says so, and a SameDiff
cell of a program or phase SameDiff cannot express says "n/a (not expressible)".
"""

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import zipfile
from collections import namedtuple
from pathlib import Path

sys.dont_write_bytecode = True

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent.parent
DEFAULT_PROGRAMS = ["lstm_seed", "resmlp_4", "remat_scan_8", "scan_100_8", "vmap_dense_256",
                    "resmlp_32x512", "remat_scan_512", "scan_100_512", "lstm_large"]
RESIDUAL_PROGRAMS = ["remat_scan_8", "scan_100_8", "remat_scan_512", "scan_100_512"]
PHASES = [("init", "init"), ("forward", "forward"), ("gradStep", "grad_step")]
# What SameDiffProgramsBenchmark has: no init (building a graph is not Flax's init), no remat, no vmap.
SAMEDIFF_PROGRAMS = ["lstm_seed", "resmlp_4", "resmlp_32x512", "lstm_large"]
SAMEDIFF_PHASES = ["forward", "gradStep"]
NOT_EXPRESSIBLE = "n/a (not expressible)"
# ND4J's OpenMP threads sleep instead of spinning while they wait (accelerator/README.md).
JMH_ENV = {"OMP_WAIT_POLICY": "PASSIVE"}

# One column of flaxj or SameDiff times: its JMH results and which (program, phase) it can run.
Column = namedtuple("Column", "label ratio_label table expressible")


def run(cmd, **kw):
    print("+", " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr)
    return subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def mvn(args, offline):
    return ["mvn", "-B", "-q", *(["-o"] if offline else []), *args]


def build(build_dir, backends, samediff, offline):
    """Class paths: flaxj per backend, and "samediff". The accelerator's benchmarks.jar (ND4J, the
    accelerator and the interpreter, with SameDiffProgramsBenchmark's benchmark list) comes after
    the interpreter's benchmarks.jar, whose benchmark list (FlaxProgramsBenchmark) then wins."""
    accelerator = "nd4j" in backends or samediff
    run(mvn(["-Pbench", "-pl", "accelerator" if accelerator else "interpreter", "-am", "package",
             "-DskipTests", f"-Dflaxj.build.dir={build_dir}"], offline))
    jar = str(ROOT / "interpreter" / build_dir / "benchmarks.jar")
    classpaths = {"reference": jar}
    if accelerator:
        nd4j_jar = str(ROOT / "accelerator" / build_dir / "benchmarks.jar")
        classpaths["nd4j"] = os.pathsep.join([jar, nd4j_jar])
        classpaths["samediff"] = nd4j_jar
    return classpaths


def nd4j_version(classpath):
    """ND4J's version, from the pom.properties in the accelerator's benchmarks.jar."""
    with zipfile.ZipFile(classpath) as z:
        props = z.read("META-INF/maven/org.nd4j/nd4j-api/pom.properties").decode()
    return next(line.split("=", 1)[1] for line in props.splitlines() if line.startswith("version="))


def jmh(classpath, benchmark, programs, jmh_args, jvm_args):
    """Runs one JMH benchmark class; {(program, phase): (score, error)} from its JSON results."""
    out = Path(tempfile.mkdtemp()) / f"jmh-{benchmark}.json"
    run(["java", "-cp", classpath, "org.openjdk.jmh.Main", benchmark,
         "-p", "program=" + ",".join(programs), "-rf", "json", "-rff", out,
         *(["-jvmArgsAppend", " ".join(jvm_args)] if jvm_args else []), *shlex.split(jmh_args)],
        env={**os.environ, **JMH_ENV})
    table = {}
    for r in json.loads(out.read_text()):
        phase = r["benchmark"].rsplit(".", 1)[1]
        m = r["primaryMetric"]
        table[(r["params"]["program"], phase)] = (m["score"], m["scoreError"])
    return table


def residual_bytes(classpath, programs):
    names = [p for p in RESIDUAL_PROGRAMS if p in programs]
    if not names:
        return {}
    out = run(["java", "-cp", classpath, "dev.flaxj.bench.ResidualBytes", *names],
              capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        name, count, size, computed = line.split("\t")
        table[name] = {"count": int(count), "bytes": int(size), "computed_bytes": int(computed)}
    return table


def jax_side(programs, min_time):
    out = Path(tempfile.mkdtemp()) / "jax.json"
    run([sys.executable, TOOLS / "bench_jax.py", "--programs", ",".join(programs),
         "--min-time", str(min_time), "--out", out])
    return json.loads(out.read_text())


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    return {"cpu": f"{cpu}, {os.cpu_count()} logical CPUs{mem}", "os": platform.platform(),
            "java": java[0] if java else "unknown", "commit": commit, "load": load_average()}


def fmt(v):
    if v is None:
        return "not run"
    v = float(v)  # JMH writes "NaN" for the error of fewer than two iterations
    if v != v:
        return "n/a"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 1:
        return f"{v:.2f}"
    return f"{v:.4f}"


def ratio(a, b):
    return "" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


def columns(flaxj, samediff):
    cols = [Column(f"flaxj-{b}", f"{b}/JAX", table, lambda program, phase: True)
            for b, table in flaxj.items()]
    if samediff is not None:
        cols.append(Column("SameDiff", "SameDiff/JAX", samediff, lambda program, phase:
                           program in SAMEDIFF_PROGRAMS and phase in SAMEDIFF_PHASES))
    return cols


def write_markdown(path, args, info, flaxj, samediff, residuals, jax):
    backends = list(flaxj)
    cols = columns(flaxj, samediff)
    lines = ["# Benchmarks", "",
             "Written by `conformance-tests/tools/run_benchmarks.py`; do not edit by hand.", "",
             f"- machine: {info['cpu']}; {info['os']}; load average (1, 5, 15 min) at the start "
             f"{info['load']}, at the end {info['load_end']}",
             f"- flaxj: commit {info['commit']}, {info['java']}, backends {', '.join(backends)}",
             "- SameDiff: " + (f"ND4J {info['nd4j']} (nd4j-native, CPU)" if samediff is not None
                               else "not run"),
             "- JAX: " + (", ".join(f"{k} {v}" for k, v in jax["versions"].items()) if jax else "not run"),
             f"- command: `python3 conformance-tests/tools/run_benchmarks.py {' '.join(shlex.quote(a) for a in sys.argv[1:])}`",
             "",
             "Milliseconds per call. flaxj and SameDiff: JMH average time (`FlaxProgramsBenchmark`, "
             f"`SameDiffProgramsBenchmark`; JMH options `{args.jmh_args}`, environment "
             + ", ".join(f"`{k}={v}`" for k, v in JMH_ENV.items())
             + "), ± JMH's 99.9% error; JAX: mean of timed calls after two warm-up "
             "calls, each ended by `block_until_ready`. `init` and `forward` are eager "
             "(`model.init`, `model.apply`); `grad_step` is `jit(grad(loss))` with respect to the "
             "params, traced/compiled before timing. JMH runs each (program, phase) in a fresh JVM "
             "whose setup runs one grad step, then the warm-up and measurement iterations (`-wi`, "
             "`-i`) of `-w`/`-r` seconds each; a call longer than that is an iteration on its own, "
             "so for the large programs (calls of seconds) the time is the mean of as many calls as "
             "measurement iterations, after as many warm-up calls as warm-up iterations. "
             "SameDiff runs the programs ND4J's own autodiff "
             "can express, written directly in SameDiff: the Flax LSTM cell unrolled over the "
             "sequence and the residual MLP; its `forward` runs the graph's output, its `grad_step` "
             "the gradients SameDiff's autodiff derives for every parameter, with the graph and its "
             "gradient function built once before timing (there is no SameDiff `init`, and no "
             "remat or vmap in SameDiff). Ratios are flaxj (or SameDiff) time / JAX time (below 1: "
             "faster than JAX).", ""]
    header = "| program | phase | " + " | ".join(c.label for c in cols) + " | JAX | " + \
        " | ".join(c.ratio_label for c in cols) + " |"
    lines += [header, "|" + "---|" * (3 + 2 * len(cols))]
    for program in args.programs:
        for phase, jax_phase in PHASES:
            cells = []
            ratios = []
            j = jax["results"].get(program, {}).get(jax_phase, {}).get("mean_ms") if jax else None
            for c in cols:
                s = c.table.get((program, phase))
                if not c.expressible(program, phase):
                    cells.append(NOT_EXPRESSIBLE)
                    ratios.append("")
                else:
                    cells.append(f"{fmt(s[0])} ± {fmt(s[1])}" if s else "not run")
                    ratios.append(ratio(s[0] if s else None, j))
            lines.append(f"| {program} | {jax_phase} | " + " | ".join(cells) + f" | {fmt(j)} | "
                         + " | ".join(ratios) + " |")
    if residuals:
        lines += ["", "Residuals saved by reverse mode for the gradient with respect to the params "
                  "(flaxj `SavedResiduals`, JAX `saved_residuals`): count, bytes of all of them, and "
                  "computed bytes, the residuals that are not arguments (the stacked params are "
                  "arguments: the caller holds them whether or not they are saved, so only the "
                  "computed residuals are memory that saving adds and remat can save):", "",
                  "| program | flaxj count | flaxj bytes | flaxj computed bytes | JAX count | JAX bytes "
                  "| JAX computed bytes |", "|---|---|---|---|---|---|---|"]
        for name, r in residuals.items():
            jr = jax["residuals"].get(name, {}) if jax else {}
            lines.append(f"| {name} | {r['count']} | {r['bytes']} | {r['computed_bytes']} | "
                         f"{jr.get('count', 'not run')} | {jr.get('bytes', 'not run')} | "
                         f"{jr.get('computed_bytes', 'not run')} |")
        for size in ("8", "512"):
            remat, plain = residuals.get(f"remat_scan_{size}"), residuals.get(f"scan_100_{size}")
            if remat and plain:
                jremat = jax["residuals"].get(f"remat_scan_{size}") if jax else None
                jplain = jax["residuals"].get(f"scan_100_{size}") if jax else None
                jtext = (f"; JAX {jremat['computed_bytes'] / jplain['computed_bytes']:.3f}"
                         if jremat and jplain else "")
                lines.append(f"\nremat_scan (10, 10) / plain scan of 100, features {size}, computed "
                             f"residual bytes: flaxj {remat['computed_bytes'] / plain['computed_bytes']:.3f}"
                             f"{jtext} (all bytes: flaxj {remat['bytes'] / plain['bytes']:.3f}).")
    Path(path).write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", default=",".join(DEFAULT_PROGRAMS))
    parser.add_argument("--backends", default="reference")
    parser.add_argument("--samediff", action="store_true",
                        help="add the SameDiff column (SameDiffProgramsBenchmark)")
    parser.add_argument("--jmh-args", default="-f 1 -wi 2 -i 3 -w 1 -r 1")
    parser.add_argument("--jax-min-time", type=float, default=1.0)
    parser.add_argument("--skip-jax", action="store_true")
    parser.add_argument("--offline", action="store_true")
    parser.add_argument("--build-dir", default="target-bench")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    args.programs = args.programs.split(",")
    backends = args.backends.split(",")

    info = machine()
    classpaths = build(args.build_dir, backends, args.samediff, args.offline)
    # ND4J's native libraries unpacked into this build folder, not the shared ~/.javacpp cache.
    javacpp = f"-Dorg.bytedeco.javacpp.cachedir={ROOT / 'accelerator' / args.build_dir / 'javacpp-cache'}"
    flaxj = {b: jmh(classpaths[b], "FlaxProgramsBenchmark", args.programs, args.jmh_args,
                    [f"-Dflaxj.backend={b}", *([javacpp] if b == "nd4j" else [])])
             for b in backends}
    samediff_programs = [p for p in args.programs if p in SAMEDIFF_PROGRAMS]
    samediff = None
    if args.samediff:
        info["nd4j"] = nd4j_version(classpaths["samediff"])
        samediff = jmh(classpaths["samediff"], "SameDiffProgramsBenchmark", samediff_programs,
                       args.jmh_args, [javacpp]) if samediff_programs else {}
    residuals = residual_bytes(classpaths["reference"], args.programs)
    jax = None if args.skip_jax else jax_side(args.programs, args.jax_min_time)
    info["load_end"] = load_average()
    write_markdown(args.out, args, info, flaxj, samediff, residuals, jax)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
