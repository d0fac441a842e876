package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import org.junit.jupiter.api.Test;

class ElementwiseBatchingTest {
  private final Array x34 = iota(0.5, -2, 3, 4);
  private final Array y43 = iota(0.25, 1, 4, 3);
  private final Array y34 = iota(-0.75, 3, 3, 4);

  @Test
  void binaryWithEveryInAxesMix() {
    for (Integer out : new Integer[] {0, 1, -1, -2}) {
      check(a -> Lax.add(a[0], a[1]), axes(0, 0), out, x34, y34);
      check(a -> Lax.mul(a[0], a[1]), axes(0, 1), out, x34, y43);
      check(a -> Lax.sub(a[0], a[1]), axes(1, 0), out, y43, x34);
      check(a -> Lax.div(a[0], a[1]), axes(-1, -2), out, y43, x34);
      check(a -> Lax.max(a[0], a[1]), axes(0, null), out, x34, iota(1, 0, 4));
      check(a -> Lax.min(a[0], a[1]), axes(null, 1), out, iota(1, 0, 4), y43);
    }
  }

  @Test
  void scalarExamples() {
    Array v = iota(1, 1, 5);
    check(a -> Lax.mul(a[0], a[1]), axes(0, null), 0, v, Array.scalar(2f));
    check(a -> Lax.sub(a[0], a[1]), axes(null, 0), 0, Array.scalar(2f), v);
    check(a -> Lax.exp(a[0]), axes(0), 0, v);
  }

  @Test
  void unaryAndParameterised() {
    check(a -> Lax.tanh(a[0]), axes(1), 0, x34);
    check(a -> Lax.integerPow(a[0], 3), axes(-1), 0, x34);
    check(a -> Lax.round(a[0], 1), axes(0), 1, x34);
    check(a -> Lax.convertElementType(a[0], DType.INT32), axes(1), -1, x34);
    check(a -> Lax.bitcastConvertType(a[0], DType.UINT32), axes(0), 0, x34);
    check(a -> Lax.pow(a[0], a[1]), axes(0, 1), 0, Lax.abs(x34),
        Lax.convertElementType(y43, DType.INT32));
  }

  @Test
  void comparisonsAndLogic() {
    check(a -> Lax.lt(a[0], a[1]), axes(0, 1), 0, x34, y43);
    check(a -> Lax.not(Lax.eq(a[0], a[1])), axes(0, null), 1, x34, iota(0.5, -2, 4));
    Array i = ints(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    check(a -> Lax.shiftLeft(a[0], a[1]), axes(1, null), 0, i, ints(new int[] {1, 2}, 2));
  }

  @Test
  void selectWithScalarOrFullWhich() {
    Value which34 = Jnp.greater(x34, 0f);
    // which mapped like the cases
    check(a -> Lax.selectN(a[0], a[1], a[2]), axes(0, 0, 1), 0, which34, x34, y43);
    // which unmapped, a scalar per example: stays a scalar
    check(a -> Lax.selectN(a[0], a[1], a[2]), axes(null, 0, 0), 0, Array.scalar(true), x34, y34);
    // which mapped, a scalar per example, with cases of rank 1 per example
    Value whichVec = Array.of(new boolean[] {true, false, true}, 3);
    check(a -> Lax.selectN(a[0], a[1], a[2]), axes(0, 0, null), 1, whichVec, x34,
        iota(1, 0, 4));
    // integer which with three cases, only the middle case mapped
    Value which = ints(new int[] {0, 1, 2, 5}, 4);
    check(a -> Lax.selectN(a[0], a[1], a[2], a[3]), axes(null, null, 1, null), 0, which,
        iota(1, 0, 4), y43, iota(-1, 0, 4));
  }

  @Test
  void clampWithScalarBounds() {
    check(a -> Lax.clamp(a[0], a[1], a[2]), axes(null, 0, null), 0, Array.scalar(-1f), x34,
        Array.scalar(1f));
    // mapped scalar bounds per example, unmapped operand
    check(a -> Lax.clamp(a[0], a[1], a[2]), axes(0, null, 0), -1, iota(-1, 0, 3),
        iota(1, -2, 4), iota(1, 0, 3));
    check(a -> Lax.clamp(a[0], a[1], a[2]), axes(1, 0, null), 0, y43, x34, iota(1, 0, 4));
  }

  @Test
  void jnpBroadcastingProgram() {
    // broadcasting, promotion and weak scalars, all through vmap
    check(a -> (Value) Jnp.add(Jnp.multiply(a[0], 2.0), Jnp.sum(a[1], 0)), axes(0, 1), 0,
        x34, y43);
  }

  @Test
  void zeroSizedBatchAndExamples() {
    Value y = vmap(a -> Lax.exp(a[0]), axes(0), 1, Array.of(new float[0], 0, 3));
    assertEquals(Shape.of(3, 0), y.shape());
    Value z = vmap(a -> Lax.add(a[0], a[1]), axes(1, null), 0, Array.of(new float[0], 0, 2),
        Array.of(new float[0], 0));
    assertEquals(Shape.of(2, 0), z.shape());
  }

  @Test
  void examplesAreCheckedAsExamples() {
    // a mapped scalar could be broadcast, but lax.add of f32[4] and f32[] is wrong per example
    failsWith("add: requires arguments to have the same shapes, got f32[4], f32[]",
        () -> vmap(a -> Lax.add(a[0], a[1]), axes(0, 0), 0, x34, iota(1, 0, 3)));
  }

  @Test
  void weakTypesFollowTheOperands() {
    Value weak = Lax.broadcastInDim(Array.weak(2.0), new int[] {3}, new int[0]);
    Value y = vmap(a -> Lax.mul(a[0], a[1]), axes(0, null), 0, weak, Array.weak(3.0));
    assertEquals(true, ((Array) y).weakType());
    assertValues(y, new int[] {3}, 6, 6, 6);
  }
}
