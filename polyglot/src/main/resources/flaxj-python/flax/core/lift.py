"""flax.core.lift: lifted transforms of functions of a Scope, over the Java core's lifts."""

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
import functools  # noqa: F401,E402
import jax  # noqa: F401,E402
from jax import random  # noqa: F401,E402

from flax._java import FB, to_java, from_java, filter_to_java, pairs_to_java
from flax.core.frozen_dict import FrozenDict, unfreeze
from flax.core.scope import Scope, scope_function


def _axes(axes):
  from flax.linen.transforms import _axes_to_java
  return _axes_to_java(axes)


def _check_scope(scope):
  if not isinstance(scope, Scope):
    raise NotImplementedError('flaxj: core lifts take one Scope (scope trees are not supported)')
  return scope._scope


def _lifted(kind, fn, options):
  def inner(scope, *args):
    return from_java(FB.liftScope(kind, to_java(options), _check_scope(scope), scope_function(fn),
                                  [to_java(a) for a in args]))
  return inner


def _direct(kind, options, fns, scope, args):
  return from_java(FB.directScope(kind, to_java(options), _check_scope(scope),
                                  [scope_function(f) for f in fns], [to_java(a) for a in args]))


def vmap(fn, variable_axes, split_rngs, in_axes=0, out_axes=0, axis_size=None, axis_name=None,
         spmd_axis_name=None, metadata_params={}):
  from flax.linen.transforms import _vmap_options
  return _lifted('vmap', fn, _vmap_options(
      variable_axes=variable_axes, split_rngs=split_rngs, in_axes=in_axes, out_axes=out_axes,
      axis_size=axis_size, axis_name=axis_name, spmd_axis_name=spmd_axis_name,
      metadata_params=metadata_params))


def scan(fn, variable_axes=FrozenDict(), variable_broadcast=False, variable_carry=False,
         split_rngs=FrozenDict(), in_axes=0, out_axes=0, length=None, reverse=False, unroll=1,
         _split_transpose=False, data_transform=None, metadata_params={},
         check_constancy_invariants=True):
  from flax.linen.transforms import _scan_options
  return _lifted('scan', fn, _scan_options(
      variable_axes=variable_axes, variable_broadcast=variable_broadcast,
      variable_carry=variable_carry, split_rngs=split_rngs, in_axes=in_axes, out_axes=out_axes,
      length=length, reverse=reverse, unroll=unroll, data_transform=data_transform,
      metadata_params=metadata_params, _split_transpose=_split_transpose,
      check_constancy_invariants=check_constancy_invariants))


def checkpoint(fn, variables=True, rngs=True, concrete=False, prevent_cse=True,
               static_argnums=(), policy=None):
  from flax.linen.transforms import _policy_to_java
  if concrete:
    raise NotImplementedError('The concrete argument is deprecated. Use static_argnums instead.')
  return _lifted('checkpoint', fn, {
      'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs),
      'prevent_cse': bool(prevent_cse), 'static_argnums': list(static_argnums),
      'policy': _policy_to_java(policy, 'checkpoint')})


remat = checkpoint


def jit(fn, variables=True, rngs=True, static_argnums=(), static_argnames=(),
        donate_argnums=(), device=None, backend=None):
  return _lifted('jit', fn, {
      'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs),
      'static_argnums': list(static_argnums), 'donate_argnums': list(donate_argnums)})


def remat_scan(body_fn, lengths, policy=None, variable_broadcast=False, variable_carry=False,
               variable_axes=FrozenDict({True: 0}), split_rngs=FrozenDict({True: True})):
  from flax.linen.transforms import _policy_to_java
  return _lifted('remat_scan', body_fn, {
      'lengths': list(lengths), 'policy': _policy_to_java(policy, 'remat_scan'), 'variable_broadcast': filter_to_java(variable_broadcast),
      'variable_carry': filter_to_java(variable_carry),
      'variable_axes': pairs_to_java(variable_axes), 'split_rngs': pairs_to_java(split_rngs)})


def map_variables(fn, mapped_collections, map_in_fn=lambda x: x, map_out_fn=lambda x: x,
                  init=False, mutable=False, rngs=True, variables=True):
  def tree_fn(f):
    return lambda v: to_java(f(from_java(v)))
  return _lifted('map_variables', fn, {
      'mapped_collections': filter_to_java(mapped_collections),
      'trans_in_fn': tree_fn(map_in_fn), 'trans_out_fn': tree_fn(map_out_fn),
      'init': bool(init), 'mutable': bool(mutable), 'rngs': filter_to_java(rngs),
      'variables': filter_to_java(variables)})


def while_loop(cond_fn, body_fn, scope, init, carry_variables=False, broadcast_variables=True,
               split_rngs=FrozenDict()):
  return _direct('while_loop', {
      'carry_variables': filter_to_java(carry_variables),
      'broadcast_variables': filter_to_java(broadcast_variables),
      'split_rngs': pairs_to_java(split_rngs)}, (cond_fn, body_fn), scope, (init,))


def cond(pred, true_fun, false_fun, scope, *operands, variables=True, rngs=True):
  return _direct('cond', {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)},
                 (true_fun, false_fun), scope, (pred,) + operands)


def switch(index, branches, scope, *operands, variables=True, rngs=True):
  return _direct('switch', {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)},
                 tuple(branches), scope, (index,) + operands)


def jvp(fn, scope, primals, tangents, variable_tangents, variables=True, rngs=True):
  return _direct('jvp', {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)},
                 (fn,), scope, (tuple(primals), tuple(tangents), unfreeze(variable_tangents)))


def vjp(fn, scope, *primals, has_aux=False, reduce_axes=(), vjp_variables='params',
        variables=True, rngs=True):
  from flax.linen.transforms import _VjpFn, _java_items
  if reduce_axes:
    raise NotImplementedError('reduce_axes argument to vjp is deprecated')
  out = FB.directScope('vjp', to_java({
      'has_aux': bool(has_aux), 'vjp_variables': filter_to_java(vjp_variables),
      'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)}),
      _check_scope(scope), [scope_function(fn)], [to_java(p) for p in primals])
  primal_out, java_fn, aux = _java_items(out)
  if has_aux:
    return from_java(primal_out), _VjpFn(java_fn), from_java(aux)
  return from_java(primal_out), _VjpFn(java_fn)


def value_and_grad(fn, scope, *primals, has_aux=False, reduce_axes=(), variables=True,
                   rngs=True):
  if reduce_axes:
    raise NotImplementedError('reduce_axes argument to value_and_grad is deprecated')
  out = _direct('value_and_grad', {'has_aux': bool(has_aux), 'variables': filter_to_java(variables),
                                    'rngs': filter_to_java(rngs)}, (fn,), scope, primals)
  if has_aux:
    y, aux, grads = out
    return (y, aux), grads
  return out


def custom_vjp(fn, forward_fn, backward_fn, grad_vars='params', nondiff_argnums=()):
  from jax._src.bridge import tree_function

  def inner(scope, *args):
    return _direct('custom_vjp', {
        'grad_vars': filter_to_java(grad_vars), 'nondiff_argnums': list(nondiff_argnums),
        'backward_fn': tree_function(backward_fn)}, (fn, forward_fn), scope, args)
  return inner
