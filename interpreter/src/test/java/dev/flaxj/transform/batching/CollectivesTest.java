package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collectives over vmap's named axes; expected values from jax 0.10.2 unless derived. */
class CollectivesTest {
  /** {@code jnp.arange(12.).reshape(3, 4) * 0.5 - 1}. */
  private final Array x = iota(0.5, -1, 3, 4);
  /** {@code jnp.arange(24.).reshape(2, 3, 4)}. */
  private final Array y = iota(1, 0, 2, 3, 4);

  private static Value named(TreeFunction f, String name, Object inAxes, Object outAxes,
      Object... args) {
    return (Value) Vmap.vmap(f, inAxes, outAxes).axisName(name).apply(args);
  }

  private static void expect(Value v, DType dtype, boolean weak, int[] shape, double... values) {
    assertEquals(dtype, v.dtype(), "dtype of " + v);
    assertEquals(weak, v.aval().weakType(), "weak_type of " + v);
    assertValues(v, shape, values);
  }

  @Test
  void allReduces() {
    // from jax 0.10.2
    expect(named(a -> Lax.psum((Value) a[0], "i"), "i", 0, 0, x), DType.FLOAT32, false,
        new int[] {3, 4}, 3, 4.5, 6, 7.5, 3, 4.5, 6, 7.5, 3, 4.5, 6, 7.5);
    expect(named(a -> Lax.pmean((Value) a[0], "i"), "i", 0, 0, x), DType.FLOAT32, false,
        new int[] {3, 4}, 1, 1.5, 2, 2.5, 1, 1.5, 2, 2.5, 1, 1.5, 2, 2.5);
    expect(named(a -> Lax.pmax((Value) a[0], "i"), "i", 1, 0, x), DType.FLOAT32, false,
        new int[] {4, 3}, 0.5, 2.5, 4.5, 0.5, 2.5, 4.5, 0.5, 2.5, 4.5, 0.5, 2.5, 4.5);
    // a reduced result is the same at every index: out_axes=None is allowed
    expect(named(a -> Lax.pmin((Value) a[0], "i"), "i", 1, null, x), DType.FLOAT32, false,
        new int[] {3}, -1, 1, 3);
    expect(named(a -> Jnp.subtract(a[0], Lax.pmean((Value) a[0], "i")), "i", 0, 0, x),
        DType.FLOAT32, false, new int[] {3, 4}, -2, -2, -2, -2, 0, 0, 0, 0, 2, 2, 2, 2);
  }

  @Test
  void unmappedAndConvertedOperands() {
    // from jax 0.10.2: psum of a constant multiplies by the axis size
    expect(named(a -> Lax.psum(Array.weak(2.0), "i"), "i", 0, 0, x), DType.FLOAT32, true,
        new int[] {3}, 6, 6, 6);
    expect(named(a -> Lax.psum(Array.weak(1), "i"), "i", 0, null, x), DType.INT32, true,
        new int[0], 3);
    expect(named(a -> Lax.pmax(Array.weak(2.0), "i"), "i", 0, null, x), DType.FLOAT32, true,
        new int[0], 2);
    // bools are summed as int32; pmean of integers is float32
    expect(named(a -> Lax.psum(Jnp.greater(a[0], 0), "i"), "i", 0, null, x), DType.INT32,
        false, new int[] {4}, 2, 2, 2, 3);
    expect(named(a -> Lax.pmean((Value) a[0], "i"), "i", 0, 0,
        ints(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4)), DType.FLOAT32, false,
        new int[] {3, 4}, 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7);
  }

