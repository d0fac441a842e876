"""Lifted transformations of flax.linen over the Java core's lifts.

A transform applies to a Module class (a subclass named e.g. `ScanLSTMCell` whose `__call__`, or
the `methods` given, run lifted), or to a function whose first argument is a module (also a method
decorated inside a class body, e.g. `@nn.checkpoint` over `@nn.compact def __call__`). Either way
the Java side runs the lifted core transform over the module's scope and hands the function a copy
of the module bound to the inner scope.
"""

import functools
import warnings

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
import jax  # noqa: F401,E402
from flax.core import lift  # noqa: F401,E402

from flax import errors
from flax._java import FB, to_java, from_java, filter_to_java, pairs_to_java
from flax.core.frozen_dict import FrozenDict
from flax.linen.module import Module, module_of_peer

# Transforms whose core lift drops keyword arguments (Flax's pack(enable_kwargs=False)).
_NO_KWARGS = frozenset({'vmap', 'scan', 'remat_scan'})


def _axes_to_java(axes):
  from flax.core.axes_scan import broadcast
  if axes is broadcast:
    return FB.broadcast()
  if isinstance(axes, (list, tuple)):
    items = [_axes_to_java(a) for a in axes]
    return to_java(items if isinstance(axes, list) else tuple(items))
  if isinstance(axes, dict):
    return to_java({k: _axes_to_java(v) for k, v in axes.items()})
  return axes


def _run_as_method(fn, kwargs):
  """`fn(module, *args, **kwargs)` run as a method of `module` (setup, module stack)."""
  def call(module, *args):
    return FB.run(module._peer, lambda: fn(module, *args, **kwargs))
  return call


def _lifted_call(kind, options, name, module, fn, args, kwargs):
  """Runs `fn(module_copy, *args)` under core transform `kind` over `module`'s scope."""
  if not isinstance(module, Module):
    raise errors.TransformTargetError(module)
  peer = module.__dict__.get('_peer')
  if peer is None or not FB.isBound(peer):
    raise errors.CallCompactUnboundModuleError()
  if kwargs and kind in _NO_KWARGS:
    msg = 'kwargs are not supported in {}, so "{}" is(are) ignored'
    warnings.warn(msg.format(kind, ', '.join(kwargs.keys())), RuntimeWarning)
    kwargs = {}

  with_modules = kind != 'jit' and _holds_module(args)

  def inner(inner_peer, *java_args):
    copy = module_of_peer(inner_peer, module)
    inner_args = [from_java(a) for a in java_args]
    if with_modules:
      inner_args = [_peers_to_modules(a, o) for a, o in zip(inner_args, args)]
    out = fn(copy, *inner_args, **kwargs)
    if isinstance(out, (Module,)):
      raise errors.TransformedMethodReturnValueError(name)
    return to_java(out)

  if with_modules:
    java_args = [to_java(_modules_to_peers(a)) for a in args]
    return from_java(FB.liftWithModules(kind, to_java(options), peer, inner, java_args))
  return from_java(FB.lift(kind, to_java(options), peer, inner, [to_java(a) for a in args]))


def _map_tree(tree, fn):
  if isinstance(tree, dict):
    return {k: _map_tree(v, fn) for k, v in tree.items()}
  if isinstance(tree, list):
    return [_map_tree(v, fn) for v in tree]
  if type(tree) is tuple:
    return tuple(_map_tree(v, fn) for v in tree)
  return fn(tree)


def _holds_module(args):
  found = []
  _map_tree(list(args), lambda x: found.append(x) if isinstance(x, Module) else None)
  return bool(found)


def _modules_to_peers(tree):
  """Bound modules among the arguments as their Java peers (lifted with their scopes)."""
  def peer_of(x):
    if isinstance(x, Module):
      peer = x.__dict__.get('_peer')
      if peer is None or not FB.isBound(peer):
        raise errors.CallCompactUnboundModuleError()
      return peer
    return x
  return _map_tree(tree, peer_of)


def _peers_to_modules(tree, original):
  """`tree` (inner arguments) with the peer standing where `original` has a module replaced by
  that module's copy bound to the peer."""
  if isinstance(original, Module):
    return module_of_peer(tree, original)
  if isinstance(original, dict):
    return {k: _peers_to_modules(tree[k], v) for k, v in original.items()}
  if isinstance(original, (list, tuple)) and isinstance(tree, (list, tuple)):
    items = [_peers_to_modules(t, o) for t, o in zip(tree, original)]
    return items if isinstance(original, list) else tuple(items)
  return tree


