package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code jax.jit} returns: a {@code PjitFunction} that wraps the function (name, signature,
 * {@code __wrapped__}), calls it jitted and binds as a method. Expected texts were printed by jax
 * 0.10.2 on CPython for the same code.
 */
class JitFunctionTest {
  private static Sessions py;

  @BeforeAll
  static void open() {
    py = Sessions.readOnly(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  private static String run(String code) {
    return py.result("import inspect, jax, jax.numpy as jnp\n"
        + "def f(x, y=1):\n  return x * 2\nj = jax.jit(f)\n" + code);
  }

  @Test
  void jitReturnsAPjitFunctionWrappingTheFunction() {
    // from jax 0.10.2
    assertEquals("PjitFunction <PjitFunction of <function f f (x, y=1) True", run(
        "_result = ' '.join([type(j).__name__, repr(j).split(' at ')[0], j.__name__,"
        + " str(inspect.signature(j)), str(j.__wrapped__ is f)])"));
    assertEquals("Array(4., dtype=float32, weak_type=True)", run("_result = repr(jax.jit(j)(2.))"));
  }

  @Test
  void aJittedMethodBindsItsInstance() {
    // from jax 0.10.2: the instance is bound as the first, static, argument
    assertEquals("6.0", run("class A:\n  def __init__(self):\n    self.k = 3.\n"
        + "  def m(self, x):\n    return x * self.k\n"
        + "A.m = jax.jit(A.m, static_argnums=0)\n"
        + "_result = str(float(A().m(2.)))"));
  }
}
