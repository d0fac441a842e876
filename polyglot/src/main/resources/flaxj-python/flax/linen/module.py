"""flax.linen.Module: what is Python about a module, over the Java linen Module.

A module class is a dataclass (fields with defaults, then the keyword-only `parent` and `name`).
Each instance stands for a Java module (its peer): a PyModule for user classes, the Java layer
itself for nn.Dense and the other built-in layers. The peer does scopes, naming (`Dense_0`),
variables, RNGs, init/apply/bind and lifting; Python does fields, `@compact`, `setup`, the
registration of submodules assigned in `setup` and the method bodies. Whenever the Java side
copies a module (binding, adoption, a lifted transform) it asks for a fresh Python object made
from the dataclass fields, as Flax's `clone`.
"""

import contextlib
import dataclasses
import functools
import typing

# Names real Flax's module binds, which its docstring examples use (doctests run in its globals).
import jax  # noqa: F401,E402
import jax.numpy as jnp  # noqa: F401,E402

from flax import errors
from flax._java import FB, to_java, from_java, filter_to_java
from flax.core.meta import boxes_to_java, boxes_from_java
from flax.core.scope import DenyList


class _Sentinel:
  def __repr__(self):
    return '_unspecified_parent'

  def __copy__(self):
    return self

  def __deepcopy__(self, memo):
    return self


_unspecified_parent = _Sentinel()

# Methods of Module itself that are never wrapped as module methods.
_UNWRAPPED = frozenset({
    'setup', 'init', 'init_with_output', 'apply', 'bind', 'unbind', 'param', 'variable',
    'make_rng', 'sow', 'is_initializing', 'is_mutable_collection', 'has_variable', 'has_rng',
    'get_variable', 'put_variable', 'clone', 'copy', 'tabulate', 'variables', 'path',
    'perturb',
})


def compact(fun):
  """Marks `fun` as the single method that may define submodules and variables inline."""
  fun.compact = True
  return fun


def nowrap(fun):
  """Marks `fun` as a helper that does not run as a module method (no setup, no naming scope)."""
  fun.nowrap = True
  return fun


def _is_module_method(name, value):
  if name == '__call__':
    return callable(value)
  if name.startswith('_') or name in _UNWRAPPED:
    return False
  return callable(value) and not isinstance(value, (type, staticmethod, classmethod))


def _wrap_method(fun):
  """Runs `fun` as a method of its bound module: setup first, the module on the module stack."""
  if getattr(fun, 'nowrap', False) or getattr(fun, '_flaxj_wrapped', False):
    return fun

  @functools.wraps(fun)
  def wrapped(self, *args, **kwargs):
    run = _run_interceptors if _interceptor_stack else _call
    peer = self.__dict__.get('_peer')
    if peer is None or not FB.isBound(peer):
      if getattr(fun, 'compact', False):
        raise errors.CallCompactUnboundModuleError()
      return run(fun, self, args, kwargs)
    self._sync_name()
    return FB.run(peer, lambda: run(fun, self, args, kwargs))

  wrapped._flaxj_wrapped = True
  return wrapped


def _call(fun, module, args, kwargs):
  return fun(module, *args, **kwargs)


_interceptor_stack = []


@dataclasses.dataclass(frozen=True)
class InterceptorContext:
  """What an interceptor is told: the module, the method's name, the original bound method."""
  module: typing.Any
  method_name: str
  orig_method: typing.Callable[..., typing.Any]


@contextlib.contextmanager
def intercept_methods(interceptor):
  """Calls `interceptor(next_fun, args, kwargs, context)` instead of every module method."""
  _interceptor_stack.append(interceptor)
  try:
    yield
  finally:
    _interceptor_stack.pop()


def _run_interceptors(fun, module, args, kwargs):
  """`fun(module, *args)` through the interceptors, the first registered outermost."""
  method = functools.partial(fun, module)
  context = InterceptorContext(module, fun.__name__, method)

  def wrap(interceptor, next_fun):
    def call(*a, **kw):
      return interceptor(next_fun, a, kw, context)
    return call
  for interceptor in reversed(_interceptor_stack):
    method = wrap(interceptor, method)
  return method(*args, **kwargs)


