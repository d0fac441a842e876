"""flax.core.nn: functional layers of a Scope (dense), the linen activations and initializers."""

import jax
import jax.numpy as jnp

from flax.linen import initializers
from flax.linen.activation import *  # noqa: F401,F403

default_kernel_init = initializers.lecun_normal()


def dense(scope, inputs, features, bias=True, dtype=jnp.float32, precision=None,
          kernel_init=default_kernel_init, bias_init=initializers.zeros_init()):
  """A linear transformation over the last axis of `inputs` (params `kernel`, `bias`)."""
  inputs = jnp.asarray(inputs, dtype)
  kernel = jnp.asarray(scope.param('kernel', kernel_init, (inputs.shape[-1], features)), dtype)
  y = jax.lax.dot_general(inputs, kernel, (((inputs.ndim - 1,), (0,)), ((), ())),
                          precision=precision)
  if bias:
    b = jnp.asarray(scope.param('bias', bias_init, (features,)), dtype)
    y = y + jnp.reshape(b, (1,) * (y.ndim - 1) + (-1,))
  return y
