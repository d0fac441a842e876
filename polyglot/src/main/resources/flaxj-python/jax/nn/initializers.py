"""jax.nn.initializers over dev.flaxj.nn.Initializers: each factory returns `init(key, shape,
dtype)`, a Python callable over a Java initialiser (which flax may hand to Java, see
`Initializer`)."""

import numbers

from jax._src.array import Array
from jax._src.bridge import java
from jax._src import dtypes

_I = java.Initializers


class Initializer:
    """A Java initialiser as a Python callable `init(key, shape, dtype=<the factory's dtype>)`.
    `_java` (what flax hands to Java, which calls it with float32 unless told otherwise) is set
    only when the factory's dtype is float32; otherwise flax calls the Python callable."""
    __slots__ = ('_init', '_java', '_dtype', '_factory', '__name__')

    def __init__(self, java_init, factory, dtype=None):
        self._init = java_init
        self._dtype = dtypes.dtype(dtype if dtype is not None else 'float32')
        if self._dtype == 'float32':
            self._java = java_init
        self._factory = factory
        self.__name__ = 'init'

    def __call__(self, key, shape, dtype=None):
        dtype = self._dtype if dtype is None else dtypes.dtype(dtype)
        return Array(java.PyBridge.initialize(self._init, key._value, _shape(shape), dtype.java()))

    def __repr__(self):
        return '<function %s.<locals>.init at 0x%x>' % (self._factory, id(self))


def _shape(shape):
    if isinstance(shape, numbers.Integral):
        return [int(shape)]
    return [int(d) for d in shape]


def _axes(axis):
    if isinstance(axis, (tuple, list)):
        return [int(a) for a in axis]
    return [int(axis)]


def zeros(key, shape, dtype=None):
    return Initializer(_I.zeros(), 'zeros')(key, shape, dtype)


def ones(key, shape, dtype=None):
    return Initializer(_I.ones(), 'ones')(key, shape, dtype)


# Flax hands these two to Java directly, like the factories' results.
zeros._java = _I.zeros()
ones._java = _I.ones()


def constant(value, dtype=None):
    if isinstance(value, numbers.Real):
        return Initializer(_I.constant(float(value)), 'constant', dtype)

    def init(key, shape, dtype=dtype):
        import jax.numpy as jnp
        return jnp.full(tuple(_shape(shape)), value, dtype=dtype or 'float32')
    return init


def uniform(scale=1e-2, dtype=None):
    return Initializer(_I.uniform(float(scale)), 'uniform', dtype)


def normal(stddev=1e-2, dtype=None):
    return Initializer(_I.normal(float(stddev)), 'normal', dtype)


def truncated_normal(stddev=1e-2, dtype=None, lower=-2.0, upper=2.0):
    return Initializer(_I.truncatedNormal(float(stddev), float(lower), float(upper)),
                       'truncated_normal', dtype)


def variance_scaling(scale, mode, distribution, in_axis=-2, out_axis=-1, batch_axis=(),
                     dtype=None):
    problem = _invalid_choice(mode, distribution)
    if problem is not None:
        def init(key, shape, dtype=dtype):
            raise ValueError(problem)  # JAX checks mode and distribution when called
        return init
    return Initializer(_I.varianceScaling(float(scale), str(mode), str(distribution),
                                          _axes(in_axis), _axes(out_axis), _axes(batch_axis)),
                       'variance_scaling', dtype)


def _invalid_choice(mode, distribution):
    """JAX's message for an unknown variance_scaling mode or distribution, or None."""
    if mode not in ('fan_in', 'fan_out', 'fan_avg', 'fan_geo_avg'):
        return 'invalid mode for variance scaling initializer: %s' % (mode,)
    if distribution not in ('truncated_normal', 'normal', 'uniform'):
        return 'invalid distribution for variance scaling initializer: %s' % (distribution,)
    return None


def _scaling(scale, mode, distribution):
    def factory(in_axis=-2, out_axis=-1, batch_axis=(), dtype=None):
        return variance_scaling(scale, mode, distribution, in_axis, out_axis, batch_axis, dtype)
    return factory


glorot_uniform = xavier_uniform = _scaling(1.0, 'fan_avg', 'uniform')
glorot_normal = xavier_normal = _scaling(1.0, 'fan_avg', 'truncated_normal')
lecun_uniform = _scaling(1.0, 'fan_in', 'uniform')
lecun_normal = _scaling(1.0, 'fan_in', 'truncated_normal')
he_uniform = kaiming_uniform = _scaling(2.0, 'fan_in', 'uniform')
he_normal = kaiming_normal = _scaling(2.0, 'fan_in', 'truncated_normal')
for _name in ('glorot_uniform', 'glorot_normal', 'lecun_uniform', 'lecun_normal', 'he_uniform',
              'he_normal'):
    globals()[_name].__name__ = _name


def orthogonal(scale=1.0, column_axis=-1, dtype=None):
    return Initializer(_I.orthogonal(float(scale), int(column_axis)), 'orthogonal', dtype)
