"""jax.ad_checkpoint: checkpoint (remat), checkpoint_name and the saving policies."""

from jax._src.api import checkpoint, remat  # noqa: F401
from jax._src.bridge import java, to_java, from_java, tree_function


def checkpoint_name(x, name):
    return from_java(java.Checkpoint.checkpointName(to_java(x), name))


def print_saved_residuals(f, *args, **kwargs):
    """One line per value reverse mode saves, e.g. `f32[3] output of sin` (without JAX's
    `from file:line` suffix: the Java core does not know Python source positions)."""
    fn = tree_function(lambda *a: f(*a, **kwargs))
    text = str(java.SavedResiduals.of(fn, *[to_java(a) for a in args])).rstrip('\n')
    if text:
        print(text)
