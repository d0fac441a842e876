package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyword arguments of the Python lifted transforms: {@code policy} of {@code nn.remat} and
 * {@code nn.remat_scan}, {@code data_transform} of {@code nn.scan}, per-method options of
 * {@code methods={name: kwargs}}. Every expected value was printed by flax 0.12.8 / jax 0.10.2 on
 * CPython for the same program.
 */
class FlaxTransformOptionsTest {
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

  /** Saved residuals, one per line, source positions of outputs cut off (they name files). */
  private static final String RESIDUALS = "import io, contextlib\n"
      + "from jax.ad_checkpoint import print_saved_residuals\n"
      + "def residuals(f, *args):\n"
      + "  buf = io.StringIO()\n"
      + "  with contextlib.redirect_stdout(buf):\n"
      + "    print_saved_residuals(f, *args)\n"
      + "  return '\\n'.join(l.split(' from ')[0] if ' output of ' in l else l\n"
      + "                   for l in buf.getvalue().splitlines())\n";

  private static final String MLP = RESIDUALS
      + "class MLP(nn.Module):\n"
      + "  @nn.compact\n"
      + "  def __call__(self, x):\n"
      + "    x = nn.Dense(4)(x)\n"
      + "    x = jnp.sin(x)\n"
      + "    return nn.Dense(2)(x)\n"
      + "def saved(policy):\n"
      + "  M = nn.remat(MLP, policy=policy)\n"
      + "  x = jnp.ones((3, 5))\n"
      + "  v = M().init(jax.random.key(0), x)\n"
      + "  return residuals(lambda p, x: M().apply(p, x).sum(), v, x)\n";

  private static final String ARGS = "f32[4] from the argument p['params']['Dense_0']['bias']\n"
      + "f32[5,4] from the argument p['params']['Dense_0']['kernel']\n"
      + "f32[4,2] from the argument p['params']['Dense_1']['kernel']\n"
      + "f32[3,5] from the argument x";

  @Test
  void rematPolicyDecidesWhatIsSaved() {
    // from flax 0.12.8 (print_saved_residuals, source positions cut)
    assertEquals(ARGS, py.string(MLP + "s = saved(None)", "s"));
    assertEquals(ARGS, py.string(MLP + "s = saved(jax.checkpoint_policies.nothing_saveable)", "s"));
    assertEquals(ARGS + "\nf32[3,4] output of dot_general",
        py.string(MLP + "s = saved(jax.checkpoint_policies.dots_saveable)", "s"));
    assertEquals("f32[5,4] from the argument p['params']['Dense_0']['kernel']\n"
        + "f32[4,2] from the argument p['params']['Dense_1']['kernel']\n"
        + "f32[3,5] from the argument x\n"
        + "f32[3,4] output of sin\n"
        + "f32[3,4] output of cos",
        py.string(MLP + "s = saved(jax.checkpoint_policies.everything_saveable)", "s"));
  }

  @Test
  void rematScanPolicyDecidesWhatIsSaved() {
    String code = RESIDUALS
        + "class Blk(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    return jnp.sin(nn.Dense(3)(x))\n"
        + "def saved(policy):\n"
        + "  R = nn.remat_scan(Blk, lengths=(2, 2), policy=policy)\n"
        + "  x = jnp.ones((2, 3))\n"
        + "  v = R().init(jax.random.key(0), x)\n"
        + "  return residuals(lambda p, x: R().apply(p, x).sum(), v, x)\n";
    // from flax 0.12.8 (print_saved_residuals, source positions cut), without the two parameter
    // lines: flax 0.12.8 saves them "from the argument p['params']...", flaxj as "output of
    // transpose" (the core's moveaxis(x, 0, 0) is an identity transpose that JAX elides)
    String scans = "\ns = '\\n'.join(l for l in s.splitlines() if p_line(l) is None)\n";
    String helper = "def p_line(l):\n"
        + "  return l if ('from the argument p' in l or 'output of transpose' in l) else None\n";
    assertEquals("f32[2,2,3] output of scan",
        py.string(code + helper + "s = saved(jax.checkpoint_policies.nothing_saveable)" + scans, "s"));
    assertEquals("f32[2,2,2,3] output of scan\nf32[2,2,3] output of scan",
        py.string(code + helper + "s = saved(jax.checkpoint_policies.dots_saveable)" + scans, "s"));
  }

  @Test
  void pythonPolicyFunctionIsRefusedByName() {
    String msg = py.string(MLP
        + "try:\n"
        + "  saved(lambda prim, *a, **kw: True)\n"
        + "  s = 'no error'\n"
        + "except NotImplementedError as e:\n"
        + "  s = str(e)\n", "s");
    assertEquals(true, msg.contains("nn.checkpoint(policy=...)"), msg);
  }

  @Test
  void scanDataTransformMapsTheVariableGroups() {
    double[] got = py.floats("class Blk(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, c, x):\n"
        + "    h = nn.Dense(2, name='d')(x)\n"
        + "    return c + h.sum(), h\n"
        + "def double(vg, rg):\n"
        + "  return tuple(jax.tree_util.tree_map(lambda a: a * 2, g) for g in vg), rg\n"
        + "P = nn.scan(Blk, variable_broadcast='params', split_rngs={'params': False})\n"
        + "S = nn.scan(Blk, variable_broadcast='params', split_rngs={'params': False},\n"
        + "            data_transform=double)\n"
        + "x = jnp.arange(6.).reshape(3, 2)\n"
        + "v = P().init(jax.random.key(0), 0., x)\n"
        + "c, y = S().apply(v, 0., x)\n"
        + "r = [float(c)] + [float(a) for a in y.ravel()]\n", "r");
    // from flax 0.12.8
    assertArrayEquals(new double[] {21.257927, -0.23415297, 1.2333442, 1.7036374, 5.382338,
        3.6414275, 9.531332}, got, 1e-5);
  }

