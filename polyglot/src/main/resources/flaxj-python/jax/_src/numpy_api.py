"""`jax.numpy` over dev.flaxj.numpy.Jnp."""

import builtins

from jax._src import bridge
from jax._src import dtypes
from jax._src.array import Array, _operand, _axes, _compared
from jax._src.bridge import java

_J = java.Jnp
_L = java.Lax
_P = java.PyArrays


def _w(v):
    return Array(v)


def _dt(dtype):
    return None if dtype is None else dtypes.dtype(dtype).java()


def _shape(shape):
    if isinstance(shape, int):
        return [shape]
    return [int(d) for d in shape]


def _flatten_nested(obj):
    """(flat elements, shape, kind) of a nested list/tuple of scalars and arrays."""
    if isinstance(obj, Array):
        return None
    if isinstance(obj, (list, tuple)):
        if len(obj) == 0:
            return [], [0], 'float32'
        parts = [_flatten_nested(o) for o in obj]
        if builtins.any(p is None for p in parts):
            return None
        shape = parts[0][1]
        if builtins.any(p[1] != shape for p in parts):
            raise ValueError('setting an array element with a sequence. The requested array has '
                             'an inhomogeneous shape')
        flat = [x for p in parts for x in p[0]]
        kinds = {p[2] for p in parts}
        kind = 'float32' if 'float32' in kinds else ('int32' if 'int32' in kinds else 'bool')
        return flat, [len(obj)] + shape, kind
    if isinstance(obj, bool):
        return [obj], [], 'bool'
    if isinstance(obj, int):
        return [obj], [], 'int32'
    if isinstance(obj, float):
        return [obj], [], 'float32'
    raise TypeError('Value %r with type %s is not a valid JAX type' % (obj, type(obj)))


def array(obj, dtype=None, copy=True, ndmin=0):
    if isinstance(obj, (list, tuple)):
        nested = _flatten_nested(obj)
        if nested is None:
            out = stack([asarray(o) for o in obj])
        else:
            flat, shape, kind = nested
            out = _w(_P.fromFlat(kind, shape, *flat))
    elif isinstance(obj, Array):
        out = obj
        if dtype is None and obj.weak_type:
            out = _w(_J.array(obj._value, obj.dtype.java()))
    elif isinstance(obj, bool):
        out = _w(_P.fromFlat('bool', [], obj))
    elif isinstance(obj, int):
        out = _w(_P.weakInt(obj))
    elif isinstance(obj, float):
        out = _w(_P.weakFloat(obj))
    else:
        out = _w(_J.asarray(_operand(obj)))
    if dtype is not None:
        out = astype(out, dtype)
    while out.ndim < ndmin:
        out = expand_dims(out, 0)
    return out


def asarray(a, dtype=None, copy=None):
    if isinstance(a, Array) and dtype is None:
        return a
    return array(a, dtype=dtype)


def astype(x, dtype, copy=False):
    return _w(_J.astype(_operand(x), _dt(dtype)))


def zeros(shape, dtype=None):
    return _w(_J.zeros(_shape(shape), _dt(dtype or 'float32')))


def ones(shape, dtype=None):
    return _w(_J.ones(_shape(shape), _dt(dtype or 'float32')))


def full(shape, fill_value, dtype=None):
    if dtype is None:
        return _w(_J.full(_shape(shape), _operand(fill_value)))
    return _w(_J.full(_shape(shape), _operand(fill_value), _dt(dtype)))


def empty(shape, dtype=None):
    return zeros(shape, dtype)


def zeros_like(a, dtype=None, shape=None):
    if shape is not None:
        return zeros(shape, dtype or asarray(a).dtype)
    a = _operand(a)
    return _w(_J.zerosLike(a) if dtype is None else _J.zerosLike(a, _dt(dtype)))


def ones_like(a, dtype=None, shape=None):
    if shape is not None:
        return ones(shape, dtype or asarray(a).dtype)
    a = _operand(a)
    return _w(_J.onesLike(a) if dtype is None else _J.onesLike(a, _dt(dtype)))


