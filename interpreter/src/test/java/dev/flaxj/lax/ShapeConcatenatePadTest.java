package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertArray;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.intRange;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** concatenate and pad on values. */
class ShapeConcatenatePadTest {

  @Test
  void concatenateJoinsAlongADimensionSkippingEmptyOperands() {
    // from jax 0.10.2: lax.concatenate([arange(4).reshape(2,2), zeros((2,0)), arange(10,16).reshape(2,3)], 1)
    Array b = i32(shape(2, 3), 10, 11, 12, 13, 14, 15);
    assertArray(i32(shape(2, 5), 0, 1, 10, 11, 12, 2, 3, 13, 14, 15),
        Lax.concatenate(1, intRange(2, 2), i32(shape(2, 0)), b));
    assertArray(i32(shape(4, 2), 0, 1, 2, 3, 0, 1, 2, 3),
        Lax.concatenate(List.of(intRange(2, 2), intRange(2, 2)), 0));
  }

  @Test
  void concatenateOfBoolsAndOfOneOperand() {
    assertArray(bools(shape(3), true, false, true),
        Lax.concatenate(0, bools(shape(1), true), bools(shape(2), false, true)));
    Array x = range(2);
    assertSame(x, Lax.concatenate(0, x));
    assertArray(f32(shape(0, 2)), Lax.concatenate(0, f32(shape(0, 2)), f32(shape(0, 2))));
  }

  @Test
  void concatenateIsWeakOnlyIfAllOperandsAre() {
    Value weak = Lax.broadcastInDim(Array.weak(1.0), shape(1), shape());
    Value strong = f32(shape(1), 2);
    assertTrue(Lax.concatenate(0, weak, weak).aval().weakType());
    assertFalse(Lax.concatenate(0, weak, strong).aval().weakType());
  }

  @Test
  void padWithEdgeAndInteriorPadding() {
    // from jax 0.10.2: lax.pad(arange(6.).reshape(2, 3), -1., ((1, 0, 1), (-1, 2, 1)))
    assertArray(f32(shape(4, 6), -1, -1, -1, -1, -1, -1, -1, 1, -1, 2, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, 4, -1, 5, -1, -1),
        Lax.pad(range(2, 3), Array.scalar(-1f), new int[][] {{1, 0, 1}, {-1, 2, 1}}));
  }

  @Test
  void negativePaddingCutsElements() {
    // from jax 0.10.2: lax.pad(arange(6.).reshape(2, 3), -1., ((0, -1, 0), (-2, -1, 2)))
    assertArray(f32(shape(1, 4), -1, 1, -1, -1),
        Lax.pad(range(2, 3), Array.scalar(-1f), new int[][] {{0, -1, 0}, {-2, -1, 2}}));
    // from jax 0.10.2: lax.pad(arange(5.), 0., [(-1, -2, 1)])
    assertArray(f32(shape(6), 0, 1, 0, 2, 0, 3),
        Lax.pad(range(5), Array.scalar(0f), new int[][] {{-1, -2, 1}}));
  }

  @Test
  void padOfBoolsScalarsAndEmptyArrays() {
    // from jax 0.10.2: lax.pad(jnp.array([True, True]), False, ((1, 1, 1),))
    assertArray(bools(shape(5), false, true, false, true, false),
        Lax.pad(bools(shape(2), true, true), Array.scalar(false), new int[][] {{1, 1, 1}}));
    assertArray(Array.scalar(4), Lax.pad(Array.scalar(4), Array.scalar(0), new int[0][]));
    // from jax 0.10.2: lax.pad(jnp.zeros((0,)), 1., [(1, 1, 3)]) is [1., 1.]
    assertArray(f32(shape(2), 1, 1), Lax.pad(f32(shape(0)), Array.scalar(1f),
        new int[][] {{1, 1, 3}}));
    // from jax 0.10.2: lax.pad(jnp.zeros((1,)), 1., [(-1, 0, 3)]).shape == (0,)
    assertArray(f32(shape(0)), Lax.pad(f32(shape(1), 5), Array.scalar(1f),
        new int[][] {{-1, 0, 3}}));
  }
}
