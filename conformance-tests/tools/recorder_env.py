"""What the recorders of real-JAX/Flax results share: the pinned venv and the array encoding.

Used by record_jax_vectors.py and record_flax_goldens.py (both run from the repository root).
Both scripts set sys.dont_write_bytecode before importing this module, so no __pycache__
folder appears in the tree.

The venv (conformance-tests/tools/.venv, git-ignored) holds exactly the versions in PINS; a
recorder started with any CPython 3 creates it on first use, installs the pins and re-executes
itself inside it with JAX on CPU and x64 disabled (JAX_ENV).
"""

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

PINS = {"jax": "0.10.2", "jaxlib": "0.10.2", "flax": "0.12.8"}

TOOLS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TOOLS_DIR.parent.parent
VENV_DIR = TOOLS_DIR / ".venv"
JAX_ENV = {"JAX_PLATFORMS": "cpu", "JAX_ENABLE_X64": "0"}


# ---------------------------------------------------------------- the pinned venv

def venv_python():
    return VENV_DIR / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def installed_versions(python):
    probe = ("import importlib.metadata as m, json\n"
             "v = {}\n"
             f"for name in {sorted(PINS)!r}:\n"
             "    try: v[name] = m.version(name)\n"
             "    except m.PackageNotFoundError: v[name] = None\n"
             "print(json.dumps(v))\n")
    out = subprocess.run([str(python), "-c", probe], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def ensure_venv_and_reexec(script):
    """Creates the venv with the pinned packages if needed, then replaces this process by
    `script` (with the same arguments) running on the venv's interpreter."""
    python = venv_python()
    if not python.exists():
        print(f"creating {VENV_DIR}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], check=True)
    if installed_versions(python) != PINS:
        print(f"installing {PINS} into {VENV_DIR}", file=sys.stderr)
        subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        *(f"{name}=={version}" for name, version in PINS.items())], check=True)
    env = dict(os.environ, **JAX_ENV)
    os.execve(str(python), [str(python), str(Path(script).resolve()), *sys.argv[1:]], env)


def running_in_venv():
    return Path(sys.prefix).resolve() == VENV_DIR.resolve()


def enter_pinned_venv(script):
    """Returns only when running inside the pinned venv (re-executing `script` there if not),
    with the JAX environment variables set."""
    if not running_in_venv():
        ensure_venv_and_reexec(script)
    for name, value in JAX_ENV.items():
        os.environ.setdefault(name, value)


def versions():
    """The versions and platform a recording was made with (call inside the venv)."""
    import importlib.metadata as metadata
    import jax
    return {
        "jax": jax.__version__,
        "jaxlib": metadata.version("jaxlib"),
        "flax": metadata.version("flax"),
        "python": platform.python_version(),
        "platform": jax.default_backend(),
        "cpu_arch": platform.machine(),
    }


# ---------------------------------------------------------------- arrays

_INT_KINDS = ("i", "u")


def encode_array(a, weak):
    """A numpy array as {"dtype", "shape", "weak_type", "data"[, "bits"]}: data flat, row-major.
    Floating dtypes also carry "bits", the exact IEEE bit patterns as hex strings, and their
    "data" is the shortest decimal that reads back as the same value ("nan"/"inf"/"-inf")."""
    import numpy as np
    flat = a.ravel()
    out = {"dtype": str(a.dtype), "shape": list(a.shape), "weak_type": weak}
    if a.dtype == np.bool_:
        out["data"] = [bool(v) for v in flat]
    elif a.dtype.kind in _INT_KINDS:
        out["data"] = [int(v) for v in flat]
    elif a.dtype.kind == "f" or str(a.dtype) == "bfloat16":
        width = a.dtype.itemsize * 8
        unsigned = np.dtype(f"uint{width}")
        out["data"] = [float_decimal(v) for v in flat]
        out["bits"] = [f"0x{int(b):0{width // 4}x}" for b in flat.view(unsigned)]
    else:
        raise TypeError(f"cannot encode an array of dtype {a.dtype}")
    return out


def float_decimal(v):
    """The shortest decimal that reads back as the same value in v's own float format."""
    import numpy as np
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(str(v))  # numpy prints the shortest decimal that round-trips in v's format
