package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Python {@code flax.linen} code run on one shared session: module definitions, naming, layers and
 * lifted transforms give the parameters and outputs real Flax gives. Every expected number was
 * printed by flax 0.12.8 / jax 0.10.2 on CPython for the same program.
 */
class FlaxLinenTest {
  private static final double TOL = 2e-6;
  private static FlaxPython py;

  @BeforeAll
  static void open() {
    py = new FlaxPython(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  private static final String FIRST4 = "\ndef first4(a): return [float(v) for v in a.ravel()[:4]]\n";

  @Test
  void denseInitialisesAsFlax() {
    double[] k = py.floats(FIRST4
        + "v = nn.Dense(3).init(jax.random.key(0), jnp.ones((1, 4)))\n"
        + "k = first4(v['params']['kernel'])", "k");
    // from flax 0.12.8
    assertArrayEquals(new double[] {0.04130830243229866, -0.8247014880180359, -0.8536314964294434,
        0.3835044503211975}, k, TOL);
  }

  private static final String LSTM = FIRST4
      + "class LSTM(nn.Module):\n"
      + "  features: int\n"
      + "  @nn.compact\n"
      + "  def __call__(self, x):\n"
      + "    ScanLSTM = nn.scan(nn.LSTMCell, variable_broadcast='params',\n"
      + "                       split_rngs={'params': False}, in_axes=1, out_axes=1)\n"
      + "    lstm = ScanLSTM(self.features)\n"
      + "    carry = lstm.initialize_carry(jax.random.key(0), x[:, 0].shape)\n"
      + "    carry, x = lstm(carry, x)\n"
      + "    return x\n"
      + "y, variables = LSTM(features=32).init_with_output(jax.random.key(0), jnp.ones((4, 12, 7)))\n"
      + "p = variables['params']\n";

  @Test
  void scannedLstmCellMatchesFlax() {
    String shapes = py.string(LSTM + "s = str(jax.tree_util.tree_map(lambda a: a.shape, variables))\n"
        + "s += ' ' + str(y.shape)", "s");
    // from flax 0.12.8
    assertEquals("{'params': {'ScanLSTMCell_0': {'hf': {'bias': (32,), 'kernel': (32, 32)}, "
        + "'hg': {'bias': (32,), 'kernel': (32, 32)}, 'hi': {'bias': (32,), 'kernel': (32, 32)}, "
        + "'ho': {'bias': (32,), 'kernel': (32, 32)}, 'if': {'kernel': (7, 32)}, "
        + "'ig': {'kernel': (7, 32)}, 'ii': {'kernel': (7, 32)}, 'io': {'kernel': (7, 32)}}}} "
        + "(4, 12, 32)", shapes);
    double[] got = py.floats(LSTM + "r = first4(y[0, -1]) + first4(p['ScanLSTMCell_0']['ii']['kernel'])"
        + " + first4(p['ScanLSTMCell_0']['hf']['kernel'])", "r");
    // from flax 0.12.8: y[0, -1, :4], ii/kernel[:4], hf/kernel[:4] (orthogonal: QR to ~1e-7)
    assertArrayEquals(new double[] {-0.03937375918030739, 0.12468168884515762, -0.08845096826553345,
        0.636662483215332, -0.17612722516059875, 0.3039771020412445, 0.3531138300895691,
        0.46664735674858093, 0.046752333641052246, -0.08955329656600952, 0.4076199531555176,
        -0.012499469332396984}, got, 1e-6);
  }

  @Test
  void scanOverModuleClassStacksParameters() {
    double[] got = py.floats(FIRST4
        + "class ResidualMLPBlock(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x, _):\n"
        + "    h = nn.relu(nn.Dense(features=2)(x))\n"
        + "    return x + h, None\n"
        + "class ResidualMLP(nn.Module):\n"
        + "  n_layers: int = 4\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    ScanMLP = nn.scan(ResidualMLPBlock, variable_axes={'params': 0},\n"
        + "                      variable_broadcast=False, split_rngs={'params': True},\n"
        + "                      length=self.n_layers)\n"
        + "    x, _ = ScanMLP()(x, None)\n"
        + "    return x\n"
        + "m = ResidualMLP(n_layers=4)\n"
        + "v = m.init(jax.random.key(42), jnp.ones((1, 2)))\n"
        + "d = v['params']['ScanResidualMLPBlock_0']['Dense_0']\n"
        + "r = list(d['kernel'].shape) + list(d['bias'].shape) + first4(d['kernel'])\n"
        + "r += first4(m.apply(v, jnp.ones((1, 2))))", "r");
    // from flax 0.12.8
    assertArrayEquals(new double[] {4, 2, 2, 4, 2, 0.7727212309837341, 0.5364702343940735,
        0.04469858109951019, 0.34901538491249084, 3.8998215198516846, 4.936307907104492}, got, TOL);
  }

  @Test
  void checkpointDecoratorOverCompactMethod() {
    double[] got = py.floats(FIRST4
        + "class CheckpointedMLP(nn.Module):\n"
        + "  @nn.checkpoint\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    x = nn.Dense(128)(x)\n"
        + "    x = nn.relu(x)\n"
        + "    return nn.Dense(1)(x)\n"
        + "m = CheckpointedMLP()\n"
        + "v = m.init(jax.random.key(0), jnp.ones((1, 16)))\n"
        + "r = first4(v['params']['Dense_1']['kernel']) + first4(m.apply(v, jnp.ones((1, 16))))\n"
        + "r += list(v['params']['Dense_0']['kernel'].shape)", "r");
    // from flax 0.12.8
    assertArrayEquals(new double[] {0.0002941070997621864, 0.028306523337960243, 0.015982137992978096,
        -0.07429804652929306, -0.646840512752533, 16, 128}, got, TOL);
  }

  @Test
  void vmapOfDenseClassSplitsParameters() {
    double[] got = py.floats(FIRST4
        + "BatchDense = nn.vmap(nn.Dense, in_axes=0, out_axes=0, variable_axes={'params': 0},\n"
        + "                     split_rngs={'params': True})\n"
        + "v = BatchDense(2).init(jax.random.key(1), jnp.ones((3, 4)))\n"
        + "r = list(v['params']['kernel'].shape) + first4(v['params']['kernel'])\n"
        + "r += [float(BatchDense.__name__ == 'VmapDense')]", "r");
    // from flax 0.12.8
    assertArrayEquals(new double[] {3, 4, 2, 0.04513656720519066, -0.15605264902114868,
        -0.7727336287498474, 0.4684825837612152, 1}, got, TOL);
  }

  @Test
  void jitForksRngsAsFlaxDoes() {
    double[] got = py.floats(""
        + "class A(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    return nn.jit(nn.Dense)(2)(x)\n"
        + "class B(nn.Module):\n"
        + "  @nn.jit\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    return nn.Dense(2)(x)\n"
        + "va = A().init(jax.random.key(0), jnp.ones((1, 2)))['params']['JitDense_0']['kernel']\n"
        + "vb = B().init(jax.random.key(0), jnp.ones((1, 2)))['params']['Dense_0']['kernel']\n"
        + "r = [float(a) for a in va.ravel()] + [float(a) for a in vb.ravel()]", "r");
    // from flax 0.12.8: nn.jit replaces each stream by a key made from the module's own, so these
    // differ from an untransformed Dense's
    assertArrayEquals(new double[] {-0.3958812654018402, -0.7853648662567139, 0.9506389498710632,
        0.4213513731956482, 0.3838805556297302, -1.118265151977539, 1.2079249620437622,
        1.0781906843185425}, got, TOL);
  }

  @Test
  void detachedModulesAreNotChildren() {
    String got = py.string(""
        + "class A(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    nn.Dense(2, parent=None)\n"
        + "    return nn.Dense(3)(x)\n"
        + "s = str(jax.tree_util.tree_map(jnp.shape, A().init(jax.random.key(0), jnp.ones((1, 2)))))",
        "s");
    // from flax 0.12.8
    assertEquals("{'params': {'Dense_0': {'bias': (3,), 'kernel': (2, 3)}}}", got);
  }

  @Test
  void setupAttributesAreNamedAfterTheirFields() {
    String names = py.string(""
        + "class S(nn.Module):\n"
        + "  def setup(self):\n"
        + "    self.layers = [nn.Dense(2), nn.Dense(3)]\n"
        + "    self.head = nn.Dense(1)\n"
        + "    self.blocks = {'a': nn.Dense(2)}\n"
        + "  def __call__(self, x):\n"
        + "    for l in self.layers: x = l(x)\n"
        + "    return self.head(x) + self.blocks['a'](x).sum()\n"
        + "v = S().init(jax.random.key(0), jnp.ones((1, 2)))\n"
        + "s = str(jax.tree_util.tree_map(lambda a: a.shape, v))\n"
        + "s += ' %.7f' % float(v['params']['head']['kernel'][0, 0])", "s");
    // from flax 0.12.8
    assertEquals("{'params': {'blocks_a': {'bias': (2,), 'kernel': (3, 2)}, "
        + "'head': {'bias': (1,), 'kernel': (3, 1)}, 'layers_0': {'bias': (2,), 'kernel': (2, 2)}, "
        + "'layers_1': {'bias': (3,), 'kernel': (2, 3)}}} 1.1648884", names);
  }

  @Test
  void variablesMethodsAndBinding() {
    double[] got = py.floats(""
        + "class Counter(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    c = self.variable('counter', 'count', lambda: jnp.zeros((), jnp.int32))\n"
        + "    if not self.is_initializing():\n"
        + "      c.value += 1\n"
        + "    return nn.Dense(2, name='out')(x) * 2.0\n"
        + "m = Counter()\n"
        + "v = m.init(jax.random.key(3), jnp.ones((1, 3)))\n"
        + "y, upd = m.apply(v, jnp.ones((1, 3)), mutable=['counter'])\n"
        + "class E(nn.Module):\n"
        + "  def setup(self): self.enc = nn.Dense(3); self.dec = nn.Dense(2)\n"
        + "  def encode(self, x): return self.enc(x)\n"
        + "  def __call__(self, x): return self.dec(self.encode(x))\n"
        + "ve = E().init(jax.random.key(5), jnp.ones((1, 2)))\n"
        + "z = E().apply(ve, jnp.ones((1, 2)), method=E.encode)\n"
        + "zb = E().bind(ve).encode(jnp.ones((1, 2)))\n"
        + "r = [float(upd['counter']['count'])] + [float(a) for a in y.ravel()]\n"
        + "r += [float(a) for a in z.ravel()] + [float(a) for a in zb.ravel()]", "r");
    // from flax 0.12.8
    assertArrayEquals(new double[] {1, -0.31609484553337097, -1.7353986501693726,
        0.6209275126457214, -0.396487295627594, 0.10957378149032593,
        0.6209275126457214, -0.396487295627594, 0.10957378149032593}, got, TOL);
  }

  @Test
  void sequentialAndDropout() {
    double[] got = py.floats(""
        + "class F(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x, train):\n"
        + "    x = nn.Sequential([nn.Dense(4), nn.relu, nn.Dense(4)])(x)\n"
        + "    return nn.Dropout(0.5, deterministic=not train)(x)\n"
        + "v = F().init(jax.random.key(0), jnp.ones((1, 3)), False)\n"
        + "y = F().apply(v, jnp.ones((1, 3)), True, rngs={'dropout': jax.random.key(7)})\n"
        + "r = [float(a) for a in y.ravel()] + list(v['params']['Dense_1']['kernel'].shape)", "r");
    // from flax 0.12.8 (Dense layers made in a compact method belong to it, not to Sequential)
    assertArrayEquals(new double[] {1.0465072393417358, 0, 0, 0, 4, 4}, got, TOL);
  }

  @Test
  void errorsAreFlaxErrors() {
    String got = py.string(""
        + "from flax import errors\n"
        + "out = []\n"
        + "try:\n"
        + "  nn.Dense(3).apply({}, jnp.ones((1, 2)))\n"
        + "except errors.ScopeCollectionNotFound as e:\n"
        + "  out.append(str(e))\n"
        + "class C(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x): return nn.Dense(2)(x)\n"
        + "try:\n"
        + "  C()(jnp.ones((1, 2)))\n"
        + "except errors.CallCompactUnboundModuleError as e:\n"
        + "  out.append(str(e))\n"
        + "try:\n"
        + "  nn.vmap(nn.Dense(2))\n"
        + "except errors.TransformTargetError as e:\n"
        + "  out.append(type(e).__name__)\n"
        + "class D(nn.Module):\n"
        + "  features: int = 2\n"
        + "  def setup(self): self.features = 3\n"
        + "  def __call__(self, x): return x\n"
        + "class E(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    self.y = 1\n"
        + "    return x\n"
        + "for m in (D(), E()):\n"
        + "  try:\n"
        + "    m.init(jax.random.key(0), jnp.ones((1,)))\n"
        + "  except errors.FlaxError as e:\n"
        + "    out.append(type(e).__name__ + ': ' + str(e).split(' (')[0])\n"
        + "s = '\\n'.join(out)", "s");
    String page = "https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html#flax.errors.";
    // from flax 0.12.8
    assertEquals("Tried to access \"kernel\" from collection \"params\" in \"/\" but the collection is "
        + "empty. (" + page + "ScopeCollectionNotFound)\n"
        + "Can't call compact methods on unbound modules (" + page + "CallCompactUnboundModuleError)\n"
        + "TransformTargetError\n"
        + "SetAttributeInModuleSetupError: Module construction attributes are frozen.\n"
        + "SetAttributeFrozenModuleError: Can't set y=1 for Module of type E: Module instance is "
        + "frozen outside of setup method.", got);
  }

  @Test
  void reprsAreFlaxs() {
    String got = py.string(""
        + "class F(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x): return x\n"
        + "class G(nn.Module):\n"
        + "  features: int\n"
        + "  act: object = nn.relu\n"
        + "s = repr(F()) + '|' + repr(G(3)) + '|' + repr(flax.core.freeze({'a': {'b': 1}}))", "s");
    // from flax 0.12.8
    assertEquals("F()|G(\n    # attributes\n    features = 3\n    act = relu\n)|FrozenDict({\n"
        + "    a: {\n        b: 1,\n    },\n})", got);
  }
}
