"""flax.linen.initializers: jax.nn.initializers plus Flax's zeros_init/ones_init."""

from jax.nn.initializers import *  # noqa: F401,F403
from jax.nn import initializers as _jinit


def zeros_init():
  """An initializer returning zeros (the key is ignored)."""
  return _jinit.zeros


def ones_init():
  """An initializer returning ones (the key is ignored)."""
  return _jinit.ones


zeros = _jinit.zeros
ones = _jinit.ones
