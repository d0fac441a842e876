"""jnp.sort, argsort, nonzero (and the one-argument where), take and take_along_axis, built from
lax.sort and lax.gather as jax.numpy builds them, so that they trace and differentiate."""

from jax._src import dtypes
from jax._src import numpy_api as _np
from jax._src.array import Array, _operand
from jax._src.bridge import java, call

_J = java.Jnp
_L = java.Lax
_P = java.PyArrays


def _arraylike(name, *args):
    for i, a in enumerate(args):
        if not isinstance(a, (Array, bool, int, float)) and not hasattr(a, '__jax_array__'):
            raise TypeError('%s requires ndarray or scalar arguments, got %s at position %d.'
                            % (name, type(a), i))
    return [_np.asarray(a) for a in args]


def _axis(axis, ndim):
    axis = int(axis)
    if not -ndim <= axis < ndim:
        raise ValueError('axis %d is out of bounds for array of dimension %d' % (axis, ndim))
    return axis % ndim if ndim else 0


def _sort_values(dimension, stable, *operands):
    out = call(_L.sort, dimension, bool(stable), 1, *[o._value for o in operands])
    return [Array(v) for v in java.PyBridge.items(out)]


def sort(a, axis=-1, *, kind=None, order=None, stable=True, descending=False):
    (arr,) = _arraylike('sort', a)
    if order is not None:
        raise ValueError("The 'order' argument to sort is not supported.")
    if axis is None:
        arr, axis = arr.ravel(), 0
    dimension = _axis(axis, arr.ndim)
    (result,) = _sort_values(dimension, stable, arr)
    return Array(_L.rev(result._value, [dimension])) if descending else result


def argsort(a, axis=-1, *, kind=None, order=None, stable=True, descending=False, dtype=None):
    (arr,) = _arraylike('argsort', a)
    if order is not None:
        raise ValueError("The 'order' argument to argsort is not supported.")
    if axis is None:
        arr, axis = arr.ravel(), 0
    dimension = _axis(axis, arr.ndim)
    iota = Array(_L.iota(dtypes.dtype(dtype or 'int32').java(), list(arr.shape), dimension))
    if descending and stable:
        # reversed first, so that equal keys keep their order once the result is reversed
        arr = Array(_L.rev(arr._value, [dimension]))
        iota = Array(_L.rev(iota._value, [dimension]))
    _, indices = _sort_values(dimension, stable, arr, iota)
    return Array(_L.rev(indices._value, [dimension])) if descending else indices


def nonzero(a, *, size=None, fill_value=None):
    (arr,) = _arraylike('nonzero', a)
    if arr.ndim == 0:
        raise ValueError('Calling nonzero on 0d arrays is not allowed. Use '
                         'jnp.atleast_1d(scalar).nonzero() instead.')
    mask = arr if arr.dtype == 'bool' else _np.not_equal(arr, 0)
    count = _np.sum(mask)
    if size is None:
        if not _P.isConcrete(count._value):
            from jax.errors import ConcretizationTypeError
            raise ConcretizationTypeError(
                'Abstract tracer value encountered where concrete value is expected: traced '
                'array with shape int32[]\nThe size argument of jnp.nonzero must be statically '
                'specified to use jnp.nonzero within JAX transformations.')
        size = int(count)
    size = int(size)
    flat = mask.ravel()
    # positions of the True entries first, in order (a stable sort of not-mask)
    order = argsort(_np.logical_not(flat), stable=True)
    if size <= flat.size:
        order = order[:size]
    else:
        order = _np.concatenate([order, _np.zeros(size - flat.size, 'int32')])
    valid = _np.less(_np.arange(size), count)
    fills = fill_value if isinstance(fill_value, (tuple, list)) else [fill_value] * arr.ndim
    if len(fills) != arr.ndim:
        raise ValueError('fill_value must be a scalar or a tuple of length %d; got %s'
                         % (arr.ndim, fill_value))
    out = []
    stride = flat.size
    for d, f in zip(arr.shape, fills):
        stride = stride // d if d else 0
        coord = _np.remainder(_np.floor_divide(order, stride), d) if stride and d else order * 0
        out.append(_np.where(valid, coord, 0 if f is None else f).astype('int32'))
    return tuple(out)


def flatnonzero(a, *, size=None, fill_value=None):
    return nonzero(_np.ravel(a), size=size, fill_value=fill_value)[0]


