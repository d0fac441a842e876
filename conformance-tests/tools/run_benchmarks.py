"""Runs issue 7's benchmarks in one session and writes BENCHMARKS.md.

flaxj side: the JMH benchmark dev.flaxj.bench.FlaxProgramsBenchmark (interpreter/src/jmh, built
with the Maven profile `bench`, which CI does not run) once per backend (-Dflaxj.backend in the
forked JVM; nd4j needs the accelerator module and its dependencies on the class path), plus
dev.flaxj.bench.ResidualBytes for the saved-residual bytes of the Dense stacks. JAX side:
bench_jax.py (same programs in flax.linen, pinned venv of recorder_env.py, CPU). Run from the
repository root:

  python3 conformance-tests/tools/run_benchmarks.py \\
      [--programs lstm_seed,resmlp_4,...] [--backends reference,nd4j] [--jmh-args "-wi 2 -i 3"] \\
      [--skip-jax] [--offline] [--build-dir target-bench] [--out BENCHMARKS.md]

Times are JMH's average time per operation (ms) for flaxj and the mean of timed calls (ms) for
JAX; nothing is estimated or filled in: a cell that was not measured says so.
"""

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent.parent
DEFAULT_PROGRAMS = ["lstm_seed", "resmlp_4", "remat_scan_8", "scan_100_8", "vmap_dense_256",
                    "resmlp_32x512", "remat_scan_512", "scan_100_512", "lstm_large"]
RESIDUAL_PROGRAMS = ["remat_scan_8", "scan_100_8", "remat_scan_512", "scan_100_512"]
PHASES = [("init", "init"), ("forward", "forward"), ("gradStep", "grad_step")]


def run(cmd, **kw):
    print("+", " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr)
    return subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def mvn(args, offline):
    return ["mvn", "-B", "-q", *(["-o"] if offline else []), *args]


def build(build_dir, backends, offline):
    run(mvn(["-Pbench", "-pl", "interpreter", "package", "-DskipTests",
             f"-Dflaxj.build.dir={build_dir}"], offline))
    jar = ROOT / "interpreter" / build_dir / "benchmarks.jar"
    classpaths = {"reference": str(jar)}
    if "nd4j" in backends:
        cp_file = Path(tempfile.mkdtemp()) / "cp.txt"
        run(mvn(["-pl", "accelerator", "-am", "package", "-DskipTests", "dependency:build-classpath",
                 f"-Dmdep.outputFile={cp_file}", "-Dmdep.includeScope=runtime",
                 f"-Dflaxj.build.dir={build_dir}"], offline))
        deps = cp_file.read_text().strip()
        classes = ROOT / "accelerator" / build_dir / "classes"
        classpaths["nd4j"] = os.pathsep.join([str(jar), str(classes), deps])
    return classpaths


def jmh(classpath, backend, programs, jmh_args):
    out = Path(tempfile.mkdtemp()) / f"jmh-{backend}.json"
    run(["java", "-cp", classpath, "org.openjdk.jmh.Main", "FlaxProgramsBenchmark",
         "-p", "program=" + ",".join(programs), "-rf", "json", "-rff", out,
         "-jvmArgsAppend", f"-Dflaxj.backend={backend}", *shlex.split(jmh_args)])
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
        name, count, size = line.split("\t")
        table[name] = {"count": int(count), "bytes": int(size)}
    return table


def jax_side(programs, min_time):
    out = Path(tempfile.mkdtemp()) / "jax.json"
    run([sys.executable, TOOLS / "bench_jax.py", "--programs", ",".join(programs),
         "--min-time", str(min_time), "--out", out])
    return json.loads(out.read_text())


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
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "unknown"
    return {"cpu": f"{cpu}, {os.cpu_count()} logical CPUs{mem}", "os": platform.platform(),
            "java": java[0] if java else "unknown", "commit": commit, "load": load}


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


def write_markdown(path, args, info, flaxj, residuals, jax):
    backends = list(flaxj)
    lines = ["# Benchmarks", "",
             "Written by `conformance-tests/tools/run_benchmarks.py`; do not edit by hand.", "",
             f"- machine: {info['cpu']}; {info['os']}; load average at the start {info['load']}",
             f"- flaxj: commit {info['commit']}, {info['java']}, backends {', '.join(backends)}",
             "- JAX: " + (", ".join(f"{k} {v}" for k, v in jax["versions"].items()) if jax else "not run"),
             f"- command: `python3 conformance-tests/tools/run_benchmarks.py {' '.join(shlex.quote(a) for a in sys.argv[1:])}`",
             "",
             "Milliseconds per call. flaxj: JMH average time (`FlaxProgramsBenchmark`, JMH options "
             f"`{args.jmh_args}`), ± JMH's 99.9% error; JAX: mean of timed calls after two warm-up "
             "calls, each ended by `block_until_ready`. `init` and `forward` are eager "
             "(`model.init`, `model.apply`); `grad_step` is `jit(grad(loss))` with respect to the "
             "params, traced/compiled before timing. Ratios are flaxj time / JAX time (below 1: "
             "flaxj faster).", ""]
    header = "| program | phase | " + " | ".join(f"flaxj-{b}" for b in backends) + " | JAX | " + \
        " | ".join(f"{b}/JAX" for b in backends) + " |"
    lines += [header, "|" + "---|" * (3 + 2 * len(backends))]
    for program in args.programs:
        for phase, jax_phase in PHASES:
            cells = []
            scores = []
            for b in backends:
                s = flaxj[b].get((program, phase))
                scores.append(s[0] if s else None)
                cells.append(f"{fmt(s[0])} ± {fmt(s[1])}" if s else "not run")
            j = jax["results"].get(program, {}).get(jax_phase, {}).get("mean_ms") if jax else None
            lines.append(f"| {program} | {jax_phase} | " + " | ".join(cells) + f" | {fmt(j)} | "
                         + " | ".join(ratio(s, j) for s in scores) + " |")
    if residuals:
        lines += ["", "Residuals saved by reverse mode for the gradient with respect to the params "
                  "(flaxj `SavedResiduals`, JAX `saved_residuals`; count and bytes):", "",
                  "| program | flaxj count | flaxj bytes | JAX count | JAX bytes |", "|---|---|---|---|---|"]
        for name, r in residuals.items():
            jr = jax["residuals"].get(name, {}) if jax else {}
            lines.append(f"| {name} | {r['count']} | {r['bytes']} | {jr.get('count', 'not run')} | "
                         f"{jr.get('bytes', 'not run')} |")
    Path(path).write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", default=",".join(DEFAULT_PROGRAMS))
    parser.add_argument("--backends", default="reference")
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
    classpaths = build(args.build_dir, backends, args.offline)
    flaxj = {b: jmh(classpaths[b], b, args.programs, args.jmh_args) for b in backends}
    residuals = residual_bytes(classpaths["reference"], args.programs)
    jax = None if args.skip_jax else jax_side(args.programs, args.jax_min_time)
    write_markdown(args.out, args, info, flaxj, residuals, jax)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