  @Test
  void allGatherAndAxisIndex() {
    // from jax 0.10.2
    expect(named(a -> Lax.allGather((Value) a[0], "i"), "i", 0, null, x), DType.FLOAT32, false,
        new int[] {3, 4}, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5);
    expect(named(a -> Lax.allGather((Value) a[0], "i", 1, false), "i", 1, null, x),
        DType.FLOAT32, false, new int[] {3, 4}, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4,
        4.5);
    expect(named(a -> Lax.allGather((Value) a[0], "i", 0, true), "i", 1, null, x),
        DType.FLOAT32, false, new int[] {12}, -1, 1, 3, -0.5, 1.5, 3.5, 0, 2, 4, 0.5, 2.5, 4.5);
    assertEquals(dev.flaxj.array.Shape.of(3, 4, 3),
        named(a -> Lax.allGather((Value) a[0], "i", -1, false), "i", 0, 0, x).shape());
    expect(named(a -> Jnp.multiply(Lax.allGather((Value) a[0], "i"),
            Jnp.index((Value) a[0], dev.flaxj.numpy.Index.at(0))), "i", 0, 0, x),
        DType.FLOAT32, false, new int[] {3, 3, 4}, 1, 0.5, -0.0, -0.5, -1, -1.5, -2, -2.5, -3,
        -3.5, -4, -4.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, -3, -1.5, 0, 1.5, 3,
        4.5, 6, 7.5, 9, 10.5, 12, 13.5);
    expect(named(a -> Jnp.multiply(Lax.axisIndex("i"), a[0]), "i", 0, 0, x), DType.FLOAT32,
        false, new int[] {3, 4}, -0.0, -0.0, 0, 0, 1, 1.5, 2, 2.5, 6, 7, 8, 9);
    // unmapped operand gathered: the same value stacked (derived)
    expect(named(a -> Lax.allGather(Array.scalar(2f), "i"), "i", 0, null, x), DType.FLOAT32,
        false, new int[] {3}, 2, 2, 2);
  }

  @Test
  void axisSizeWithoutMappedArguments() {
    Value idx = (Value) Vmap.vmap(a -> Lax.axisIndex("i")).inAxes(null).axisSize(2)
        .axisName("i").apply(x);
    expect(idx, DType.INT32, false, new int[] {2}, 0, 1);
  }

  @Test
  void nestedAxisNames() {
    // from jax 0.10.2, x = arange(24.).reshape(2, 3, 4), outer axis 'i', inner axis 'j'
    expect(nested(a -> Lax.psum(a, "i"), "j", 0), DType.FLOAT32, false, new int[] {2, 3, 4},
        12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,
        32, 34);
    expect(nested(a -> Lax.psum(a, "j"), "j", 0), DType.FLOAT32, false, new int[] {2, 3, 4},
        12, 15, 18, 21, 12, 15, 18, 21, 12, 15, 18, 21, 48, 51, 54, 57, 48, 51, 54, 57, 48, 51,
        54, 57);
    expect(nested(a -> Lax.psum(a, "i", "j"), "j", 0), DType.FLOAT32, false,
        new int[] {2, 3, 4}, 60, 66, 72, 78, 60, 66, 72, 78, 60, 66, 72, 78, 60, 66, 72, 78, 60,
        66, 72, 78, 60, 66, 72, 78);
    expect(nested(a -> Lax.pmax(a, "j", "i"), "j", 1), DType.FLOAT32, false,
        new int[] {2, 4, 3}, 15, 19, 23, 15, 19, 23, 15, 19, 23, 15, 19, 23, 15, 19, 23, 15, 19,
        23, 15, 19, 23, 15, 19, 23);
    // the inner vmap unnamed: psum over the outer axis only
    expect(nested(a -> Lax.psum(a, "i"), null, 0), DType.FLOAT32, false, new int[] {2, 3, 4},
        12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,
        32, 34);
    // an inner 'i' shadows the outer one
    expect(nested(a -> Lax.psum(a, "i"), "i", 0), DType.FLOAT32, false, new int[] {2, 3, 4},
        12, 15, 18, 21, 12, 15, 18, 21, 12, 15, 18, 21, 48, 51, 54, 57, 48, 51, 54, 57, 48, 51,
        54, 57);
    expect(nested(a -> Lax.allGather(a, "i", 0, true), "j", 0), DType.FLOAT32, false,
        new int[] {2, 3, 8}, 0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10,
        11, 20, 21, 22, 23, 0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10,
        11, 20, 21, 22, 23);
    Value index = (Value) Vmap.vmap(o -> Vmap.vmap(i -> Jnp.add(Jnp.multiply(
        Lax.axisIndex("i"), 10), Lax.axisIndex("j"))).axisName("j").apply(o[0]))
        .axisName("i").apply(y);
    expect(index, DType.INT32, false, new int[] {2, 3}, 0, 1, 2, 10, 11, 12);
  }

