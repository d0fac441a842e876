package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jacfwd: shapes, structure, values (signed zeros included), argnums, has_aux and errors. */
class JacfwdTest {
  private static int[] dims(Object v) {
    return ((Value) v).shape().dims();
  }

  @Test
  void jacobianOfAnElementwiseFunctionIsDiagonal() {
    // from jax 0.10.2: jax.jacfwd(lambda x: jnp.sin(x) * 2)(jnp.arange(3.)), -0. included
    Object jac = Jvp.jacfwd(a -> Jnp.multiply(Jnp.sin(a[0]), 2.0)).apply(Jnp.arange(3.0));
    assertArrayEquals(new int[] {3, 3}, dims(jac));
    assertEquals(DType.FLOAT32, ((Value) jac).dtype());
    float[] expected = {2f, 0f, 0f, 0f, 1.0806046f, 0f, -0f, -0f, -0.83229367f};
    float[] actual = ((Array) jac).toFloatArray();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
          "element " + i + ": " + actual[i]);
    }
  }

  @Test
  void tupleArgnumsGiveATuplePerOutputLeaf() {
    // from jax 0.10.2: jax.jacfwd(lambda x, y: {'a': x*y, 'b': (x.sum(),)}, argnums=(0, 1))
    TreeFunction f = a -> Map.of("a", Jnp.multiply(a[0], a[1]),
        "b", Tuple.of(Jnp.sum((Value) a[0])));
    Map<?, ?> jac = (Map<?, ?>) Jvp.jacfwd(f, new int[] {0, 1})
        .apply(Jnp.arange(3.0), Array.scalar(2f));
    Tuple a = (Tuple) jac.get("a");
    assertArrayEquals(new int[] {3, 3}, dims(a.get(0)));
    assertExactly(new float[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, (Value) a.get(0));
    assertArrayEquals(new int[] {3}, dims(a.get(1)));
    assertExactly(new float[] {0, 1, 2}, (Value) a.get(1));
    Tuple b = (Tuple) ((Tuple) jac.get("b")).get(0);
    assertExactly(new float[] {1, 1, 1}, (Value) b.get(0));
    assertArrayEquals(new int[0], dims(b.get(1)));
    assertExactly(new float[] {0}, (Value) b.get(1));
  }

  @Test
  void pytreeInputsAndMixedDtypes() {
    @SuppressWarnings("unchecked")
    TreeFunction f = a -> {
      Map<String, Object> d = (Map<String, Object>) a[0];
      return Jnp.multiply(Lax.convertElementType((Value) d.get("a"), DType.FLOAT32), d.get("b"));
    };
    Map<?, ?> jac = (Map<?, ?>) Jvp.jacfwd(f).apply(Map.of("a", f64(1, 2),
        "b", f32(3f, 5f)));
    // as JAX: every block takes the output's dtype (float32), shape out.shape + in.shape
    Value da = (Value) jac.get("a");
    assertEquals(DType.FLOAT32, da.dtype());
    assertExactly(new float[] {3, 0, 0, 5}, da);
    assertExactly(new float[] {1, 0, 0, 2}, (Value) jac.get("b"));
  }

  @Test
  void argnumsSelectAndMayBeNegative() {
    TreeFunction f = a -> Jnp.multiply(Jnp.multiply(a[0], a[1]), a[1]);
    Value dy = (Value) Jvp.jacfwd(f, -1).apply(Array.scalar(3f), Array.scalar(2f));
    assertExactly(new float[] {12f}, dy);
    // from jax 0.10.2
    assertEquals("Positional argument indices, e.g. for `static_argnums`, must have value greater "
        + "than or equal to -len(args) and less than len(args), but got value 2 for len(args) == 1.",
        assertThrows(IllegalArgumentException.class, () -> Jvp.jacfwd(a -> a[0], 2)
            .apply(1.0)).getMessage());
  }

  @Test
  void hasAuxReturnsJacobianAndAux() {
    // from jax 0.10.2: jax.jacfwd(lambda x: (x * 2, x), has_aux=True)(jnp.ones(2))
    Tuple out = (Tuple) Jvp.jacfwd(a -> Tuple.of(Jnp.multiply(a[0], 2.0), a[0]), 0, true)
        .apply(Jnp.ones(2));
    assertExactly(new float[] {2, 0, 0, 2}, (Value) out.get(0));
    assertEquals(Array.class, out.get(1).getClass());
    assertExactly(new float[] {1, 1}, (Value) out.get(1));
  }

  @Test
  void zeroSizeInputsAndIntegerOutputs() {
    // from jax 0.10.2: jacfwd(lambda x: x.sum())(jnp.ones((0,))) has shape (0,)
    assertArrayEquals(new int[] {0},
        dims(Jvp.jacfwd(a -> Jnp.sum((Value) a[0])).apply(Jnp.ones(0))));
    assertArrayEquals(new int[] {2, 0, 2, 0},
        dims(Jvp.jacfwd(a -> Jnp.multiply(a[0], 2.0)).apply(Jnp.ones(2, 0))));
    // from jax 0.10.2: an integer output has an integer zero Jacobian
    Value ints = (Value) Jvp.jacfwd(a -> Lax.convertElementType((Value) a[0], DType.INT32))
        .apply(Jnp.ones(2));
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {0, 0, 0, 0}, ((Array) ints).toIntArray());
  }

  @Test
  void jacfwdOfJacfwdIsTheHessian() {
    TreeFunction cubeSum = a -> Jnp.sum(Lax.integerPow((Value) a[0], 3));
    Value h = (Value) Jvp.jacfwd(Jvp.jacfwd(cubeSum)).apply(f64(1, -2, 0.5));
    assertArrayEquals(new int[] {3, 3}, h.shape().dims());
    assertClose(new double[] {6, 0, 0, 0, -12, 0, 0, 0, 3}, h, 0);
  }

  @Test
  void nonFloatInputsAreRejectedAsInJax() {
    // from jax 0.10.2 (its message names int64 under x64; int32 here)
    assertEquals("jacfwd requires real-valued inputs (input dtype that is a sub-dtype of "
        + "np.floating), but got int32. For holomorphic differentiation, pass holomorphic=True. "
        + "For differentiation of non-holomorphic functions involving complex inputs or integer "
        + "inputs, use jax.jvp directly.", assertThrows(IllegalArgumentException.class,
            () -> Jvp.jacfwd(a -> a[0]).apply(Jnp.arange(3))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Jvp.jacfwd(a -> a[0]).apply(List.of(Jnp.ones(1), Array.scalar(true))));
  }
}
