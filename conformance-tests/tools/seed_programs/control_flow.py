"""Seed examples #7, #8, #13-#16 of the Flax "Transformations" page (remat_scan, map_variables,
while_loop, cond, switch), plus lifted jit, run with fixed inputs.

Owner: the control-lifts work (H1). The Java twins are in
interpreter/src/test/java/dev/flaxj/linen/transforms/. Inputs are returned as values too, so the
Java tests read them from the golden instead of rebuilding them.
"""


def ramp(*shape, scale=0.1, offset=-0.5):
    """A fixed float32 input: arange(n).reshape(shape) * scale + offset."""
    import jax.numpy as jnp
    n = 1
    for d in shape:
        n *= d
    return (jnp.arange(n, dtype=jnp.float32).reshape(shape) * scale + offset).astype(jnp.float32)


# ---------------------------------------------------------------- remat_scan (#7)

def program_remat_scan_big_model():
    """#7 BigModel: nn.remat_scan(nn.Dense, lengths=(10, 10)), DenseStack(8, name='dense_stack'), init + apply."""
    import jax
    import flax.linen as nn

    class BigModel(nn.Module):
        @nn.compact
        def __call__(self, x):
            DenseStack = nn.remat_scan(nn.Dense, lengths=(10, 10))
            # 100x dense with O(sqrt(N)) memory for gradient computation
            return DenseStack(8, name="dense_stack")(x)

    x = ramp(2, 8)
    y, variables = BigModel().init_with_output(jax.random.key(0), x)
    y2 = BigModel().apply(variables, x * 2.0)
    # the (10, 10, 8, 8) kernel is above the recorder's size for full data: record it in slices
    kernel = variables['params']['dense_stack']['kernel']
    shapes = jax.tree_util.tree_map(lambda a: list(a.shape), variables)
    return {"x": x, "y": y, "shapes": shapes, "kernel_0": kernel[0], "kernel_5": kernel[5],
            "kernel_9": kernel[9], "bias": variables['params']['dense_stack']['bias'], "y_apply_2x": y2}


# ---------------------------------------------------------------- map_variables (#8)

def causal_dense_class():
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class CausalDense(nn.Module):
        '''A dense layer that masks the weights such that the output is
        causal, i.e. output i only depends on input <= i.
        '''
        features: int

        def apply_mask(self, variables):
            return (jax.tree_util.tree_map(jnp.triu, variables)
                    if not self.is_initializing() else variables)

        def setup(self):
            # temporary class
            _CausalDense = nn.map_variables(
                nn.Dense, 'params', self.apply_mask, init=self.is_initializing())
            self.dense = _CausalDense(features=self.features, use_bias=False)

        def __call__(self, x):
            return self.dense(x)
    return CausalDense


def program_map_variables_causal_dense():
    """#8 CausalDense: nn.map_variables(nn.Dense, 'params', apply_mask, init=is_initializing()), init + apply."""
    import jax
    import jax.numpy as jnp
    module = causal_dense_class()(features=5)
    y, variables = module.init_with_output(jax.random.key(0), jnp.ones((1, 5)))
    x = ramp(1, 5)
    y2 = module.apply(variables, x)
    return {"y_init": y, "variables": variables, "x": x, "y_apply": y2}


# ---------------------------------------------------------------- while_loop (#13)

