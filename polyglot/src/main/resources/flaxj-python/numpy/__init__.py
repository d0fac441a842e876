"""A stand-in for numpy on flaxj, which has no numpy: only `numpy.testing` (the assertions that
Flax's examples use, over jax arrays and Python numbers). Any other attribute is an
AttributeError saying so."""

from numpy import testing  # noqa: F401


def __getattr__(name):
    raise AttributeError("module 'numpy' has no attribute %r (flaxj provides only numpy.testing;"
                         " use jax.numpy)" % (name,))