def _lift_transform(kind, target, options, methods=None):
  """Flax's lift_transform: class, function or method targets. `options` is a function of the
  transform's keyword arguments giving the options the Java side takes; with `methods` a dict,
  each method gets the options of its own keyword arguments (and none of the others), as in
  Flax."""
  if isinstance(target, type) and issubclass(target, Module):
    return _class_transform(kind, target, options, methods)
  if isinstance(target, Module) or not callable(target):
    raise errors.TransformTargetError(target)
  built = options()

  @functools.wraps(target)
  def wrapped(module, *args, **kwargs):
    return _lifted_call(kind, built, getattr(target, '__name__', kind), module,
                        _run_as_method(target, {}), args, kwargs)
  return wrapped


def _class_transform(kind, target, options, methods):
  if methods is None:
    per_method = {'__call__': options()}
  elif isinstance(methods, dict):
    per_method = {name: options.__wrapped__(**kw) for name, kw in methods.items()}
  elif isinstance(methods, (list, tuple)):
    per_method = {name: options() for name in methods}
  else:
    raise ValueError('transform methods argument must be None, tuple, list, or dict.')
  attrs = {}
  for name, method_options in per_method.items():
    orig = getattr(target, name)

    def make(orig, name, method_options):
      def transformed(self, *args, **kwargs):
        return _lifted_call(kind, method_options, name, self,
                            lambda m, *a, **kw: orig(m, *a, **kw), args, kwargs)
      transformed.__name__ = name
      transformed.__qualname__ = f'{target.__name__}.{name}'
      transformed.__doc__ = getattr(orig, '__doc__', None)
      return transformed
    attrs[name] = make(orig, name, method_options)
  attrs['__module__'] = target.__module__
  return type(kind.capitalize() + target.__name__, (target,), attrs)


def _options(builder, **kwargs):
  """`builder(**kwargs)` as a function of no arguments that also keeps `builder` (for the
  per-method keyword arguments of `methods={name: kwargs}`) as `__wrapped__`."""
  def bound():
    return builder(**kwargs)
  bound.__wrapped__ = builder
  return bound


def _metadata_params(metadata_params):
  return to_java({str(k): v for k, v in dict(metadata_params).items()})


def _vmap_options(variable_axes=FrozenDict(), split_rngs=FrozenDict(), in_axes=0, out_axes=0,
                  axis_size=None, axis_name=None, spmd_axis_name=None, metadata_params={}):
  if spmd_axis_name is not None:
    raise NotImplementedError('flaxj: nn.vmap(spmd_axis_name=...) is not supported (no devices)')
  return {
      'variable_axes': pairs_to_java(variable_axes),
      'split_rngs': pairs_to_java(split_rngs),
      'in_axes': _axes_to_java(in_axes),
      'out_axes': _axes_to_java(out_axes),
      'axis_size': axis_size,
      'axis_name': axis_name,
      'metadata_params': _metadata_params(metadata_params),
  }


def vmap(target, variable_axes=FrozenDict(), split_rngs=FrozenDict(), in_axes=0, out_axes=0,
         axis_size=None, axis_name=None, spmd_axis_name=None, metadata_params={}, methods=None):
  """A lifted version of jax.vmap."""
  return _lift_transform('vmap', target, _options(
      _vmap_options, variable_axes=variable_axes, split_rngs=split_rngs, in_axes=in_axes,
      out_axes=out_axes, axis_size=axis_size, axis_name=axis_name,
      spmd_axis_name=spmd_axis_name, metadata_params=metadata_params), methods)


def _data_transform_to_java(data_transform):
  """Flax's `data_transform(variable_groups, rng_groups) -> (variable_groups, rng_groups)` as
  the Java side calls it (Java trees in and out)."""
  if data_transform is None:
    return None

  def java_side(variable_groups, rng_groups):
    groups, rngs = data_transform(tuple(from_java(variable_groups)), tuple(from_java(rng_groups)))
    return to_java((list(groups), list(rngs)))
  return java_side


