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

  def inner(inner_peer, *java_args):
    copy = module_of_peer(inner_peer, module)
    out = fn(copy, *[from_java(a) for a in java_args], **kwargs)
    if isinstance(out, (Module,)):
      raise errors.TransformedMethodReturnValueError(name)
    return to_java(out)

  return from_java(FB.lift(kind, to_java(options), peer, inner, [to_java(a) for a in args]))


def _lift_transform(kind, target, options, methods=None):
  """Flax's lift_transform: class, function or method targets."""
  if isinstance(target, type) and issubclass(target, Module):
    return _class_transform(kind, target, options, methods)
  if isinstance(target, Module) or not callable(target):
    raise errors.TransformTargetError(target)

  @functools.wraps(target)
  def wrapped(module, *args, **kwargs):
    return _lifted_call(kind, options, getattr(target, '__name__', kind), module,
                        _run_as_method(target, {}), args, kwargs)
  return wrapped


def _class_transform(kind, target, options, methods):
  if methods is None:
    names = ['__call__']
  elif isinstance(methods, dict):
    names = list(methods)
  else:
    names = list(methods)
  attrs = {}
  for name in names:
    orig = getattr(target, name)

    def make(orig, name):
      def transformed(self, *args, **kwargs):
        return _lifted_call(kind, options, name, self,
                            lambda m, *a, **kw: orig(m, *a, **kw), args, kwargs)
      transformed.__name__ = name
      transformed.__qualname__ = f'{target.__name__}.{name}'
      transformed.__doc__ = getattr(orig, '__doc__', None)
      return transformed
    attrs[name] = make(orig, name)
  attrs['__module__'] = target.__module__
  return type(kind.capitalize() + target.__name__, (target,), attrs)


def vmap(target, variable_axes=FrozenDict(), split_rngs=FrozenDict(), in_axes=0, out_axes=0,
         axis_size=None, axis_name=None, spmd_axis_name=None, metadata_params={}, methods=None):
  """A lifted version of jax.vmap."""
  options = {
      'variable_axes': pairs_to_java(variable_axes),
      'split_rngs': pairs_to_java(split_rngs),
      'in_axes': _axes_to_java(in_axes),
      'out_axes': _axes_to_java(out_axes),
      'axis_size': axis_size,
      'axis_name': axis_name,
  }
  return _lift_transform('vmap', target, options, methods)


def scan(target, variable_axes=FrozenDict(), variable_broadcast=False, variable_carry=False,
         split_rngs=FrozenDict(), in_axes=0, out_axes=0, length=None, reverse=False, unroll=1,
         data_transform=None, metadata_params={}, methods=None, _split_transpose=False,
         check_constancy_invariants=True):
  """A lifted version of jax.lax.scan: `(module, carry, *xs) -> (carry, ys)`."""
  options = {
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
  }
  return _lift_transform('scan', target, options, methods)


def checkpoint(target, variables=True, rngs=True, concrete=False, prevent_cse=True,
               static_argnums=(), policy=None, methods=None):
  """A lifted version of jax.checkpoint (alias `remat`)."""
  if concrete:
    raise NotImplementedError(
        'The concrete argument is deprecated. Use static_argnums instead.')
  if policy is not None:
    raise NotImplementedError('flaxj: nn.checkpoint(policy=...) is not supported yet')
  if isinstance(static_argnums, int):
    static_argnums = (static_argnums,)
  options = {
      'variables': filter_to_java(variables),
      'rngs': filter_to_java(rngs),
      'prevent_cse': bool(prevent_cse),
      # Flax counts static_argnums with `self` as argument 0.
      'static_argnums': [i - 1 for i in static_argnums],
  }
  return _lift_transform('checkpoint', target, options, methods)


remat = checkpoint


def jit(target, variables=True, rngs=True, static_argnums=(), static_argnames=(),
        donate_argnums=(), device=None, backend=None, methods=None):
  """A lifted version of jax.jit."""
  if isinstance(static_argnums, int):
    static_argnums = (static_argnums,)
  if isinstance(donate_argnums, int):
    donate_argnums = (donate_argnums,)
  options = {
      'variables': filter_to_java(variables),
      'rngs': filter_to_java(rngs),
      # counted with the module as argument 0, as Flax's linen jit counts them
      'static_argnums': list(static_argnums),
      'donate_argnums': list(donate_argnums),
  }
  return _lift_transform('jit', target, options, methods)


def remat_scan(target, lengths=(), policy=None, variable_broadcast=False, variable_carry=False,
               variable_axes=FrozenDict({True: 0}), split_rngs=FrozenDict({True: True})):
  """remat and scan combined: `target` repeated prod(lengths) times."""
  if policy is not None:
    raise NotImplementedError('flaxj: nn.remat_scan(policy=...) is not supported yet')
  options = {
      'lengths': list(lengths),
      'variable_broadcast': filter_to_java(variable_broadcast),
      'variable_carry': filter_to_java(variable_carry),
      'variable_axes': pairs_to_java(variable_axes),
      'split_rngs': pairs_to_java(split_rngs),
  }
  return _lift_transform('remat_scan', target, options, None)


def map_variables(target, mapped_collections=True, trans_in_fn=lambda x: x,
                  trans_out_fn=lambda x: x, init=False, mutable=False, rngs=True,
                  variables=True, methods=None):
  """Maps the variables of `mapped_collections` on the way in and out of `target`."""
  def tree_fn(fn):
    return lambda v: to_java(fn(from_java(v)))

  options = {
      'mapped_collections': filter_to_java(mapped_collections),
      'trans_in_fn': tree_fn(trans_in_fn),
      'trans_out_fn': tree_fn(trans_out_fn),
      'init': bool(init),
      'mutable': bool(mutable),
      'rngs': filter_to_java(rngs),
      'variables': filter_to_java(variables),
  }
  return _lift_transform('map_variables', target, options, methods)



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
