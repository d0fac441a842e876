package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modules passed as arguments to Python lifted transforms are lifted with their own scopes (Flax's
 * multi-scope lifting): their variables take the transform's axes and they run on the inner scope.
 * Expected values were printed by flax 0.12.8 / jax 0.10.2 on CPython for the same program.
 */
class FlaxModuleArgumentsTest {
  private static FlaxPython py;

  @BeforeAll
  static void open() {
    py = new FlaxPython(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  @Test
  void moduleArgumentOfVmappedClassIsVmappedToo() {
    String code = "class Encoder(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x, dense):\n"
        + "    return dense(x) + nn.Dense(3, name='own')(x)\n"
        + "class Model(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    dense = nn.Dense(3)\n"
        + "    VEnc = nn.vmap(Encoder, variable_axes={'params': 0}, split_rngs={'params': True},\n"
        + "                   in_axes=(0, None))\n"
        + "    return VEnc()(x, dense)\n"
        + "y, v = Model().init_with_output(jax.random.key(0), jnp.ones((2, 4)))\n";
    // from flax 0.12.8
    assertEquals("{'params': {'Dense_0': {'bias': (2, 3), 'kernel': (2, 4, 3)}, 'VmapEncoder_0': "
        + "{'own': {'bias': (2, 3), 'kernel': (2, 4, 3)}}}}",
        py.string(code + "s = str(jax.tree_util.tree_map(jnp.shape, v))", "s"));
    assertArrayEquals(new double[] {0.30064594745635986, 0.7463477849960327, -1.0774487257003784,
        -2.5672149658203125, -0.441021203994751, -0.7257813811302185},
        py.floats(code + "r = y.ravel().tolist()", "r"), 1e-5);
  }

  @Test
  void moduleArgumentOfCheckpointedFunction() {
    String code = "class Model2(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    dense = nn.Dense(3)\n"
        + "    def f(mdl, d, x):\n"
        + "      return d(x) * 2\n"
        + "    return nn.checkpoint(f)(self, dense, x)\n"
        + "y, v = Model2().init_with_output(jax.random.key(0), jnp.ones((2, 4)))\n";
    // from flax 0.12.8
    assertEquals("{'params': {'Dense_0': {'bias': (3,), 'kernel': (4, 3)}}}",
        py.string(code + "s = str(jax.tree_util.tree_map(jnp.shape, v))", "s"));
    assertArrayEquals(new double[] {-0.6824150085449219, -0.19198286533355713, 1.1829501390457153,
        -0.6824150085449219, -0.19198286533355713, 1.1829501390457153},
        py.floats(code + "r = y.ravel().tolist()", "r"), 1e-5);
  }
}
