"""dtypes as numpy presents them: `jnp.float32` is a scalar type (callable, `jnp.float32(1)` is an
array) and `x.dtype` a dtype object equal to it, to its name and to `np.dtype('float32')`."""

from jax._src.bridge import java

_KINDS = {'bool': 'b', 'int32': 'i', 'uint32': 'u', 'float32': 'f', 'float64': 'f', 'key<fry>': 'V'}
_SIZES = {'bool': 1, 'int32': 4, 'uint32': 4, 'float32': 4, 'float64': 8, 'key<fry>': 8}


class dtype:
    """A dtype: `.name`, `.kind`, `.itemsize`; compares equal to its scalar type and its name."""
    _cache = {}

    def __new__(cls, spec):
        name = canonical_name(spec)
        found = cls._cache.get(name)
        if found is None:
            found = super().__new__(cls)
            found.name = name
            found.kind = _KINDS.get(name, 'V')
            found.itemsize = _SIZES.get(name, 8)
            cls._cache[name] = found
        return found

    @property
    def type(self):
        return _SCALAR_TYPES.get(self.name)

    def __eq__(self, other):
        try:
            return canonical_name(other) == self.name
        except TypeError:
            return NotImplemented

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "dtype('%s')" % self.name

    def __str__(self):
        return self.name

    def java(self):
        return java.PyArrays.dtypeNamed(self.name)


class _ScalarMeta(type):
    def __repr__(cls):
        return "<class 'jax.numpy.%s'>" % cls.__name__

    def __eq__(cls, other):
        if isinstance(other, type) and isinstance(other, _ScalarMeta):
            return cls is other
        try:
            return canonical_name(other) == cls.dtype.name
        except TypeError:
            return NotImplemented

    def __hash__(cls):
        return hash(cls.dtype.name)


class _ScalarType(metaclass=_ScalarMeta):
    dtype = None

    def __new__(cls, x=0):
        from jax._src import numpy_api
        return numpy_api.array(x, dtype=cls)


_SCALAR_TYPES = {}
_ALIASES = {
    'bool': 'bool', 'bool_': 'bool', 'int32': 'int32', 'int': 'int32', 'int64': 'int32',
    'uint32': 'uint32', 'uint64': 'uint32', 'float32': 'float32', 'float': 'float32',
    'float64': 'float32', 'float16': 'float32', 'bfloat16': 'float32', 'key<fry>': 'key<fry>',
}


def canonical_name(spec):
    """The dtype name flaxj uses for a dtype, scalar type, Python type or name (64-bit types are
    canonicalised to 32 bits as JAX does with x64 disabled)."""
    if isinstance(spec, dtype):
        return spec.name
    if isinstance(spec, _ScalarMeta):
        return spec.dtype.name
    if spec is bool:
        return 'bool'
    if spec is int:
        return 'int32'
    if spec is float:
        return 'float32'
    if isinstance(spec, str):
        name = _ALIASES.get(spec)
        if name is not None:
            return name
        raise TypeError('data type %r not understood' % spec)
    inner = getattr(spec, 'dtype', None)
    if inner is not None and inner is not spec:
        return canonical_name(inner)
    raise TypeError('Cannot interpret %r as a data type' % (spec,))


for _name in ('bool_', 'int32', 'uint32', 'float32'):
    _t = _ScalarMeta(_name, (_ScalarType,), {'__module__': 'jax.numpy'})
    _t.dtype = dtype(_name)
    _SCALAR_TYPES[_t.dtype.name] = _t

bool_ = _SCALAR_TYPES['bool']
int32 = _SCALAR_TYPES['int32']
uint32 = _SCALAR_TYPES['uint32']
float32 = _SCALAR_TYPES['float32']
# With x64 disabled (JAX's default) the 64-bit names mean the 32-bit types.
int64 = int32
uint64 = uint32
float64 = float32
float16 = float32
bfloat16 = float32


def result_name(x):
    """The dtype name of an array or Python scalar."""
    from jax._src.array import Array
    if isinstance(x, Array):
        return x.dtype.name
    if isinstance(x, bool):
        return 'bool'
    if isinstance(x, int):
        return 'int32'
    if isinstance(x, float):
        return 'float32'
    raise TypeError('not an array: %r' % (x,))