def take(a, indices, axis=None, out=None, mode=None, unique_indices=False,
         indices_are_sorted=False, fill_value=None):
    if out is not None:
        raise NotImplementedError("The 'out' argument to jnp.take is not supported.")
    a, indices = _arraylike('take', a, indices)
    if axis is None:
        a, axis_idx = a.ravel(), 0
    else:
        axis_idx = _axis(axis, a.ndim)
    axis_size = a.shape[axis_idx]
    if mode is None or mode == 'fill':
        gather_mode = 'fill'
        # gather does not take negative indices: they count from the end here
        indices = _np.where(_np.less(indices, 0), indices + axis_size, indices)
    elif mode == 'raise':
        raise NotImplementedError("The 'raise' mode to jnp.take is not supported.")
    elif mode == 'wrap':
        indices = _np.remainder(indices, axis_size)
        gather_mode = 'promise_in_bounds'
    elif mode == 'clip':
        gather_mode = 'clip'
    else:
        raise ValueError("Invalid mode '%s' for np.take" % mode)
    index_dims = indices.ndim
    slice_sizes = list(a.shape)
    if axis_size == 0:
        if indices.size != 0:
            raise IndexError('Cannot do a non-empty jnp.take() from an empty axis.')
        return a
    if indices.size == 0:
        return _np.zeros(slice_sizes[:axis_idx] + list(indices.shape)
                         + slice_sizes[axis_idx + 1:], a.dtype)
    slice_sizes[axis_idx] = 1
    offset_dims = (list(range(axis_idx))
                   + list(range(axis_idx + index_dims, a.ndim + index_dims - 1)))
    return _gather(a, indices.reshape(indices.shape + (1,)), offset_dims, [axis_idx],
                   [axis_idx], [], [], slice_sizes, gather_mode, fill_value)


def _gather(a, indices, offset, collapsed, start_map, operand_batching, indices_batching,
            slice_sizes, mode, fill_value):
    return Array(call(_P.gather, a._value, indices._value, offset, collapsed, start_map,
                      operand_batching, indices_batching, slice_sizes, mode,
                      None if fill_value is None else float(fill_value)))


def take_along_axis(arr, indices, axis=-1, mode=None, fill_value=None, *,
                    wrap_negative_indices=None):
    a, indices = _arraylike('take_along_axis', arr, indices)
    if indices.dtype.kind not in 'iu':
        raise TypeError('take_along_axis indices must be of integer type, got %s'
                        % indices.dtype.name)
    if axis is None:
        if indices.ndim != 1:
            raise ValueError('when axis=None, `indices` must have a single dimension.')
        a, axis = a.ravel(), 0
    rank = a.ndim
    if rank != indices.ndim:
        raise ValueError('indices and arr must have the same number of dimensions; %d vs. %d'
                         % (indices.ndim, rank))
    axis_int = _axis(axis, rank)
    idx_shape = indices.shape
    axis_size = a.shape[axis_int]
    arr_shape = list(a.shape)
    arr_shape[axis_int] = 1
    out_shape = _broadcast_shapes(idx_shape, arr_shape)
    if axis_size == 0:
        return _np.zeros(out_shape, a.dtype)
    if mode == 'one_hot':
        raise NotImplementedError("flaxj: take_along_axis(mode='one_hot') is not supported")
    if wrap_negative_indices is None:
        wrap_negative_indices = mode != 'promise_in_bounds'
    indices = indices.astype('int32')
    if wrap_negative_indices:
        indices = _np.where(_np.less(indices, 0), indices + axis_size, indices)
    index_dims = [i for i, d in enumerate(idx_shape) if i == axis_int or d != 1]
    gather_indices = indices.reshape(tuple(out_shape[i] for i in index_dims) + (1,))
    slice_sizes, offset_dims, start_index_map, collapsed = [], [], [], []
    operand_batching, indices_batching, squeezed = [], [], []
    new_i = j = 0
    for i in range(rank):
        if i == axis_int:
            slice_sizes.append(1)
            start_index_map.append(new_i)
            collapsed.append(new_i)
            new_i += 1
            j += 1
        elif idx_shape[i] == 1:
            # the whole axis of arr, no index needed
            offset_dims.append(i)
            slice_sizes.append(arr_shape[i])
            new_i += 1
        elif arr_shape[i] == 1:
            squeezed.append(i)
            j += 1
        else:
            slice_sizes.append(0 if arr_shape[i] == 0 else 1)
            operand_batching.append(new_i)
            indices_batching.append(j)
            new_i += 1
            j += 1
    if squeezed:
        a = Array(_L.squeeze(a._value, squeezed))
    return _gather(a, gather_indices, offset_dims, collapsed, start_index_map, operand_batching,
                   indices_batching, slice_sizes, 'fill' if mode is None else mode, fill_value)


def _broadcast_shapes(s1, s2):
    out = []
    for x, y in zip(s1, s2):
        if x != y and x != 1 and y != 1:
            raise ValueError('Incompatible shapes for broadcasting: shapes=[%s, %s]'
                             % (tuple(s1), tuple(s2)))
        out.append(y if x == 1 else x)
    return out
