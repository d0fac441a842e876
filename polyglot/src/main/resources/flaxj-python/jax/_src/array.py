"""`jax.Array`: a Python handle on a Java value (a concrete array or, under a transformation, a
tracer). Every operation binds Java primitives, so Python functions given to jax.grad, jax.vmap,
jax.jit ... are traced by the Java core."""

import operator

from jax._src import bridge
from jax._src import array_repr
from jax._src import dtypes
from jax._src import key_comparisons
from jax._src.bridge import java

_J = java.Jnp
_P = java.PyArrays
_raw_P = bridge._flaxj_host.PyArrays
_raw_T = bridge._flaxj_host.PyTracers


def _operand(x):
    """An operand of a Java operation: the wrapped value of an Array, a Python scalar as itself
    (a float as a weakly typed float32 scalar), a (nested) list/tuple as an array."""
    if type(x) is Array:
        return x._value
    if type(x) is float:
        return _raw_P.weakFloat(x)
    if isinstance(x, (bool, int)):
        return x
    if isinstance(x, Array):
        return x._value
    if isinstance(x, (list, tuple)):
        from jax._src import numpy_api
        return numpy_api.asarray(x)._value
    if hasattr(x, '__jax_array__'):
        return _operand(x.__jax_array__())
    raise TypeError('Value %r with type %s is not a valid JAX type' % (x, type(x)))


def _binary(java_name, reflected=False):
    fn = getattr(_J, java_name)

    def op(self, other):
        try:
            o = _operand(other)
        except TypeError:
            return NotImplemented
        return Array(fn(o, self._value) if reflected else fn(self._value, o))
    op.__name__ = java_name
    return op


def _compared(java_name, fn, x, y):
    """The comparison `fn` (Jnp's `java_name`) of two operands; PRNG key arrays are compared as
    JAX compares them."""
    if key_comparisons.involves_key(x, y):
        return key_comparisons.compare(java_name, x, y)
    return Array(fn(x, y))


def _comparison(java_name):
    fn = getattr(_J, java_name)

    def op(self, other):
        try:
            o = _operand(other)
        except TypeError:
            return NotImplemented
        return _compared(java_name, fn, self._value, o)
    op.__name__ = java_name
    return op


def _unary(java_name):
    fn = getattr(_J, java_name)

    def op(self):
        return Array(fn(self._value))
    op.__name__ = java_name
    return op


def _axes(axis):
    if axis is None:
        return None
    if isinstance(axis, (tuple, list)):
        return [int(a) for a in axis]
    return [int(axis)]


class _IndexHelper:
    __slots__ = ('array',)

    def __init__(self, array):
        self.array = array

    def __getitem__(self, index):
        return _IndexUpdateRef(self.array, index)


class _IndexUpdateRef:
    """`x.at[index]`: functional updates (`set`, `add`, `multiply`, `min`, `max`, `get`, ...)."""
    __slots__ = ('array', 'index')

    def __init__(self, array, index):
        self.array = array
        self.index = index

    def _java(self):
        return bridge.call(_raw_P.at, self.array._value, *_index_items(self.index))

    def get(self, **kwargs):
        return self.array[self.index]

    def set(self, values, **kwargs):
        u = self._java()
        return Array(bridge.call(u.set, _operand(values)))

    def add(self, values, **kwargs):
        u = self._java()
        return Array(bridge.call(u.add, _operand(values)))

    def subtract(self, values, **kwargs):
        from jax._src import numpy_api
        return self.add(numpy_api.negative(values))

    def multiply(self, values, **kwargs):
        current = self.array[self.index]
        return self.set(current * values)

    mul = multiply

    def divide(self, values, **kwargs):
        current = self.array[self.index]
        return self.set(current / values)

    def power(self, values, **kwargs):
        current = self.array[self.index]
        return self.set(current ** values)

    def min(self, values, **kwargs):
        from jax._src import numpy_api
        return self.set(numpy_api.minimum(self.array[self.index], values))

    def max(self, values, **kwargs):
        from jax._src import numpy_api
        return self.set(numpy_api.maximum(self.array[self.index], values))

    def __repr__(self):
        return '_IndexUpdateRef(%r, %r)' % (self.array, self.index)


def _index_items(index):
    if not isinstance(index, tuple):
        index = (index,)
    items = []
    for i in index:
        if i is None:
            items.append(None)
        elif i is Ellipsis:
            items.append('...')
        elif isinstance(i, slice):
            items.append(_raw_P.slice(_static_int(i.start), _static_int(i.stop),
                                      _static_int(i.step)))
        elif isinstance(i, bool):
            from jax._src import numpy_api
            items.append(numpy_api.asarray(i)._value)
        elif isinstance(i, int):
            items.append(i)
        elif isinstance(i, Array):
            items.append(i._value)
        elif isinstance(i, (list, tuple)):
            from jax._src import numpy_api
            items.append(numpy_api.asarray(i)._value)
        elif hasattr(i, '__index__'):
            items.append(operator.index(i))
        else:
            raise TypeError('Indexer must have integer or boolean type, got indexer with type %s'
                            % type(i).__name__)
    return items