def _map_modules(value, fn, prefix):
  """`fn(module, name)` for every module in value (a module, or a list/tuple/dict of them)."""
  if isinstance(value, Module):
    return fn(value, prefix)
  if isinstance(value, (list, tuple)):
    out = [_map_modules(v, fn, f'{prefix}_{i}') for i, v in enumerate(value)]
    if all(a is b for a, b in zip(out, value)):
      return value
    return type(value)(out) if isinstance(value, list) or type(value) is tuple else value
  if isinstance(value, dict):
    out = {k: _map_modules(v, fn, f'{prefix}_{k}') for k, v in value.items()}
    if all(out[k] is value[k] for k in value):
      return value
    return type(value)(out) if type(value) is dict else out
  return value


def module_of_peer(peer, template):
  """The Python module standing for Java module `peer`, which is `template`'s peer or a copy of it."""
  python = FB.python(peer)
  if python is not None:
    return python
  if template.__dict__.get('_peer') is peer:
    return template
  return template._flaxj_copy(peer)


class Module:
  """Base class of all neural network modules (flax.linen.Module)."""

  def __init_subclass__(cls, **kwargs):
    super().__init_subclass__(**kwargs)
    _dataclass_transform(cls)
    compact_methods = [n for n, v in cls.__dict__.items() if getattr(v, 'compact', False)]
    if len(compact_methods) > 1:
      raise errors.MultipleMethodsCompactError()
    for name, value in list(cls.__dict__.items()):
      if _is_module_method(name, value):
        setattr(cls, name, _wrap_method(value))

  # ---- construction and copies ----

  def __post_init__(self):
    d = self.__dict__
    d['_in_setup'] = False
    d['_setup_ran'] = False
    type_name = type(self).__name__
    if self.parent is None:
      d['_peer'] = FB.detached(lambda: self._make_peer(type_name, self.name))
    else:
      d['_peer'] = self._make_peer(type_name, self.name)
    self._sync_name()

  def _make_peer(self, type_name, name):
    """The Java module this instance stands for (a PyModule; layers override)."""
    return FB.pyModule(self, type_name, name)

  def _sync_name(self):
    if self.__dict__.get('name') is None:
      peer = self.__dict__.get('_peer')
      if peer is not None:
        name = FB.name(peer)
        if name is not None:
          object.__setattr__(self, 'name', name)

  def _flaxj_copy(self, peer):
    """A fresh Python module with this one's construction fields, standing for `peer`."""
    new = object.__new__(type(self))
    for f in dataclasses.fields(self):
      if f.init and f.name in self.__dict__:
        object.__setattr__(new, f.name, self.__dict__[f.name])
    if self.__dict__.get('name') is None or FB.name(peer) is not None:
      object.__setattr__(new, 'name', FB.name(peer))
    d = new.__dict__
    d['_in_setup'] = False
    d['_setup_ran'] = False
    d['_peer'] = peer
    return new

  def _flaxj_setup(self):
    """Called by the Java module once per binding: adopt module fields, then run `setup`."""
    self._sync_name()
    d = self.__dict__
    d['_setup_ran'] = True
    for f in dataclasses.fields(self):
      if f.name in ('parent', 'name') or f.name not in d:
        continue
      value = d[f.name]
      adopted = _map_modules(value, self._adopt, f.name)
      if adopted is not value:
        object.__setattr__(self, f.name, adopted)
    d['_in_setup'] = True
    try:
      type(self).setup(self)
    finally:
      d['_in_setup'] = False

  def _adopt(self, module, name):
    child = FB.adopt(self._peer, module._peer, name)
    return module_of_peer(child, module)

  def _flaxj_forward(self, *args):
    """Called by the Java module's forward (Java callers, lifted transforms): `self(*args)`."""
    return to_java(self(*[from_java(a) for a in args]))

  def setup(self):
    """Defines submodules and variables lazily (override in subclasses)."""

  def __setattr__(self, name, value):
    d = self.__dict__
    if not d.get('_in_setup'):
      if '_peer' not in d or name.startswith('__') or not FB.isBound(d['_peer']):
        object.__setattr__(self, name, value)
        return
      raise errors.SetAttributeFrozenModuleError(type(self).__name__, name, value)
    field = self.__dataclass_fields__.get(name)
    if field is not None and field.init:
      raise errors.SetAttributeInModuleSetupError()
    object.__setattr__(self, name, _map_modules(value, self._adopt, name))

  def __getattr__(self, name):
    d = self.__dict__
    if not name.startswith('_') and not d.get('_setup_ran', True):
      peer = d.get('_peer')
      if peer is not None and FB.isBound(peer):
        FB.run(peer, lambda: None)
        if name in d:
          return d[name]
    raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

  def __repr__(self):
    from flax.core.frozen_dict import _indent
    rep = ''
    attributes = [f.name for f in dataclasses.fields(self)
                  if f.name not in ('parent', 'name') and f.repr]
    if attributes:
      rep += '# attributes\n'
      for attr in attributes:
        rep += f'{attr} = {_attr_repr(self.__dict__.get(attr))}\n'
    if rep:
      return f'{type(self).__name__}(\n{_indent(rep, 4)})'
    return f'{type(self).__name__}()'

  def clone(self, *, parent=None, **updates):
    """An unbound copy with some fields replaced."""
    attrs = {f.name: self.__dict__[f.name] for f in dataclasses.fields(self)
             if f.init and f.name not in ('parent',) and f.name in self.__dict__}
    attrs.update(updates)
    return type(self)(**attrs)

  def copy(self, **updates):
    return self.clone(**updates)

  # ---- binding ----

  def _bound_peer(self):
    peer = self.__dict__.get('_peer')
    if peer is None or not FB.isBound(peer):
      raise ValueError("Can't access variables on unbound modules")
    return peer

  @property
  def scope(self):
    """The flax.core Scope the module is bound to; None while unbound."""
    from flax.core.scope import Scope
    peer = self.__dict__.get('_peer')
    return None if peer is None or not FB.isBound(peer) else Scope(FB.scopeOf(peer))

  def _method(self, method):
    if method is None:
      return type(self).__call__
    if isinstance(method, str):
      attr = getattr(type(self), method, None)
      if attr is None or not callable(attr):
        raise errors.ApplyModuleInvalidMethodError(method)
      return attr
    if not callable(method):
      raise errors.ApplyModuleInvalidMethodError(method)
    if isinstance(getattr(method, '__self__', None), Module):
      return method.__func__
    return method

  def _runner(self, method, args, kwargs):
    fn = self._method(method)

    def run(peer):
      return fn(module_of_peer(peer, self), *args, **kwargs)
    return run

  def init_with_output(self, rngs, *args, method=None,
                       mutable=DenyList('intermediates'), capture_intermediates=False,
                       **kwargs):
    """Initialises the module: `(output, variables)`."""
    if isinstance(self, type):
      raise errors.InvalidInstanceModuleError()
    out = FB.initWithOutput(self._peer, _rngs_to_java(rngs), self._runner(method, args, kwargs),
                            filter_to_java(mutable))
    return boxes_from_java(from_java(out))

  def init(self, rngs, *args, method=None, mutable=DenyList('intermediates'),
           capture_intermediates=False, **kwargs):
    """Initialises the module and returns its variables."""
    _, variables = self.init_with_output(rngs, *args, method=method, mutable=mutable,
                                         capture_intermediates=capture_intermediates, **kwargs)
    return variables

  def apply(self, variables, *args, rngs=None, method=None, mutable=False,
            capture_intermediates=False, **kwargs):
    """Applies the module to `variables`: the output, or `(output, mutated)` if `mutable`."""
    out = FB.apply(self._peer, _variables_to_java(variables),
                   None if rngs is None else _rngs_to_java(rngs),
                   self._runner(method, args, kwargs), filter_to_java(mutable))
    return boxes_from_java(from_java(out))

  def bind(self, variables, *args, rngs=None, mutable=False):
    """A copy bound to `variables`, for interactive use."""
    peer = FB.bind(self._peer, _variables_to_java(variables),
                   None if rngs is None else _rngs_to_java(rngs), filter_to_java(mutable))
    return module_of_peer(peer, self)

  def tabulate(self, rngs, *args, depth=None, show_repeated=False,
               mutable=DenyList('intermediates'), console_kwargs=None, table_kwargs={},
               column_kwargs={}, compute_flops=False, compute_vjp_flops=False, **kwargs):
    """The summary table Flax prints: one row per module call with its inputs, outputs and
    variables (see flax.linen.summary.tabulate)."""
    from flax.linen.summary import module_table
    return module_table(self, rngs, *args, depth=depth, show_repeated=show_repeated,
                    mutable=mutable, console_kwargs=console_kwargs, table_kwargs=table_kwargs,
                    column_kwargs=column_kwargs, compute_flops=compute_flops,
                    compute_vjp_flops=compute_vjp_flops, **kwargs)

  def unbind(self):
    peer = self.__dict__.get('_peer')
    if peer is None or not FB.isBound(peer):
      raise errors.CallUnbindOnUnboundModuleError()
    return self.clone(), self.variables

  # ---- variables ----

  @property
  def variables(self):
    """The variables visible to this module, by collection."""
    return boxes_from_java(from_java(FB.variables(self._bound_peer())))

  def is_initializing(self):
    return FB.isInitializing(self._bound_peer())

  def is_mutable_collection(self, col):
    return FB.isMutableCollection(self._bound_peer(), col)

  def has_variable(self, col, name):
    return FB.hasVariable(self._bound_peer(), col, name)

  def has_rng(self, name):
    return FB.hasRng(self._bound_peer(), name)

  def make_rng(self, name='params'):
    return from_java(FB.makeRng(self._bound_peer(), name))

  def param(self, name, init_fn, *init_args, unbox=True, **init_kwargs):
    """Declares (or reads) parameter `name`, created as `init_fn(rng, *init_args)`."""
    peer = self._bound_peer()
    shape = init_args[0] if len(init_args) == 1 else None
    if hasattr(init_fn, '_java') and not init_kwargs and isinstance(shape, (tuple, list, int)):
      shape = [shape] if isinstance(shape, int) else [int(d) for d in shape]
      return from_java(FB.paramOf(peer, name, init_fn._java, shape))

    def java_init(key):
      return boxes_to_java(init_fn(from_java(key), *init_args, **init_kwargs))
    return from_java(FB.param(peer, name, java_init))

  def variable(self, col, name, init_fn=None, *init_args, unbox=True, **init_kwargs):
    """Declares (or reads) variable `name` of collection `col`; returns a Variable."""
    peer = self._bound_peer()
    java_init = None
    if init_fn is not None:
      def java_init():
        return to_java(_call_init(init_fn, init_args, init_kwargs))
    return Variable(FB.variable(peer, col, name, java_init))

  def get_variable(self, col, name, default=None):
    if not self.has_variable(col, name):
      return default
    return from_java(FB.getVariable(self._bound_peer(), col, name))

  def put_variable(self, col, name, value):
    FB.putVariable(self._bound_peer(), col, name, to_java(value))

  def sow(self, col, name, value, reduce_fn=None, init_fn=None):
    """Stores `value` in collection `col` (appended to a tuple by default) if it is mutable."""
    peer = self._bound_peer()
    if reduce_fn is None and init_fn is None:
      return FB.sow(peer, col, name, to_java(value))
    reduce_fn = reduce_fn or (lambda xs, x: xs + (x,))
    init_fn = init_fn or tuple
    return FB.sowWith(peer, col, name, to_java(value), lambda: to_java(init_fn()),
                      lambda xs, x: to_java(reduce_fn(from_java(xs), from_java(x))))

  def perturb(self, name, value, collection='perturbations'):
    """Adds a zero-initialised variable to `value`, so its gradient is the gradient of `value`."""
    import jax
    import jax.numpy as jnp
    peer = self._bound_peer()
    if FB.isMutableCollection(peer, collection) and not FB.hasVariable(peer, collection, name):
      zeros = jax.tree_util.tree_map(jnp.zeros_like, value)
      FB.sowWith(peer, collection, name, None, lambda: to_java(zeros), lambda xs, x: xs)
    if FB.hasCollection(peer, collection):
      if not FB.hasVariable(peer, collection, name):
        raise ValueError(f'Perturbation collection {collection} present, but '
                         f'missing perturbation variable {name}')
      old = from_java(FB.getVariable(peer, collection, name))
      value = jax.tree_util.tree_map(jnp.add, value, old)
    return value

  @property
  def path(self):
    return tuple(from_java(FB.path(self._bound_peer())))