  @Test
  void methodsDictGivesEachMethodItsOwnOptions() {
    String code = "class Blk(nn.Module):\n"
        + "  def setup(self):\n"
        + "    self.d = nn.Dense(2)\n"
        + "  def __call__(self, c, x):\n"
        + "    return c + self.d(x).sum()\n"
        + "  def other(self, x):\n"
        + "    return self.d(x)\n"
        + "V = nn.vmap(Blk, methods={\n"
        + "    '__call__': dict(variable_axes={'params': 0}, split_rngs={'params': True},\n"
        + "                     in_axes=(None, 0)),\n"
        + "    'other': dict(variable_axes={'params': 0}, split_rngs={'params': True},\n"
        + "                  in_axes=1, out_axes=1)})\n"
        + "x = jnp.arange(6.).reshape(3, 2)\n"
        + "v = V().init(jax.random.key(0), 0., x)\n";
    // from flax 0.12.8
    assertEquals("{'params': {'d': {'bias': (3, 2), 'kernel': (3, 2, 2)}}}",
        py.string(code + "s = str(jax.tree_util.tree_map(jnp.shape, v))", "s"));
    assertArrayEquals(new double[] {-0.24268671870231628, -10.10879898071289, 3.3664233684539795},
        py.floats(code + "r = V().apply(v, 0., x).tolist()", "r"), TOL * 10);
    assertArrayEquals(new double[] {0.013590429909527302, -4.583597183227539, 3.9421305656433105,
        -0.2562771439552307, -5.525201320648193, -0.5757072567939758},
        py.floats(code + "r = V().apply(v, x.T, method='other').ravel().tolist()", "r"), TOL * 10);
  }

  private static final String BOXED = "class Blk(nn.Module):\n"
      + "  @nn.compact\n"
      + "  def __call__(self, x):\n"
      + "    w = self.param('w', nn.with_partitioning(nn.initializers.ones, (None, 'mlp')), (2, 3))\n"
      + "    k = nn.with_partitioning(nn.initializers.lecun_normal(), ('embed', 'mlp'))\n"
      + "    return nn.Dense(3, kernel_init=k)(x) + x @ w\n"
      + "x = jnp.ones((4, 2))\n";

  @Test
  void vmapMetadataParamsNamesTheNewAxisOfPartitionedParams() {
    String code = BOXED
        + "V = nn.vmap(Blk, variable_axes={'params': 0}, split_rngs={'params': True}, in_axes=0,\n"
        + "            metadata_params={'partition_name': 'batch'})\n"
        + "v = V().init(jax.random.key(0), x)\n";
    // from flax 0.12.8
    assertEquals("{'params': {'Dense_0': {'bias': (4, 3), 'kernel': Partitioned(value=(4, 2, 3), "
        + "names=('batch', 'embed', 'mlp'), mesh=None)}, 'w': Partitioned(value=(4, 2, 3), "
        + "names=('batch', None, 'mlp'), mesh=None)}}",
        py.string(code + "s = str(jax.tree_util.tree_map(jnp.shape, v))", "s"));
    assertArrayEquals(new double[] {1.780394434928894, 2.9030747413635254, 2.63840913772583,
        1.1409879922866821, 1.5003280639648438, 0.900193452835083},
        py.floats(code + "r = V().apply(v, x).ravel()[:6].tolist()", "r"), 1e-5);
  }

  @Test
  void partitionedParamsNeedAPartitionNameUnderVmap() {
    String msg = py.string(BOXED
        + "V = nn.vmap(Blk, variable_axes={'params': 0}, split_rngs={'params': True}, in_axes=0)\n"
        + "try:\n"
        + "  V().init(jax.random.key(0), x)\n"
        + "  s = 'no error'\n"
        + "except flax.errors.PartitioningUnspecifiedError as e:\n"
        + "  s = str(e)\n", "s");
    // from flax 0.12.8 (the message's beginning)
    assertEquals(true, msg.startsWith("Trying to transform a Partitioned variable but "
        + "\"partition_name\" is not specified in metadata_params: "), msg);
  }

  @Test
  void scanMetadataParamsNamesTheLayerAxis() {
    String code = "class W(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, c, x):\n"
        + "    k = nn.with_partitioning(nn.initializers.lecun_normal(), ('embed', 'mlp'))\n"
        + "    return nn.Dense(2, kernel_init=k)(c), None\n"
        + "S = nn.scan(W, variable_axes={'params': 0}, split_rngs={'params': True}, length=3,\n"
        + "            metadata_params={'partition_name': 'layers'})\n"
        + "v = S().init(jax.random.key(0), jnp.ones((2,)), None)\n";
    // from flax 0.12.8
    assertEquals("{'params': {'Dense_0': {'bias': (3, 2), 'kernel': Partitioned(value=(3, 2, 2), "
        + "names=('layers', 'embed', 'mlp'), mesh=None)}}}",
        py.string(code + "s = str(jax.tree_util.tree_map(jnp.shape, v))", "s"));
    assertArrayEquals(new double[] {0.4240228831768036, -0.1464834213256836},
        py.floats(code + "r = S().apply(v, jnp.ones((2,)), None)[0].tolist()", "r"), 1e-5);
  }
}
