package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flaxj's stand-in {@code numpy}: {@code numpy.testing}'s assertions over jax arrays as Flax's
 * examples use them. Expected messages were printed by numpy 2.4.6 (in the jax 0.10.2 venv) on
 * CPython for the same calls.
 */
class NumpyTestingTest {
  private static Sessions py;

  @BeforeAll
  static void open() {
    py = Sessions.readOnly(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  /** The first lines of the AssertionError {@code stmt} raises, or "passed". */
  private static String outcome(String stmt) {
    return py.result("import jax.numpy as jnp, numpy as np\n"
        + "try:\n  " + stmt + "\n  _result = 'passed'\n"
        + "except AssertionError as e:\n  _result = '|'.join(str(e).split('\\n')[1:4])\n");
  }

  @Test
  void assertAllcloseComparesWithNumpysTolerance() {
    assertEquals("passed", outcome("np.testing.assert_allclose(jnp.ones(2), [1., 1.0000001], rtol=1e-6)"));
    // from numpy (CPython): the header lines of the message
    assertEquals("Not equal to tolerance rtol=1e-07, atol=0||Mismatched elements: 1 / 3 (33.3%)",
        outcome("np.testing.assert_allclose(jnp.ones(3), jnp.array([1., 2., 1.]))"));
    assertEquals("Not equal to tolerance rtol=1e-07, atol=0||(shapes (3,), (2,) mismatch)",
        outcome("np.testing.assert_allclose(jnp.ones(3), jnp.ones(2))"));
    assertEquals("passed", outcome("np.testing.assert_allclose(jnp.array([float('nan')]), [float('nan')])"));
  }

  @Test
  void assertRaisesAndEquality() {
    assertEquals("passed", outcome(
        "np.testing.assert_raises(AssertionError, np.testing.assert_allclose, jnp.ones(2), jnp.zeros(2))"));
    assertEquals("passed", outcome("np.testing.assert_array_equal(jnp.arange(3), [0, 1, 2])"));
    assertEquals("Arrays are not equal||Mismatched elements: 1 / 2 (50%)",
        outcome("np.testing.assert_array_equal(jnp.arange(2), [0, 2])"));
    assertEquals("flaxj provides only numpy.testing", py.result(
        "import numpy as np\ntry:\n  np.zeros\nexcept AttributeError as e:\n"
        + "  _result = str(e).split('(')[1].split(';')[0]\n"));
  }
}
