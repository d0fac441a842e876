"""jax.nn: activations over dev.flaxj.nn.Activations."""

from jax._src.array import Array, _operand
from jax._src.bridge import java
from jax._src import dtypes
from jax.nn import initializers  # noqa: F401

_A = java.Activations
_J = java.Jnp


def _v(x):
    return _J.asarray(_operand(x))


def _unary(name):
    fn = getattr(_A, name)

    def f(x):
        return Array(fn(_v(x)))
    f.__name__ = name
    return f


relu = _unary('relu')
relu6 = _unary('relu6')
sigmoid = _unary('sigmoid')
softplus = _unary('softplus')
log_sigmoid = _unary('logSigmoid')
silu = swish = _unary('silu')
soft_sign = _unary('softSign')
tanh = _unary('tanh')
hard_tanh = _unary('hardTanh')
selu = _unary('selu')


def elu(x, alpha=1.0):
    return Array(_A.elu(_v(x), float(alpha)))


def celu(x, alpha=1.0):
    return Array(_A.celu(_v(x), float(alpha)))


def leaky_relu(x, negative_slope=0.01):
    return Array(_A.leakyRelu(_v(x), float(negative_slope)))


def gelu(x, approximate=True):
    return Array(_A.gelu(_v(x), bool(approximate)))


def _axes(axis):
    return [axis] if isinstance(axis, int) else [int(a) for a in axis]


def softmax(x, axis=-1, where=None):
    return Array(_A.softmax(_v(x), _axes(axis)))


def log_softmax(x, axis=-1, where=None):
    return Array(_A.logSoftmax(_v(x), _axes(axis)))


def logsumexp(a, axis=None, keepdims=False):
    v = _v(a)
    if axis is None:
        if not keepdims:
            return Array(_A.logsumexp(v))
        axis = list(range(Array(v).ndim))
    return Array(_A.logsumexp(v, _axes(axis), bool(keepdims)))


def one_hot(x, num_classes, *, dtype=None, axis=-1):
    return Array(_A.oneHot(_v(x), int(num_classes), dtypes.dtype(dtype or 'float32').java(),
                           int(axis)))


def standardize(x, axis=-1, mean=None, variance=None, epsilon=1e-5, where=None):
    return Array(_A.standardize(_v(x), _axes(axis), float(epsilon)))
