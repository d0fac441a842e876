"""Sequential (a Java layer)."""

import typing

from flax._java import FB
from flax.linen._layers import JavaLayer, java_function
from flax.linen.module import Module, nowrap


class Sequential(JavaLayer):
  """Applies `layers` in order; a tuple output is spread over the next layer's arguments."""
  layers: typing.Sequence[typing.Any]

  def _make_peer(self, type_name, name):
    peers = [layer._peer if isinstance(layer, Module) else java_function(layer)
             for layer in self.layers]
    return FB.sequential(type_name, name, peers)

  @nowrap
  def __call__(self, *args):
    if not self.layers:
      raise ValueError(f'Empty Sequential module {self.name}.')
    return self._call_java(*args)