class Variable:
  """A variable of a module's scope; read and written through `.value`."""

  def __init__(self, java_variable):
    self._variable = java_variable

  @property
  def value(self):
    return from_java(FB.value(self._variable))

  @value.setter
  def value(self, v):
    FB.setValue(self._variable, to_java(v))

  @property
  def collection(self):
    return FB.collection(self._variable)

  @property
  def name(self):
    return FB.variableName(self._variable)

  def __repr__(self):
    return f'Variable(collection={self.collection!r}, name={self.name!r})'


def _call_init(init_fn, args, kwargs):
  """`init_fn(*args, **kwargs)`; a Java initialiser called as `(key, shape)` runs on the Java side."""
  if hasattr(init_fn, '_java') and len(args) == 2 and not kwargs:
    key, shape = args
    shape = [shape] if isinstance(shape, int) else [int(d) for d in shape]
    return from_java(FB.initialize(init_fn._java, to_java(key), shape))
  return init_fn(*args, **kwargs)


def _attr_repr(value):
  if callable(value) and not isinstance(value, Module) and getattr(value, '__name__', None):
    return value.__name__
  return repr(value)


def _rngs_to_java(rngs):
  return to_java(dict(rngs) if isinstance(rngs, dict) else rngs)


def _variables_to_java(variables):
  from flax.core.frozen_dict import unfreeze
  return boxes_to_java(unfreeze(variables))


