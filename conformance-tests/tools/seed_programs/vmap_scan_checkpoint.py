"""Seed examples #1-#6 of the Flax "Transformations" page (vmap, scan, checkpoint), run with fixed inputs.

Owner: the linen-lifting work (H3). The Java twins are in
interpreter/src/test/java/dev/flaxj/linen/transforms/. Inputs are returned as values too ("x",
"carry" ...), so the Java tests read them from the golden instead of rebuilding them.
"""


def ramp(*shape, scale=0.1, offset=-0.5):
    """A fixed float32 input: arange(n).reshape(shape) * scale + offset."""
    import jax.numpy as jnp
    n = 1
    for d in shape:
        n *= d
    return (jnp.arange(n, dtype=jnp.float32).reshape(shape) * scale + offset).astype(jnp.float32)


# ---------------------------------------------------------------- vmap (#1, #2)

def program_vmap_dense_stacked():
    """#1 nn.vmap(nn.Dense, variable_axes={'params': 0}, split_rngs={'params': True}), init + apply."""
    import jax
    import flax.linen as nn
    BatchDense = nn.vmap(nn.Dense, in_axes=0, out_axes=0,
                         variable_axes={'params': 0}, split_rngs={'params': True})
    x = ramp(3, 2, 4)
    y, variables = BatchDense(features=5).init_with_output(jax.random.key(0), x)
    y2 = BatchDense(features=5).apply(variables, x * 2.0)
    return {"x": x, "y": y, "variables": variables, "y_apply_2x": y2,
            "class_name": type(BatchDense(features=5)).__name__}


def program_vmap_dense_shared():
    """#2 nn.vmap(nn.Dense, variable_axes={'params': None}, split_rngs={'params': False}), init + apply."""
    import jax
    import flax.linen as nn
    BatchDense = nn.vmap(nn.Dense, in_axes=0, out_axes=0,
                         variable_axes={'params': None}, split_rngs={'params': False})
    x = ramp(3, 2, 4)
    y, variables = BatchDense(features=5).init_with_output(jax.random.key(0), x)
    y2 = BatchDense(features=5).apply(variables, x * 2.0)
    return {"x": x, "y": y, "variables": variables, "y_apply_2x": y2}


def program_vmap_dense_in_submodule():
    """#1 used inside a compact module: auto-name VmapDense_0 and the split rng of a child scope."""
    import jax
    import flax.linen as nn
    BatchDense = nn.vmap(nn.Dense, in_axes=0, out_axes=0,
                         variable_axes={'params': 0}, split_rngs={'params': True})

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            return BatchDense(features=5)(x) + nn.Dense(5)(x)

    x = ramp(3, 2, 4)
    y, variables = Model().init_with_output(jax.random.key(1), x)
    return {"x": x, "y": y, "variables": variables}


# ---------------------------------------------------------------- scan (#3, #4, #5)