def full_like(a, fill_value, dtype=None, shape=None):
    a = _operand(a)
    f = _operand(fill_value)
    return _w(_J.fullLike(a, f) if dtype is None else _J.fullLike(a, f, _dt(dtype)))


def arange(start, stop=None, step=None, dtype=None):
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    vals = (start, stop, step)
    if builtins.all(isinstance(v, int) for v in vals):
        out = _w(_J.arange(int(start), int(stop), int(step)))
    else:
        out = _w(_P.arangeFloat(float(start), float(stop), float(step)))
    return out if dtype is None else astype(out, dtype)


def linspace(start, stop, num=50, endpoint=True, dtype=None):
    out = _w(_J.linspace(float(start), float(stop), int(num), bool(endpoint)))
    return out if dtype is None else astype(out, dtype)


def eye(N, M=None, k=0, dtype=None):
    return _w(_J.eye(int(N), int(N if M is None else M), int(k), _dt(dtype or 'float32')))


def identity(n, dtype=None):
    return eye(n, dtype=dtype)


def _binary(java_name):
    fn = getattr(_J, java_name)

    def f(x, y):
        return _w(fn(_operand(x), _operand(y)))
    f.__name__ = java_name
    return f


def _comparison(java_name):
    fn = getattr(_J, java_name)

    def f(x, y):
        return _compared(java_name, fn, _operand(x), _operand(y))
    f.__name__ = java_name
    return f


def _unary(java_name):
    fn = getattr(_J, java_name)

    def f(x):
        return _w(fn(_operand(x)))
    f.__name__ = java_name
    return f


add = _binary('add')
subtract = _binary('subtract')
multiply = _binary('multiply')
divide = true_divide = _binary('trueDivide')
floor_divide = _binary('floorDivide')
remainder = mod = _binary('remainder')
power = pow = _binary('power')
maximum = _binary('maximum')
minimum = _binary('minimum')
equal = _comparison('equal')
not_equal = _comparison('notEqual')
less = _comparison('less')
less_equal = _comparison('lessEqual')
greater = _comparison('greater')
greater_equal = _comparison('greaterEqual')
logical_and = _binary('logicalAnd')
logical_or = _binary('logicalOr')
logical_xor = _binary('logicalXor')
matmul = _binary('matmul')
dot = _binary('dot')
negative = _unary('negative')
abs = absolute = _unary('abs')
sign = _unary('sign')
square = _unary('square')
reciprocal = _unary('reciprocal')
exp = _unary('exp')
log = _unary('log')
log1p = _unary('log1p')
expm1 = _unary('expm1')
tanh = _unary('tanh')
sqrt = _unary('sqrt')
sin = _unary('sin')
cos = _unary('cos')
floor = _unary('floor')
ceil = _unary('ceil')
logical_not = _unary('logicalNot')


def positive(x):
    return asarray(x)


def round(x, decimals=0):
    if decimals:
        f = 10.0 ** decimals
        return _w(_J.round(_operand(asarray(x) * f))) / f
    return _w(_J.round(_operand(x)))


around = round


def rsqrt(x):
    return _w(_L.rsqrt(_operand(asarray(x))))


def where(condition, x=None, y=None, /, *, size=None, fill_value=None):
    if x is None and y is None:
        return nonzero(condition, size=size, fill_value=fill_value)
    if x is None or y is None:
        raise ValueError('Either both or neither of the x and y arguments should be provided to '
                         'jax.numpy.where, got %s and %s.' % (x, y))
    return _w(_J.where(_operand(condition), _operand(x), _operand(y)))


def clip(x, min=None, max=None, a_min=None, a_max=None):
    lo = min if min is not None else a_min
    hi = max if max is not None else a_max
    out = asarray(x)
    if lo is not None:
        out = maximum(out, lo)
    if hi is not None:
        out = minimum(out, hi)
    return out


def _bitwise(name):
    def f(x, y):
        a, b = _J.asarray(_operand(x)), _J.asarray(_operand(y))
        return _w(getattr(_L, name)(*_promote_pair(a, b)))
    f.__name__ = 'bitwise_' + name
    return f