def _scan_options(variable_axes=FrozenDict(), variable_broadcast=False, variable_carry=False,
                  split_rngs=FrozenDict(), in_axes=0, out_axes=0, length=None, reverse=False,
                  unroll=1, data_transform=None, metadata_params={}, _split_transpose=False,
                  check_constancy_invariants=True):
  if _split_transpose:
    raise NotImplementedError('flaxj: nn.scan(_split_transpose=True) is not supported')
  return {
      'variable_axes': pairs_to_java(variable_axes),
      'variable_broadcast': filter_to_java(variable_broadcast),
      'variable_carry': filter_to_java(variable_carry),
      'split_rngs': pairs_to_java(split_rngs),
      'in_axes': _axes_to_java(in_axes),
      'out_axes': _axes_to_java(out_axes),
      'length': length,
      'reverse': bool(reverse),
      'unroll': unroll,
      'check_constancy_invariants': bool(check_constancy_invariants),
      'data_transform': _data_transform_to_java(data_transform),
      'metadata_params': _metadata_params(metadata_params),
  }


def scan(target, variable_axes=FrozenDict(), variable_broadcast=False, variable_carry=False,
         split_rngs=FrozenDict(), in_axes=0, out_axes=0, length=None, reverse=False, unroll=1,
         data_transform=None, metadata_params={}, methods=None, _split_transpose=False,
         check_constancy_invariants=True):
  """A lifted version of jax.lax.scan: `(module, carry, *xs) -> (carry, ys)`."""
  return _lift_transform('scan', target, _options(
      _scan_options, variable_axes=variable_axes, variable_broadcast=variable_broadcast,
      variable_carry=variable_carry, split_rngs=split_rngs, in_axes=in_axes, out_axes=out_axes,
      length=length, reverse=reverse, unroll=unroll, data_transform=data_transform,
      metadata_params=metadata_params, _split_transpose=_split_transpose,
      check_constancy_invariants=check_constancy_invariants), methods)


def _checkpoint_options(variables=True, rngs=True, concrete=False, prevent_cse=True,
                        static_argnums=(), policy=None):
  if concrete:
    raise NotImplementedError(
        'The concrete argument is deprecated. Use static_argnums instead.')
  if isinstance(static_argnums, int):
    static_argnums = (static_argnums,)
  return {
      'variables': filter_to_java(variables),
      'rngs': filter_to_java(rngs),
      'prevent_cse': bool(prevent_cse),
      # Flax counts static_argnums with `self` as argument 0.
      'static_argnums': [i - 1 for i in static_argnums],
      'policy': _policy_to_java(policy, 'checkpoint'),
  }


def checkpoint(target, variables=True, rngs=True, concrete=False, prevent_cse=True,
               static_argnums=(), policy=None, methods=None):
  """A lifted version of jax.checkpoint (alias `remat`)."""
  options = _options(_checkpoint_options, variables=variables, rngs=rngs, concrete=concrete,
                     prevent_cse=prevent_cse, static_argnums=static_argnums, policy=policy)
  return _lift_transform('checkpoint', target, options, methods)


remat = checkpoint


def _policy_to_java(policy, kind):
  """A jax.checkpoint_policies policy as the Java policy it carries (None: JAX's default)."""
  if policy is None:
    return None
  java_policy = getattr(policy, '_java', None)
  if java_policy is None:
    raise NotImplementedError(
        f'flaxj: nn.{kind}(policy=...) takes the policies of jax.checkpoint_policies; '
        f'a Python policy function ({policy!r}) is not supported')
  return java_policy


def _jit_options(variables=True, rngs=True, static_argnums=(), static_argnames=(),
                 donate_argnums=(), device=None, backend=None):
  if static_argnames:
    raise NotImplementedError('flaxj: nn.jit(static_argnames=...) is not supported; '
                              'use static_argnums')
  if isinstance(static_argnums, int):
    static_argnums = (static_argnums,)
  if isinstance(donate_argnums, int):
    donate_argnums = (donate_argnums,)
  return {
      'variables': filter_to_java(variables),
      'rngs': filter_to_java(rngs),
      # counted with the module as argument 0, as Flax's linen jit counts them
      'static_argnums': list(static_argnums),
      'donate_argnums': list(donate_argnums),
  }


def jit(target, variables=True, rngs=True, static_argnums=(), static_argnames=(),
        donate_argnums=(), device=None, backend=None, methods=None):
  """A lifted version of jax.jit."""
  return _lift_transform('jit', target, _options(
      _jit_options, variables=variables, rngs=rngs, static_argnums=static_argnums,
      static_argnames=static_argnames, donate_argnums=donate_argnums, device=device,
      backend=backend), methods)


