"""jax.lax: control flow over dev.flaxj.transform.control.ControlFlow, primitives over
dev.flaxj.lax.Lax."""

from jax._src import bridge
from jax._src.array import Array, _operand
from jax._src.bridge import java, to_java, from_java, tree_function, tree_functions, call
from jax._src.api import stop_gradient  # noqa: F401  (jax.lax.stop_gradient)
from jax._src import dtypes

_C = java.ControlFlow
_L = java.Lax
_J = java.Jnp


def _v(x):
    return _J.asarray(_operand(x))


def cond(pred, true_fun, false_fun, *operands, operand=None):
    if operand is not None:
        operands = (operand,)
    return from_java(_C.cond(to_java(pred), tree_function(true_fun), tree_function(false_fun),
                             *[to_java(o) for o in operands]))


def switch(index, branches, *operands, operand=None):
    if operand is not None:
        operands = (operand,)
    return from_java(_C.switchCase(to_java(index), tree_functions(list(branches)),
                                   *[to_java(o) for o in operands]))


def while_loop(cond_fun, body_fun, init_val):
    return from_java(_C.whileLoop(tree_function(cond_fun), tree_function(body_fun),
                                  to_java(init_val)))


def fori_loop(lower, upper, body_fun, init_val, *, unroll=None):
    if unroll is None:
        return from_java(_C.foriLoop(to_java(lower), to_java(upper), tree_function(body_fun),
                                     to_java(init_val)))
    return from_java(_C.foriLoop(to_java(lower), to_java(upper), tree_function(body_fun),
                                 to_java(init_val), unroll))


def scan(f, init, xs=None, length=None, reverse=False, unroll=1, _split_transpose=False):
    def body(carry, x):
        out = f(carry, x)
        if not isinstance(out, tuple) or len(out) != 2:
            raise TypeError('scan body output must be a pair, got %s.' % type(out).__name__)
        return out
    out = _C.scan(tree_function(body), to_java(init), to_java(xs),
                  None if length is None else int(length), bool(reverse),
                  int(unroll) if not isinstance(unroll, bool) else (0 if unroll else 1))
    carry, ys = from_java(out)
    return carry, ys


def map(f, xs, *, batch_size=None):
    _, ys = scan(lambda c, x: (c, f(x)), None, xs)
    return ys


def _binary(name):
    fn = getattr(_L, name)
    return lambda x, y: Array(fn(_v(x), _v(y)))


def _unary(name):
    fn = getattr(_L, name)
    return lambda x: Array(fn(_v(x)))


add = _binary('add')
sub = _binary('sub')
mul = _binary('mul')
div = _binary('div')
rem = _binary('rem')
pow = _binary('pow')
max = _binary('max')
min = _binary('min')
eq = _binary('eq')
ne = _binary('ne')
lt = _binary('lt')
le = _binary('le')
gt = _binary('gt')
ge = _binary('ge')
neg = _unary('neg')
abs = _unary('abs')
sign = _unary('sign')
floor = _unary('floor')
ceil = _unary('ceil')
exp = _unary('exp')
log = _unary('log')
log1p = _unary('log1p')
expm1 = _unary('expm1')
tanh = _unary('tanh')
logistic = _unary('logistic')
sqrt = _unary('sqrt')
rsqrt = _unary('rsqrt')
sin = _unary('sin')
cos = _unary('cos')
erf = _unary('erf')
erf_inv = _unary('erfInv')
bitwise_and = _binary('and')
bitwise_or = _binary('or')
bitwise_xor = _binary('xor')
bitwise_not = _unary('not')


def integer_pow(x, y):
    return Array(_L.integerPow(_v(x), int(y)))


def square(x):
    return integer_pow(x, 2)


def round(x, rounding_method=0):
    return Array(_L.round(_v(x), int(rounding_method)))


def clamp(min, x, max):
    return Array(_L.clamp(_v(min), _v(x), _v(max)))


def select(pred, on_true, on_false):
    return Array(_L.selectN(_v(pred), _v(on_false), _v(on_true)))


def convert_element_type(operand, new_dtype):
    return Array(_L.convertElementType(_v(operand), dtypes.dtype(new_dtype).java()))


def reshape(operand, new_sizes, dimensions=None):
    return Array(_L.reshape(_v(operand), [int(d) for d in new_sizes]))


def transpose(operand, permutation):
    return Array(_L.transpose(_v(operand), [int(d) for d in permutation]))


def squeeze(array, dimensions):
    return Array(_L.squeeze(_v(array), [int(d) for d in dimensions]))