def lstm_class_form():
    import jax
    import flax.linen as nn

    class LSTM(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            ScanLSTM = nn.scan(nn.LSTMCell, variable_broadcast="params",
                               split_rngs={"params": False}, in_axes=1, out_axes=1)
            lstm = ScanLSTM(self.features)
            input_shape = x[:, 0].shape
            carry = lstm.initialize_carry(jax.random.key(0), input_shape)
            carry, x = lstm(carry, x)
            return x
    return LSTM


def program_scan_lstm_class():
    """#3 LSTM with nn.scan(nn.LSTMCell, variable_broadcast='params', in_axes=1, out_axes=1), init_with_output."""
    import jax
    import jax.numpy as jnp
    LSTM = lstm_class_form()
    x = jnp.ones((4, 12, 7))
    module = LSTM(features=32)
    y, variables = module.init_with_output(jax.random.key(0), x)
    x2 = ramp(4, 12, 7, scale=0.01)
    y2 = module.apply(variables, x2)
    return {"x": x, "y": y, "variables": variables, "x2": x2, "y_apply_x2": y2}


def program_scan_lstm_function():
    """#4 the same LSTM with nn.scan over a function body_fn(cell, carry, x), init."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class LSTM(nn.Module):
        features: int

        @nn.compact
        def __call__(self, x):
            cell = nn.LSTMCell(self.features)

            def body_fn(cell, carry, x):
                carry, y = cell(carry, x)
                return carry, y
            scan = nn.scan(body_fn, variable_broadcast="params",
                           split_rngs={"params": False}, in_axes=1, out_axes=1)
            input_shape = x[:, 0].shape
            carry = cell.initialize_carry(jax.random.key(0), input_shape)
            carry, x = scan(cell, carry, x)
            return x

    module = LSTM(features=32)
    variables = module.init(jax.random.key(0), jnp.ones((4, 12, 7)))
    x2 = ramp(4, 12, 7, scale=0.01)
    y2 = module.apply(variables, x2)
    return {"variables": variables, "x2": x2, "y_apply_x2": y2}


class _Residual:
    """The ResidualMLP classes of #5, built lazily (flax is imported only inside the venv)."""

    @staticmethod
    def classes():
        import flax.linen as nn

        class ResidualMLPBlock(nn.Module):
            @nn.compact
            def __call__(self, x, _):
                h = nn.Dense(features=2)(x)
                h = nn.relu(h)
                return x + h, None

        class ResidualMLP(nn.Module):
            n_layers: int = 4

            @nn.compact
            def __call__(self, x):
                ScanMLP = nn.scan(ResidualMLPBlock, variable_axes={'params': 0},
                                  variable_broadcast=False, split_rngs={'params': True},
                                  length=self.n_layers)
                x, _ = ScanMLP()(x, None)
                return x
        return ResidualMLPBlock, ResidualMLP


def program_scan_residual_mlp():
    """#5 ResidualMLP: nn.scan(ResidualMLPBlock, variable_axes={'params': 0}, length=4), init + apply."""
    import jax
    import jax.numpy as jnp
    _, ResidualMLP = _Residual.classes()
    model = ResidualMLP(n_layers=4)
    variables = model.init(jax.random.key(42), jnp.ones((1, 2)))
    x2 = ramp(3, 2)
    y2 = model.apply(variables, x2)
    return {"variables": variables, "x2": x2, "y_apply_x2": y2}


# ---------------------------------------------------------------- checkpoint (#6)

def program_checkpointed_mlp():
    """#6 CheckpointedMLP with @nn.checkpoint on a compact __call__, init + apply + grad."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class CheckpointedMLP(nn.Module):
        @nn.checkpoint
        @nn.compact
        def __call__(self, x):
            x = nn.Dense(128)(x)
            x = nn.relu(x)
            x = nn.Dense(1)(x)
            return x

    model = CheckpointedMLP()
    variables = model.init(jax.random.key(0), jnp.ones((1, 16)))
    x2 = ramp(2, 16, scale=0.05)
    y2 = model.apply(variables, x2)
    grads = jax.grad(lambda v: jnp.sum(model.apply(v, x2)))(variables)
    return {"variables": variables, "x2": x2, "y_apply_x2": y2, "grads": grads}


# ---------------------------------------------------------------- vmap keyword arguments

def _dense_vmap(**kwargs):
    import flax.linen as nn
    return nn.vmap(nn.Dense, **kwargs)


def program_vmap_in_out_axes_1():
    """vmap(Dense, in_axes=1, out_axes=1, variable_axes={'params': 0}): batch on axis 1 of x and y."""
    import jax
    V = _dense_vmap(in_axes=1, out_axes=1, variable_axes={'params': 0}, split_rngs={'params': True})
    x = ramp(2, 3, 4)
    y, variables = V(features=5).init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_in_axes_tuple():
    """vmap over a two-argument module with in_axes=(None, 0): x shared, b mapped."""
    import jax
    import flax.linen as nn

    class AddBias(nn.Module):
        @nn.compact
        def __call__(self, x, b):
            return nn.Dense(3)(x) + b

    V = nn.vmap(AddBias, in_axes=(None, 0), variable_axes={'params': 0}, split_rngs={'params': True})
    x = ramp(2, 4)
    b = ramp(5, 3, scale=0.2)
    y, variables = V().init_with_output(jax.random.key(0), x, b)
    return {"x": x, "b": b, "y": y, "variables": variables}


def program_vmap_axis_size():
    """vmap with in_axes=None and axis_size=3: three parameter sets for one shared input."""
    import jax
    V = _dense_vmap(in_axes=None, axis_size=3, variable_axes={'params': 0}, split_rngs={'params': True})
    x = ramp(2, 4)
    y, variables = V(features=2).init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_mapped_params_unsplit_rng():
    """variable_axes={'params': 0} with split_rngs={'params': False}: the stacked params are identical."""
    import jax
    V = _dense_vmap(variable_axes={'params': 0}, split_rngs={'params': False})
    x = ramp(3, 2, 4)
    y, variables = V(features=5).init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_variable_axes_1():
    """variable_axes={'params': 1}: the batch axis of the params is axis 1."""
    import jax
    V = _dense_vmap(variable_axes={'params': 1}, split_rngs={'params': True})
    x = ramp(3, 2, 4)
    y, variables = V(features=5).init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_axis_name():
    """axis_name='batch' with a psum over it inside the vmapped module."""
    import jax
    import flax.linen as nn

    class Centered(nn.Module):
        @nn.compact
        def __call__(self, x):
            y = nn.Dense(2)(x)
            return y - jax.lax.psum(y, 'batch') / 3.0

    V = nn.vmap(Centered, variable_axes={'params': None}, split_rngs={'params': False}, axis_name='batch')
    x = ramp(3, 4)
    y, variables = V().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def _partitioned_dense():
    import flax.linen as nn
    return nn.Dense(5, kernel_init=nn.with_partitioning(nn.initializers.lecun_normal(), ('in', 'out')))


def program_vmap_metadata_params():
    """Partitioned kernel under vmap with metadata_params={'partition_name': 'batch'}: names get 'batch' at 0."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            V = nn.vmap(lambda mdl, x: mdl(x), variable_axes={'params': 0}, split_rngs={'params': True},
                        metadata_params={'partition_name': 'batch'})
            return V(_partitioned_dense(), x)

    x = ramp(3, 2, 4)
    y, variables = Model().init_with_output(jax.random.key(0), x)
    kernel = variables['params']['Dense_0']['kernel']
    y2 = Model().apply(variables, x * 2.0)
    return {"x": x, "y": y, "unboxed": nn.unbox(variables), "kernel_names": kernel.names, "y_apply_2x": y2}


