"""Linear layers: Dense, DenseGeneral, Embed (Java layers)."""

import typing

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
import jax  # noqa: F401,E402
import jax.numpy as jnp  # noqa: F401,E402
from jax import lax  # noqa: F401,E402

from flax.linen import initializers
from flax.linen._layers import JavaLayer, java_initializer
from flax._java import FB
from flax.linen.module import nowrap

default_kernel_init = initializers.lecun_normal()
_default_bias_init = initializers.zeros_init()


def _default_embed_init(key, shape, dtype=None):
  """variance_scaling(1.0, 'fan_in', 'normal', out_axis=0): computed by the Java Embed."""
  raise NotImplementedError('flaxj: the default Embed initializer runs in Java only')


try:
  default_embed_init = initializers.variance_scaling(1.0, 'fan_in', 'normal', out_axis=0)
except NotImplementedError:
  default_embed_init = _default_embed_init


class Dense(JavaLayer):
  """A linear transformation over the last axis: `inputs @ kernel + bias`."""
  features: int
  use_bias: bool = True
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  precision: typing.Any = None
  kernel_init: typing.Any = default_kernel_init
  bias_init: typing.Any = _default_bias_init
  dot_general: typing.Any = None
  dot_general_cls: typing.Any = None
  promote_dtype: typing.Any = None

  def _make_peer(self, type_name, name):
    return FB.dense(type_name, name, self.features, self.use_bias,
                    java_initializer(self.kernel_init, default_kernel_init),
                    java_initializer(self.bias_init, _default_bias_init))

  @nowrap
  def __call__(self, inputs):
    return self._call_java(inputs)


def _tuple(x):
  return tuple(x) if isinstance(x, (tuple, list)) else (x,)


class DenseGeneral(JavaLayer):
  """A linear transformation over several axes."""
  features: typing.Any
  axis: typing.Any = -1
  batch_dims: typing.Any = ()
  use_bias: bool = True
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  kernel_init: typing.Any = default_kernel_init
  bias_init: typing.Any = _default_bias_init
  precision: typing.Any = None
  dot_general: typing.Any = None
  dot_general_cls: typing.Any = None
  promote_dtype: typing.Any = None

  def _make_peer(self, type_name, name):
    return FB.denseGeneral(type_name, name, list(_tuple(self.features)), list(_tuple(self.axis)),
                           list(_tuple(self.batch_dims)), self.use_bias,
                           java_initializer(self.kernel_init, default_kernel_init),
                           java_initializer(self.bias_init, _default_bias_init))

  @nowrap
  def __call__(self, inputs):
    return self._call_java(inputs)


class Embed(JavaLayer):
  """An embedding lookup table of shape (num_embeddings, features)."""
  num_embeddings: int
  features: int
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  embedding_init: typing.Any = default_embed_init

  def _make_peer(self, type_name, name):
    return FB.embed(type_name, name, self.num_embeddings, self.features,
                    java_initializer(self.embedding_init, default_embed_init))

  @nowrap
  def __call__(self, inputs):
    return self._call_java(inputs)
