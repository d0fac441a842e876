"""The JAX transformations (jax.jit, jax.grad, jax.vmap, ...) over dev.flaxj.transform.Jax:
each wraps the Python function as a Java TreeFunction, sets JAX's keyword arguments on the
Java builder, and converts arguments and results between Python and Java pytrees."""

import functools
import inspect
import types

from jax._src import bridge
from jax._src.bridge import java, to_java, from_java, tree_function, call

_X = java.Jax


def _argnums(argnums):
    return [argnums] if isinstance(argnums, int) else [int(a) for a in argnums]


def _apply(java_fn, args):
    return from_java(java.PyBridge.call(java_fn, *[to_java(a) for a in args]))


def _with_kwargs(fun, kwargs):
    return functools.partial(fun, **kwargs) if kwargs else fun


def _wraps(fun, wrapper, prefix=''):
    try:
        functools.update_wrapper(wrapper, fun)
        wrapper.__wrapped__ = fun
    except (AttributeError, TypeError):
        pass
    return wrapper


def jit(fun=None, *, static_argnums=(), static_argnames=(), donate_argnums=(),
        donate_argnames=(), device=None, backend=None, inline=False, keep_unused=False,
        abstracted_axes=None, compiler_options=None):
    if fun is None:
        return functools.partial(jit, static_argnums=static_argnums,
                                 static_argnames=static_argnames, donate_argnums=donate_argnums)
    statics, names = _static_args(fun, static_argnums, static_argnames)
    jitted = _X.jit(bridge.kwargs_function(fun))
    if statics:
        jitted = call(jitted.staticArgnums, statics)
    if names:
        jitted = call(jitted.staticArgnames, names)
    name = getattr(fun, '__name__', None)
    if isinstance(name, str):
        jitted = call(jitted.name, name)

    return PjitFunction(fun, jitted)


class PjitFunction:
    """What `jax.jit` returns (JAX's type name): calls the Java jitted function, wraps `fun`
    (`__wrapped__`, `__name__`, signature) and binds as a method as functions do."""

    def __init__(self, fun, jitted):
        _wraps(fun, self)  # first: it copies fun.__dict__, which may hold these two
        self._fun = fun
        self._flaxj_jitted = jitted

    def __call__(self, *args, **kwargs):
        if kwargs:
            # keyword arguments are traced like positional ones, unless static_argnames
            return _apply(self._flaxj_jitted, args + (bridge.kwargs(kwargs),))
        return _apply(self._flaxj_jitted, args)

    def __get__(self, instance, owner=None):
        return self if instance is None else types.MethodType(self, instance)

    def lower(self, *args, **kwargs):
        return _Lowered(self._fun, args)

    def __repr__(self):
        return '<PjitFunction of %r>' % (self._fun,)