def _dataclass_transform(cls):
  """Makes `cls` a dataclass with Flax's keyword-only `parent` and `name` fields last."""
  annotations = dict(cls.__dict__.get('__annotations__', {}))
  if annotations.get('parent', None) not in (None,) or (
      'name' in annotations and annotations['name'] not in ('str', str, typing.Optional[str])):
    raise errors.ReservedModuleAttributeError(annotations)
  own = cls.__dict__.get('__annotations__')
  if own is None:
    own = {}
    cls.__annotations__ = own
  if not any('name' in getattr(b, '__dataclass_fields__', {}) for b in cls.__mro__[1:]):
    own['parent'] = typing.Any
    own['name'] = typing.Optional[str]
    cls.parent = dataclasses.field(repr=False, default=_unspecified_parent, kw_only=True)
    cls.name = dataclasses.field(default=None, kw_only=True)
  dataclasses.dataclass(cls, unsafe_hash='__hash__' not in cls.__dict__, repr=False)


def apply(fn, module, mutable=False, capture_intermediates=False):
  """`fn(module, *args)` as a function of `(variables, *args, rngs=None)` (flax.linen.apply)."""
  def scope_fn(variables, *args, rngs=None, **kwargs):
    return module.apply(variables, *args, rngs=rngs, method=fn, mutable=mutable, **kwargs)
  return scope_fn


def init_with_output(fn, module, mutable=DenyList('intermediates'), capture_intermediates=False):
  """`fn(module, *args)` as a function of `(rngs, *args)` returning `(output, variables)`."""
  def scope_fn(rngs, *args, **kwargs):
    return module.init_with_output(rngs, *args, method=fn, mutable=mutable, **kwargs)
  return scope_fn


def init(fn, module, mutable=DenyList('intermediates'), capture_intermediates=False):
  """`fn(module, *args)` as a function of `(rngs, *args)` returning the variables."""
  def scope_fn(rngs, *args, **kwargs):
    return module.init(rngs, *args, method=fn, mutable=mutable, **kwargs)
  return scope_fn
