package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import java.util.Map;

/** Shared helpers of the lift tests: exact float comparison and nested-map access. */
final class LiftTesting {
  private LiftTesting() {}

  /** What Flax appends to its error messages, up to the class name (then {@code ")"}). */
  static final String FLAX_DOC = " (https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html#flax.errors.";

  /** Asserts {@code actual} has shape {@code shape} and exactly the float32 values {@code expected}. */
  static void assertFloats(Object actual, int[] shape, double... expected) {
    Array a = (Array) actual;
    assertArrayEquals(shape, a.shape().dims(), "shape");
    float[] want = new float[expected.length];
    for (int i = 0; i < want.length; i++) {
      want[i] = (float) expected[i];
    }
    assertArrayEquals(want, a.rawFloats());
  }

  /**
   * As {@link #assertFloats}, allowing {@code ulps} units in the last place: for values real Flax
   * computed inside a compiled {@code lax.scan} body, where XLA's fusion rounds differently from
   * JAX's op-by-op evaluation (which flaxj matches exactly).
   */
  static void assertFloatsWithinUlps(Object actual, int[] shape, int ulps, double... expected) {
    Array a = (Array) actual;
    assertArrayEquals(shape, a.shape().dims(), "shape");
    float[] got = a.rawFloats();
    for (int i = 0; i < expected.length; i++) {
      float want = (float) expected[i];
      assertTrue(Math.abs(got[i] - want) <= ulps * Math.ulp(want), "index " + i + ": expected " + want
          + " but was " + got[i]);
    }
  }

  /** The value at {@code path} in nested string-keyed maps. */
  static Object at(Object tree, String... path) {
    Object t = tree;
    for (String k : path) {
      t = ((Map<?, ?>) t).get(k);
    }
    return t;
  }
}
