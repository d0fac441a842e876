"""The bridge between Python and flaxj's Java core.

Contract (used by `jax` and `flax`):

* `java.NAME` is the Java facade class NAME listed in dev.flaxj.python.Bridges (Jnp, Jax, Lax,
  Random, ControlFlow, Trees, Initializers, Activations, PyBridge, PyArrays, and whatever else is
  added there). Calling one of its static methods raises Java errors as Python exceptions (see
  `translate`). `call(f, *args)` does the same for methods of Java objects (builders, outputs).
* `to_java(tree)` / `from_java(tree)` convert pytrees: dict <-> java Map (insertion order kept),
  list <-> List, tuple <-> dev.flaxj.tree.Tuple, None <-> null, jax.Array <-> the Java Value it
  wraps, Python int/bool/float/str as themselves (Java Integer or Long (see PyBridge.normalize;
  containers built here hold Integers), Boolean, Double (JAX's weak float32 when it meets an
  array), String), custom pytree nodes of jax.tree_util flattened to their
  children, any other object as an opaque leaf (PyObject) that comes back as itself.
* `kwargs_function(fn)` is `tree_function(fn)` for a function called with keyword arguments
  (a trailing Java Kwargs, built by `kwargs(dict)`), as jitted functions are.
* `tree_function(fn)` turns a Python callable on pytrees into a dev.flaxj.transform.TreeFunction
  (arguments converted with from_java, the result with to_java); `scope_function(fn)` into a
  dev.flaxj.core.ScopeFunction (the Java Scope is passed first, unconverted).
* `register_error(java_class_name, python_class)` and `register_error_resolver(prefix, fn)` say
  which Python exception a Java exception becomes.
"""

import _flaxj_host
from polyglot import ForeignException

_errors = {}
_resolvers = []


def register_error(java_class_name, python_class):
    """A Java exception of exactly this class (fully qualified name) becomes `python_class`."""
    _errors[java_class_name] = python_class


def register_error_resolver(prefix, resolve):
    """Java exceptions whose class name starts with `prefix` become `resolve(simple_name)`, unless
    that returns None."""
    _resolvers.append((prefix, resolve))


_DEFAULT_ERRORS = {
    'java.lang.IllegalArgumentException': ValueError,
    'java.lang.IllegalStateException': RuntimeError,
    'java.lang.UnsupportedOperationException': NotImplementedError,
    'java.lang.IndexOutOfBoundsException': IndexError,
    'java.lang.ArrayIndexOutOfBoundsException': IndexError,
    'java.lang.ArithmeticException': OverflowError,
    'java.lang.ClassCastException': TypeError,
    'java.lang.NullPointerException': TypeError,
    'java.lang.StackOverflowError': RecursionError,
    'java.lang.OutOfMemoryError': MemoryError,
    'dev.flaxj.transform.JaxTypeError': TypeError,
    'dev.flaxj.transform.control.ControlFlowTypeError': TypeError,
    # Java classes named after the Python exception Flax raises at that place.
    'dev.flaxj.errors.PyTypeError': TypeError,
    'dev.flaxj.errors.PyValueError': ValueError,
    'dev.flaxj.errors.PyNotImplementedError': NotImplementedError,
}


_SHAPE_MESSAGES = ('incompatible shapes', 'cannot reshape', 'contracting dimensions',
                   'must have equal output types')


def _split(foreign):
    text = str(foreign)
    head, sep, rest = text.partition(': ')
    if ' ' in head or not sep:
        return head if ' ' not in head else '', text
    return head, rest


def translate(foreign):
    """The Python exception for a Java exception (a polyglot ForeignException)."""
    java_class, message = _split(foreign)
    cls = _errors.get(java_class)
    if cls is None:
        for prefix, resolve in _resolvers:
            if java_class.startswith(prefix):
                cls = resolve(java_class.rsplit('.', 1)[-1])
                if cls is not None:
                    break
    if cls is None:
        cls = _DEFAULT_ERRORS.get(java_class)
        if cls is ValueError and any(m in message for m in _SHAPE_MESSAGES):
            cls = TypeError  # JAX reports shape and dtype mismatches of operations as TypeError
    if cls is None:
        return RuntimeError(str(foreign))
    return cls(message)


def call(fn, *args):
    """`fn(*args)` for a Java method `fn`, Java errors raised as Python ones."""
    try:
        return fn(*args)
    except ForeignException as e:
        raise translate(e) from None


class _Facade:
    __slots__ = ('_static', '_name', '__dict__')

    def __init__(self, name, static):
        self._name = name
        self._static = static

    def __getattr__(self, attr):
        method = getattr(self._static, attr)

        def guarded(*args):
            try:
                return method(*args)
            except ForeignException as e:
                raise translate(e) from None

        guarded.__name__ = attr
        self.__dict__[attr] = guarded
        return guarded

    def __repr__(self):
        return '<java facade %s>' % self._name