def program_vmap_partitioned_without_metadata_params():
    """A Partitioned kernel under vmap without metadata_params raises PartitioningUnspecifiedError."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            V = nn.vmap(lambda mdl, x: mdl(x), variable_axes={'params': 0}, split_rngs={'params': True})
            return V(_partitioned_dense(), x)

    Model().init(jax.random.key(0), ramp(3, 2, 4))


def program_vmap_methods():
    """methods=['encode']: only encode is vmapped; __call__ of the same class runs unbatched."""
    import jax
    import flax.linen as nn

    class Enc(nn.Module):
        def setup(self):
            self.dense = nn.Dense(2)

        def __call__(self, x):
            return self.dense(x)

        def encode(self, x):
            return self.dense(x) * 2.0

    VEnc = nn.vmap(Enc, variable_axes={'params': 0}, split_rngs={'params': True}, methods=['encode'])

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            return VEnc().encode(x)

    x = ramp(3, 2, 4)
    y, variables = Model().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_inconsistent_sizes():
    """Stacked params of batch 3 applied to an input of batch 2: ValueError 'Inconsistent batch axis sizes'."""
    import jax
    V = _dense_vmap(variable_axes={'params': 0}, split_rngs={'params': True})
    variables = V(features=5).init(jax.random.key(0), ramp(3, 2, 4))
    V(features=5).apply(variables, ramp(2, 2, 4))


# ---------------------------------------------------------------- scan keyword arguments

def _acc_cell():
    """A cell with broadcast params: c' = 0.5 c + Dense(2)(x); returns (c', c')."""
    import flax.linen as nn

    class Acc(nn.Module):
        @nn.compact
        def __call__(self, c, x):
            c = 0.5 * c + nn.Dense(2)(x)
            return c, c
    return Acc


def _run_acc(**kwargs):
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    S = nn.scan(_acc_cell(), variable_broadcast='params', split_rngs={'params': False}, **kwargs)
    xs = ramp(4, 3)
    c0 = jnp.zeros((2,))
    (c, ys), variables = S().init_with_output(jax.random.key(0), c0, xs)
    return {"xs": xs, "c": c, "ys": ys, "variables": variables}


def program_scan_reverse():
    """scan(reverse=True): the steps run from the last element; ys stay in input order."""
    return _run_acc(reverse=True)