def program_while_loop():
    """#13 WhileLoopExample: body once on init, nn.while_loop(..., carry_variables='state') on apply."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class WhileLoopExample(nn.Module):
        @nn.compact
        def __call__(self, x):
            def cond_fn(mdl, c):
                return mdl.variables['state']['acc'] < 10

            def body_fn(mdl, c):
                acc = mdl.variable('state', 'acc', lambda: jnp.array(0))
                acc.value += 1
                y = nn.Dense(c.shape[-1])(c)
                return y
            c = x
            if self.is_mutable_collection('params'):
                return body_fn(self, c)
            else:
                return nn.while_loop(cond_fn, body_fn, self, c, carry_variables='state')

    k = jax.random.key(0)
    x = jnp.ones((2, 2))
    initial_vars = WhileLoopExample().init(k, x)
    result, state = WhileLoopExample().apply(initial_vars, x, mutable=['state'])
    return {"x": x, "initial_vars": initial_vars, "result": result, "state": state}


# ---------------------------------------------------------------- cond (#14)

def cond_example_class():
    import flax.linen as nn

    class CondExample(nn.Module):
        @nn.compact
        def __call__(self, x, pred):
            self.variable('state', 'true_count', lambda: 0)
            self.variable('state', 'false_count', lambda: 0)

            def true_fn(mdl, x):
                mdl.variable('state', 'true_count').value += 1
                return nn.Dense(2, name='dense')(x)

            def false_fn(mdl, x):
                mdl.variable('state', 'false_count').value += 1
                return -nn.Dense(2, name='dense')(x)
            return nn.cond(pred, true_fn, false_fn, self, x)
    return CondExample


def program_cond():
    """#14 CondExample: nn.cond(pred, true_fn, false_fn, self, x), init with pred=True, apply with both."""
    import jax
    module = cond_example_class()()
    x = ramp(1, 3)
    y, variables = module.init_with_output(jax.random.key(0), x, True)
    y_true, state_true = module.apply(variables, x, True, mutable='state')
    y_false, state_false = module.apply(variables, x, False, mutable='state')
    return {"x": x, "y_init": y, "variables": variables, "y_true": y_true, "state_true": state_true,
            "y_false": y_false, "state_false": state_false}


def program_cond_init_false():
    """#14 CondExample initialised with pred=False: the params come from the false branch's trace."""
    import jax
    module = cond_example_class()()
    x = ramp(1, 3)
    y, variables = module.init_with_output(jax.random.key(0), x, False)
    return {"x": x, "y_init": y, "variables": variables}


def program_cond_param_in_one_branch():
    """nn.cond where only the true branch creates a Dense: the variable structures differ (TypeError)."""
    import jax
    import flax.linen as nn

    class OneSided(nn.Module):
        @nn.compact
        def __call__(self, x, pred):
            return nn.cond(pred, lambda mdl, x: nn.Dense(3, name='dense')(x), lambda mdl, x: x, self, x)

    OneSided().init(jax.random.key(0), ramp(1, 3), True)


# ---------------------------------------------------------------- switch (#15, #16)

def switch_example_class():
    import flax.linen as nn

    class SwitchExample(nn.Module):
        @nn.compact
        def __call__(self, x, index):
            self.variable('state', 'a_count', lambda: 0)
            self.variable('state', 'b_count', lambda: 0)
            self.variable('state', 'c_count', lambda: 0)

            def a_fn(mdl, x):
                mdl.variable('state', 'a_count').value += 1
                return nn.Dense(2, name='dense')(x)

            def b_fn(mdl, x):
                mdl.variable('state', 'b_count').value += 1
                return -nn.Dense(2, name='dense')(x)

            def c_fn(mdl, x):
                mdl.variable('state', 'c_count').value += 1
                return nn.Dense(2, name='dense')(x)
            return nn.switch(index, [a_fn, b_fn, c_fn], self, x)
    return SwitchExample


def program_switch():
    """#15 SwitchExample: nn.switch(index, [a_fn, b_fn, c_fn], self, x), init with index 1, apply 0, 1, 2, 7."""
    import jax
    module = switch_example_class()()
    x = ramp(1, 3)
    y, variables = module.init_with_output(jax.random.key(0), x, 1)
    out = {"x": x, "y_init": y, "variables": variables}
    for i in (0, 1, 2, 7):
        y_i, state_i = module.apply(variables, x, i, mutable='state')
        out[f"y_{i}"] = y_i
        out[f"state_{i}"] = state_i
    return out