def expand_dims(array, dimensions):
    return Array(_L.expandDims(_v(array), [int(d) for d in dimensions]))


def rev(operand, dimensions):
    return Array(_L.rev(_v(operand), [int(d) for d in dimensions]))


def broadcast_in_dim(operand, shape, broadcast_dimensions):
    return Array(_L.broadcastInDim(_v(operand), [int(d) for d in shape],
                                   [int(d) for d in broadcast_dimensions]))


def broadcast(operand, sizes):
    x = Array(_v(operand))
    nd = len(sizes)
    return broadcast_in_dim(x, tuple(sizes) + x.shape, tuple(range(nd, nd + x.ndim)))


def concatenate(operands, dimension):
    return Array(_L.concatenate(int(dimension), *[_v(o) for o in operands]))


def slice(operand, start_indices, limit_indices, strides=None):
    if strides is None:
        return Array(_L.slice(_v(operand), [int(i) for i in start_indices],
                              [int(i) for i in limit_indices]))
    return Array(_L.slice(_v(operand), [int(i) for i in start_indices],
                          [int(i) for i in limit_indices], [int(s) for s in strides]))


def dynamic_slice(operand, start_indices, slice_sizes):
    return Array(java.PyArrays.dynamicSlice(_v(operand), [int(s) for s in slice_sizes],
                                            *[_v(i) for i in start_indices]))


def dynamic_update_slice(operand, update, start_indices):
    return Array(java.PyArrays.dynamicUpdateSlice(_v(operand), _v(update),
                                                  *[_v(i) for i in start_indices]))


def iota(dtype, size):
    return Array(_L.iota(dtypes.dtype(dtype).java(), int(size)))


def dot(lhs, rhs, precision=None, preferred_element_type=None):
    from jax._src import numpy_api
    return numpy_api.dot(lhs, rhs)


def dot_general(lhs, rhs, dimension_numbers, precision=None, preferred_element_type=None):
    (lc, rc), (lb, rb) = dimension_numbers
    return Array(java.PyArrays.dotGeneral(_v(lhs), _v(rhs), [int(i) for i in lc],
                                          [int(i) for i in rc], [int(i) for i in lb],
                                          [int(i) for i in rb]))


def reduce_sum(operand, axes):
    return Array(_L.reduceSum(_v(operand), [int(a) for a in axes]))


def reduce_max(operand, axes):
    return Array(_L.reduceMax(_v(operand), [int(a) for a in axes]))


def reduce_min(operand, axes):
    return Array(_L.reduceMin(_v(operand), [int(a) for a in axes]))


def reduce_prod(operand, axes):
    return Array(_L.reduceProd(_v(operand), [int(a) for a in axes]))


def cumsum(operand, axis=0, reverse=False):
    return Array(_L.cumsum(_v(operand), int(axis), bool(reverse)))


def cumprod(operand, axis=0, reverse=False):
    return Array(_L.cumprod(_v(operand), int(axis), bool(reverse)))


def _names(axis_name):
    return [axis_name] if isinstance(axis_name, str) else list(axis_name)


def psum(x, axis_name):
    from jax._src import tree_util
    return tree_util.tree_map(lambda v: Array(_L.psum(_v(v), *_names(axis_name))), x)


def pmean(x, axis_name):
    from jax._src import tree_util
    return tree_util.tree_map(lambda v: Array(_L.pmean(_v(v), *_names(axis_name))), x)


def pmax(x, axis_name):
    from jax._src import tree_util
    return tree_util.tree_map(lambda v: Array(_L.pmax(_v(v), *_names(axis_name))), x)


def pmin(x, axis_name):
    from jax._src import tree_util
    return tree_util.tree_map(lambda v: Array(_L.pmin(_v(v), *_names(axis_name))), x)


def all_gather(x, axis_name, *, axis=0, tiled=False):
    return Array(_L.allGather(_v(x), axis_name))


def axis_index(axis_name):
    return Array(_L.axisIndex(axis_name))


def sort(operand, dimension=-1, is_stable=True, num_keys=1):
    """lax.sort of one array or of a sequence of them (sorted by the first num_keys)."""
    single = isinstance(operand, Array) or not isinstance(operand, (tuple, list))
    operands = [operand] if single else list(operand)
    out = call(_L.sort, int(dimension), bool(is_stable), int(num_keys),
               *[_v(o) for o in operands])
    results = [Array(v) for v in java.PyBridge.items(out)]
    return results[0] if single else tuple(results)


def sort_key_val(keys, values, dimension=-1, is_stable=True):
    return sort((keys, values), dimension, is_stable, 1)