def _static_int(x):
    if x is None:
        return None
    if isinstance(x, Array):
        return int(x)
    return operator.index(x)


class Array:
    """JAX's array type. `isinstance(x, jax.Array)` holds for arrays and tracers alike."""
    __slots__ = ('_value', '__weakref__')
    __array_priority__ = 100

    def __init__(self, value):
        self._value = value

    # ---- abstract value ----
    @property
    def shape(self):
        return tuple(_raw_P.shape(self._value))

    @property
    def ndim(self):
        return len(_raw_P.shape(self._value))

    @property
    def size(self):
        n = 1
        for d in _raw_P.shape(self._value):
            n *= d
        return n

    @property
    def dtype(self):
        return dtypes.dtype(str(_raw_P.dtype(self._value)))

    @property
    def weak_type(self):
        return bool(_raw_P.weakType(self._value))

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    @property
    def aval(self):
        from jax._src.api import ShapeDtypeStruct
        return ShapeDtypeStruct(self.shape, self.dtype, weak_type=self.weak_type)

    def __len__(self):
        shape = _raw_P.shape(self._value)
        if len(shape) == 0:
            raise TypeError('len() of unsized object')
        return shape[0]

    # ---- conversion to Python ----
    def _elements(self, context):
        return list(bridge.call(_raw_P.elements, self._value, context))

    def _scalar(self, what):
        if self.size != 1:
            raise TypeError('only length-1 arrays can be converted to Python scalars')
        if not _raw_P.isConcrete(self._value):
            from jax.errors import ConcretizationTypeError, TracerBoolConversionError
            cls = TracerBoolConversionError if what == 'bool' else ConcretizationTypeError
            if what == 'bool':
                raise cls('Attempted boolean conversion of traced array with shape %s.'
                          % _long_aval(self))
            raise cls('Abstract tracer value encountered where concrete value is expected: '
                      'traced array with shape %s\nThe problem arose with the `%s` function.'
                      % (_long_aval(self), what))
        return self._elements(what)[0]

    def __bool__(self):
        return bool(self._scalar('bool'))

    def __float__(self):
        return float(self._scalar('float'))

    def __int__(self):
        return int(self._scalar('int'))

    def __complex__(self):
        return complex(self._scalar('complex'))

    def __index__(self):
        if self.dtype.kind not in 'iub':
            raise TypeError('only integer scalar arrays can be converted to a scalar index')
        return int(self._scalar('index'))

    def item(self, *args):
        if args:
            return self[args if len(args) > 1 else args[0]].item()
        v = self._scalar('item')
        return _python_scalar(v, self.dtype)

    def tolist(self):
        flat = [_python_scalar(v, self.dtype) for v in self._elements('tolist')]
        return _nest(flat, self.shape)

    def __jax_array__(self):
        return self

    def __array__(self, dtype=None, copy=None):
        raise TypeError('numpy is not available on flaxj; use .tolist()')

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError('iteration over a 0-d array')
        return (self[i] for i in range(self.shape[0]))

    def __reversed__(self):
        return (self[i] for i in range(self.shape[0] - 1, -1, -1))

    def __hash__(self):
        raise TypeError("unhashable type: 'jaxlib._jax.ArrayImpl'")

    def __format__(self, spec):
        if self.ndim == 0 and _raw_P.isConcrete(self._value):
            return format(self.item(), spec)
        return format(str(self), spec)

    # ---- printing ----
    def __repr__(self):
        v = self._value
        if not _raw_P.isConcrete(v):
            return _tracer_repr(v)
        dt = str(_raw_P.dtype(v))
        if dt == 'key<fry>':
            from jax import random
            data = random.key_data(self)
            return 'Array(%s, dtype=key<fry>) overlaying:\n%s' % (
                self.shape, array_repr.array_str(data._elements('repr'), data.shape, 'uint32'))
        return array_repr.array_repr(self._elements('repr'), self.shape, dt,
                                     bool(_raw_P.weakType(v)))

    def __str__(self):
        v = self._value
        if not _raw_P.isConcrete(v):
            return repr(self)
        dt = str(_raw_P.dtype(v))
        if dt == 'key<fry>':
            return repr(self)
        return array_repr.array_str(self._elements('str'), self.shape, dt)

    # ---- operators ----
    __add__ = _binary('add')
    __radd__ = _binary('add', True)
    __sub__ = _binary('subtract')
    __rsub__ = _binary('subtract', True)
    __mul__ = _binary('multiply')
    __rmul__ = _binary('multiply', True)
    __truediv__ = _binary('trueDivide')
    __rtruediv__ = _binary('trueDivide', True)
    __floordiv__ = _binary('floorDivide')
    __rfloordiv__ = _binary('floorDivide', True)
    __mod__ = _binary('remainder')
    __rmod__ = _binary('remainder', True)
    __pow__ = _binary('power')
    __rpow__ = _binary('power', True)
    __matmul__ = _binary('matmul')
    __rmatmul__ = _binary('matmul', True)
    __eq__ = _comparison('equal')
    __ne__ = _comparison('notEqual')
    __lt__ = _comparison('less')
    __le__ = _comparison('lessEqual')
    __gt__ = _comparison('greater')
    __ge__ = _comparison('greaterEqual')
    __neg__ = _unary('negative')
    __abs__ = _unary('abs')

    def __pos__(self):
        return self

    def __divmod__(self, other):
        return self // other, self % other

    def __and__(self, other):
        return _bitwise('and', self, other)

    def __rand__(self, other):
        return _bitwise('and', other, self)

    def __or__(self, other):
        return _bitwise('or', self, other)

    def __ror__(self, other):
        return _bitwise('or', other, self)

    def __xor__(self, other):
        return _bitwise('xor', self, other)

    def __rxor__(self, other):
        return _bitwise('xor', other, self)

    def __invert__(self):
        from jax._src import numpy_api
        return numpy_api.invert(self)

    def __lshift__(self, other):
        from jax._src import numpy_api
        return numpy_api.left_shift(self, other)

    def __rshift__(self, other):
        from jax._src import numpy_api
        return numpy_api.right_shift(self, other)

    # ---- indexing ----
    def __getitem__(self, index):
        return Array(bridge.call(_raw_P.index, self._value, *_index_items(index)))

    def __setitem__(self, index, value):
        raise TypeError("JAX arrays are immutable and do not support in-place item assignment. "
                        "Instead of x[idx] = y, use x = x.at[idx].set(y) or another .at[] method: "
                        "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.ndarray.at.html")

    @property
    def at(self):
        return _IndexHelper(self)

    # ---- methods (as jnp functions) ----
    @property
    def T(self):
        return Array(_J.transpose(self._value))

    @property
    def mT(self):
        from jax._src import numpy_api
        return numpy_api.swapaxes(self, -1, -2)

    def reshape(self, *shape, order='C'):
        from jax._src import numpy_api
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return numpy_api.reshape(self, shape)

    def astype(self, dtype, copy=False):
        from jax._src import numpy_api
        return numpy_api.astype(self, dtype)

    def transpose(self, *axes):
        from jax._src import numpy_api
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = axes[0]
        return numpy_api.transpose(self, axes or None)

    def block_until_ready(self):
        return self

    def copy(self):
        return self

    def devices(self):
        from jax._src.api import devices
        return set(devices())

    def __getattr__(self, name):
        from jax._src import numpy_api
        if name in _METHODS:
            fn = getattr(numpy_api, name)

            def method(*args, **kwargs):
                return fn(self, *args, **kwargs)
            method.__name__ = name
            return method
        raise AttributeError("'ArrayImpl' object has no attribute '%s'" % name)