def program_switch_multihead():
    """#16 MultiHeadSwitchExample: setup heads (Sequential, Dense), all branches run on init, then nn.switch."""
    import jax
    import flax.linen as nn

    class MultiHeadSwitchExample(nn.Module):
        def setup(self) -> None:
            self.heads = [
                nn.Sequential([nn.Dense(10), nn.Dense(7), nn.Dense(5)]),
                nn.Sequential([nn.Dense(11), nn.Dense(5)]),
                nn.Dense(5),
            ]

        @nn.compact
        def __call__(self, x, index):
            def head_fn(i):
                return lambda mdl, x: mdl.heads[i](x)
            branches = [head_fn(i) for i in range(len(self.heads))]

            # run all branches on init
            if self.is_mutable_collection('params'):
                for branch in branches:
                    _ = branch(self, x)

            return nn.switch(index, branches, self, x)

    module = MultiHeadSwitchExample()
    x = ramp(1, 3)
    y, variables = module.init_with_output(jax.random.key(0), x, 0)
    out = {"x": x, "y_init": y, "variables": variables}
    for i in (0, 1, 2):
        out[f"y_{i}"] = module.apply(variables, x, i)
    return out


# ---------------------------------------------------------------- jit (no seed example)

def program_jit_dense_dropout():
    """nn.jit(Block): a Dense then Dropout under jit, init + two applies with different dropout keys."""
    import jax
    import flax.linen as nn

    class Block(nn.Module):
        @nn.compact
        def __call__(self, x, train):
            x = nn.Dense(4)(x)
            return nn.Dropout(0.5, deterministic=not train)(x)

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            y = nn.jit(Block, static_argnums=2)()(x, True)
            return y + self.param('after', lambda k, s: jax.random.normal(k, s), (4,))

    x = ramp(2, 3)
    y, variables = Model().init_with_output({'params': jax.random.key(0), 'dropout': jax.random.key(1)}, x)
    y1 = Model().apply(variables, x, rngs={'dropout': jax.random.key(2)})
    y2 = Model().apply(variables, x, rngs={'dropout': jax.random.key(3)})
    return {"x": x, "y_init": y, "variables": variables, "y_apply_key2": y1, "y_apply_key3": y2}


# ---------------------------------------------------------------- keyword arguments (linen level)

def _dropout_block():
    import flax.linen as nn

    class Block(nn.Module):
        @nn.compact
        def __call__(self, x):
            x = nn.Dense(4)(x)
            return nn.Dropout(0.5, deterministic=False)(x)
    return Block


def _rngs():
    import jax
    return {'params': jax.random.key(0), 'dropout': jax.random.key(1)}


def program_jit_rngs_params_only():
    """nn.jit(Block, rngs='params'): the dropout stream is not lifted, make_rng('dropout') falls back to params."""
    import flax.linen as nn
    x = ramp(2, 3)
    y, variables = nn.jit(_dropout_block(), rngs='params')().init_with_output(_rngs(), x)
    return {"x": x, "y": y, "variables": variables}


def program_jit_variables_params_only():
    """nn.jit(Counter, variables='params'): the 'state' collection is not lifted, so reading it inside fails."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Counter(nn.Module):
        @nn.compact
        def __call__(self, x):
            return x + self.variable('state', 'n', lambda: jnp.zeros(())).value

    nn.jit(Counter, variables='params')().apply({'state': {'n': jnp.ones(())}}, ramp(2))


def program_jit_static_argnames():
    """nn.jit(Scale, static_argnames='n'): a keyword argument used as a shape."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Scale(nn.Module):
        @nn.compact
        def __call__(self, x, *, n):
            return x * jnp.ones(n)

    return {"y": nn.jit(Scale, static_argnames='n')().apply({}, jnp.float32(2.0), n=3)}


def program_jit_methods():
    """nn.jit(Codec, methods=['encode']): the chosen method runs jitted (its RNG streams forked), init via encode."""
    import jax
    import flax.linen as nn

    class Codec(nn.Module):
        def setup(self):
            self.enc = nn.Dense(3)
            self.drop = nn.Dropout(0.5, deterministic=False)

        def encode(self, x):
            return self.drop(self.enc(x))

        def __call__(self, x):
            return self.encode(x)

    x = ramp(2, 4)
    module = nn.jit(Codec, methods=['encode'])()
    y, variables = module.init_with_output(_rngs(), x, method='encode')
    y_plain, variables_plain = Codec().init_with_output(_rngs(), x, method='encode')
    return {"x": x, "y": y, "variables": variables, "y_untransformed": y_plain,
            "variables_untransformed": variables_plain}


