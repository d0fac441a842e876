"""jax.nn.initializers over dev.flaxj.nn.Initializers: each returns `init(key, shape, dtype)`."""

from jax._src.array import Array
from jax._src.bridge import java
from jax._src import dtypes

_I = java.Initializers


class Initializer:
    """A Java initialiser as a Python callable `init(key, shape, dtype=float32)`."""
    __slots__ = ('_java', '__name__')

    def __init__(self, java_init, name):
        self._java = java_init
        self.__name__ = name

    def __call__(self, key, shape, dtype=None):
        shape = [shape] if isinstance(shape, int) else [int(d) for d in shape]
        return Array(java.PyBridge.initialize(self._java, key._value, shape,
                                              dtypes.dtype(dtype or 'float32').java()))

    def __repr__(self):
        return '<function %s.<locals>.init>' % self.__name__


def _plain(name, java_name):
    def factory(*args, **kwargs):
        return Initializer(getattr(_I, java_name)(*args), name)
    factory.__name__ = name
    return factory


def zeros(key, shape, dtype=None):
    return Initializer(_I.zeros(), 'zeros')(key, shape, dtype)


def ones(key, shape, dtype=None):
    return Initializer(_I.ones(), 'ones')(key, shape, dtype)


def constant(value, dtype=None):
    return Initializer(_I.constant(float(value)), 'constant')


def uniform(scale=1e-2, dtype=None):
    return Initializer(_I.uniform(float(scale)), 'uniform')


def normal(stddev=1e-2, dtype=None):
    return Initializer(_I.normal(float(stddev)), 'normal')


def truncated_normal(stddev=1e-2, dtype=None, lower=-2.0, upper=2.0):
    return Initializer(_I.truncatedNormal(float(stddev), float(lower), float(upper)),
                       'truncated_normal')


def variance_scaling(scale, mode, distribution, in_axis=-2, out_axis=-1, batch_axis=(),
                     dtype=None):
    if in_axis != -2 or out_axis != -1 or batch_axis != ():
        raise NotImplementedError('flaxj: variance_scaling with custom axes')
    return Initializer(_I.varianceScaling(float(scale), mode, distribution), 'variance_scaling')


glorot_uniform = xavier_uniform = _plain('glorot_uniform', 'glorotUniform')
glorot_normal = xavier_normal = _plain('glorot_normal', 'glorotNormal')
lecun_uniform = _plain('lecun_uniform', 'lecunUniform')
lecun_normal = _plain('lecun_normal', 'lecunNormal')
he_uniform = kaiming_uniform = _plain('he_uniform', 'heUniform')
he_normal = kaiming_normal = _plain('he_normal', 'heNormal')


def orthogonal(scale=1.0, column_axis=-1, dtype=None):
    return Initializer(_I.orthogonal(float(scale), int(column_axis)), 'orthogonal')
