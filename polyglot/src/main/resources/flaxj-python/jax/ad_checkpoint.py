"""jax.ad_checkpoint: checkpoint (remat), checkpoint_name and the saving policies."""

import inspect
import sys

from jax._src.api import checkpoint, remat  # noqa: F401
from jax._src.bridge import java, to_java, from_java, tree_function
from jax._src.tree_util import tree_flatten_with_path, keystr

_LIBRARY = 'flaxj-python/'


def checkpoint_name(x, name):
    return from_java(java.Checkpoint.checkpointName(to_java(x), name))


def print_saved_residuals(f, *args, **kwargs):
    """One line per value reverse mode saves, as JAX prints them: `f32[3] output of sin from
    file.py:4:11 (f)`, `f32[3] from the argument x`."""
    fn = tree_function(lambda *a: f(*a, **kwargs))
    caller = sys._getframe(0).f_code
    residuals = java.PyBridge.savedResiduals(fn, _arg_names(f, args), lambda: _call_site(caller),
                                             *[to_java(a) for a in args])
    text = str(residuals).rstrip('\n')
    if text:
        print(text)


def _arg_names(f, args):
    """The name of each array leaf of `args` as JAX shows it: the parameter, then its key path."""
    try:
        params = [p for p in inspect.signature(f).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        params = []
    names = []
    for i, arg in enumerate(args):
        base = params[i].name if i < len(params) else 'args[%d]' % i
        leaves, _ = tree_flatten_with_path(arg)
        names.extend(base + keystr(path) for path, _ in leaves)
    return names


def _call_site(stop):
    """`file:line:column (function)` of the innermost frame of user code below the frame running
    `stop`, or '' if there is none (JAX's source position of an equation)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code is not stop:
        code = frame.f_code
        if not code.co_filename.startswith(_LIBRARY):
            line, column = frame.f_lineno, 0
            if frame.f_lasti >= 0:
                positions = list(code.co_positions())
                if frame.f_lasti // 2 < len(positions):
                    start_line, _, start_column, _ = positions[frame.f_lasti // 2]
                    line = start_line if start_line is not None else line
                    column = start_column if start_column is not None else 0
            return '%s:%d:%d (%s)' % (code.co_filename, line, column, code.co_name)
        frame = frame.f_back
    return ''