def program_fold_rngs_dropout():
    """nn.fold_rngs(Block): forked streams without jit, init with params and dropout keys."""
    import flax.linen as nn
    x = ramp(2, 3)
    y, variables = nn.fold_rngs(_dropout_block())().init_with_output(_rngs(), x)
    return {"x": x, "y": y, "variables": variables}


def program_remat_scan_keywords():
    """nn.remat_scan(Dense) with variable_axes={'params': 1} and split_rngs={'params': False}, and with broadcast params."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            a = nn.remat_scan(nn.Dense, lengths=(2, 3), variable_axes={'params': 1},
                              split_rngs={'params': False})(4, name='axes1_nosplit')(x)
            c = nn.remat_scan(nn.Dense, lengths=(2, 2), variable_axes={}, variable_broadcast='params',
                              split_rngs={'params': False})(4, name='broadcast')(x)
            return a, c

    x = ramp(2, 4)
    y, variables = Model().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_map_variables_mutable_out():
    """nn.map_variables(Counter, 'state', x10, /10, mutable=True): the state is written back through trans_out_fn."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Counter(nn.Module):
        @nn.compact
        def __call__(self):
            v = self.variable('state', 'count', lambda: jnp.ones(()))
            old = v.value
            v.value = v.value + 1
            return old

    times10 = lambda t: jax.tree_util.tree_map(lambda a: a * 10, t)
    div10 = lambda t: jax.tree_util.tree_map(lambda a: a / 10, t)
    Mapped = nn.map_variables(Counter, 'state', times10, div10, mutable=True)
    y, state = Mapped().apply({'state': {'count': jnp.float32(1.0)}}, mutable='state')
    return {"y": y, "state": state}


def program_map_variables_immutable_write():
    """nn.map_variables(Counter, 'state', x10) without mutable: writing the mapped state fails."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Counter(nn.Module):
        @nn.compact
        def __call__(self):
            v = self.variable('state', 'count', lambda: jnp.ones(()))
            v.value = v.value + 1
            return v.value

    times10 = lambda t: jax.tree_util.tree_map(lambda a: a * 10, t)
    nn.map_variables(Counter, 'state', times10)().apply({'state': {'count': jnp.float32(1.0)}}, mutable='state')


def program_while_loop_split_rngs():
    """nn.while_loop with split_rngs={'noise': True} vs False: noise added three times."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Noisy(nn.Module):
        split: bool

        @nn.compact
        def __call__(self, x):
            def cond_fn(mdl, c):
                return c[0] < 3

            def body_fn(mdl, c):
                return c[0] + 1, c[1] + jax.random.normal(mdl.make_rng('noise'), c[1].shape)
            return nn.while_loop(cond_fn, body_fn, self, (0, x), split_rngs={'noise': self.split})[1]

    x = ramp(2)
    split = Noisy(True).apply({}, x, rngs={'noise': jax.random.key(3)})
    shared = Noisy(False).apply({}, x, rngs={'noise': jax.random.key(3)})
    return {"x": x, "split": split, "shared": shared}


