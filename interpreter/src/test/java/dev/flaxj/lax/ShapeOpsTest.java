package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertArray;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.intRange;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** broadcast_in_dim, reshape, transpose, squeeze, expand_dims, rev on values. */
class ShapeOpsTest {

  @Test
  void broadcastInDimTransposesAndRepeats() {
    // from jax 0.10.2: lax.broadcast_in_dim(arange(6.).reshape(2, 3), (3, 4, 2), (2, 0))
    assertArray(f32(shape(3, 4, 2), 0, 3, 0, 3, 0, 3, 0, 3, 1, 4, 1, 4, 1, 4, 1, 4, 2, 5, 2, 5,
        2, 5, 2, 5), Lax.broadcastInDim(range(2, 3), shape(3, 4, 2), shape(2, 0)));
  }

  @Test
  void broadcastInDimStretchesSizeOneDimensions() {
    // from jax 0.10.2: lax.broadcast_in_dim(arange(3).reshape(3, 1), (2, 3, 4), (1, 2))
    assertArray(i32(shape(2, 3, 4), 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1,
        2, 2, 2, 2), Lax.broadcastInDim(intRange(3, 1), shape(2, 3, 4), shape(1, 2)));
  }

  @Test
  void broadcastInDimOfScalarsBoolsAndEmptyArrays() {
    assertArray(bools(shape(2, 2), true, true, true, true),
        Lax.broadcastInDim(Array.scalar(true), shape(2, 2), shape()));
    assertArray(f32(shape(2, 0, 3)), Lax.broadcastInDim(f32(shape(0, 1)), shape(2, 0, 3),
        shape(1, 2)));
    Value same = Array.scalar(1f);
    assertSame(same, Lax.broadcastInDim(same, shape(), shape()));
  }

  @Test
  void broadcastInDimKeepsTheWeakType() {
    Value y = Lax.broadcastInDim(Array.weak(2.0), shape(3), shape());
    assertTrue(y.aval().weakType());
    assertArray(Array.of(new float[] {2, 2, 2}, 3).withWeakType(true), y);
  }

  @Test
  void reshapeKeepsRowMajorOrder() {
    assertArray(range(3, 1, 2, 1, 4), Lax.reshape(range(2, 3, 4), 3, 1, 2, 1, 4));
    assertArray(f32(shape(1, 1), 7), Lax.reshape(Array.scalar(7f), 1, 1));
    assertArray(Array.scalar(7f), Lax.reshape(f32(shape(1, 1), 7)));
    assertArray(i32(shape(3, 0)), Lax.reshape(i32(shape(0, 3)), 3, 0));
  }

  @Test
  void reshapeToTheSameShapeReturnsTheArray() {
    Array x = range(2, 3);
    assertSame(x, Lax.reshape(x, 2, 3));
  }

  @Test
  void transposePermutesDimensions() {
    // from jax 0.10.2: lax.transpose(arange(24.).reshape(2, 3, 4), (2, 0, 1))
    assertArray(f32(shape(4, 2, 3), 0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22,
        3, 7, 11, 15, 19, 23), Lax.transpose(range(2, 3, 4), 2, 0, 1));
    assertArray(i32(shape(0, 2)), Lax.transpose(i32(shape(2, 0)), 1, 0));
    Array x = range(2, 3);
    assertSame(x, Lax.transpose(x, 0, 1));
  }

  @Test
  void squeezeRemovesSizeOneDimensions() {
    Value y = Lax.squeeze(range(1, 3, 1, 1), 0, -1);
    assertEquals(Shape.of(3, 1), y.shape());
    assertArray(range(3, 1), y);
    assertArray(Array.scalar(5), Lax.squeeze(i32(shape(1, 1), 5), 1, 0));
    assertArray(bools(shape(0)), Lax.squeeze(bools(shape(0, 1)), 1));
  }

  @Test
  void expandDimsInsertsSizeOneDimensionsLikeJax() {
    // jax.lax.expand_dims(x, (0, -1)) on f32[2,3] gives f32[1,2,3,1] (by broadcast_in_dim)
    Value y = Lax.expandDims(range(2, 3), 0, -1);
    assertArray(range(1, 2, 3, 1), y);
    assertArray(f32(shape(1), 3), Lax.expandDims(Array.scalar(3f), 0));
  }

  @Test
  void revReversesTheListedDimensions() {
    // from jax 0.10.2: lax.rev(arange(24.).reshape(2, 3, 4), (0, 2))
    assertArray(f32(shape(2, 3, 4), 15, 14, 13, 12, 19, 18, 17, 16, 23, 22, 21, 20, 3, 2, 1, 0, 7,
        6, 5, 4, 11, 10, 9, 8), Lax.rev(range(2, 3, 4), 0, 2));
    assertArray(bools(shape(3), true, false, false), Lax.rev(bools(shape(3), false, false, true), 0));
    assertArray(Array.scalar(1f), Lax.rev(Array.scalar(1f)));
    assertArray(f32(shape(2, 0)), Lax.rev(f32(shape(2, 0)), 0, 1));
  }

  @Test
  void iotaCountsAlongOneDimension() {
    assertArray(f32(shape(2, 3), 0, 1, 2, 0, 1, 2), Lax.iota(DType.FLOAT32, shape(2, 3), 1));
    // from jax 0.10.2: lax.broadcasted_iota(jnp.uint32, (2, 3), 0)
    assertArray(Array.ofUint32(new int[] {0, 0, 0, 1, 1, 1}, 2, 3),
        Lax.iota(DType.UINT32, shape(2, 3), 0));
    assertArray(intRange(5), Lax.iota(DType.INT32, 5));
    assertArray(Array.of(new double[] {0, 1}, 2), Lax.iota(DType.FLOAT64, 2));
    assertArray(i32(shape(0)), Lax.iota(DType.INT32, 0));
    assertArray(f32(shape(3, 0)), Lax.iota(DType.FLOAT32, shape(3, 0), 0));
  }
}
