package dev.flaxj.lax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic laws of the integer and conversion kernels over random operands. */
class ElementwisePropertyTest {

  private static int one(Object v) {
    return ((Array) v).rawInts()[0];
  }

  private static Array u32(int bits) {
    return Array.ofUint32(new int[] {bits});
  }

  @Property(tries = 300)
  void signedDivisionAndRemainderRecomposeTheDividend(@ForAll int a, @ForAll int b) {
    Assume.that(b != 0);
    int q = one(Lax.div(Array.scalar(a), Array.scalar(b)));
    int r = one(Lax.rem(Array.scalar(a), Array.scalar(b)));
    assertEquals(a, q * b + r);
    assertTrue(r == 0 || Integer.signum(r) == Integer.signum(a), "remainder takes a's sign");
    assertTrue(Math.abs((long) r) < Math.abs((long) b));
  }

  @Property(tries = 300)
  void unsignedDivisionAndRemainderRecomposeTheDividend(@ForAll int a, @ForAll int b) {
    Assume.that(b != 0);
    int q = one(Lax.div(u32(a), u32(b)));
    int r = one(Lax.rem(u32(a), u32(b)));
    assertEquals(a, q * b + r);
    assertTrue(Integer.compareUnsigned(r, b) < 0);
  }

  @Property(tries = 300)
  void shiftsByLessThanThirtyTwoAreJavasShifts(@ForAll int x, @ForAll @IntRange(max = 31) int k) {
    assertEquals(x << k, one(Lax.shiftLeft(Array.scalar(x), Array.scalar(k))));
    assertEquals(x >>> k, one(Lax.shiftRightLogical(Array.scalar(x), Array.scalar(k))));
    assertEquals(x >> k, one(Lax.shiftRightArithmetic(u32(x), u32(k))));
  }

  @Property(tries = 300)
  void bitcastRoundTripsAndMatchesFloatBits(@ForAll float f) {
    Array x = Array.scalar(f);
    Object bits = Lax.bitcastConvertType(x, DType.UINT32);
    assertEquals(Float.floatToRawIntBits(f), one(bits));
    assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(
        ((Array) Lax.bitcastConvertType((Array) bits, DType.FLOAT32)).rawFloats()[0]));
  }

  @Property(tries = 300)
  void int32ToFloat32ConversionRoundsToNearest(@ForAll int i) {
    float f = ((Array) Lax.convertElementType(Array.scalar(i), DType.FLOAT32)).rawFloats()[0];
    assertEquals((float) i, f);
    long back = (long) f;
    assertTrue(Math.abs(back - i) <= Math.ulp(f) / 2, "nearest float to " + i);
  }
}