def _remat_scan_options(lengths=(), policy=None, variable_broadcast=False, variable_carry=False,
                        variable_axes=FrozenDict({True: 0}), split_rngs=FrozenDict({True: True})):
  return {
      'lengths': list(lengths),
      'policy': _policy_to_java(policy, 'remat_scan'),
      'variable_broadcast': filter_to_java(variable_broadcast),
      'variable_carry': filter_to_java(variable_carry),
      'variable_axes': pairs_to_java(variable_axes),
      'split_rngs': pairs_to_java(split_rngs),
  }


def remat_scan(target, lengths=(), policy=None, variable_broadcast=False, variable_carry=False,
               variable_axes=FrozenDict({True: 0}), split_rngs=FrozenDict({True: True})):
  """remat and scan combined: `target` repeated prod(lengths) times."""
  return _lift_transform('remat_scan', target, _options(
      _remat_scan_options, lengths=lengths, policy=policy, variable_broadcast=variable_broadcast,
      variable_carry=variable_carry, variable_axes=variable_axes, split_rngs=split_rngs), None)


def map_variables(target, mapped_collections=True, trans_in_fn=lambda x: x,
                  trans_out_fn=lambda x: x, init=False, mutable=False, rngs=True,
                  variables=True, methods=None):
  """Maps the variables of `mapped_collections` on the way in and out of `target`."""
  return _lift_transform('map_variables', target, _options(
      _map_variables_options, mapped_collections=mapped_collections, trans_in_fn=trans_in_fn,
      trans_out_fn=trans_out_fn, init=init, mutable=mutable, rngs=rngs, variables=variables),
      methods)


def _map_variables_options(mapped_collections=True, trans_in_fn=lambda x: x,
                           trans_out_fn=lambda x: x, init=False, mutable=False, rngs=True,
                           variables=True):
  def tree_fn(fn):
    return lambda v: to_java(fn(from_java(v)))

  return {
      'mapped_collections': filter_to_java(mapped_collections),
      'trans_in_fn': tree_fn(trans_in_fn),
      'trans_out_fn': tree_fn(trans_out_fn),
      'init': bool(init),
      'mutable': bool(mutable),
      'rngs': filter_to_java(rngs),
      'variables': filter_to_java(variables),
  }



# ---- transforms of functions of a module (Flax's lift_direct_transform) ----

def _unbound_fn(target, kind):
  if isinstance(target, type) and issubclass(target, Module):
    raise ValueError(
        f'The {kind} transform can only be applied on a Module method. That is function that '
        'takes a Module instance as its first arg.')
  if not callable(target):
    raise ValueError('transform target must be callable')
  if hasattr(target, '__self__') and isinstance(target.__self__, Module):
    return target.__func__
  return target


def _direct(kind, options, targets, mdl, args):
  """Runs `kind` with functions `targets(mdl_copy, *args)` over `mdl`'s scope."""
  targets = [_unbound_fn(t, kind) for t in targets]
  if not isinstance(mdl, Module):
    raise errors.TransformTargetError(mdl)
  peer = mdl.__dict__.get('_peer')
  if peer is None or not FB.isBound(peer):
    raise errors.CallCompactUnboundModuleError()

  def scoped(target):
    def inner(inner_peer, *java_args):
      copy = module_of_peer(inner_peer, mdl)
      args = [from_java(a) for a in java_args]
      out = FB.run(inner_peer, lambda: target(copy, *args))
      return to_java(out)
    return inner
  return FB.direct(kind, to_java(options), peer, [scoped(t) for t in targets],
                   [to_java(a) for a in args])


def while_loop(cond_fn, body_fn, mdl, init, carry_variables=False, broadcast_variables=True,
               split_rngs=FrozenDict()):
  """A lifted version of jax.lax.while_loop over a module's variables."""
  options = {
      'carry_variables': filter_to_java(carry_variables),
      'broadcast_variables': filter_to_java(broadcast_variables),
      'split_rngs': pairs_to_java(split_rngs),
  }
  return from_java(_direct('while_loop', options, (cond_fn, body_fn), mdl, (init,)))


def cond(pred, true_fun, false_fun, mdl, *operands, variables=True, rngs=True):
  """A lifted version of jax.lax.cond."""
  options = {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)}
  return from_java(_direct('cond', options, (true_fun, false_fun), mdl, (pred,) + operands))