def program_scan_forward_reference():
    """The same scan as scan_reverse with reverse=False (the reference the reverse test differs from)."""
    return _run_acc()


def program_scan_unroll():
    """scan(unroll=2): same values; the scan equation of the jaxpr records unroll=2."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    out = _run_acc(unroll=2)
    S = nn.scan(_acc_cell(), variable_broadcast='params', split_rngs={'params': False}, unroll=2)
    jaxpr = jax.make_jaxpr(lambda v, c, xs: S().apply(v, c, xs))(out["variables"], jnp.zeros((2,)), out["xs"])
    out["unroll"] = [e.params['unroll'] for e in jaxpr.jaxpr.eqns if e.primitive.name == 'scan']
    return out


def program_scan_out_axes_1():
    """scan(in_axes=1, out_axes=1) over x of shape (3, 4, 2)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn
    S = nn.scan(_acc_cell(), variable_broadcast='params', split_rngs={'params': False}, in_axes=1, out_axes=1)
    xs = ramp(3, 4, 2)
    (c, ys), variables = S().init_with_output(jax.random.key(0), jnp.zeros((3, 2)), xs)
    return {"xs": xs, "c": c, "ys": ys, "variables": variables}


def program_scan_in_axes_broadcast():
    """in_axes=(0, nn.broadcast): the second argument is the same in every step."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Cell(nn.Module):
        @nn.compact
        def __call__(self, c, x, w):
            c = c + nn.Dense(2)(x) * w
            return c, c

    S = nn.scan(Cell, variable_broadcast='params', split_rngs={'params': False}, in_axes=(0, nn.broadcast))
    xs = ramp(4, 3)
    w = ramp(2, scale=0.5, offset=1.0)
    (c, ys), variables = S().init_with_output(jax.random.key(0), jnp.zeros((2,)), xs, w)
    return {"xs": xs, "w": w, "c": c, "ys": ys, "variables": variables}


def program_scan_variable_carry():
    """variable_carry='counter': a counter (given, 0.5) incremented in every step, carried through the loop."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Count(nn.Module):
        @nn.compact
        def __call__(self, c, x):
            i = self.variable('counter', 'i', lambda: jnp.zeros((), jnp.float32))
            i.value = i.value + 1.0
            c = c + x * i.value
            return c, i.value

    S = nn.scan(Count, variable_carry='counter', split_rngs={})
    xs = ramp(4, 2)
    variables = {'counter': {'i': jnp.array(0.5, jnp.float32)}}
    (c, ys), state = S().apply(variables, jnp.zeros((2,)), xs, mutable=['counter'])
    return {"xs": xs, "variables": variables, "c": c, "ys": ys, "state": state}


def program_scan_split_rngs_dropout():
    """Dropout in the body with split_rngs={'params': False, 'dropout': True}: a different mask per step."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Drop(nn.Module):
        @nn.compact
        def __call__(self, c, x):
            y = nn.Dropout(0.5, deterministic=False)(x)
            return c, y

    S = nn.scan(Drop, split_rngs={'params': False, 'dropout': True})
    U = nn.scan(Drop, split_rngs={'params': False, 'dropout': False})
    xs = jnp.ones((3, 8))
    rngs = {'params': jax.random.key(0), 'dropout': jax.random.key(1)}
    _, ys_split = S().apply({}, jnp.zeros(()), xs, rngs=rngs)
    _, ys_same = U().apply({}, jnp.zeros(()), xs, rngs=rngs)
    return {"xs": xs, "ys_split": ys_split, "ys_same": ys_same}


def program_scan_data_transform():
    """data_transform doubling every variable inside the body (apply with fixed params)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    def double(variable_groups, rng_groups):
        return jax.tree_util.tree_map(lambda v: v * 2.0, variable_groups), rng_groups

    plain = nn.scan(_acc_cell(), variable_broadcast='params', split_rngs={'params': False})
    doubled = nn.scan(_acc_cell(), variable_broadcast='params', split_rngs={'params': False}, data_transform=double)
    xs = ramp(4, 3)
    c0 = jnp.zeros((2,))
    variables = plain().init(jax.random.key(0), c0, xs)
    c, ys = doubled().apply(variables, c0, xs)
    return {"xs": xs, "variables": variables, "c": c, "ys": ys}


