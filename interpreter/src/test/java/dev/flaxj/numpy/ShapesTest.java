package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.range;
import static dev.flaxj.numpy.Check.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape manipulation; expected values from jax 0.10.2. */
class ShapesTest {
  private static final Value X = Jnp.reshape(Jnp.arange(24), 2, 3, 4);
  private static final Value M = Jnp.reshape(Jnp.arange(6), 2, 3);

  @Test
  void reshapeAndRavel() {
    expect(Jnp.reshape(M, 3, -1), "int32", false, shape(3, 2), range(6));
    expect(Jnp.reshape(Jnp.zeros(0, 3), -1), "float32", false, shape(0));
    expect(Jnp.reshape(Array.scalar(7), 1, 1), "int32", false, shape(1, 1), 7);
    expect(Jnp.ravel(X), "int32", false, shape(24), range(24));
    expect(Jnp.ravel(Array.weak(2.0)), "float32", true, shape(1), 2);
    fails(() -> Jnp.reshape(M, 4), "reshape", "(2, 3)", "size 6", "(4,)");
    fails(() -> Jnp.reshape(M, 4, -1), "reshape", "(2, 3)", "(4, -1)");
    fails(() -> Jnp.reshape(M, -1, -1), "one unknown dimension");
  }

  @Test
  void transposes() {
    expect(Jnp.index(Jnp.transpose(X, 1, 0, 2), Index.at(0)), "int32", false, shape(2, 4),
        0, 1, 2, 3, 12, 13, 14, 15);
    expect(Jnp.transpose(M), "int32", false, shape(3, 2), 0, 3, 1, 4, 2, 5);
    assertEquals(Shape.of(4, 3, 2), Jnp.swapaxes(X, 0, 2).shape());
    assertEquals(Shape.of(3, 4, 2), Jnp.moveaxis(X, new int[] {0, 1}, new int[] {-1, 0}).shape());
    expect(Jnp.index(Jnp.moveaxis(X, -1, 0), Index.at(1)), "int32", false, shape(2, 3),
        1, 5, 9, 13, 17, 21);
    fails(() -> Jnp.transpose(M, 0, 0), "transpose", "duplicate");
    fails(() -> Jnp.transpose(M, 0), "transpose", "(0,)", "(2, 3)");
    fails(() -> Jnp.swapaxes(M, 0, 2), "swapaxes", "axis 2");
    fails(() -> Jnp.moveaxis(M, new int[] {0, 0}, new int[] {1, 0}), "moveaxis", "duplicate");
  }

  @Test
  void squeezeAndExpandDims() {
    expect(Jnp.squeeze(Jnp.ones(1, 2, 1)), "float32", false, shape(2), 1, 1);
    expect(Jnp.squeeze(Jnp.ones(1, 2, 1), -1), "float32", false, shape(1, 2), 1, 1);
    expect(Jnp.squeeze(Array.scalar(3)), "int32", false, shape(), 3);
    assertEquals(Shape.of(1, 2, 3, 1), Jnp.expandDims(M, 0, -1).shape());
    fails(() -> Jnp.squeeze(Jnp.ones(1, 2), 1), "squeeze", "shape=(1, 2)", "dimensions=(1,)");
    fails(() -> Jnp.expandDims(M, 3), "expand_dims", "axis 3");
  }

  @Test
  void concatenateStackSplit() {
    expect(Jnp.concatenate(List.of(M, Jnp.ones(2, 3)), 1), "float32", false, shape(2, 6),
        0, 1, 2, 1, 1, 1, 3, 4, 5, 1, 1, 1);
    expect(Jnp.concatenate(List.of(Jnp.arange(2), Jnp.reshape(Array.weak(2.0), 1))), "float32",
        true, shape(3), 0, 1, 2);
    expect(Jnp.stack(List.of(Jnp.arange(3), Jnp.arange(3, 6)), -1), "int32", false, shape(3, 2),
        0, 3, 1, 4, 2, 5);
    expect(Jnp.stack(List.of(Array.scalar(1), Array.scalar(2))), "int32", false, shape(2), 1, 2);
    List<Value> parts = Jnp.split(Jnp.arange(7), new int[] {2, 5});
    assertEquals(3, parts.size());
    expect(parts.get(0), "int32", false, shape(2), 0, 1);
    expect(parts.get(1), "int32", false, shape(3), 2, 3, 4);
    expect(parts.get(2), "int32", false, shape(2), 5, 6);
    List<Value> thirds = Jnp.split(M, 3, 1);
    expect(thirds.get(2), "int32", false, shape(2, 1), 2, 5);
    expect(Jnp.split(Jnp.zeros(0), 2).get(1), "float32", false, shape(0));
    fails(() -> Jnp.concatenate(List.of(M, Jnp.ones(3, 3)), 1), "concatenate", "(2, 3)",
        "(3, 3)");
    fails(() -> Jnp.concatenate(List.of(Array.scalar(1))), "zero-dimensional");
    fails(() -> Jnp.stack(List.of(M, Jnp.ones(3, 2))), "stack", "(2, 3)", "(3, 2)");
    fails(() -> Jnp.split(Jnp.arange(7), 3), "split", "equal division");
    fails(() -> Jnp.split(Jnp.arange(10), new int[] {6, 3}), "split", "non-decreasing");
  }

  @Test
  void broadcastToAndAstype() {
    expect(Jnp.broadcastTo(Jnp.arange(3), 2, 3), "int32", false, shape(2, 3), 0, 1, 2, 0, 1, 2);
    expect(Jnp.broadcastTo(Array.scalar(1f), 0, 2), "float32", false, shape(0, 2));
    fails(() -> Jnp.broadcastTo(Jnp.ones(3), 2, 1), "broadcast_to", "(3,)", "(2, 1)");
    expect(Jnp.astype(Jnp.array(new float[] {1.7f, -1.7f}), DType.INT32), "int32", false,
        shape(2), 1, -1);
    expect(Jnp.astype(Array.weak(2.0), DType.FLOAT32), "float32", false, shape(), 2);
    expect(Jnp.astype(Jnp.array(new float[] {0, 2}), DType.BOOL), "bool", false, shape(2), 0, 1);
  }

  @Test
  void triangles() {
    Value a = Jnp.reshape(Jnp.arange(1, 13), 3, 4);
    expect(Jnp.triu(a, 1), "int32", false, shape(3, 4), 0, 2, 3, 4, 0, 0, 7, 8, 0, 0, 0, 12);
    expect(Jnp.triu(a, -1), "int32", false, shape(3, 4), 1, 2, 3, 4, 5, 6, 7, 8, 0, 10, 11, 12);
    expect(Jnp.tril(a, -1), "int32", false, shape(3, 4), 0, 0, 0, 0, 5, 0, 0, 0, 9, 10, 0, 0);
    expect(Jnp.triu(Jnp.ones(2, 2)), "float32", false, shape(2, 2), 1, 1, 0, 1);
    expect(Jnp.tril(Jnp.ones(2, 2, 2)), "float32", false, shape(2, 2, 2), 1, 0, 1, 1, 1, 0, 1, 1);
    expect(Jnp.triu(Jnp.zeros(0, 3)), "float32", false, shape(0, 3));
    fails(() -> Jnp.triu(Jnp.ones(3)), "triu", "2-D", "(3,)");
  }
}
