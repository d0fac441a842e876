package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vjp} and {@code linearize} on pytrees, against values from jax 0.10.2. */
class VjpLinearizeTest {
  private static final Array X3 = Close.f32(0.5f, -1f, 2f);
  private static final Array Y2 = Close.f32(1.5f, -0.5f);

  private static Value v(Object o) {
    return (Value) o;
  }

  private static VjpOutput pytreeVjp() {
    return Vjp.vjp(a -> Tuple.of(Jnp.multiply(Jnp.sin(a[0]), Jnp.index(v(a[1]), Index.at(0))),
        Map.of("s", Jnp.sum(Jnp.multiply(a[0], a[0])))), X3, Y2);
  }

  @Test
  void vjpOverPytrees() {
    VjpOutput r = pytreeVjp();
    Tuple out = (Tuple) r.primalOut();
    // from jax 0.10.2
    Close.f32(v(out.get(0)), new int[] {3}, 0.7191383242607117, -1.2622064352035522,
        1.3639460802078247);
    Close.scalar(v(((Map<?, ?>) out.get(1)).get("s")), 5.25);
    Tuple cts = (Tuple) r.vjpFn().apply(Tuple.of(Close.f32(1f, 2f, 3f), Map.of("s",
        Array.scalar(0.5f))));
    Close.f32(v(cts.get(0)), new int[] {3}, 1.8163738250732422, 0.6209068298339844,
        0.12733924388885498);
    Close.f32(v(cts.get(1)), new int[] {2}, 1.5243757963180542, 0.0);
  }

  @Test
  void vjpFunctionChecksItsCotangent() {
    VjpOutput r = Vjp.vjp(a -> Jnp.multiply(a[0], 2.0), 1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.vjpFn().apply(Jnp.ones(3)));
    // wording from jax 0.10.2
    assertEquals("unexpected JAX type (e.g. shape/dtype) for argument to VJP function: got "
        + "float32[3], but expected float32[] because the corresponding output of the "
        + "differentiated function had JAX type float32[]", e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> r.vjpFn().apply(1));
    assertTrue(e2.getMessage().contains("got int32[], but expected float32[]"), e2.getMessage());
    IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
        () -> pytreeVjp().vjpFn().apply(Tuple.of(Close.f32(1f, 2f, 3f))));
    assertTrue(e3.getMessage().startsWith("unexpected tree structure."), e3.getMessage());
  }

  @Test
  void vjpWithAux() {
    VjpOutput r = Vjp.vjp(a -> Tuple.of(Jnp.multiply(a[0], 2.0), Jnp.index(v(a[0]),
        Index.at(0))), new Object[] {X3}, true);
    // from jax 0.10.2
    Close.f32(v(r.primalOut()), new int[] {3}, 1.0, -2.0, 4.0);
    Close.scalar(v(r.aux()), 0.5);
    Close.f32(v(((Tuple) r.vjpFn().apply(Jnp.ones(3))).get(0)), new int[] {3}, 2, 2, 2);
  }

  @Test
  void auxMustBeAPair() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Vjp.vjp(a -> a[0], new Object[] {X3}, true));
    assertTrue(e.getMessage().startsWith("expected function with aux output to return a "
        + "two-element tuple, but got type"), e.getMessage());
  }

  @Test
  void integerInputsHaveZeroCotangents() {
    VjpOutput r = Vjp.vjp(a -> Jnp.multiply(a[0], a[1]), 2.0, 3);
    Tuple cts = (Tuple) r.vjpFn().apply(1.0);
    Close.scalar(v(cts.get(0)), 3.0);
    assertTrue(cts.get(1) instanceof Zero, "an int input's cotangent is JAX's float0 zero");
  }

  @Test
  void integerOutputsTakeAnyCotangent() {
    VjpOutput r = Vjp.vjp(a -> Tuple.of(Jnp.multiply(a[0], 2.0), Jnp.astype(v(a[0]),
        dev.flaxj.array.DType.INT32)), X3);
    Tuple cts = (Tuple) r.vjpFn().apply(Tuple.of(Jnp.ones(3), Zero.of(
        Jnp.zeros(new int[] {3}, dev.flaxj.array.DType.INT32).aval())));
    Close.f32(v(cts.get(0)), new int[] {3}, 2, 2, 2);
  }

  @Test
  void unusedInputsGetZeros() {
    Tuple cts = (Tuple) Vjp.vjp(a -> Jnp.sum(v(a[0])), X3, Y2).vjpFn().apply(1.0);
    Close.f32(v(cts.get(1)), new int[] {2}, 0, 0);
    Object g = Grad.grad(a -> 1.0).apply(2.0);
    Close.scalar(v(g), 0.0); // from jax 0.10.2: 0.0, weakly typed
    assertTrue(v(g).aval().weakType());
  }

  @Test
  void linearize() {
    LinearizeOutput r = Linearize.linearize(a -> Jnp.multiply(Jnp.tanh(a[0]), a[0]), X3);
    // from jax 0.10.2
    Close.f32(v(r.primalOut()), new int[] {3}, 0.23105858266353607, 0.7615941762924194,
        1.9280551671981812);
    Close.f32(v(r.jvpFn().apply(Close.f32(1f, 0f, -1f))), new int[] {3}, 0.8553410172462463,
        -0.0, -1.1053292751312256);
  }

  @Test
  void linearizeWithAuxAndWrongTangents() {
    LinearizeOutput r = Linearize.linearize(a -> Tuple.of(Jnp.sin(a[0]), Jnp.cos(a[0])),
        new Object[] {X3}, true);
    Close.same(v(r.aux()), Jnp.cos(X3));
    Close.same(v(r.jvpFn().apply(Jnp.ones(3))), Jnp.cos(X3));
    assertThrows(IllegalArgumentException.class, () -> r.jvpFn().apply(Jnp.ones(2)));
  }

  @Test
  void linearizedFunctionDoesNotRecomputeThePrimal() {
    int[] calls = {0};
    LinearizeOutput r = Linearize.linearize(a -> {
      calls[0]++;
      return Jnp.exp(a[0]);
    }, X3);
    r.jvpFn().apply(Jnp.ones(3));
    r.jvpFn().apply(Jnp.ones(3));
    assertEquals(1, calls[0]);
  }
}