def program_scan_metadata_params():
    """Scanned Partitioned kernel (variable_axes={'params': 0}) with metadata_params={'partition_name': 'layers'}."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Block(nn.Module):
        @nn.compact
        def __call__(self, c, _):
            d = nn.Dense(2, kernel_init=nn.with_partitioning(nn.initializers.lecun_normal(), ('in', 'out')))
            return d(c), None

    S = nn.scan(Block, variable_axes={'params': 0}, split_rngs={'params': True}, length=3,
                metadata_params={'partition_name': 'layers'})
    x = ramp(1, 2)
    (y, _), variables = S().init_with_output(jax.random.key(0), x, None)
    return {"x": x, "y": y, "unboxed": nn.unbox(variables),
            "kernel_names": variables['params']['Dense_0']['kernel'].names}


# ---------------------------------------------------------------- checkpoint keyword arguments

def _flag_mlp():
    import flax.linen as nn

    class FlagMLP(nn.Module):
        @nn.compact
        def __call__(self, x, double):
            x = nn.Dense(3)(x)
            if double:
                x = x * 2.0
            return x
    return FlagMLP


def program_checkpoint_static_argnums():
    """nn.checkpoint(Module, static_argnums=(2,)): a Python bool argument used in an if."""
    import jax
    import flax.linen as nn
    C = nn.checkpoint(_flag_mlp(), static_argnums=(2,))
    x = ramp(2, 4)
    y, variables = C().init_with_output(jax.random.key(0), x, True)
    y_false = C().apply(variables, x, False)
    return {"x": x, "y_true": y, "y_false": y_false, "variables": variables}


def program_checkpoint_without_static_argnums():
    """The same module without static_argnums: the bool is traced and the if fails."""
    import jax
    import flax.linen as nn
    C = nn.checkpoint(_flag_mlp())
    C().init(jax.random.key(0), ramp(2, 4), True)


def program_checkpoint_concrete():
    """nn.checkpoint(..., concrete=True) raises NotImplementedError when called."""
    import jax
    import flax.linen as nn
    C = nn.checkpoint(nn.Dense, concrete=True)
    C(3).init(jax.random.key(0), ramp(2, 4))


def _remat_dense_mlp(**kwargs):
    import flax.linen as nn

    class MLP(nn.Module):
        @nn.compact
        def __call__(self, x):
            x = nn.Dense(4)(x)
            x = nn.tanh(x)
            return nn.Dense(2)(x)
    return nn.checkpoint(MLP, **kwargs)


def _remat_facts(**kwargs):
    import jax
    import jax.numpy as jnp
    from jax._src import ad_checkpoint
    M = _remat_dense_mlp(**kwargs)
    x = ramp(2, 3)
    variables = M().init(jax.random.key(0), x)
    jaxpr = jax.make_jaxpr(M().apply)(variables, x)
    residuals = ad_checkpoint.saved_residuals(lambda v: jnp.sum(M().apply(v, x)), variables)
    return {"x": x, "variables": variables, "y": M().apply(variables, x),
            "prevent_cse": [e.params['prevent_cse'] for e in jaxpr.jaxpr.eqns if e.primitive.name == 'remat2'],
            "residual_shapes": sorted([list(r[0].shape) for r in residuals])}


def program_checkpoint_defaults():
    """nn.checkpoint(MLP): prevent_cse=True in the jaxpr; the residuals saved by default (no policy)."""
    return _remat_facts()


def program_checkpoint_prevent_cse_false():
    """nn.checkpoint(MLP, prevent_cse=False): the remat equation records prevent_cse=False."""
    return _remat_facts(prevent_cse=False)


def program_checkpoint_policy_dots():
    """nn.checkpoint(MLP, policy=checkpoint_dots): the dot outputs are saved as residuals."""
    import jax
    return _remat_facts(policy=jax.checkpoint_policies.checkpoint_dots)


def program_checkpoint_policy_everything():
    """nn.checkpoint(MLP, policy=everything_saveable): every intermediate is saved."""
    import jax
    return _remat_facts(policy=jax.checkpoint_policies.everything_saveable)


def program_checkpoint_rngs_filter():
    """nn.checkpoint(Dropout user, rngs='params'): the 'dropout' stream is not lifted (falls back to params)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Drop(nn.Module):
        @nn.compact
        def __call__(self, x):
            return nn.Dropout(0.5, deterministic=False)(x)

    x = jnp.ones((2, 8))
    rngs = {'params': jax.random.key(0), 'dropout': jax.random.key(1)}
    all_rngs = nn.checkpoint(Drop)().apply({}, x, rngs=rngs)
    params_only = nn.checkpoint(Drop, rngs='params')().apply({}, x, rngs=rngs)
    return {"x": x, "y_all_rngs": all_rngs, "y_params_rng_only": params_only}


