"""flax on flaxj: flax.linen, flax.core and flax.errors over the Java core."""

__version__ = '0.12.8'

from flax import errors  # noqa: E402
from flax import core  # noqa: E402
from flax import linen  # noqa: E402
