package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeBatchingTest {
  private final Array x234 = iota(1, 0, 2, 3, 4);

  @Test
  void broadcastInDimKeepsTheBatchInPlace() {
    for (int axis : new int[] {0, 1, 2, -1}) {
      // example (3, 4) or the like -> (5, 3, 4)-shaped broadcast
      check(a -> Lax.broadcastInDim(a[0], bshape(a[0]), new int[] {1, 2}), axes(axis), 0, x234);
      check(a -> Lax.broadcastInDim(a[0], bshape(a[0]), new int[] {1, 2}), axes(axis), 2, x234);
    }
    // size-1 dimensions stretch, unsorted broadcast_dimensions
    Array ones = iota(1, 0, 3, 1, 2);
    check(a -> Lax.broadcastInDim(a[0], new int[] {2, 4, 5}, new int[] {2, 0}), axes(0), 0,
        ones);
    check(a -> Lax.broadcastInDim(a[0], new int[] {2, 4}, new int[0]), axes(0), 0,
        iota(1, 0, 3));
  }

  private static int[] bshape(Value example) {
    return new int[] {5, example.shape().dim(0), example.shape().dim(1)};
  }

  @Test
  void reshapeTransposeSqueezeRev() {
    for (int axis : new int[] {0, 1, -1}) {
      check(a -> Lax.reshape(a[0], exampleSize(a[0])), axes(axis), 0, x234);
      check(a -> Lax.transpose(a[0], 1, 0), axes(axis), 1, x234);
      check(a -> Lax.rev(a[0], 0), axes(axis), 0, x234);
      check(a -> Lax.rev(a[0], 0, 1), axes(axis), -1, x234);
    }
    Array withOnes = iota(1, 0, 1, 3, 1, 2);
    check(a -> Lax.squeeze(a[0], 0, 1), axes(1), 0, withOnes);
    check(a -> Lax.squeeze(a[0], 0), axes(-1), 0, withOnes);
    check(a -> Lax.expandDims(a[0], 0, -1), axes(2), 1, x234);
  }

  private static int exampleSize(Value x) {
    return x.shape().size();
  }

  @Test
  void concatenateMixesMappedAndUnmapped() {
    Array y = iota(-1, 0, 3, 2);
    check(a -> Lax.concatenate(1, a[0], a[1]), axes(0, null), 0, x234, y);
    check(a -> Lax.concatenate(0, a[1], a[0], a[1]), axes(2, 1), 1, iota(1, 0, 3, 2, 4),
        iota(1, 5, 1, 4, 2));
  }

  @Test
  void padWithUnmappedAndMappedPaddingValues() {
    int[][] config = {{1, -1, 1}, {0, 2, 0}};
    check(a -> Lax.pad(a[0], a[1], config), axes(1, null), 0, x234, Array.scalar(9f));
    // one padding value per example: padded by a select (from the batch of values)
    check(a -> Lax.pad(a[0], a[1], config), axes(0, 0), 1, x234, iota(1, 10, 2));
    check(a -> Lax.pad(a[0], a[1], config), axes(null, 0), 0, iota(1, 0, 3, 4),
        iota(1, 10, 2));
    int[][] negative = {{-1, 2, 2}};
    check(a -> Lax.pad(a[0], a[1], negative), axes(1, 0), 0, iota(1, 0, 3, 2), iota(1, 7, 2));
  }

  @Test
  void padKeepsWeakTypes() {
    Value weak = Lax.broadcastInDim(Array.weak(1.5), new int[] {2, 3}, new int[0]);
    Value values = Lax.broadcastInDim(Array.weak(-1.0), new int[] {2}, new int[0]);
    check(a -> Lax.pad(a[0], a[1], new int[][] {{1, 0, 1}}), axes(0, 0), 0, weak, values);
  }

  @Test
  void iotaInsideIsNotMapped() {
    check(a -> Lax.add(a[0], Lax.iota(DType.FLOAT32, 4)), axes(1), 0, iota(1, 0, 4, 3));
  }

  @Test
  void jnpShapeFunctions() {
    check(a -> Jnp.moveaxis(a[0], 0, -1), axes(1), 0, x234);
    check(a -> Jnp.stack(List.of(a[0], a[1]), 1), axes(0, 1), 0, iota(1, 0, 4, 3),
        iota(1, 0, 3, 4));
    check(a -> Jnp.ravel(a[0]), axes(-1), 0, x234);
  }
}
