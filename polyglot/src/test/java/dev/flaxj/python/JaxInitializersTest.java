package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jax.nn.initializers} called from Python: every factory's keyword arguments (custom axes,
 * dtype), the plain functions {@code zeros}/{@code ones}, and initialisers handed to Flax. Expected
 * values were printed by jax 0.10.2 (flax 0.12.8 where a module is involved) on CPython for the
 * same expressions with {@code key = jax.random.key(0)}.
 */
class JaxInitializersTest {
  private static Sessions py;

  @BeforeAll
  static void open() {
    py = Sessions.readOnly(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  /** Runs {@code code} after the common imports and returns its {@code _result}. */
  private static String run(String code) {
    return py.result("import jax, jax.numpy as jnp\n"
        + "from jax.nn import initializers as I\nkey = jax.random.key(0)\n" + code);
  }

  private static String eval(String expr) {
    return run("_result = " + expr);
  }

  /** "dtype shape close" for {@code init} against {@code expected} (a Python literal). */
  private static String check(String init, String expected) {
    return eval("(lambda x: '%s %s %s' % (x.dtype, x.shape, bool(jnp.allclose(x, jnp.array("
        + expected + "), rtol=1e-6, atol=1e-7))))(" + init + ")");
  }

  @Test
  void varianceScalingFamilyWithDefaultAndCustomAxes() {
    // from jax 0.10.2
    assertEquals("float32 (3, 4) True", check("I.lecun_normal()(key, (3, 4))",
        "[[0.955632, 1.1254908, -0.27086318, -0.04924887], [0.11026898, -0.5990025, -0.30912593,"
        + " 0.30855608], [0.41327733, -0.585994, 1.1748586, -1.0999686]]"));
    assertEquals("float32 (3, 2, 2) True", check("I.variance_scaling(1.0, 'fan_in', 'normal', "
        + "in_axis=0, out_axis=1, batch_axis=(2,))(key, (3, 2, 2))",
        "[[[0.93683285, 1.1692871], [-0.25033587, -0.04538975]], [[0.10166612, -0.56123596],"
        + " [-0.28596085, 0.2854296]], [[0.38356224, -0.54857713], [1.2583524, -1.1288067]]]"));
    assertEquals("float32 (2, 2, 3) True", check("I.variance_scaling(2.0, 'fan_avg', 'uniform', "
        + "in_axis=(0, 1), out_axis=-1)(key, (2, 2, 3))",
        "[[[1.1722674, 1.2532163, -0.43916398], [-0.08204523, 0.1830116, -0.8759187]],"
        + " [[-0.4970272, 0.49617654, 0.64618653], [-0.86148614, 1.2709546, -1.2431018]]]"));
    assertEquals("float32 (3, 2) True", check("I.variance_scaling(1.0, 'fan_in', 'normal', "
        + "out_axis=0)(key, (3, 2))",
        "[[1.1473813, 1.4320784], [-0.30659756, -0.05559086], [0.12451506, -0.6873709]]"));
    assertEquals("float32 (2, 3) True", check("I.he_normal(in_axis=0, out_axis=1)(key, (2, 3))",
        "[[1.6552032, 1.9494075, -0.46914884], [-0.08530156, 0.19099149, -1.0375029]]"));
    assertEquals("float32 (2, 2) True", check("I.lecun_normal()(jax.random.PRNGKey(1), (2, 2))",
        "[[-0.11845701, 0.06498858], [-0.10430865, -0.11891618]]"));
  }

  @Test
  void otherFactoriesAndDtypes() {
    // from jax 0.10.2
    assertEquals("float32 (3, 3) True", check("I.orthogonal()(key, (3, 3))",
        "[[0.9554101, 0.29413575, 0.02599558], [-0.04628982, 0.23614088, -0.9706156],"
        + " [-0.29163137, 0.9261326, 0.23922686]]"));
    assertEquals("float32 (2, 3) True", check("I.orthogonal(2.0, column_axis=0)(key, (2, 3))",
        "[[1.9216733, -0.51350003, 0.20854208], [0.37209678, 0.6376224, -1.8587581]]"));
    assertEquals("float32 (4,) True", check("I.normal(0.02)(key, (4,))",
        "[0.03245284, 0.04050529, -0.00867189, -0.00157235]"));
    assertEquals("float32 (3,) True", check("I.truncated_normal(1.0)(key, (3,))",
        "[1.4559592, 1.7147487, -0.41267535]"));
    assertEquals("int32 (2,) True", check("I.constant(3, dtype=jnp.int32)(key, (2,))", "[3, 3]"));
    assertEquals("float32 (2,) True", check("I.constant(-1.5)(key, (2,))", "[-1.5, -1.5]"));
    // the dtype given to the call wins over the factory's
    assertEquals("float32 (2,) True", check("I.uniform(dtype=jnp.int32)(key, (2,), jnp.float32)",
        "[0.00947667, 0.0097858]"));
    assertEquals("float32 (2, 3) True", check("I.zeros(key, (2, 3))", "[[0., 0., 0.], [0., 0., 0.]]"));
    assertEquals("int32 (2,) True", check("I.ones(key, (2,), jnp.int32)", "[1, 1]"));
  }

  @Test
  void badModeOrDistributionFailsWhenCalledWithJaxMessage() {
    String call = "def message(init):\n  try:\n    init(key, (2, 2))\n  except ValueError as e:\n"
        + "    return str(e)\n";
    // from jax 0.10.2: the factory accepts anything, the call raises ValueError
    assertEquals("invalid mode for variance scaling initializer: fan",
        run(call + "_result = message(I.variance_scaling(1.0, 'fan', 'uniform'))"));
    assertEquals("invalid distribution for variance scaling initializer: cauchy",
        run(call + "_result = message(I.variance_scaling(1.0, 'fan_in', 'cauchy'))"));
  }

  @Test
  void initializersGivenToFlaxRunWithTheirAxes() {
    String module = "import flax.linen as nn\n"
        + "class M(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self):\n"
        + "    nn.Dense(2, kernel_init=I.he_uniform(in_axis=-1, out_axis=-2))(jnp.ones((1, 3)))\n"
        + "    return self.param('w', I.variance_scaling(1.0, 'fan_in', 'normal', out_axis=0), (3, 2))\n"
        + "p = M().init(key)['params']\n";
    // from flax 0.12.8 / jax 0.10.2 (first four values of each parameter)
    assertEquals("True True", run(module + "_result = '%s %s' % ("
        + "bool(jnp.allclose(p['w'].ravel()[:4], jnp.array([0.05384088, -1.1425048, -1.1920211, "
        + "0.5039473]), rtol=1e-6)), bool(jnp.allclose(p['Dense_0']['kernel'].ravel()[:4], "
        + "jnp.array([-1.5492587, 0.8948458, -1.4053314, -0.9915441]), rtol=1e-6)))"));
  }

  @Test
  void aFactoryDtypeSurvivesFlaxUnlessFlaxPassesOne() {
    String module = "import flax.linen as nn\n"
        + "class M(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self):\n"
        + "    nn.Dense(2, kernel_init=I.normal(1.0, dtype=jnp.int32))(jnp.ones((1, 2)))\n"
        + "    self.param('u', I.uniform(dtype=jnp.int32), (2,), jnp.float32)\n"
        + "    return self.param('c', I.constant(3, dtype=jnp.int32), (2,))\n"
        + "p = M().init(key)['params']\n";
    // from flax 0.12.8 / jax 0.10.2: Dense passes param_dtype (float32), so does the explicit
    // dtype of 'u'; 'c' keeps the factory's int32
    assertEquals("float32 float32 int32 [3, 3] True", run(module + "_result = '%s %s %s %s %s' % ("
        + "p['Dense_0']['kernel'].dtype, p['u'].dtype, p['c'].dtype, p['c'].tolist(), "
        + "bool(jnp.allclose(p['Dense_0']['kernel'].ravel()[:2], jnp.array([-1.6185919, "
        + "0.7009080]), rtol=1e-6)))"));
  }

  @Test
  void initializersAreFunctionsWithJaxRepr() {
    // from jax 0.10.2: '<function variance_scaling.<locals>.init at 0x...>'
    assertEquals("<function variance_scaling.<locals>.init at",
        eval("repr(I.lecun_normal()).rsplit(' ', 1)[0]"));
    assertEquals("init he_normal", eval("I.he_normal().__name__ + ' ' + I.he_normal.__name__"));
  }
}
