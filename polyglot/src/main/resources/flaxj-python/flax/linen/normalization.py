"""LayerNorm (a Java layer)."""

import typing

from flax.linen import initializers
from flax.linen._layers import JavaLayer, java_initializer
from flax._java import FB
from flax.linen.module import nowrap

_zeros = initializers.zeros_init()
_ones = initializers.ones_init()


def _axes(x):
  return list(x) if isinstance(x, (tuple, list)) else [x]


class LayerNorm(JavaLayer):
  """Layer normalisation over `reduction_axes`, scaled and shifted over `feature_axes`."""
  epsilon: float = 1e-6
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  use_bias: bool = True
  use_scale: bool = True
  bias_init: typing.Any = _zeros
  scale_init: typing.Any = _ones
  reduction_axes: typing.Any = -1
  feature_axes: typing.Any = -1
  axis_name: typing.Any = None
  axis_index_groups: typing.Any = None
  use_fast_variance: bool = True
  force_float32_reductions: bool = True

  def _make_peer(self, type_name, name):
    return FB.layerNorm(type_name, name, float(self.epsilon), self.use_bias, self.use_scale,
                        java_initializer(self.bias_init, _zeros),
                        java_initializer(self.scale_init, _ones),
                        _axes(self.reduction_axes), _axes(self.feature_axes))

  @nowrap
  def __call__(self, x, *, mask=None):
    return self._call_java(x)
