package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertFails;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.intRange;
import static dev.flaxj.lax.ShapeTestSupport.keyRange;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import org.junit.jupiter.api.Test;

/** Bad input to the shape primitives: IllegalArgumentException naming the op and the shapes. */
class ShapeErrorsTest {

  @Test
  void broadcastInDim() {
    assertFails(() -> Lax.broadcastInDim(range(3), shape(4), shape(0)),
        "broadcast_in_dim", "(3,)", "(4,)");
    assertFails(() -> Lax.broadcastInDim(range(2, 3), shape(2, 3), shape(0)),
        "broadcast_in_dim", "(2, 3)", "one entry per operand dimension");
    assertFails(() -> Lax.broadcastInDim(range(3), shape(3), shape(1)),
        "broadcast_in_dim", "out of range");
    assertFails(() -> Lax.broadcastInDim(range(1, 1), shape(3, 3), shape(1, 1)),
        "broadcast_in_dim", "repeat");
    assertFails(() -> Lax.broadcastInDim(range(1), shape(-1), shape(0)),
        "broadcast_in_dim", "negative", "(-1,)");
  }

  @Test
  void reshape() {
    assertFails(() -> Lax.reshape(range(2, 3), 4, 2), "reshape", "(2, 3)", "(4, 2)");
    assertFails(() -> Lax.reshape(range(2, 3), -1, 6), "reshape", "negative", "(-1, 6)");
    assertFails(() -> Lax.reshape(range(2, 3), 6, 1, -1), "reshape", "(6, 1, -1)");
  }

  @Test
  void transpose() {
    assertFails(() -> Lax.transpose(range(2, 3), 0, 0), "transpose", "(2, 3)", "(0, 0)");
    assertFails(() -> Lax.transpose(range(2, 3), 1, 2), "transpose", "(2, 3)", "(1, 2)");
    assertFails(() -> Lax.transpose(range(2, 3), 0), "transpose", "(2, 3)", "(0,)");
  }

  @Test
  void squeezeAndExpandDims() {
    assertFails(() -> Lax.squeeze(range(2, 3), 0), "squeeze", "dimension 0", "(2, 3)");
    assertFails(() -> Lax.squeeze(range(1, 3), 2), "squeeze", "axis 2", "rank 2");
    assertFails(() -> Lax.squeeze(range(1, 3), 0, -2), "squeeze", "repeat", "(1, 3)");
    assertFails(() -> Lax.expandDims(range(2), 0, -3), "expand_dims", "repeated", "(2,)");
    assertFails(() -> Lax.expandDims(range(2), 2), "expand_dims", "axis 2", "rank 2");
  }

  @Test
  void rev() {
    assertFails(() -> Lax.rev(range(2, 3), 2), "rev", "(2,)", "(2, 3)");
    assertFails(() -> Lax.rev(range(2, 3), -1), "rev", "(-1,)", "(2, 3)");
    assertFails(() -> Lax.rev(range(2, 3), 1, 1), "rev", "repeat", "(2, 3)");
  }

  @Test
  void concatenate() {
    assertFails(() -> Lax.concatenate(0, range(2), range(2, 1)),
        "concatenate", "numbers of dimensions", "(2,), (2, 1)");
    assertFails(() -> Lax.concatenate(0, range(2), intRange(2)),
        "concatenate", "dtype", "float32, int32");
    assertFails(() -> Lax.concatenate(0, range(2, 3), range(2, 4)),
        "concatenate", "(2, 3), (2, 4)");
    assertFails(() -> Lax.concatenate(2, range(2, 3), range(2, 3)),
        "concatenate", "dimension 2", "(2, 3), (2, 3)");
    assertFails(() -> Lax.concatenate(-1, range(2, 3), range(2, 3)), "concatenate", "dimension -1");
    assertFails(() -> Lax.concatenate(0, Array.scalar(1f), Array.scalar(2f)),
        "concatenate", "dimension 0", "(), ()");
    assertFails(() -> Lax.concatenate(0), "concatenate", "at least one operand");
  }

  @Test
  void pad() {
    assertFails(() -> Lax.pad(range(3), Array.scalar(0f), new int[][] {{0, 0, -1}}),
        "pad", "interior", "(3,)");
    assertFails(() -> Lax.pad(range(3), Array.scalar(0f), new int[][] {{-5, 0, 0}}),
        "pad", "size -2", "(3,)");
    assertFails(() -> Lax.pad(range(3), f32(shape(1), 0), new int[][] {{0, 0, 0}}),
        "pad", "scalar", "(1,)");
    assertFails(() -> Lax.pad(range(3), Array.scalar(0), new int[][] {{0, 0, 0}}),
        "pad", "float32", "int32");
    assertFails(() -> Lax.pad(range(3), Array.scalar(0f), new int[][] {{0, 0, 0}, {0, 0, 0}}),
        "pad", "one (lo, hi, interior) per dimension", "(3,)");
    assertFails(() -> Lax.pad(range(3), Array.scalar(0f), new int[][] {{0, 0}}),
        "pad", "(lo, hi, interior)");
  }

  @Test
  void iota() {
    assertFails(() -> Lax.iota(DType.BOOL, 3), "iota", "bool");
    assertFails(() -> Lax.iota(DType.KEY, 3), "iota", "key<fry>");
    assertFails(() -> Lax.iota(DType.INT32, shape(2, 3), 2), "iota", "dimension 2", "(2, 3)");
    assertFails(() -> Lax.iota(DType.INT32, shape(-2), 0), "iota", "negative", "(-2,)");
  }

  @Test
  void wrongNumberOfOperands() {
    assertFails(() -> Bind.bind1(ShapePrimitives.RESHAPE, Params.of("new_sizes", shape(3)),
        range(3), range(3)), "reshape", "expected 1 operand, got 2");
    assertFails(() -> Bind.bind1(ShapePrimitives.PAD, Params.of("padding_config",
        new int[][] {{0, 0, 0}}), range(3)), "pad", "expected 2 operands, got 1");
    assertFails(() -> Bind.bind1(ShapePrimitives.IOTA, Params.of("dtype", DType.INT32, "shape",
        shape(2), "dimension", 0), range(2)), "iota", "expected 0 operands, got 1");
  }

  @Test
  void keysAndBoolsAreCheckedLikeAnyDtype() {
    assertFails(() -> Lax.concatenate(0, keyRange(2), bools(shape(1), true)),
        "concatenate", "key<fry>, bool");
    assertFails(() -> Lax.reshape(keyRange(3), 2), "reshape", "(3,)", "(2,)");
  }
}