def program_while_loop_init_in_body():
    """nn.while_loop whose body creates a Dense on init: the params are broadcast and empty (ScopeCollectionNotFound)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class InitInLoop(nn.Module):
        @nn.compact
        def __call__(self, x):
            self.variable('state', 'acc', lambda: jnp.array(0))

            def cond_fn(mdl, c):
                return mdl.variables['state']['acc'] < 3

            def body_fn(mdl, c):
                acc = mdl.variable('state', 'acc')
                acc.value += 1
                return nn.Dense(2)(c)
            return nn.while_loop(cond_fn, body_fn, self, x, carry_variables='state')

    InitInLoop().init(jax.random.key(0), ramp(1, 2))


def program_cond_switch_rngs_filter():
    """nn.cond / nn.switch with rngs='params': make_rng('dropout') in a branch falls back to the params stream."""
    import jax
    import flax.linen as nn

    class Draw(nn.Module):
        @nn.compact
        def __call__(self, pred, index):
            draw = lambda mdl: jax.random.normal(mdl.make_rng('dropout'), (2,))
            a = nn.cond(pred, draw, draw, self, rngs='params')
            b = nn.switch(index, [draw, draw], self, rngs='params')
            c = nn.cond(pred, draw, draw, self)
            return a, b, c

    rngs = {'params': jax.random.key(1), 'dropout': jax.random.key(2)}
    return {"y": Draw().apply({}, True, 1, rngs=rngs)}


def program_cond_variables_filter():
    """nn.cond with variables='params': the 'state' collection is not passed, so incrementing it fails."""
    import jax
    import flax.linen as nn

    class Count(nn.Module):
        @nn.compact
        def __call__(self, x, pred):
            self.variable('state', 'n', lambda: 0)

            def branch(mdl, x):
                mdl.variable('state', 'n').value += 1
                return x
            return nn.cond(pred, branch, branch, self, x, variables='params')

    Count().init(jax.random.key(0), ramp(2), True)


def program_jit_method_form():
    """@nn.jit on a compact __call__ (method form): the module's own streams are forked, init + apply."""
    import jax
    import flax.linen as nn

    class JittedBlock(nn.Module):
        @nn.jit
        @nn.compact
        def __call__(self, x):
            x = nn.Dense(4)(x)
            return nn.Dropout(0.5, deterministic=False)(x)

    x = ramp(2, 3)
    y, variables = JittedBlock().init_with_output(_rngs(), x)
    y2 = JittedBlock().apply(variables, x, rngs={'dropout': jax.random.key(5)})
    return {"x": x, "y": y, "variables": variables, "y_apply_key5": y2}


def program_map_variables_rngs_filter():
    """nn.map_variables(Draw, 'params', rngs='params'): make_rng('dropout') falls back to the params stream."""
    import jax
    import flax.linen as nn

    class Draw(nn.Module):
        @nn.compact
        def __call__(self):
            return jax.random.normal(self.make_rng('dropout'), (2,))

    keys = {'params': jax.random.key(1), 'dropout': jax.random.key(2)}
    return {"filtered": nn.map_variables(Draw, 'params', rngs='params')().apply({}, rngs=keys),
            "all": nn.map_variables(Draw, 'params')().apply({}, rngs=keys)}


def program_map_variables_variables_filter():
    """nn.map_variables(ReadState, 'params', variables='params'): the 'state' collection is not passed."""
    import jax.numpy as jnp
    import flax.linen as nn

    class ReadState(nn.Module):
        @nn.compact
        def __call__(self):
            return self.variable('state', 's', lambda: jnp.zeros(())).value

    nn.map_variables(ReadState, 'params', variables='params')().apply({'state': {'s': jnp.ones(())}})


def program_while_loop_without_broadcast():
    """nn.while_loop(..., broadcast_variables=False) on the #13 example: the params are not passed."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class WhileNoBroadcast(nn.Module):
        @nn.compact
        def __call__(self, x):
            def cond_fn(mdl, c):
                return mdl.variables['state']['acc'] < 10

            def body_fn(mdl, c):
                acc = mdl.variable('state', 'acc', lambda: jnp.array(0))
                acc.value += 1
                return nn.Dense(c.shape[-1])(c)
            if self.is_mutable_collection('params'):
                return body_fn(self, x)
            return nn.while_loop(cond_fn, body_fn, self, x, carry_variables='state', broadcast_variables=False)

    x = jnp.ones((2, 2))
    variables = WhileNoBroadcast().init(jax.random.key(0), x)
    WhileNoBroadcast().apply(variables, x, mutable=['state'])