  /** vmap over 'i' of a vmap (inner in_axes {@code innerAxis}) named {@code inner} of f, on y. */
  private Value nested(java.util.function.UnaryOperator<Value> f, String inner, int innerAxis) {
    TreeFunction innerF = a -> f.apply((Value) a[0]);
    return (Value) Vmap.vmap(o -> Vmap.vmap(innerF, innerAxis, 0).axisName(inner).apply(o[0]))
        .axisName("i").apply(y);
  }

  @Test
  void constantOfTheOuterAxisInsideAnInnerVmap() {
    // from jax 0.10.2: psum over 'i' of a value that only the inner vmap 'j' maps
    Value out = (Value) Vmap.vmap(o -> Vmap.vmap(b -> Lax.psum(Jnp.add(Jnp.multiply(b[0], 0),
        o[0]), "i")).axisName("j").apply(Jnp.ones(4))).axisName("i").apply(iota(1, 0, 3));
    expect(out, DType.FLOAT32, false, new int[] {3, 4}, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
  }

  @Test
  void namedAxesInScope() {
    List<List<AxisData>> seen = new java.util.ArrayList<>();
    Vmap.vmap(o -> Vmap.vmap(i -> {
      seen.add(AxisEnv.named());
      return i[0];
    }).axisName("j").apply(o[0])).axisName("i").apply(y);
    assertEquals(List.of(new AxisData(3, "j"), new AxisData(2, "i")), seen.get(0));
    assertEquals(List.of(), AxisEnv.named());
  }

  @Test
  void unboundNames() {
    // messages from jax 0.10.2
    failsWith("Found an unbound axis name: j. To fix this, please call psum under "
        + "`jax.shard_map`.", () -> named(a -> Lax.psum((Value) a[0], "j"), "i", 0, 0, x));
    failsWith("Found an unbound axis name: j. To fix this, please call psum under "
        + "`jax.shard_map`.", () -> named(a -> Lax.pmean((Value) a[0], "j"), "i", 0, 0, x));
    failsWith("Found an unbound axis name: j. To fix this, please call psum under "
        + "`jax.shard_map`.", () -> named(a -> Lax.pmax((Value) a[0], "i", "j"), "i", 0, 0, x));
    failsWith("Found an unbound axis name: i. To fix this, please call psum under "
        + "`jax.shard_map`.", () -> Vmap.vmap(a -> Lax.pmin((Value) a[0], "i")).apply(x));
    failsWith("unbound axis name: j",
        () -> named(a -> Lax.allGather((Value) a[0], "j"), "i", 0, 0, x));
    failsWith("Found an unbound axis name: j. To fix this, please call axis_index under "
        + "`jax.shard_map`.", () -> named(a -> Lax.axisIndex("j"), "i", 0, 0, x));
    failsWith("Found an unbound axis name: i. To fix this, please call axis_index under "
        + "`jax.shard_map`.", () -> Lax.axisIndex("i"));
    failsWith("axis 2 is out of bounds for array of dimension 2",
        () -> named(a -> Lax.allGather((Value) a[0], "i", 2, false), "i", 0, 0, x));
    failsWith("axis 1 is out of bounds for array of dimension 1",
        () -> named(a -> Lax.allGather((Value) a[0], "i", 1, true), "i", 0, 0, x));
  }
}