def _promote_pair(a, b):
    z = _J.add(_J.multiply(a, 0), _J.multiply(b, 0))
    dt = _P.dtype(z)
    if dt == 'bool':
        return _J.logicalOr(a, False), _J.logicalOr(b, False)
    return _J.astype(a, _P.dtypeNamed(dt)), _J.astype(b, _P.dtypeNamed(dt))


bitwise_and = _bitwise('and')
bitwise_or = _bitwise('or')
bitwise_xor = _bitwise('xor')


def invert(x):
    return _w(getattr(_L, 'not')(_J.asarray(_operand(x))))


bitwise_not = invert


def left_shift(x, y):
    a, b = _promote_pair(_J.asarray(_operand(x)), _J.asarray(_operand(y)))
    return _w(_L.shiftLeft(a, b))


def right_shift(x, y):
    a, b = _promote_pair(_J.asarray(_operand(x)), _J.asarray(_operand(y)))
    return _w(_L.shiftRightArithmetic(a, b))


def _reduction(java_name):
    fn = getattr(_J, java_name)

    def f(a, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        v = _J.asarray(_operand(a))
        if dtype is not None:
            v = _J.astype(v, _dt(dtype))
        axes = _axes(axis)
        if axes is None:
            if keepdims:
                axes = list(range(len(_P.shape(v))))
            else:
                return _w(fn(v))
        return _w(fn(v, axes, bool(keepdims)))
    f.__name__ = java_name
    return f


sum = _reduction('sum')
prod = _reduction('prod')
max = amax = _reduction('max')
min = amin = _reduction('min')
all = _reduction('all')
any = _reduction('any')
mean = _reduction('mean')


def var(a, axis=None, dtype=None, ddof=0, keepdims=False):
    v = _J.asarray(_operand(a))
    axes = _axes(axis)
    if axes is None:
        axes = list(range(len(_P.shape(v))))
    return _w(_J.var(v, axes, int(ddof), bool(keepdims)))


def std(a, axis=None, dtype=None, ddof=0, keepdims=False):
    v = _J.asarray(_operand(a))
    axes = _axes(axis)
    if axes is None:
        axes = list(range(len(_P.shape(v))))
    return _w(_J.std(v, axes, int(ddof), bool(keepdims)))


def argmax(a, axis=None, keepdims=False):
    v = _J.asarray(_operand(a))
    if axis is None:
        return _w(_J.argmax(v))
    return _w(_J.argmax(v, int(axis), bool(keepdims)))


def argmin(a, axis=None, keepdims=False):
    v = _J.asarray(_operand(a))
    if axis is None:
        return _w(_J.argmin(v))
    return _w(_J.argmin(v, int(axis), bool(keepdims)))


def cumsum(a, axis=None, dtype=None):
    v = _J.asarray(_operand(a))
    if axis is None:
        return _w(_J.cumsum(v))
    return _w(_J.cumsum(v, int(axis)))


def reshape(a, shape, order='C'):
    return _w(_J.reshape(_J.asarray(_operand(a)), _shape(shape)))


def ravel(a, order='C'):
    return _w(_J.ravel(_J.asarray(_operand(a))))


flatten = ravel


def transpose(a, axes=None):
    v = _J.asarray(_operand(a))
    if axes is None:
        return _w(_J.transpose(v))
    return _w(_J.transpose(v, [int(x) for x in axes]))


def swapaxes(a, axis1, axis2):
    return _w(_J.swapaxes(_J.asarray(_operand(a)), int(axis1), int(axis2)))


def moveaxis(a, source, destination):
    v = _J.asarray(_operand(a))
    if isinstance(source, int) and isinstance(destination, int):
        return _w(_J.moveaxis(v, source, destination))
    return _w(_J.moveaxis(v, [int(s) for s in source], [int(d) for d in destination]))


def squeeze(a, axis=None):
    v = _J.asarray(_operand(a))
    if axis is None:
        return _w(_J.squeeze(v))
    return _w(_J.squeeze(v, _axes(axis)))


def expand_dims(a, axis):
    return _w(_J.expandDims(_J.asarray(_operand(a)), _axes(axis)))


def concatenate(arrays, axis=0):
    vals = [_J.asarray(_operand(a)) for a in arrays]
    if axis is None:
        vals = [_J.ravel(v) for v in vals]
        axis = 0
    return _w(_J.concatenate(bridge._raw_bridge.list(*vals), int(axis)))


def stack(arrays, axis=0):
    vals = [_J.asarray(_operand(a)) for a in arrays]
    return _w(_J.stack(bridge._raw_bridge.list(*vals), int(axis)))


def hstack(arrays):
    arrays = [atleast_1d(a) for a in arrays]
    return concatenate(arrays, axis=0 if arrays[0].ndim == 1 else 1)


def vstack(arrays):
    return concatenate([atleast_2d(a) for a in arrays], axis=0)


def atleast_1d(a):
    a = asarray(a)
    return a.reshape(1) if a.ndim == 0 else a


def atleast_2d(a):
    a = asarray(a)
    return a.reshape((1,) * (2 - a.ndim) + a.shape) if a.ndim < 2 else a


def split(ary, indices_or_sections, axis=0):
    v = _J.asarray(_operand(ary))
    if isinstance(indices_or_sections, int):
        parts = _J.split(v, indices_or_sections, int(axis))
    else:
        parts = _J.split(v, [int(i) for i in indices_or_sections], int(axis))
    return [_w(p) for p in bridge._raw_bridge.items(parts)]


def broadcast_to(a, shape):
    return _w(_J.broadcastTo(_J.asarray(_operand(a)), _shape(shape)))


def triu(m, k=0):
    return _w(_J.triu(_J.asarray(_operand(m)), int(k)))


def tril(m, k=0):
    return _w(_J.tril(_J.asarray(_operand(m)), int(k)))


def einsum(subscripts, *operands, **kwargs):
    return _w(_J.einsum(subscripts, *[_J.asarray(_operand(o)) for o in operands]))


def shape(a):
    return asarray(a).shape


def ndim(a):
    return asarray(a).ndim


def size(a):
    return asarray(a).size


def isscalar(x):
    return isinstance(x, (int, float, bool)) or (isinstance(x, Array) and x.ndim == 0)


def allclose(a, b, rtol=1e-05, atol=1e-08):
    return all(abs(asarray(a) - b) <= atol + rtol * abs(asarray(b)))


def isclose(a, b, rtol=1e-05, atol=1e-08):
    return abs(asarray(a) - b) <= atol + rtol * abs(asarray(b))


def array_equal(a1, a2):
    a1, a2 = asarray(a1), asarray(a2)
    if a1.shape != a2.shape:
        return asarray(False)
    return all(a1 == a2)


def isnan(x):
    x = asarray(x)
    return x != x


def isfinite(x):
    x = asarray(x)
    return logical_not(isnan(x - x))


def isinf(x):
    x = asarray(x)
    return logical_and(logical_not(isnan(x)), isnan(x - x))


def outer(a, b):
    return ravel(a)[:, None] * ravel(b)[None, :]


def inner(a, b):
    return sum(asarray(a) * b, axis=-1)


def result_type(*args):
    z = None
    for a in args:
        v = zeros((), a) if not isinstance(a, (Array, int, float, bool)) else a
        z = v if z is None else asarray(z) * 0 + v * 0
    return asarray(z).dtype


def issubdtype(arg1, arg2):
    name = dtypes.canonical_name(arg1)
    if arg2 in (floating, inexact):
        return name.startswith('float')
    if arg2 is integer:
        return name.startswith('int') or name.startswith('uint')
    if arg2 is signedinteger:
        return name.startswith('int')
    if arg2 is unsignedinteger:
        return name.startswith('uint')
    if arg2 is number:
        return name != 'bool'
    return name == dtypes.canonical_name(arg2)


class number: pass
class inexact(number): pass
class floating(inexact): pass
class integer(number): pass
class signedinteger(integer): pass
class unsignedinteger(integer): pass


newaxis = None
pi = 3.141592653589793
e = 2.718281828459045
inf = float('inf')
nan = float('nan')


from jax._src.numpy_sorting import (  # noqa: E402  (it builds on the functions above)
    sort, argsort, nonzero, flatnonzero, take, take_along_axis)
