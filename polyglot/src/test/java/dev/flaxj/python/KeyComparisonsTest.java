package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparisons with PRNG key arrays: {@code ==}/{@code !=} compare keys, everything else is JAX's
 * TypeError. Expected texts were printed by jax 0.10.2 on CPython for the same expressions, with
 * {@code k = key(0)}, {@code k2 = key(1)}, {@code ks = split(k, 3)}.
 */
class KeyComparisonsTest {
  private static Sessions py;

  @BeforeAll
  static void open() {
    py = Sessions.readOnly(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  /** repr of the expression's value, or "TypeError: message" if it raised a TypeError. */
  private static String outcome(String expr) {
    return py.result("import jax, jax.numpy as jnp\n"
        + "k, k2 = jax.random.key(0), jax.random.key(1)\nks = jax.random.split(k, 3)\n"
        + "try:\n  _result = repr(" + expr + ")\nexcept TypeError as e:\n"
        + "  _result = 'TypeError: ' + str(e)\n");
  }

  @Test
  void equalityComparesKeys() {
    // from jax 0.10.2
    assertEquals("Array(True, dtype=bool)", outcome("k == k"));
    assertEquals("Array(False, dtype=bool)", outcome("k == k2"));
    assertEquals("Array(True, dtype=bool)", outcome("k != k2"));
    assertEquals("Array([ True, False, False], dtype=bool)", outcome("ks == ks[0]"));
    assertEquals("Array([ True, False,  True], dtype=bool)", outcome("ks != ks[1]"));
    assertEquals("Array(True, dtype=bool)", outcome("jnp.not_equal(k, k2)"));
    assertEquals("Array(False, dtype=bool)", outcome("jax.jit(lambda a, b: a == b)(k, k2)"));
    assertEquals("Array([False, False], dtype=bool)", outcome(
        "jax.vmap(lambda a, b: a == b)(jax.random.split(k, 2), jax.random.split(k2, 2))"));
    assertEquals("True", outcome("bool(k == k)"));
    assertEquals("True", outcome("k != None"));
  }

  @Test
  void otherComparisonsRaiseJaxTypeError() {
    // from jax 0.10.2
    assertEquals("TypeError: lt does not accept dtype key<fry> at position 0. Accepted dtypes at "
        + "position 0 are subtypes of integer, floating, bool.", outcome("k < k2"));
    assertEquals("TypeError: ge does not accept dtype key<fry> at position 0. Accepted dtypes at "
        + "position 0 are subtypes of integer, floating, bool.", outcome("jnp.greater_equal(k, k)"));
    assertEquals("TypeError: equal does not accept dtypes key<fry>, int32.", outcome("k == 1"));
    assertEquals("TypeError: not_equal does not accept dtypes key<fry>, float32.", outcome("k != 2.0"));
    assertEquals("TypeError: greater does not accept dtypes key<fry>, int32.", outcome("1 < k"));
    assertEquals("TypeError: equal does not accept dtypes key<fry>, uint32.",
        outcome("k == jax.random.PRNGKey(0)"));
    assertEquals("TypeError: greater_equal does not accept dtypes int32, key<fry>.",
        outcome("jnp.greater_equal(1, k)"));
    assertEquals("TypeError: eq got incompatible shapes for broadcasting: (3,), (2,).",
        outcome("ks == jax.random.split(k, 2)"));
  }
}
