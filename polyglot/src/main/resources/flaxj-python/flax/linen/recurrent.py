"""Recurrent cells: LSTMCell, GRUCell, SimpleCell (Java layers)."""

import typing

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
from functools import partial  # noqa: F401,E402
import jax  # noqa: F401,E402
import jax.numpy as jnp  # noqa: F401,E402
from jax import random  # noqa: F401,E402

from jax import nn as _jnn

from flax.linen import initializers
from flax._java import FB, to_java, from_java
from flax.linen._layers import JavaLayer, java_activation, java_initializer
from flax.linen.module import Module, nowrap

_lecun = initializers.lecun_normal()
_orthogonal = initializers.orthogonal()
_zeros = initializers.zeros_init()


class RNNCellBase(JavaLayer):
  """Base of the recurrent cells: the Java peer named by `_JAVA_CELL`, the call,
  `initialize_carry` and `num_feature_axes`."""

  def _make_peer(self, type_name, name):
    return FB.cell(self._JAVA_CELL, type_name, name,
                   *_cell_fields(self, getattr(self, 'gate_fn', None)),
                   getattr(self, 'residual', False))

  @nowrap
  def __call__(self, carry, inputs):
    return self._call_java(carry, inputs)

  @property
  def num_feature_axes(self):
    return 1

  @nowrap
  def initialize_carry(self, rng, input_shape):
    return from_java(FB.initializeCarry(self._peer, to_java(rng), list(input_shape)))


def _cell_fields(cell, gate_fn):
  return (cell.features, java_activation(gate_fn, _jnn.sigmoid),
          java_activation(cell.activation_fn, _jnn.tanh),
          java_initializer(cell.kernel_init, _lecun),
          java_initializer(cell.recurrent_kernel_init, _orthogonal),
          java_initializer(cell.bias_init, _zeros),
          java_initializer(cell.carry_init, _zeros))


class _GatedCell(RNNCellBase):
  """The fields, in Flax's order, of the gated cells LSTMCell and GRUCell."""
  features: int
  gate_fn: typing.Any = _jnn.sigmoid
  activation_fn: typing.Any = _jnn.tanh
  kernel_init: typing.Any = _lecun
  recurrent_kernel_init: typing.Any = _orthogonal
  bias_init: typing.Any = _zeros
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  carry_init: typing.Any = _zeros


class LSTMCell(_GatedCell):
  """LSTM cell; carry `(c, h)`, returns `((c', h'), h')`."""
  _JAVA_CELL = 'LSTMCell'


class GRUCell(_GatedCell):
  """GRU cell; carry `h`, returns `(h', h')`."""
  _JAVA_CELL = 'GRUCell'


class SimpleCell(RNNCellBase):
  """Elman cell `h' = activation(W_i x + W_h h + b)`; returns `(h', h')`."""
  features: int
  activation_fn: typing.Any = _jnn.tanh
  kernel_init: typing.Any = _lecun
  recurrent_kernel_init: typing.Any = _orthogonal
  bias_init: typing.Any = _zeros
  dtype: typing.Any = None
  param_dtype: typing.Any = None
  carry_init: typing.Any = _zeros
  residual: bool = False

  _JAVA_CELL = 'SimpleCell'


class RNN(JavaLayer):
  """Runs a built-in recurrent cell over the time axis of its inputs (a Java nn.RNN)."""
  cell: typing.Any
  time_major: bool = False
  return_carry: bool = False
  reverse: bool = False
  keep_order: bool = False
  unroll: int = 1
  variable_axes: typing.Any = None
  variable_broadcast: typing.Any = 'params'
  variable_carry: typing.Any = False
  split_rngs: typing.Any = None

  def _make_peer(self, type_name, name):
    return FB.rnn(type_name, name, self.cell._peer, self.time_major, self.return_carry,
                  self.reverse, self.keep_order, self.unroll)

  @nowrap
  def __call__(self, inputs, *, initial_carry=None, init_key=None, seq_lengths=None,
               return_carry=None, time_major=None, reverse=None, keep_order=None):
    from flax import errors
    peer = self.__dict__.get('_peer')
    if peer is None or not FB.isBound(peer):
      raise errors.CallCompactUnboundModuleError()

    def pick(value, own):
      return own if value is None else bool(value)
    if init_key is not None and initial_carry is None:
      t = 0 if pick(time_major, self.time_major) else inputs.ndim - 2
      initial_carry = self.cell.initialize_carry(
          init_key, inputs.shape[:t] + inputs.shape[t + 1:])
    out = FB.rnnCall(peer, to_java(inputs), to_java(seq_lengths), to_java(initial_carry),
                     pick(time_major, self.time_major), pick(return_carry, self.return_carry),
                     pick(reverse, self.reverse), pick(keep_order, self.keep_order),
                     self.time_major, self.return_carry, self.reverse, self.keep_order,
                     self.unroll)
    return from_java(out)


def _concatenate(a, b):
  """Concatenates two arrays along the last dimension."""
  import jax.numpy as jnp
  return jnp.concatenate([a, b], axis=-1)


class Bidirectional(Module):
  """Runs `forward_rnn` forwards and `backward_rnn` backwards and merges their outputs."""
  forward_rnn: typing.Any
  backward_rnn: typing.Any
  merge_fn: typing.Any = _concatenate
  time_major: bool = False
  return_carry: bool = False

  def __call__(self, inputs, *, initial_carry=None, init_key=None, seq_lengths=None,
               return_carry=None, time_major=None, reverse=None, keep_order=None):
    import jax
    if time_major is None:
      time_major = self.time_major
    if return_carry is None:
      return_carry = self.return_carry
    if init_key is not None:
      key_forward, key_backward = jax.random.split(init_key)
    else:
      key_forward = key_backward = None
    if initial_carry is not None:
      carry_forward, carry_backward = initial_carry
    else:
      carry_forward = carry_backward = None
    carry_forward, outputs_forward = self.forward_rnn(
        inputs, initial_carry=carry_forward, init_key=key_forward, seq_lengths=seq_lengths,
        return_carry=True, time_major=time_major, reverse=False)
    carry_backward, outputs_backward = self.backward_rnn(
        inputs, initial_carry=carry_backward, init_key=key_backward, seq_lengths=seq_lengths,
        return_carry=True, time_major=time_major, reverse=True, keep_order=True)
    carry = (carry_forward, carry_backward)
    outputs = jax.tree_util.tree_map(self.merge_fn, outputs_forward, outputs_backward)
    return (carry, outputs) if return_carry else outputs
