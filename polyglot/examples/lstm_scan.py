"""The LSTM of Flax's `nn.scan` documentation, run by `./flaxj run polyglot/examples/lstm_scan.py`.

A Flax LSTMCell is scanned over the time axis (axis 1) of a (batch, time, features) input with
the parameters broadcast over the time steps, so one set of cell parameters serves every step.
Prints the parameter tree's shapes and the output's shape.
"""

import jax
import jax.numpy as jnp
import flax.linen as nn


class LSTM(nn.Module):
  features: int

  @nn.compact
  def __call__(self, x):
    ScanLSTM = nn.scan(
        nn.LSTMCell, variable_broadcast='params',
        split_rngs={'params': False}, in_axes=1, out_axes=1)
    lstm = ScanLSTM(self.features)
    input_shape = x[:, 0].shape
    carry = lstm.initialize_carry(jax.random.key(0), input_shape)
    carry, x = lstm(carry, x)
    return x


def main():
  x = jnp.ones((4, 12, 7))
  model = LSTM(features=32)
  y, variables = model.init_with_output(jax.random.key(0), x)
  print('parameter shapes:')
  for path, leaf in jax.tree_util.tree_flatten_with_path(variables)[0]:
    print('  ' + '/'.join(k.key for k in path), leaf.shape)
  print('output shape:', y.shape)


if __name__ == '__main__':
  main()
