"""JAX transformations on flaxj: `./flaxj run polyglot/examples/jax_transforms.py`.

A tiny linear regression: parameters from jax.random, a loss written with jax.numpy, its
gradient with jax.grad, a jitted update step and a vmapped per-example prediction.
"""

import jax
import jax.numpy as jnp


def predict(params, x):
  return x @ params['w'] + params['b']


def loss(params, x, y):
  return jnp.mean((predict(params, x) - y) ** 2)


@jax.jit
def step(params, x, y):
  grads = jax.grad(loss)(params, x, y)
  return jax.tree_util.tree_map(lambda p, g: p - 0.1 * g, params, grads)


def main():
  kw, kx = jax.random.split(jax.random.key(0))
  params = {'w': jax.random.normal(kw, (3,)), 'b': jnp.zeros(())}
  x = jax.random.normal(kx, (8, 3))
  y = x @ jnp.array([1.0, -2.0, 0.5]) + 0.25
  print('initial loss', loss(params, x, y))
  for _ in range(50):
    params = step(params, x, y)
  print('final loss  ', loss(params, x, y))
  print('w', params['w'], 'b', params['b'])
  print('per-example predictions', jax.vmap(predict, in_axes=(None, 0))(params, x).shape)


if __name__ == '__main__':
  main()