def program_checkpoint_variables_filter():
    """nn.checkpoint(Counter, variables='params'): a 'state' variable created inside is not lifted."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Counter(nn.Module):
        @nn.compact
        def __call__(self, x):
            v = self.variable('state', 'n', lambda: jnp.zeros((), jnp.float32))
            v.value = v.value + 1.0
            return nn.Dense(2)(x)

    nn.checkpoint(Counter, variables='params')().init(jax.random.key(0), ramp(2, 3))


# ---------------------------------------------------------------- errors of lifting

def program_error_transform_target():
    """nn.vmap(nn.Dense(2)): a module instance is not a transform target."""
    import flax.linen as nn
    nn.vmap(nn.Dense(2), variable_axes={'params': 0}, split_rngs={'params': True})


def program_error_transformed_return_value():
    """A lifted function returning the module: TransformedMethodReturnValueError."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            return nn.checkpoint(lambda mdl, x: mdl)(self, x)

    Model().init(jax.random.key(0), ramp(2, 3))


def program_error_assign_submodule():
    """A submodule constructed in a non-compact __call__ of a setup-style module: AssignSubModuleError."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        def setup(self):
            pass

        def __call__(self, x):
            return nn.Dense(2)(x)

    Model().init(jax.random.key(0), ramp(2, 3))


# ---------------------------------------------------------------- nn.RNN

def _rnn(x, seq_lengths=None, **kwargs):
    import jax
    import flax.linen as nn
    rnn = nn.RNN(nn.LSTMCell(4), **kwargs)
    variables = rnn.init(jax.random.key(0), x)
    out = rnn.apply(variables, x, seq_lengths=seq_lengths)
    return {"x": x, "variables": variables, "out": out}


def program_rnn_default():
    """nn.RNN(nn.LSTMCell(4)) over (batch=2, time=5, features=3): the output sequence."""
    return _rnn(ramp(2, 5, 3))


def program_rnn_return_carry():
    """return_carry=True: (final carry, outputs)."""
    return _rnn(ramp(2, 5, 3), return_carry=True)


def program_rnn_time_major():
    """time_major=True: inputs (time=5, batch=2, features=3)."""
    return _rnn(ramp(5, 2, 3), time_major=True)


def program_rnn_reverse():
    """reverse=True: processed from the end, outputs in reversed order."""
    return _rnn(ramp(2, 5, 3), reverse=True)


def program_rnn_reverse_keep_order():
    """reverse=True, keep_order=True: outputs flipped back to the input order."""
    return _rnn(ramp(2, 5, 3), reverse=True, keep_order=True)


def program_rnn_seq_lengths():
    """seq_lengths=[3, 5] with reverse and return_carry: padding stays at the end; carry of the last valid step."""
    import jax.numpy as jnp
    out = _rnn(ramp(2, 5, 3), seq_lengths=jnp.array([3, 5]), reverse=True, keep_order=True, return_carry=True)
    out["seq_lengths"] = jnp.array([3, 5])
    return out


def program_rnn_in_compact_module():
    """nn.RNN(nn.LSTMCell(4)) built inside a compact module: the cell is the sibling LSTMCell_0."""
    import jax
    import flax.linen as nn

    class Foo(nn.Module):
        @nn.compact
        def __call__(self, x):
            return nn.RNN(nn.LSTMCell(4))(x)

    x = ramp(2, 5, 3)
    y, variables = Foo().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


# ---------------------------------------------------------------- lifting several scopes

def program_vmap_module_argument():
    """A module passed as an argument is lifted too: both Dense get stacked params."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            a = nn.Dense(2, name='a')
            b = nn.Dense(2, name='b')
            f = nn.vmap(lambda mdl, other, x: mdl(x) + other(x), variable_axes={'params': 0},
                        split_rngs={'params': True})
            return f(a, b, x)

    x = ramp(3, 4)
    y, variables = Model().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_child_and_parent_scopes():
    """The owner (self) and its child passed as an argument: one packed scope, the child pushed under it."""
    import jax
    import flax.linen as nn

    class Model(nn.Module):
        @nn.compact
        def __call__(self, x):
            d = nn.Dense(2)
            f = nn.vmap(lambda mdl, d, x: d(x) + nn.Dense(2, name='own')(x), variable_axes={'params': 0},
                        split_rngs={'params': True})
            return f(self, d, x) + nn.Dense(2)(x)

    x = ramp(3, 4)
    y, variables = Model().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def program_vmap_module_in_a_field():
    """A bound module held in a field of the transformed module is lifted with it (its params get stacked)."""
    import jax
    import flax.linen as nn

    class Child(nn.Module):
        shared: nn.Module

        @nn.compact
        def __call__(self, x):
            return self.shared(x) + nn.Dense(2)(x)

    class Parent(nn.Module):
        @nn.compact
        def __call__(self, x):
            shared = nn.Dense(2, name='shared')
            VChild = nn.vmap(Child, variable_axes={'params': 0}, split_rngs={'params': True})
            return VChild(shared)(x)

    x = ramp(3, 4)
    y, variables = Parent().init_with_output(jax.random.key(0), x)
    return {"x": x, "y": y, "variables": variables}


