"""flax.core.scope: filters, the Scope of functional code, and init/apply/bind over the Java core."""

import dataclasses
import functools

from flax._java import FB, to_java, from_java


@dataclasses.dataclass(frozen=True, eq=True)
class DenyList:
  """Opposite of an allow list: matches every collection that `deny` does not match."""
  deny: object


class Variable:
  """A variable of a scope, read and written through `.value`."""

  def __init__(self, scope, collection, name):
    self.scope = scope
    self.collection = collection
    self.name = name

  @property
  def value(self):
    return self.scope.get_variable(self.collection, self.name)

  @value.setter
  def value(self, v):
    self.scope.put_variable(self.collection, self.name, v)

  def is_mutable(self):
    return self.scope.is_mutable_collection(self.collection)


class Scope:
  """The variables, RNG streams and names of one place of a model (the Java core Scope)."""

  def __init__(self, java_scope):
    self._scope = java_scope

  @property
  def path(self):
    return tuple(from_java(FB.scopePath(self._scope)))

  @property
  def path_text(self):
    return FB.scopePathText(self._scope)

  def __repr__(self):
    return f'Scope({self.path_text})'

  def rewound(self, rewind_rngs=False):
    return Scope(FB.scopeRewound(self._scope))

  def reserve(self, name, col=None):
    FB.scopeReserve(self._scope, name, col)

  def default_name(self, prefix):
    i = 0
    while FB.scopeNameReserved(self._scope, f'{prefix}{i}'):
      i += 1
    return f'{prefix}{i}'

  def push(self, name=None, prefix='', reuse=False):
    if name is None:
      name = self.default_name(prefix)
    return Scope(FB.scopePush(self._scope, name, bool(reuse)))

  def child(self, fn, name=None, prefix=None, named_call=True, **partial_kwargs):
    """`fn` bound to a child scope (named `name`, or `prefix` + a number)."""
    if name is None:
      if prefix is None:
        prefix = fn.__name__ + '_' if hasattr(fn, '__name__') else ''
      name = self.default_name(prefix)
    scope = self.push(name)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
      return fn(scope.rewound(), *args, **dict(partial_kwargs, **kwargs))
    return wrapper

  def is_mutable_collection(self, col):
    return FB.scopeIsMutableCollection(self._scope, col)

  def has_rng(self, name):
    return FB.scopeHasRng(self._scope, name)

  def make_rng(self, name='params'):
    return from_java(FB.scopeMakeRng(self._scope, name))

  def variables(self):
    return from_java(FB.scopeVariables(self._scope))

  def has_variable(self, col, name):
    return FB.scopeHasVariable(self._scope, col, name)

  def get_variable(self, col, name, default=None):
    if not self.has_variable(col, name):
      return default
    return from_java(FB.scopeGetVariable(self._scope, col, name))

  def put_variable(self, col, name, value):
    FB.scopePutVariable(self._scope, col, name, to_java(value))

  def variable(self, col, name, init_fn=None, *init_args, unbox=True, **init_kwargs):
    java_init = None
    if init_fn is not None:
      def java_init():
        return to_java(init_fn(*init_args, **init_kwargs))
    FB.scopeVariable(self._scope, col, name, java_init)
    return Variable(self, col, name)

  def param(self, name, init_fn, *init_args, unbox=True, **init_kwargs):
    shape = init_args[0] if len(init_args) == 1 else None
    if hasattr(init_fn, '_java') and not init_kwargs and isinstance(shape, (tuple, list, int)):
      shape = [shape] if isinstance(shape, int) else [int(d) for d in shape]
      return from_java(FB.scopeParamOf(self._scope, name, init_fn._java, shape))

    def java_init(key):
      return to_java(init_fn(from_java(key), *init_args, **init_kwargs))
    return from_java(FB.scopeParam(self._scope, name, java_init))


def scope_function(fn):
  """`fn(scope, *args)` as the Java side calls it: a Java scope and Java trees in, a tree out."""
  def java_side(java_scope, *args):
    return to_java(fn(Scope(java_scope), *[from_java(a) for a in args]))
  return java_side


def _rngs(rngs):
  return to_java(dict(rngs) if isinstance(rngs, dict) else rngs)


def init(fn, mutable=True):
  """`fn(scope, *args)` as a function of `(rngs, *args)` returning `(output, variables)`."""
  from flax._java import filter_to_java

  @functools.wraps(fn)
  def wrapper(rngs, *args):
    return from_java(FB.coreInit(scope_function(fn), filter_to_java(mutable), _rngs(rngs),
                                 [to_java(a) for a in args]))
  return wrapper


def apply(fn, mutable=False):
  """`fn(scope, *args)` as a function of `(variables, *args, rngs=None)`."""
  from flax._java import filter_to_java
  from flax.core.frozen_dict import unfreeze

  @functools.wraps(fn)
  def wrapper(variables, *args, rngs=None):
    return from_java(FB.coreApply(scope_function(fn), filter_to_java(mutable),
                                  to_java(unfreeze(variables)),
                                  None if rngs is None else _rngs(rngs),
                                  [to_java(a) for a in args]))
  return wrapper