def switch(index, branches, mdl, *operands, variables=True, rngs=True):
  """A lifted version of jax.lax.switch."""
  options = {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)}
  return from_java(_direct('switch', options, tuple(branches), mdl, (index,) + operands))


def jvp(fn, mdl, primals, tangents, variable_tangents, variables=True, rngs=True):
  """A lifted version of jax.jvp: `(primals_out, tangents_out)`."""
  options = {'variables': filter_to_java(variables), 'rngs': filter_to_java(rngs)}
  out = _direct('jvp', options, (fn,), mdl,
                (tuple(primals), tuple(tangents), _unfrozen(variable_tangents)))
  return from_java(out)


class _VjpFn:
  """The VJP function of nn.vjp: maps an output cotangent to (variable grads, *input grads)."""

  def __init__(self, java_fn):
    self._java = java_fn

  def __call__(self, *cotangents):
    return from_java(FB.applyFunction(self._java, [to_java(c) for c in cotangents]))


def _register_vjp_fn():
  from jax import tree_util
  tree_util.register_pytree_node(_VjpFn, lambda f: ((f._java,), None),
                                 lambda _, children: _VjpFn(children[0]))


_register_vjp_fn()


def vjp(fn, mdl, *primals, has_aux=False, reduce_axes=(), vjp_variables='params',
        variables=True, rngs=True, multi_scope=False):
  """A lifted version of jax.vjp: `(out, vjp_fn)` (`(out, vjp_fn, aux)` with has_aux)."""
  if reduce_axes:
    raise NotImplementedError('reduce_axes argument to vjp is deprecated')
  options = {
      'has_aux': bool(has_aux),
      'vjp_variables': filter_to_java(vjp_variables),
      'variables': filter_to_java(variables),
      'rngs': filter_to_java(rngs),
  }
  out = _direct('vjp', options, (fn,), mdl, primals)
  items = from_java(_java_items(out))
  primal_out, java_fn, aux = items
  if has_aux:
    return primal_out, _VjpFn(java_fn), aux
  return primal_out, _VjpFn(java_fn)


def _java_items(out):
  """A Java tuple whose items must not be converted (a Java function among them)."""
  from jax._src.bridge import _raw_bridge
  return tuple(_raw_bridge.items(out))


def value_and_grad(fn, mdl, *primals, has_aux=False, reduce_axes=(), variables=True, rngs=True):
  """A lifted version of jax.value_and_grad (gradients with respect to `primals` only)."""
  if reduce_axes:
    raise NotImplementedError('reduce_axes argument to value_and_grad is deprecated')
  options = {'has_aux': bool(has_aux), 'variables': filter_to_java(variables),
             'rngs': filter_to_java(rngs)}
  result = from_java(_direct('value_and_grad', options, (fn,), mdl, primals))
  if has_aux:
    out, aux, grads = result
  else:
    out, grads = result
    aux = None
  if out.shape != ():
    raise ValueError(
        f'grad can only work on functions with scalar-valued outputs. out shape={out.shape}')
  return ((out, aux), grads) if has_aux else (out, grads)


def grad(fn, mdl, *primals, has_aux=False, reduce_axes=(), variables=True, rngs=True):
  """A lifted version of jax.grad (gradients with respect to `primals` only)."""
  if reduce_axes:
    raise NotImplementedError('reduce_axes argument to grad is deprecated')
  if has_aux:
    (_, aux), grads = value_and_grad(fn, mdl, *primals, has_aux=True, variables=variables,
                                     rngs=rngs)
    return grads, aux
  _, grads = value_and_grad(fn, mdl, *primals, variables=variables, rngs=rngs)
  return grads


def custom_vjp(fn, forward_fn, backward_fn, grad_vars='params', nondiff_argnums=()):
  """A lifted version of jax.custom_vjp: `fn(mdl, *args)` with a custom reverse rule."""
  from jax._src.bridge import tree_function

  def wrapped(mdl, *args):
    options = {
        'grad_vars': filter_to_java(grad_vars),
        'nondiff_argnums': list(nondiff_argnums),
        'backward_fn': tree_function(backward_fn),
    }
    return from_java(_direct('custom_vjp', options, (fn, forward_fn), mdl, args))
  return wrapped


def _unfrozen(tree):
  from flax.core.frozen_dict import unfreeze
  return unfreeze(tree)