_METHODS = frozenset([
    'sum', 'prod', 'mean', 'max', 'min', 'all', 'any', 'var', 'std', 'argmax', 'argmin',
    'cumsum', 'ravel', 'flatten', 'squeeze', 'swapaxes', 'clip', 'dot', 'round',
    'sort', 'argsort', 'nonzero', 'take',
])


def _bitwise(kind, x, y):
    from jax._src import numpy_api
    return getattr(numpy_api, {'and': 'bitwise_and', 'or': 'bitwise_or',
                               'xor': 'bitwise_xor'}[kind])(x, y)


def _python_scalar(v, dtype):
    if dtype.kind == 'b':
        return bool(v)
    if dtype.kind in 'iu':
        return int(v)
    return float(v)


def _nest(flat, shape):
    if not shape:
        return flat[0]
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _long_aval(x):
    return '%s[%s]' % (x.dtype.name, ','.join(str(d) for d in x.shape))


def _tracer_repr(v):
    kind, a, b = _raw_T.parts(v)
    if kind == 'JVP':
        return 'JVPTracer(primal=%s, tangent=%s)' % (Array(a), Array(b))
    if kind == 'Grad':
        return 'GradTracer(primal=%s, typeof(tangent)=%s)' % (Array(a), b)
    if kind == 'Vmap':
        return 'VmapTracer(aval=%s, batched=%s)' % (a, b)
    return 'JitTracer(%s)' % a


def wrap(value):
    return Array(value)


bridge.array_type = Array
bridge.wrap_value = wrap