class _Java:
    def __getattr__(self, name):
        facade = _Facade(name, getattr(_flaxj_host, name))
        setattr(self, name, facade)
        return facade


java = _Java()
_B = java.PyBridge
_raw_bridge = _flaxj_host.PyBridge

# Set by jax._src.array (Array wraps a Java Value) and jax.tree_util (custom nodes); kept here
# so the bridge has no import cycle.
array_type = None
wrap_value = None
custom_nodes = {}


def to_java(tree):
    """A Python pytree as the Java objects the core takes (see the module docstring)."""
    if tree is None:
        return None
    t = type(tree)
    if t is array_type:
        return tree._value
    if t is bool or t is int or t is str or t is float:
        return tree
    if t is dict:
        flat = []
        for k, v in tree.items():
            flat.append(k)
            flat.append(to_java(v))
        return _raw_bridge.dict(*flat)
    if t is list:
        return _raw_bridge.list(*[to_java(v) for v in tree])
    if t is tuple:
        return _raw_bridge.tuple(*[to_java(v) for v in tree])
    node = custom_nodes.get(t)
    if node is not None:
        children, aux = node.flatten(tree)
        return _raw_bridge.node(_marker(t, aux), *[to_java(c) for c in children])
    if isinstance(tree, array_type):
        return tree._value
    if _is_java(tree):
        return tree
    if hasattr(tree, '__jax_array__'):
        return to_java(tree.__jax_array__())
    return _raw_bridge.opaque(tree)


class _CustomNode:
    """The metadata of a custom pytree node in Java: its type and static data. Equal nodes share
    one marker (Java compares tree structures by metadata equality)."""
    __slots__ = ('type', 'aux')

    def __init__(self, type_, aux):
        self.type = type_
        self.aux = aux


_markers = {}


def _marker(type_, aux):
    try:
        key = (type_, aux)
        found = _markers.get(key)
        if found is None:
            found = _markers[key] = _raw_bridge.opaque(_CustomNode(type_, aux))
        return found
    except TypeError:
        return _raw_bridge.opaque(_CustomNode(type_, aux))




def _is_java(x):
    try:
        return _B.kind(x) != 'python' and type(x).__module__ == 'polyglot'
    except Exception:
        return False


def from_java(tree):
    """Java objects from the core as a Python pytree (see the module docstring)."""
    if tree is None:
        return None
    t = type(tree)
    if t is bool or t is int or t is float or t is str:
        return tree
    kind = _raw_bridge.kind(tree)
    if kind == 'value':
        return wrap_value(tree)
    if kind == 'dict':
        items = _raw_bridge.dictItems(tree)
        n = len(items) // 2
        return {items[i]: from_java(items[n + i]) for i in range(n)}
    if kind == 'list':
        return [from_java(v) for v in _raw_bridge.items(tree)]
    if kind == 'tuple':
        return tuple(from_java(v) for v in _raw_bridge.items(tree))
    if kind == 'node':
        marker = _raw_bridge.unwrap(_raw_bridge.nodeMetadata(tree))
        return custom_nodes[marker.type].unflatten(
            marker.aux, [from_java(c) for c in _raw_bridge.items(tree)])
    if kind == 'python':
        return _raw_bridge.unwrap(tree)
    return tree


def tree_function(fn):
    """`fn` (Python pytrees in, a pytree out) as a Java TreeFunction."""
    def java_side(*args):
        return to_java(fn(*[from_java(a) for a in args]))
    return _raw_bridge.treeFunction(java_side)


def kwargs_function(fn):
    """`fn` as a Java TreeFunction that also takes keyword arguments: a trailing Java Kwargs
    argument (see `kwargs`) is passed to `fn` as its keyword arguments."""
    def java_side(*args):
        kw = {}
        if args and _raw_bridge.kind(args[-1]) == 'kwargs':
            items = _raw_bridge.kwargsItems(args[-1])
            n = len(items) // 2
            kw = {items[i]: from_java(items[n + i]) for i in range(n)}
            args = args[:-1]
        return to_java(fn(*[from_java(a) for a in args], **kw))
    return _raw_bridge.treeFunction(java_side)


def kwargs(kw):
    """A dict of keyword arguments as a Java Kwargs (values converted with to_java)."""
    flat = []
    for k, v in kw.items():
        flat.append(k)
        flat.append(to_java(v))
    return _raw_bridge.kwargs(*flat)


def tree_functions(fns):
    """A Java List of TreeFunctions (lax.switch branches)."""
    return _raw_bridge.treeFunctions(*[_wrapped(f) for f in fns])


def _wrapped(fn):
    def java_side(*args):
        return to_java(fn(*[from_java(a) for a in args]))
    return java_side


def scope_function(fn):
    """`fn(scope, *args)` as a Java ScopeFunction: the Java Scope is passed as it is, the other
    arguments with from_java; the result goes back with to_java."""
    def java_side(scope, *args):
        return to_java(fn(scope, *[from_java(a) for a in args]))
    return _raw_bridge.scopeFunction(java_side)
