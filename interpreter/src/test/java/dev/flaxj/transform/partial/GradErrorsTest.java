package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** JAX's errors for misuse of {@code grad} and {@code jacrev} (wording from jax 0.10.2), and {@code allow_int}. */
class GradErrorsTest {
  private static String fails(Executable body) {
    return assertThrows(IllegalArgumentException.class, body).getMessage();
  }

  private static final String INT_INPUT = "grad requires real- or complex-valued inputs (input "
      + "dtype that is a sub-dtype of np.inexact), but got int32. If you want to use Boolean- or "
      + "integer-valued inputs, use vjp or set allow_int to True.";

  @Test
  void outputsMustBeRealScalars() {
    assertEquals("grad requires real-valued outputs (output dtype that is a sub-dtype of "
        + "np.floating), but got int32. For differentiation of functions with integer outputs, "
        + "use jax.vjp directly.",
        fails(() -> Grad.grad(a -> Jnp.astype((Value) a[0], DType.INT32)).apply(1.0)));
    assertTrue(fails(() -> Grad.grad(a -> Jnp.greater(a[0], 0)).apply(1.0))
        .contains("but got bool."));
    assertEquals("Gradient only defined for scalar-output functions. Output had shape: (3,).",
        fails(() -> Grad.grad(a -> Jnp.multiply(Jnp.ones(3), a[0])).apply(1.0)));
    assertTrue(fails(() -> Grad.grad(a -> Tuple.of(a[0], a[0])).apply(1.0))
        .startsWith("Gradient only defined for scalar-output functions. Output was ("));
  }

  @Test
  void integerInputsNeedAllowInt() {
    assertEquals(INT_INPUT, fails(() -> Grad.grad(a -> Jnp.multiply(a[0], 2)).apply(1)));
    assertTrue(fails(() -> Grad.grad(a -> Jnp.sum(Jnp.ones(1))).apply(Random.key(0)))
        .contains("but got key<fry>."));
    assertEquals(INT_INPUT.replace("grad", "jacrev"),
        fails(() -> Jacrev.jacrev(a -> Jnp.multiply(a[0], 2)).apply(1)));
  }

  @Test
  void allowIntGivesZeroGradientsForIntegers() {
    TreeFunction f = a -> Jnp.multiply(a[0], a[1]);
    Tuple g = (Tuple) Grad.grad(f).argnums(0, 1).allowInt(true).apply(2.0, 3);
    Close.scalar((Value) g.get(0), 3.0); // from jax 0.10.2
    assertTrue(g.get(1) instanceof Zero, "float0 in JAX");
    Tuple vg = (Tuple) Grad.valueAndGrad(f).argnums(1).allowInt(true).apply(2.0, 3);
    Close.scalar((Value) vg.get(0), 6.0);
    assertTrue(vg.get(1) instanceof Zero);
  }

  @Test
  void argnumsMustBeInRange() {
    assertEquals("differentiating with respect to argnums=2 requires at least 3 positional "
        + "arguments to be passed by the caller, but got only 1 positional arguments.",
        fails(() -> Grad.grad(a -> a[0]).argnums(2).apply(1.0)));
    assertTrue(fails(() -> Grad.grad(a -> a[0]).argnums(0, 3).apply(1.0, 2.0))
        .startsWith("differentiating with respect to argnums=(0, 3) requires at least 4"));
  }

  @Test
  void jacrevOutputsMustBeReal() {
    assertEquals("jacrev requires real-valued outputs (output dtype that is a sub-dtype of "
        + "np.floating), but got int32. For differentiation of functions with integer outputs, "
        + "use jax.vjp directly.",
        fails(() -> Jacrev.jacrev(a -> Jnp.astype((Value) a[0], DType.INT32)).apply(1.0)));
  }

  @Test
  void negativeArgnumsCountFromTheEnd() {
    Object g = Grad.grad(a -> Jnp.multiply(a[0], Jnp.multiply(a[1], a[1]))).argnums(-1)
        .apply(2.0, 3.0);
    Close.scalar((Value) g, 12.0);
  }
}
