"""Comparisons with PRNG key arrays (`jax.random.key`), as JAX treats them: `==` and `!=` between
two key arrays compare their key data (one bool per key); every other comparison, and any
comparison of a key array with a non-key operand, is JAX's TypeError."""

from jax._src import bridge

_raw_P = bridge._flaxj_host.PyArrays
_KEY = 'key<fry>'
# Java comparison name -> (jax.numpy name, lax primitive name).
_NAMES = {
    'equal': ('equal', 'eq'), 'notEqual': ('not_equal', 'ne'),
    'less': ('less', 'lt'), 'lessEqual': ('less_equal', 'le'),
    'greater': ('greater', 'gt'), 'greaterEqual': ('greater_equal', 'ge'),
}


def _dtype_name(operand):
    """The dtype name of an operand as array.py's `_operand` makes it (a Java value or a Python
    bool/int)."""
    if isinstance(operand, bool):
        return 'bool'
    if isinstance(operand, int):
        return 'int32'
    return str(_raw_P.dtype(operand))


def _shape(operand):
    return () if isinstance(operand, (bool, int)) else tuple(_raw_P.shape(operand))


def _check_broadcastable(primitive, x_shape, y_shape):
    for a, b in zip(reversed(x_shape), reversed(y_shape)):
        if a != b and a != 1 and b != 1:
            raise TypeError('%s got incompatible shapes for broadcasting: %s, %s.'
                            % (primitive, x_shape, y_shape))


def involves_key(x, y):
    """Whether either operand (Java values or Python scalars) is a key array."""
    return _dtype_name(x) == _KEY or _dtype_name(y) == _KEY


def compare(java_name, x, y):
    """The comparison `java_name` of two operands at least one of which is a key array: a bool
    Array for `equal`/`notEqual` of two key arrays, JAX's TypeError otherwise."""
    from jax._src.array import Array
    from jax._src import numpy_api as jnp
    from jax import random
    jnp_name, primitive = _NAMES[java_name]
    x_dtype, y_dtype = _dtype_name(x), _dtype_name(y)
    if x_dtype != y_dtype:
        raise TypeError('%s does not accept dtypes %s, %s.' % (jnp_name, x_dtype, y_dtype))
    if primitive not in ('eq', 'ne'):
        raise TypeError('%s does not accept dtype %s at position 0. Accepted dtypes at position 0 '
                        'are subtypes of integer, floating, bool.' % (primitive, _KEY))
    _check_broadcastable(primitive, _shape(x), _shape(y))
    # Key data has one trailing axis of words; keys are equal when all their words are.
    x_data, y_data = random.key_data(Array(x)), random.key_data(Array(y))
    if primitive == 'eq':
        return jnp.all(x_data == y_data, axis=-1)
    return jnp.any(x_data != y_data, axis=-1)