def _static_args(fun, static_argnums, static_argnames):
    """static_argnums and static_argnames completed from each other through the signature of
    `fun`, as jax.jit does (a parameter marked static by name is static when passed by position,
    and the other way round)."""
    nums = [] if static_argnums is None else _argnums(static_argnums)
    names = [static_argnames] if isinstance(static_argnames, str) else list(static_argnames or ())
    try:
        params = list(inspect.signature(fun).parameters.values())
    except (TypeError, ValueError):
        return nums, names
    positional = [p.name for p in params
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    for i, p in enumerate(positional):
        if p in names and i not in nums:
            nums.append(i)
    for i in list(nums):
        if 0 <= i < len(positional) and positional[i] not in names:
            names.append(positional[i])
    return nums, names


class _Lowered:
    def __init__(self, fun, args):
        self.fun, self.args = fun, args

    def as_text(self):
        return str(make_jaxpr(self.fun)(*self.args))

    def compile(self):
        return self


def vmap(fun, in_axes=0, out_axes=0, axis_name=None, axis_size=None, spmd_axis_name=None):
    def wrapper(*args, **kwargs):
        f = _with_kwargs(fun, kwargs)
        axes_in = in_axes
        if isinstance(axes_in, list):
            axes_in = tuple(axes_in)
        v = java.PyBridge.vmap(tree_function(f), to_java(axes_in), to_java(out_axes))
        if axis_name is not None:
            v = call(v.axisName, axis_name)
        if axis_size is not None:
            v = call(v.axisSize, int(axis_size))
        return _apply(v, args)
    return _wraps(fun, wrapper)


def _grad_builder(java_builder, fun, argnums, has_aux, allow_int):
    def wrapper(*args, **kwargs):
        g = java_builder(tree_function(_with_kwargs(fun, kwargs)))
        g = call(g.argnums, argnums if isinstance(argnums, int) else _argnums(argnums))
        if has_aux:
            g = call(g.hasAux, True)
        if allow_int:
            g = call(g.allowInt, True)
        return _apply(g, args)
    return _wraps(fun, wrapper)


def grad(fun, argnums=0, has_aux=False, holomorphic=False, allow_int=False, reduce_axes=()):
    return _grad_builder(_X.grad, fun, argnums, has_aux, allow_int)


def value_and_grad(fun, argnums=0, has_aux=False, holomorphic=False, allow_int=False,
                   reduce_axes=()):
    return _grad_builder(_X.valueAndGrad, fun, argnums, has_aux, allow_int)


def jacrev(fun, argnums=0, has_aux=False, holomorphic=False, allow_int=False):
    return _grad_builder(_X.jacrev, fun, argnums, has_aux, allow_int)


def jacfwd(fun, argnums=0, has_aux=False, holomorphic=False):
    single = isinstance(argnums, int)

    def wrapper(*args, **kwargs):
        j = java.PyBridge.jacfwd(tree_function(_with_kwargs(fun, kwargs)), _argnums(argnums),
                                 single, bool(has_aux))
        return _apply(j, args)
    return _wraps(fun, wrapper)


jacobian = jacrev


def hessian(fun, argnums=0, has_aux=False, holomorphic=False):
    def wrapper(*args):
        h = _X.hessian(tree_function(fun))
        if argnums != 0:
            h = call(h.argnums, _argnums(argnums))
        return _apply(h, args)
    return _wraps(fun, wrapper)


def jvp(fun, primals, tangents, has_aux=False):
    if not isinstance(primals, (tuple, list)) or not isinstance(tangents, (tuple, list)):
        raise TypeError('primal and tangent arguments to jax.jvp must be tuples or lists; found '
                        '%s and %s.' % (type(primals).__name__, type(tangents).__name__))
    f = fun
    if has_aux:
        f = lambda *a: tuple(fun(*a))
    out = _X.jvp(tree_function(f), [to_java(p) for p in primals], [to_java(t) for t in tangents])
    primal_out = from_java(call(out.primalOut))
    tangent_out = from_java(call(out.tangentOut))
    if has_aux:
        return primal_out[0], tangent_out[0], primal_out[1]
    return primal_out, tangent_out


def _java_fn_as_python(java_fn):
    def f(*args):
        return _apply(java_fn, args)
    return f


def vjp(fun, *primals, has_aux=False, reduce_axes=()):
    out = java.PyBridge.vjp(tree_function(fun), bool(has_aux), *[to_java(p) for p in primals])
    vjp_fn = _java_fn_as_python(call(out.vjpFn))
    if has_aux:
        return from_java(call(out.primalOut)), vjp_fn, from_java(call(out.aux))
    return from_java(call(out.primalOut)), vjp_fn


def linearize(fun, *primals, has_aux=False):
    out = java.PyBridge.linearize(tree_function(fun), bool(has_aux),
                                  *[to_java(p) for p in primals])
    jvp_fn = _java_fn_as_python(call(out.jvpFn))
    if has_aux:
        return from_java(call(out.primalOut)), jvp_fn, from_java(call(out.aux))
    return from_java(call(out.primalOut)), jvp_fn


def checkpoint(fun=None, *, prevent_cse=True, policy=None, static_argnums=()):
    if fun is None:
        return functools.partial(checkpoint, prevent_cse=prevent_cse, policy=policy,
                                 static_argnums=static_argnums)

    def wrapper(*args, **kwargs):
        c = _X.checkpoint(tree_function(_with_kwargs(fun, kwargs)))
        if not prevent_cse:
            c = call(c.preventCse, False)
        if policy is not None:
            c = call(c.policy, policy._java if hasattr(policy, '_java') else policy)
        if static_argnums:
            c = call(c.staticArgnums, _argnums(static_argnums))
        return _apply(c, args)
    return _wraps(fun, wrapper)


remat = checkpoint


def stop_gradient(x):
    return from_java(_X.stopGradient(to_java(x)))


class _Jaxpr:
    def __init__(self, closed):
        self._java = closed

    def __str__(self):
        return str(self._java.toString())

    __repr__ = __str__

    @property
    def jaxpr(self):
        return self


def make_jaxpr(fun, static_argnums=(), axis_env=None, return_shape=False, abstracted_axes=None):
    def wrapper(*args, **kwargs):
        m = _X.makeJaxpr(tree_function(_with_kwargs(fun, kwargs)))
        if static_argnums:
            m = call(m.staticArgnums, _argnums(static_argnums))
        return _Jaxpr(call(m.apply, *[java.PyBridge.normalize(to_java(a)) for a in args]))
    return _wraps(fun, wrapper)


class ShapeDtypeStruct:
    """A shape and dtype standing for an array (what eval_shape returns)."""
    __slots__ = ('shape', 'dtype', 'weak_type', 'sharding')

    def __init__(self, shape, dtype, weak_type=False, sharding=None):
        from jax._src import dtypes
        self.shape = tuple(shape)
        self.dtype = dtypes.dtype(dtype)
        self.weak_type = weak_type
        self.sharding = sharding

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    def __repr__(self):
        w = ', weak_type=True' if self.weak_type else ''
        return 'ShapeDtypeStruct(shape=%s, dtype=%s%s)' % (self.shape, self.dtype.name, w)

    def __eq__(self, other):
        return (isinstance(other, ShapeDtypeStruct) and self.shape == other.shape
                and self.dtype == other.dtype and self.weak_type == other.weak_type)

    def __hash__(self):
        return hash((self.shape, self.dtype, self.weak_type))


def eval_shape(fun, *args, **kwargs):
    from jax._src import tree_util
    from jax._src import numpy_api

    def concrete(x):
        if isinstance(x, ShapeDtypeStruct):
            return numpy_api.zeros(x.shape, x.dtype)
        return x

    args = tree_util.tree_map(concrete, args)
    out = from_java(_X.evalShape(tree_function(_with_kwargs(fun, kwargs)),
                                 *[to_java(a) for a in args]))

    def shaped(x):
        if type(x).__module__ == 'polyglot' and java.PyBridge.kind(x) == 'java':
            return ShapeDtypeStruct(tuple(java.PyArrays.avalShape(x)),
                                    str(java.PyArrays.avalDtype(x)))
        if hasattr(x, 'shape') and hasattr(x, 'dtype'):
            return ShapeDtypeStruct(x.shape, x.dtype, weak_type=getattr(x, 'weak_type', False))
        return x
    return tree_util.tree_map(shaped, out)


class _Device:
    platform = 'cpu'
    device_kind = 'cpu'
    id = 0

    def __repr__(self):
        return 'CpuDevice(id=0)'


_DEVICE = _Device()


def devices(backend=None):
    return [_DEVICE]


local_devices = devices


def device_count(backend=None):
    return 1


local_device_count = device_count


def default_backend():
    return 'cpu'


def device_put(x, device=None, **kwargs):
    return x


def block_until_ready(x):
    return x


def named_call(fun, *, name=None):
    return fun


def _custom_call(java_obj, args):
    return _apply(java_obj, args)


class custom_jvp:
    """jax.custom_jvp: `f.defjvp(rule)` with rule(primals, tangents) -> (out, tangent_out)."""

    def __init__(self, fun, nondiff_argnums=()):
        functools.update_wrapper(self, fun)
        self.fun = fun
        self.nondiff_argnums = tuple(nondiff_argnums)
        self.jvp = None

    def defjvp(self, jvp, symbolic_zeros=False):
        self.jvp = jvp
        return jvp

    def __call__(self, *args):
        if self.jvp is None:
            raise AttributeError('No JVP defined for custom_jvp function %s using defjvp.'
                                 % getattr(self.fun, '__name__', self.fun))
        c = java.Jax.customJvp(tree_function(self.fun), *self.nondiff_argnums)
        rule = self.jvp
        c = call(c.defjvp, tree_function(lambda *a: tuple(rule(*a))))
        return _custom_call(c, args)


class custom_vjp:
    """jax.custom_vjp: `f.defvjp(fwd, bwd)`."""

    def __init__(self, fun, nondiff_argnums=()):
        functools.update_wrapper(self, fun)
        self.fun = fun
        self.nondiff_argnums = tuple(nondiff_argnums)
        self.fwd = self.bwd = None

    def defvjp(self, fwd, bwd, symbolic_zeros=False, optimize_remat=False):
        self.fwd, self.bwd = fwd, bwd

    def __call__(self, *args):
        if self.fwd is None:
            raise AttributeError('No VJP defined for custom_vjp function %s using defvjp.'
                                 % getattr(self.fun, '__name__', self.fun))
        c = java.Jax.customVjp(tree_function(self.fun), *self.nondiff_argnums)
        fwd, bwd = self.fwd, self.bwd
        c = call(c.defvjp, tree_function(lambda *a: tuple(fwd(*a))),
                 tree_function(lambda *a: tuple(bwd(*a))))
        return _custom_call(c, args)
