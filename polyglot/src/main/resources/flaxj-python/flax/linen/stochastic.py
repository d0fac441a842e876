"""Dropout (a Java layer)."""

import typing

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
import jax.numpy as jnp  # noqa: F401,E402
from jax import lax, random  # noqa: F401,E402

from flax._java import FB
from flax.linen._layers import JavaLayer
from flax.linen.module import nowrap


class Dropout(JavaLayer):
  """Zeroes inputs with probability `rate` (drawing from the `rng_collection` stream) and
  scales the rest by 1 / (1 - rate)."""
  rate: float
  broadcast_dims: typing.Any = ()
  deterministic: typing.Any = None
  rng_collection: str = 'dropout'

  def _make_peer(self, type_name, name):
    return FB.dropout(type_name, name, float(self.rate), self.deterministic,
                      list(self.broadcast_dims), self.rng_collection)

  @nowrap
  def __call__(self, inputs, deterministic=None, rng=None):
    if deterministic is None:
      return self._call_java(inputs)
    return self._call_java(inputs, bool(deterministic))
