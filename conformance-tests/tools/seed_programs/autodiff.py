"""Seed examples #9-#12 of the Flax "Transformations" page (jvp, vjp, custom_vjp), the value_and_grad and
grad docstring examples of flax/linen/transforms.py, and keyword-argument variants of them, run with fixed
inputs.

Owner: the autodiff-lifts work (H2). The Java twins are in
interpreter/src/test/java/dev/flaxj/linen/transforms/ (AutodiffSeedTest, AutodiffKeywordsTest). Inputs
are returned as values too ("x", "y" ...), so the Java tests read them from the golden.

Seed #9 as printed calls ``nn.initializers._init``, which does not exist in Flax (AttributeError); it is
recorded here with ``nn.initializers.zeros``, as Flax's own tests/linen/linen_transforms_test.py test_jvp
does. Seed #10 uses ``lift`` and ``jax``, which the page does not import; they are imported here.
"""

from .vmap_scan_checkpoint import ramp


def f32(value):
    """A float32 scalar array."""
    import jax.numpy as jnp
    return jnp.asarray(value, dtype=jnp.float32)


def learn_scale_xy(param_name='scale'):
    """LearnScale of the vjp / value_and_grad / grad examples: p * x * y with a zeros-initialised scalar p."""
    import flax.linen as nn

    class LearnScale(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            p = self.param(param_name, nn.initializers.zeros_init(), ())
            return p * x * y
    return LearnScale


def counted():
    """p * x * y * counter: param 'scale' (zeros) and state 'counter' (ones), for the variables filters."""
    import jax.numpy as jnp
    import flax.linen as nn

    class Counted(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            p = self.param('scale', nn.initializers.zeros_init(), ())
            c = self.variable('state', 'counter', lambda: jnp.ones((), jnp.float32))
            return p * x * y * c.value
    return Counted


def noisy():
    """p * x * uniform(make_rng('dropout'), x.shape), for the rngs filters."""
    import jax
    import flax.linen as nn

    class Noisy(nn.Module):
        @nn.compact
        def __call__(self, x):
            p = self.param('scale', nn.initializers.zeros_init(), ())
            return p * x * jax.random.uniform(self.make_rng('dropout'), x.shape)
    return Noisy


def xy():
    return ramp(3), ramp(3, scale=0.3, offset=0.2)


def counted_variables():
    return {'params': {'Counted_0': {'scale': f32(1.5)}},
            'state': {'Counted_0': {'counter': f32(3.0)}}}


def noisy_rngs():
    import jax
    return {'dropout': jax.random.key(1), 'params': jax.random.key(2)}


# ---------------------------------------------------------------- jvp (#9, #10)

def program_jvp_learn_scale():
    """#9 nn.jvp with variable_tangents={'params': vars_t} (nn.initializers.zeros for the seed's _init)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class LearnScale(nn.Module):
        @nn.compact
        def __call__(self, x):
            p = self.param('test', nn.initializers.zeros, ())
            return p * x

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x):
            scale = LearnScale()
            vars_t = jax.tree_util.tree_map(jnp.ones_like, scale.variables.get('params', {}))
            _, out_t = nn.jvp(
                lambda mdl, x: mdl(x), scale, (x,), (jnp.zeros_like(x),),
                variable_tangents={'params': vars_t})
            return out_t

    x = ramp(3)
    out_init, variables = Foo().init_with_output(jax.random.key(0), x)
    out_apply = Foo().apply(variables, x)
    out_apply_scale = Foo().apply({'params': {'LearnScale_0': {'test': f32(1.5)}}}, x * 2.0)
    return {"x": x, "out_init": out_init, "variables": variables, "out_apply": out_apply,
            "out_apply_scale_2x": out_apply_scale}


def program_jvp_functional_core():
    """#10 lift.jvp(learn_scale, scope, (x,), (zeros_like(x),), variable_tangents={'params': vars_t})."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    from flax.core import apply, init, lift

    def learn_scale(scope, x):
        p = scope.param('scale', nn.initializers.zeros_init(), ())
        return p * x

    def f(scope, x):
        vars_t = jax.tree_util.tree_map(jnp.ones_like, scope.variables().get('params', {}))
        x, out_t = lift.jvp(
            learn_scale, scope, (x,), (jnp.zeros_like(x),),
            variable_tangents={'params': vars_t})
        return out_t

    x = ramp(3)
    out_init, variables = init(f)(jax.random.key(0), x)
    out_apply = apply(f)(variables, x)
    out_apply_scale = apply(f)({'params': {'scale': f32(1.5)}}, x * 2.0)
    return {"x": x, "out_init": out_init, "variables": variables, "out_apply": out_apply,
            "out_apply_scale_2x": out_apply_scale}


def jvp_of(module_class, model_variables, x, **kwargs):
    """nn.jvp(lambda mdl, x: mdl(x), module_class(), (x,), (ones,), {'params': {'scale': 1.}}, **kwargs) under apply."""
    import jax.numpy as jnp
    import flax.linen as nn

    class Top(nn.Module):
        @nn.compact
        def __call__(self, x):
            return nn.jvp(lambda mdl, x: mdl(x), module_class(), (x,), (jnp.ones_like(x),),
                          {'params': {'scale': jnp.ones((), jnp.float32)}}, **kwargs)
    return Top().apply(model_variables, x, rngs=noisy_rngs())


def program_jvp_rngs():
    """nn.jvp of a module drawing make_rng('dropout'): rngs=True (default) and rngs='params'."""
    Noisy = noisy()
    x = ramp(3)
    variables = {'params': {'Noisy_0': {'scale': f32(1.5)}}}
    y, t = jvp_of(Noisy, variables, x)
    y_params, t_params = jvp_of(Noisy, variables, x, rngs='params')
    return {"x": x, "y": y, "t": t, "y_rngs_params": y_params, "t_rngs_params": t_params}


def program_jvp_rngs_false_raises():
    """nn.jvp(..., rngs=False): make_rng('dropout') inside finds no stream."""
    jvp_of(noisy(), {'params': {'Noisy_0': {'scale': f32(1.5)}}}, ramp(3), rngs=False)


def program_jvp_variables_params_raises():
    """nn.jvp(..., variables='params'): the module's 'state' collection is not lifted."""
    import jax.numpy as jnp
    import flax.linen as nn
    Counted = counted()

    class Top(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            return nn.jvp(lambda mdl, x, y: mdl(x, y), Counted(), (x, y), (jnp.ones_like(x), jnp.ones_like(y)),
                          {'params': {'scale': jnp.ones((), jnp.float32)}}, variables='params')
    x, y = xy()
    Top().apply(counted_variables(), x, y)


def program_jvp_variables_all():
    """The same nn.jvp with variables=True (default): 'state' is available, not differentiated."""
    import jax.numpy as jnp
    import flax.linen as nn
    Counted = counted()

    class Top(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            return nn.jvp(lambda mdl, x, y: mdl(x, y), Counted(), (x, y), (jnp.ones_like(x), jnp.ones_like(y)),
                          {'params': {'scale': jnp.ones((), jnp.float32)}})
    x, y = xy()
    out, t = Top().apply(counted_variables(), x, y)
    return {"x": x, "y": y, "out": out, "t": t}


# ---------------------------------------------------------------- vjp (#11)

def program_vjp_learn_scale():
    """#11 nn.vjp(lambda mdl, x, y: mdl(x, y), LearnScale(), x, y); bwd(jnp.ones(z.shape))."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    LearnScale = learn_scale_xy()

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            z, bwd = nn.vjp(lambda mdl, x, y: mdl(x, y), LearnScale(), x, y)
            params_grad, x_grad, y_grad = bwd(jnp.ones(z.shape))
            return z, params_grad, x_grad, y_grad

    x, y = xy()
    out_init, variables = Foo().init_with_output(jax.random.key(0), x, y)
    out_apply_scale = Foo().apply({'params': {'LearnScale_0': {'scale': f32(1.5)}}}, x, y)
    return {"x": x, "y": y, "out_init": out_init, "variables": variables, "out_apply_scale": out_apply_scale}


def vjp_of(module_class, model_variables, *args, cotangent=None, **kwargs):
    """z, bwd(, aux) = nn.vjp(lambda mdl, *a: mdl(*a), module_class(), *args, **kwargs); returns (z, bwd(ct)(, aux))."""
    import jax.numpy as jnp
    import flax.linen as nn

    class Top(nn.Module):
        @nn.compact
        def __call__(self, *args):
            out = nn.vjp(lambda mdl, *a: mdl(*a), module_class(), *args, **kwargs)
            ct = jnp.ones(out[0].shape) if cotangent is None else cotangent
            return (out[0], out[1](ct)) + tuple(out[2:])
    return Top().apply(model_variables, *args, rngs=noisy_rngs())


def program_vjp_has_aux():
    """nn.vjp(..., has_aux=True): fn returns (mdl(x, y), {'aux': x * 10})."""
    import flax.linen as nn
    LearnScale = learn_scale_xy()

    class WithAux(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            return LearnScale()(x, y), {'aux': x * 10.0}
    x, y = xy()
    z, grads, aux = vjp_of(WithAux, {'params': {'WithAux_0': {'LearnScale_0': {'scale': f32(1.5)}}}},
                           x, y, has_aux=True)
    return {"x": x, "y": y, "z": z, "grads": grads, "aux": aux}


def program_vjp_vjp_variables():
    """nn.vjp(..., vjp_variables=...): 'params' (default), 'state', ['params', 'state'], False."""
    x, y = xy()
    out = {"x": x, "y": y}
    for label, filt in [("params", 'params'), ("state", 'state'), ("both", ['params', 'state']), ("none", False)]:
        z, grads = vjp_of(counted(), counted_variables(), x, y, vjp_variables=filt)
        out["z"] = z
        out["grads_" + label] = grads
    return out


def program_vjp_variables_params_raises():
    """nn.vjp(..., variables='params'): the module's 'state' collection is not lifted."""
    x, y = xy()
    vjp_of(counted(), counted_variables(), x, y, variables='params')


def program_vjp_rngs():
    """nn.vjp of a module drawing make_rng('dropout'): rngs=True (default) and rngs='params'."""
    x = ramp(3)
    variables = {'params': {'Noisy_0': {'scale': f32(1.5)}}}
    z, grads = vjp_of(noisy(), variables, x)
    z_params, grads_params = vjp_of(noisy(), variables, x, rngs='params')
    return {"x": x, "z": z, "grads": grads, "z_rngs_params": z_params, "grads_rngs_params": grads_params}


def program_vjp_rngs_false_raises():
    """nn.vjp(..., rngs=False): make_rng('dropout') inside finds no stream."""
    vjp_of(noisy(), {'params': {'Noisy_0': {'scale': f32(1.5)}}}, ramp(3), rngs=False)


def scale_pair(multi_scope):
    """nn.vjp(lambda m, other, x: m(other(x)), Scale_1, Scale_0, x, multi_scope=...): a module as an argument."""
    import jax.numpy as jnp
    import flax.linen as nn

    class Scale(nn.Module):
        @nn.compact
        def __call__(self, x):
            return self.param('s', nn.initializers.constant(2.0), ()) * x

    class Top(nn.Module):
        @nn.compact
        def __call__(self, x):
            inner = Scale()
            outer = Scale()
            y, bwd = nn.vjp(lambda m, other, x: m(other(x)), outer, inner, x, multi_scope=multi_scope)
            var_grads, _, x_grad = bwd(jnp.ones_like(y))
            return y, var_grads, x_grad
    return Top


def program_vjp_multi_scope():
    """nn.vjp(..., multi_scope=True) with a bound module among the primals: one cotangent per scope."""
    x = ramp(3)
    variables = {'params': {'Scale_0': {'s': f32(1.5)}, 'Scale_1': {'s': f32(-2.0)}}}
    y, var_grads, x_grad = scale_pair(True)().apply(variables, x)
    return {"x": x, "y": y, "var_grads": var_grads, "x_grad": x_grad}


def program_vjp_multi_scope_false_raises():
    """nn.vjp(..., multi_scope=False) (default) with a bound module among the primals."""
    variables = {'params': {'Scale_0': {'s': f32(1.5)}, 'Scale_1': {'s': f32(-2.0)}}}
    scale_pair(False)().apply(variables, ramp(3))


# ---------------------------------------------------------------- custom_vjp (#12)

def sign_grad_foo():
    """The Foo of #12: nn.custom_vjp(f, forward_fn=fwd, backward_fn=bwd) over nn.Dense(1)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x):
            def f(mdl, x):
                return mdl(x)

            def fwd(mdl, x):
                return nn.vjp(f, mdl, x)

            def bwd(vjp_fn, y_t):
                params_t, *inputs_t = vjp_fn(y_t)
                params_t = jax.tree_util.tree_map(jnp.sign, params_t)
                return (params_t, *inputs_t)

            sign_grad = nn.custom_vjp(
                f, forward_fn=fwd, backward_fn=bwd)
            return sign_grad(nn.Dense(1), x).reshape(())
    return Foo


def program_custom_vjp_sign_grad():
    """#12 jax.grad(Foo().apply)(variables, x) with x = jnp.ones((2,))."""
    import jax
    import jax.numpy as jnp
    Foo = sign_grad_foo()
    x = jnp.ones((2,))
    variables = Foo().init(jax.random.key(0), x)
    grad = jax.grad(Foo().apply)(variables, x)
    y = Foo().apply(variables, x)
    return {"x": x, "variables": variables, "grad": grad, "y": y}


def program_custom_vjp_sign_grad_ramp():
    """#12 with x = [-0.5, -0.4] and grads w.r.t. variables and x (argnums=(0, 1))."""
    import jax
    Foo = sign_grad_foo()
    x = ramp(2)
    variables = Foo().init(jax.random.key(0), x)
    grad = jax.grad(Foo().apply, argnums=(0, 1))(variables, x)
    return {"x": x, "variables": variables, "grad": grad}


def stats_scale():
    """sum(w * x * s * k) + b: params w (ones), b (zeros); stats s (ones); k a float argument."""
    import jax.numpy as jnp
    import flax.linen as nn

    class StatsScale(nn.Module):
        @nn.compact
        def __call__(self, x, k):
            w = self.param('w', nn.initializers.ones_init(), (3,))
            b = self.param('b', nn.initializers.zeros_init(), ())
            s = self.variable('stats', 's', lambda: jnp.ones(3))
            return jnp.sum(w * x * s.value * k) + b
    return StatsScale


def sign_grad_loss(grad_vars, vjp_variables, nondiff_argnums):
    """A loss of (params, stats, x) through nn.custom_vjp(..., grad_vars=, nondiff_argnums=) on StatsScale."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    StatsScale = stats_scale()

    def f(mdl, x, k):
        return mdl(x, k)

    def fwd(mdl, x, k):
        return nn.vjp(lambda m, x: m(x, k), mdl, x, vjp_variables=vjp_variables)

    def bwd(*args):
        vjp_fn, y_t = args[-2:]
        var_t, *inputs_t = vjp_fn(y_t)
        return (jax.tree_util.tree_map(jnp.sign, var_t), *inputs_t)

    kwargs = {} if grad_vars is None else {'grad_vars': grad_vars}
    sign_grad = nn.custom_vjp(f, forward_fn=fwd, backward_fn=bwd, nondiff_argnums=nondiff_argnums, **kwargs)

    class Top(nn.Module):
        @nn.compact
        def __call__(self, x):
            return sign_grad(StatsScale(), x, 2.0)

    def loss(params, stats, x):
        return Top().apply({'params': {'StatsScale_0': params}, 'stats': {'StatsScale_0': stats}}, x)
    return loss


def stats_scale_inputs():
    import jax.numpy as jnp
    params = {'w': jnp.array([0.5, -2.0, 3.0], jnp.float32), 'b': f32(-1.5)}
    stats = {'s': jnp.array([1.0, 2.0, 3.0], jnp.float32)}
    return params, stats, ramp(3, scale=1.0, offset=-1.0)


def program_custom_vjp_grad_vars():
    """nn.custom_vjp(..., grad_vars=...) with nondiff_argnums=(2,): 'params' (default), 'stats', both."""
    import jax
    params, stats, x = stats_scale_inputs()
    default = sign_grad_loss(None, 'params', (2,))
    stats_only = sign_grad_loss('stats', 'stats', (2,))
    both = sign_grad_loss(['params', 'stats'], ['params', 'stats'], (2,))
    return {"params": params, "stats": stats, "x": x,
            "value": default(params, stats, x),
            "grad_default": jax.grad(default, argnums=(0, 2))(params, stats, x),
            "grad_stats": jax.grad(lambda s, x: stats_only(params, s, x), argnums=(0, 1))(stats, x),
            "grad_both": jax.grad(both, argnums=(0, 1, 2))(params, stats, x)}


def program_custom_vjp_grad_vars_mismatch_raises():
    """grad_vars=['params', 'stats'] but the backward rule returns only params cotangents."""
    import jax
    params, stats, x = stats_scale_inputs()
    jax.grad(sign_grad_loss(['params', 'stats'], 'params', (2,)), argnums=(0, 1))(params, stats, x)


def program_custom_vjp_grad_vars_invalid_raises():
    """grad_vars=42 is not a collection filter."""
    params, stats, x = stats_scale_inputs()
    sign_grad_loss(42, 'params', (2,))(params, stats, x)


def program_custom_vjp_nondiff_argnums_traced_raises():
    """nondiff_argnums=(1,) marks x, which jax.grad traces, as non-differentiable."""
    import jax
    params, stats, x = stats_scale_inputs()
    loss = sign_grad_loss(None, 'params', (1,))
    jax.grad(lambda x: loss(params, stats, x))(x)


# ---------------------------------------------------------------- value_and_grad, grad (docstrings)

def program_value_and_grad_docstring():
    """transforms.py value_and_grad example: z, (x_grad, y_grad) = nn.value_and_grad(..., LearnScale(), x, y)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    LearnScale = learn_scale_xy()

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            z, (x_grad, y_grad) = nn.value_and_grad(
                lambda mdl, x, y: mdl(x, y), LearnScale(), x, y)
            return z, x_grad, y_grad

    x, y = scalar_xy()
    out_init, variables = Foo().init_with_output(jax.random.key(0), x, y)
    out_apply_scale = Foo().apply({'params': {'LearnScale_0': {'scale': f32(1.5)}}}, x, y)
    return {"x": x, "y": y, "out_init": out_init, "variables": variables, "out_apply_scale": out_apply_scale}


def program_grad_docstring():
    """transforms.py grad example: x_grad, y_grad = nn.grad(..., LearnScale(), x, y)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    LearnScale = learn_scale_xy()

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x, y):
            x_grad, y_grad = nn.grad(
                lambda mdl, x, y: mdl(x, y), LearnScale(), x, y)
            return x_grad, y_grad

    x, y = scalar_xy()
    out_init, variables = Foo().init_with_output(jax.random.key(0), x, y)
    out_apply_scale = Foo().apply({'params': {'LearnScale_0': {'scale': f32(1.5)}}}, x, y)
    return {"x": x, "y": y, "out_init": out_init, "variables": variables, "out_apply_scale": out_apply_scale}


def grad_of(transform, module_class, model_variables, *args, fn=None, **kwargs):
    """transform(fn or (lambda mdl, *a: mdl(*a)), module_class(), *args, **kwargs) under apply."""
    import flax.linen as nn

    class Top(nn.Module):
        @nn.compact
        def __call__(self, *args):
            return transform(fn or (lambda mdl, *a: mdl(*a)), module_class(), *args, **kwargs)
    return Top().apply(model_variables, *args, rngs=noisy_rngs())


def scalar_xy():
    import jax.numpy as jnp
    return jnp.asarray(jnp.float32(3.0)), jnp.asarray(jnp.float32(4.0))


def program_value_and_grad_has_aux():
    """nn.value_and_grad / nn.grad (..., has_aux=True): fn returns (mdl(x, y), {'aux': x * 10})."""
    import flax.linen as nn
    x, y = scalar_xy()
    variables = {'params': {'LearnScale_0': {'scale': f32(1.5)}}}
    fn = lambda mdl, x, y: (mdl(x, y), {'aux': x * 10.0})
    return {"x": x, "y": y,
            "value_and_grad": grad_of(nn.value_and_grad, learn_scale_xy(), variables, x, y, fn=fn, has_aux=True),
            "grad": grad_of(nn.grad, learn_scale_xy(), variables, x, y, fn=fn, has_aux=True)}


def program_value_and_grad_variables_params_raises():
    """nn.value_and_grad(..., variables='params'): the module's 'state' collection is not lifted."""
    import flax.linen as nn
    x, y = scalar_xy()
    grad_of(nn.value_and_grad, counted(), counted_variables(), x, y, variables='params')


def program_grad_variables_params_raises():
    """nn.grad(..., variables='params'): the module's 'state' collection is not lifted."""
    import flax.linen as nn
    x, y = scalar_xy()
    grad_of(nn.grad, counted(), counted_variables(), x, y, variables='params')


def program_value_and_grad_variables_all():
    """nn.value_and_grad / nn.grad with variables=True (default) on the counted module."""
    import flax.linen as nn
    x, y = scalar_xy()
    return {"x": x, "y": y,
            "value_and_grad": grad_of(nn.value_and_grad, counted(), counted_variables(), x, y),
            "grad": grad_of(nn.grad, counted(), counted_variables(), x, y)}


def program_value_and_grad_rngs():
    """nn.value_and_grad / nn.grad of a scalar drawing make_rng('dropout'): rngs=True and rngs='params'."""
    import jax.numpy as jnp
    import flax.linen as nn
    x = jnp.asarray(jnp.float32(0.7))
    variables = {'params': {'Noisy_0': {'scale': f32(1.5)}}}
    return {"x": x,
            "value_and_grad": grad_of(nn.value_and_grad, noisy(), variables, x),
            "value_and_grad_rngs_params": grad_of(nn.value_and_grad, noisy(), variables, x, rngs='params'),
            "grad": grad_of(nn.grad, noisy(), variables, x),
            "grad_rngs_params": grad_of(nn.grad, noisy(), variables, x, rngs='params')}


def program_value_and_grad_rngs_false_raises():
    """nn.value_and_grad(..., rngs=False): make_rng('dropout') inside finds no stream."""
    import jax.numpy as jnp
    import flax.linen as nn
    grad_of(nn.value_and_grad, noisy(), {'params': {'Noisy_0': {'scale': f32(1.5)}}},
            jnp.asarray(jnp.float32(0.7)), rngs=False)


def program_grad_rngs_false_raises():
    """nn.grad(..., rngs=False): make_rng('dropout') inside finds no stream."""
    import jax.numpy as jnp
    import flax.linen as nn
    grad_of(nn.grad, noisy(), {'params': {'Noisy_0': {'scale': f32(1.5)}}},
            jnp.asarray(jnp.float32(0.7)), rngs=False)


def program_value_and_grad_vector_output_raises():
    """nn.value_and_grad of a function with a vector output."""
    import flax.linen as nn
    x, y = xy()
    grad_of(nn.value_and_grad, learn_scale_xy(), {'params': {'LearnScale_0': {'scale': f32(1.5)}}}, x, y)


def program_grad_vector_output_raises():
    """nn.grad of a function with a vector output."""
    import flax.linen as nn
    x, y = xy()
    grad_of(nn.grad, learn_scale_xy(), {'params': {'LearnScale_0': {'scale': f32(1.5)}}}, x, y)
