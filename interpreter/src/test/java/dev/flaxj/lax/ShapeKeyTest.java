package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertKeysMoveLikeInts;
import static dev.flaxj.lax.ShapeTestSupport.shape;

import org.junit.jupiter.api.Test;

/** The shape primitives move key elements (two words each) as they move any other element. */
class ShapeKeyTest {

  @Test
  void broadcastInDim() {
    assertKeysMoveLikeInts(e -> Lax.broadcastInDim(e.range(2, 1), shape(3, 2, 4), shape(1, 0)));
    assertKeysMoveLikeInts(e -> Lax.broadcastInDim(e.of(shape(), 7), shape(2), shape()));
  }

  @Test
  void reshapeSqueezeAndExpandDims() {
    assertKeysMoveLikeInts(e -> Lax.reshape(e.range(2, 3), 3, 2));
    assertKeysMoveLikeInts(e -> Lax.reshape(e.range(3), 3, 1));
    assertKeysMoveLikeInts(e -> Lax.squeeze(e.range(1, 3, 1), 0, 2));
    assertKeysMoveLikeInts(e -> Lax.expandDims(e.range(3), 1));
    assertKeysMoveLikeInts(e -> Lax.reshape(e.range(0, 2), 2, 0));
  }

  @Test
  void transposeAndRev() {
    assertKeysMoveLikeInts(e -> Lax.transpose(e.range(2, 3, 4), 1, 2, 0));
    assertKeysMoveLikeInts(e -> Lax.rev(e.range(2, 3), 1));
    assertKeysMoveLikeInts(e -> Lax.rev(e.range(3, 2), 0, 1));
  }

  @Test
  void concatenateAndPad() {
    assertKeysMoveLikeInts(e -> Lax.concatenate(1, e.range(2, 2), e.of(shape(2, 1), 8, 9),
        e.of(shape(2, 0))));
    assertKeysMoveLikeInts(e -> Lax.pad(e.range(2, 3), e.of(shape(), -7),
        new int[][] {{1, -1, 1}, {-1, 2, 2}}));
    assertKeysMoveLikeInts(e -> Lax.pad(e.of(shape(), 3), e.of(shape(), 4), new int[0][]));
  }
}
