"""jax.random over dev.flaxj.random.Random (threefry2x32, bit for bit as JAX)."""

from jax._src import dtypes
from jax._src.array import Array, _operand
from jax._src.bridge import java

_R = java.Random
_J = java.Jnp


def _v(key):
    if not isinstance(key, Array):
        raise TypeError('unexpected PRNG key type %s' % type(key))
    return key._value


def _shape(shape):
    if shape is None:
        return []
    if isinstance(shape, int):
        return [shape]
    return [int(d) for d in shape]


def _dt(dtype, default='float32'):
    return dtypes.dtype(dtype or default).java()


def key(seed, *, impl=None):
    return Array(_R.key(int(seed)))


def PRNGKey(seed, *, impl=None):
    return Array(_R.prngKey(int(seed)))


def key_data(keys):
    return Array(_R.keyData(_v(keys)))


def wrap_key_data(key_data, *, impl=None):
    return Array(_R.wrapKeyData(_v(key_data)))


def clone(key):
    return Array(_R.clone(_v(key)))


def split(key, num=2):
    if isinstance(num, int):
        return Array(_R.split(_v(key), num))
    return Array(_R.split(_v(key), _shape(num)))


def fold_in(key, data):
    if isinstance(data, int):
        return Array(_R.foldIn(_v(key), data))
    return Array(_R.foldIn(_v(key), _v(data)))


def bits(key, shape=(), dtype=None):
    return Array(_R.bits(_v(key), _shape(shape)))


def uniform(key, shape=(), dtype=None, minval=0.0, maxval=1.0):
    if isinstance(minval, (int, float)) and isinstance(maxval, (int, float)):
        return Array(_R.uniform(_v(key), _shape(shape), _dt(dtype), float(minval), float(maxval)))
    return Array(_R.uniform(_v(key), _shape(shape), _dt(dtype), _J.asarray(_operand(minval)),
                            _J.asarray(_operand(maxval))))


def normal(key, shape=(), dtype=None):
    return Array(_R.normal(_v(key), _shape(shape), _dt(dtype)))


def truncated_normal(key, lower, upper, shape=None, dtype=None):
    if shape is None:
        shape = _broadcast_shape(lower, upper)
    if isinstance(lower, (int, float)) and isinstance(upper, (int, float)):
        return Array(_R.truncatedNormal(_v(key), float(lower), float(upper), _shape(shape),
                                        _dt(dtype)))
    return Array(_R.truncatedNormal(_v(key), _J.asarray(_operand(lower)),
                                    _J.asarray(_operand(upper)), _shape(shape), _dt(dtype)))


def _broadcast_shape(*xs):
    from jax._src import numpy_api
    z = 0
    for x in xs:
        z = numpy_api.asarray(x) * 0 + z
    return numpy_api.asarray(z).shape


def bernoulli(key, p=0.5, shape=None):
    if isinstance(p, (int, float)):
        return Array(_R.bernoulli(_v(key), float(p), _shape(shape)))
    if shape is None:
        shape = p.shape
    return Array(_R.bernoulli(_v(key), _J.asarray(_operand(p)), _shape(shape)))


def randint(key, shape, minval, maxval, dtype='int32'):
    if isinstance(minval, int) and isinstance(maxval, int):
        return Array(_R.randint(_v(key), _shape(shape), minval, maxval, _dt(dtype, 'int32')))
    return Array(_R.randint(_v(key), _shape(shape), _J.asarray(_operand(minval)),
                            _J.asarray(_operand(maxval)), _dt(dtype, 'int32')))


def permutation(key, x, axis=0, independent=False):
    if isinstance(x, int):
        return Array(_R.permutation(_v(key), x))
    return Array(_R.permutation(_v(key), _J.asarray(_operand(x)), int(axis), bool(independent)))


def categorical(key, logits, axis=-1, shape=None):
    logits = _J.asarray(_operand(logits))
    if shape is None:
        return Array(_R.categorical(_v(key), logits, int(axis), None))
    return Array(_R.categorical(_v(key), logits, int(axis), _shape(shape)))


def gumbel(key, shape=(), dtype=None):
    return Array(_R.gumbel(_v(key), _shape(shape), _dt(dtype)))


def choice(key, a, shape=(), replace=True, p=None, axis=0):
    pv = None if p is None else _J.asarray(_operand(p))
    if isinstance(a, int):
        return Array(_R.choice(_v(key), a, _shape(shape), bool(replace), pv))
    return Array(_R.choice(_v(key), _J.asarray(_operand(a)), _shape(shape), bool(replace), pv,
                           int(axis)))


def orthogonal(key, n, shape=(), dtype=None, m=None):
    return Array(_R.orthogonal(_v(key), int(n), _shape(shape), _dt(dtype),
                               int(n if m is None else m)))
