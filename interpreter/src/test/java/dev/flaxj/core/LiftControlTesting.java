package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;

/** Helpers of the while_loop, cond and switch tests: a Dense layer on a scope and int state checks. */
final class LiftControlTesting {
  private LiftControlTesting() {}

  /** {@code x @ kernel + bias} with Flax's Dense initialisers (lecun_normal kernel, zeros bias). */
  static Value dense(Scope scope, Object x, int features) {
    int in = ((Value) x).shape().dim(((Value) x).rank() - 1);
    Object k = scope.param("kernel", Initializers.lecunNormal(), in, features);
    Object b = scope.param("bias", Initializers.zeros(), features);
    return Jnp.add(Jnp.matmul(x, k), b);
  }

  /** {@code scope.variable(col, name).value += 1}. */
  static void increment(Scope scope, String col, String name) {
    scope.putVariable(col, name, Jnp.add(scope.variable(col, name, null), 1));
  }

  /** Asserts a weakly typed int32 scalar (what JAX makes of a Python int carried through a loop or branch). */
  static void assertWeakInt(Object actual, int expected) {
    Array a = (Array) actual;
    assertEquals(DType.INT32, a.dtype());
    assertTrue(a.weakType(), "weak type");
    assertEquals(expected, a.rawInts()[0]);
  }
}
