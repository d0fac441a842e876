package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.reference.ElementOps.FloatBinary;
import dev.flaxj.backend.reference.ElementOps.FloatUnary;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.Params;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Float32LoopsTest {
  /** Special values (signed zeros, subnormals, infinities, NaNs with payloads) then random bits. */
  private static float[] operands(long seed, int n) {
    float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -1e-39f,
        Float.MIN_NORMAL, 1f, -1.5f, 88.9f, -90f, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7fc01234),
        Float.intBitsToFloat(0xffa00001)};
    Random random = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i < special.length ? special[i] : Float.intBitsToFloat(random.nextInt());
    }
    return v;
  }

  private static void assertBits(float expected, float actual, int i) {
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), "element " + i);
  }

  @Test
  void aUnaryLoopStoresTheOperatorsBitsForEachElement() {
    float[] x = operands(1, 700);
    for (FloatUnary op : new FloatUnary[] {XlaMath::exp, XlaMath::tanh, v -> -v, Denormals::flush}) {
      Float32Elementwise loop = Float32Loops.unary(op);
      float[] dst = new float[x.length];
      loop.apply(x, null, dst, x.length - 5);
      assertEquals(1, loop.arity());
      for (int i = 0; i < x.length; i++) {
        assertBits(i < x.length - 5 ? op.apply(x[i]) : 0f, dst[i], i);
      }
    }
  }

  @Test
  void aBinaryLoopStoresTheOperatorsBitsForEachPairAndMayWriteInPlace() {
    float[] a = operands(2, 600);
    float[] b = operands(3, 600);
    FloatBinary add = (p, q) -> Denormals.flush(Denormals.flush(p) + Denormals.flush(q));
    for (FloatBinary op : new FloatBinary[] {add, XlaMath::pow, (p, q) -> q}) {
      Float32Elementwise loop = Float32Loops.binary(op);
      float[] dst = a.clone();
      loop.apply(dst, b, dst, a.length);
      assertEquals(2, loop.arity());
      for (int i = 0; i < a.length; i++) {
        assertBits(op.apply(a[i], b[i]), dst[i], i);
      }
    }
  }

  @Test
  void everyOperationHasItsOwnLoopClass() {
    Float32Elementwise plus = Float32Loops.binary((p, q) -> p + q);
    Float32Elementwise times = Float32Loops.binary((p, q) -> p * q);
    assertNotSame(plus.getClass(), times.getClass());
    float[] dst = new float[1];
    times.apply(new float[] {3f}, new float[] {4f}, dst, 1);
    assertEquals(12f, dst[0]);
    plus.apply(new float[] {3f}, new float[] {4f}, dst, 1);
    assertEquals(7f, dst[0]);
  }

  @Test
  void theKernelsLoopsAreMadeOncePerOperation() {
    Params cube = Params.of("y", 3);
    assertSame(ReferenceBackend.INSTANCE.fusibleFloat32(ElementwisePrimitives.INTEGER_POW, cube),
        ReferenceBackend.INSTANCE.fusibleFloat32(ElementwisePrimitives.INTEGER_POW, cube));
    assertSame(ReferenceBackend.INSTANCE.fusibleFloat32(ElementwisePrimitives.TANH, Params.EMPTY),
        ReferenceBackend.INSTANCE.fusibleFloat32(ElementwisePrimitives.TANH, Params.EMPTY));
  }
}