def _two_method_module():
    import flax.linen as nn

    class TwoMethods(nn.Module):
        def setup(self):
            self.dense = nn.Dense(2)

        def __call__(self, x):
            return self.dense(x)

        def encode(self, x):
            return nn.tanh(self.dense(x))
    return TwoMethods


def program_checkpoint_methods():
    """nn.checkpoint(TwoMethods, methods=['encode']): encode runs under remat, __call__ does not."""
    import jax
    import flax.linen as nn
    C = nn.checkpoint(_two_method_module(), methods=['encode'])
    x = ramp(2, 3)
    variables = C().init(jax.random.key(0), x, method='encode')

    def count(method):
        jaxpr = jax.make_jaxpr(lambda v, x: C().apply(v, x, method=method))(variables, x)
        return sum(e.primitive.name == 'remat2' for e in jaxpr.jaxpr.eqns)
    return {"x": x, "variables": variables, "remat_in_encode": count('encode'), "remat_in_call": count('__call__')}


def program_scan_methods():
    """nn.scan(Cell, methods=['step']): the method step is scanned (params broadcast)."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Cell(nn.Module):
        def setup(self):
            self.dense = nn.Dense(2)

        def __call__(self, c, x):
            return c, x

        def step(self, c, x):
            c = 0.5 * c + self.dense(x)
            return c, c

    S = nn.scan(Cell, variable_broadcast='params', split_rngs={'params': False}, methods=['step'])

    class Model(nn.Module):
        @nn.compact
        def __call__(self, c, xs):
            return S().step(c, xs)

    xs = ramp(4, 3)
    (c, ys), variables = Model().init_with_output(jax.random.key(0), jnp.zeros((2,)), xs)
    return {"xs": xs, "c": c, "ys": ys, "variables": variables}


def program_scan_mismatched_variable_axes():
    """Params scanned over 3 layers applied to a sequence of 4: lax.scan's ValueError on leading axis sizes."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class Block(nn.Module):
        @nn.compact
        def __call__(self, c, x):
            return c + nn.Dense(2)(x), None

    S = nn.scan(Block, variable_axes={'params': 0}, split_rngs={'params': True})
    variables = S().init(jax.random.key(0), jnp.zeros(2), jnp.ones((3, 2)))
    S().apply(variables, jnp.zeros(2), jnp.ones((4, 2)))


def program_checkpoint_variable_argument():
    """A Variable passed to a lifted function is lifted with its scope; its update is published."""
    import jax
    import jax.numpy as jnp
    import flax.linen as nn

    class M(nn.Module):
        @nn.compact
        def __call__(self, x):
            v = self.variable('state', 'acc', lambda: jnp.zeros((), jnp.float32))

            def f(mdl, v, x):
                v.value = v.value + jnp.sum(x)
                return nn.Dense(2)(x)
            return nn.checkpoint(f)(self, v, x)

    x = ramp(2, 3)
    y, variables = M().init_with_output(jax.random.key(0), x)
    y2, state = M().apply(variables, x, mutable=['state'])
    return {"x": x, "y": y, "variables": variables, "y_apply": y2, "state": state}
