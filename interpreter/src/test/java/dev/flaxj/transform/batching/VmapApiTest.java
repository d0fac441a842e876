package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.tree.Tuple;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmapApiTest {
  private final Array x = iota(1, 0, 3, 4);

  private static Map<String, Object> dict(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void defaultsMapAxisZeroInAndOut() {
    Value y = (Value) Vmap.vmap(a -> Lax.neg((Value) a[0])).apply(x);
    assertClose(Lax.neg(x), y);
    Value t = (Value) Vmap.vmap(a -> a[0], -1, -1).apply(x);
    assertClose(x, t);
    Value moved = (Value) Vmap.vmap(a -> a[0], 0, 1).apply(x);
    assertClose(Lax.transpose(x, 1, 0), moved);
  }

  @Test
  void dictAndTuplePrefixesWithNoneLeaves() {
    // in_axes ({'a': 0, 'b': None},) on a dict argument (from jax: a + b per example)
    Map<String, Object> arg = dict("a", x, "b", iota(1, 10, 4));
    Object inAxes = Tuple.of(dict("a", 0, "b", null));
    Value y = (Value) Vmap.vmap(a -> {
      Map<?, ?> d = (Map<?, ?>) a[0];
      return Lax.add((Value) d.get("a"), (Value) d.get("b"));
    }, inAxes).apply(arg);
    assertClose(Jnp.add(x, iota(1, 10, 4)), y);
    // a nested tuple argument mapped (1, None) and a list in_axes at the top level
    Object nested = Tuple.of(iota(1, 0, 4, 3), Array.scalar(2f));
    Value z = (Value) Vmap.vmap(a -> {
      Tuple t = (Tuple) a[1];
      return Jnp.add(Jnp.multiply(t.get(0), t.get(1)), a[0]);
    }, Arrays.asList(0, Tuple.of(1, null))).apply(iota(1, 0, 3), nested);
    assertClose(Jnp.add(Lax.transpose(Jnp.multiply(iota(1, 0, 4, 3), 2f), 1, 0),
        Jnp.reshape(iota(1, 0, 3), 3, 1)), z);
  }

  @Test
  void unmappedLeavesArePassedAsTheyAre() {
    Object marker = "not an array";
    Value y = (Value) Vmap.vmap(a -> {
      assertSame(marker, a[1]);
      assertEquals(2.5, a[2]);
      return Jnp.multiply(a[0], a[2]);
    }, Tuple.of(0, null, null)).apply(x, marker, 2.5);
    assertClose(Jnp.multiply(x, 2.5), y);
  }

  @Test
  void outAxesPrefixOfTheOutput() {
    Object out = Vmap.vmap(a -> Tuple.of(a[0], Lax.reduceSum((Value) a[1], 0)),
        Tuple.of(0, null), Tuple.of(1, null)).apply(x, iota(1, 0, 5));
    Tuple t = (Tuple) out;
    assertClose(Lax.transpose(x, 1, 0), (Value) t.get(0));
    assertValues((Value) t.get(1), new int[0], 10);
    Object d = Vmap.vmap(a -> dict("p", a[0], "q", List.of(a[0], Array.scalar(1f))), 0,
        dict("p", 1, "q", Arrays.asList(0, null))).apply(x);
    Map<?, ?> m = (Map<?, ?>) d;
    assertClose(Lax.transpose(x, 1, 0), (Value) m.get("p"));
    assertClose(x, (Value) ((List<?>) m.get("q")).get(0));
    assertClose(Array.scalar(1f), (Value) ((List<?>) m.get("q")).get(1));
  }

  @Test
  void unmappedOutputsAreBroadcast() {
    // from jax 0.10.2: vmap(lambda a: 1.0)(x) is a weak float32 [1, 1, 1]
    Value ones = (Value) Vmap.vmap(a -> 1.0).apply(x);
    assertEquals(DType.FLOAT32, ones.dtype());
    assertTrue(ones.aval().weakType());
    assertValues(ones, new int[] {3}, 1, 1, 1);
    Value cols = (Value) Vmap.vmap(a -> iota(1, 0, 2), 0, -1).apply(x);
    assertValues(cols, new int[] {2, 3}, 0, 0, 0, 1, 1, 1);
  }

  @Test
  void axisSize() {
    Value y = (Value) Vmap.vmap(a -> a[0], null).axisSize(2).apply(x);
    assertEquals(Shape.of(2, 3, 4), y.shape());
    Value none = (Value) Vmap.vmap(a -> 1.0).axisSize(3).apply();
    assertValues(none, new int[] {3}, 1, 1, 1);
    Value agreeing = (Value) Vmap.vmap(a -> a[0]).axisSize(3).apply(x);
    assertClose(x, agreeing);
  }

  @Test
  void nestedVmapIsAnOuterProduct() {
    Array u = iota(1, 1, 3);
    Array v = iota(2, 0, 4);
    Value outer = (Value) Vmap.vmap(
        a -> Vmap.vmap(b -> Lax.mul((Value) b[0], (Value) b[1]), Tuple.of(null, 0))
            .apply(a[0], a[1]), Tuple.of(0, null)).apply(u, v);
    assertClose(Jnp.multiply(Jnp.reshape(u, 3, 1), v), outer);
    // the inner vmap over axis 1 of a value the outer one mapped
    Value inner = (Value) Vmap.vmap(a -> Vmap.vmap(b -> Lax.exp((Value) b[0]), 0, 1).apply(a[0]),
        1, 0).apply(iota(0.1, 0, 2, 3, 4));
    assertClose(Lax.transpose(Lax.exp(iota(0.1, 0, 2, 3, 4)), 1, 2, 0), inner);
  }

  @Test
  void scalarsAndZeroSizedAxes() {
    Value s = (Value) Vmap.vmap(a -> Lax.mul((Value) a[0], (Value) a[0])).apply(iota(1, 0, 4));
    assertValues(s, new int[] {4}, 0, 1, 4, 9);
    Value empty = (Value) Vmap.vmap(a -> Lax.reduceSum((Value) a[0], 0), 1)
        .apply(Array.of(new float[0], 2, 0));
    assertEquals(Shape.of(0), empty.shape());
  }

  @Test
  void inconsistentSizes() {
    // messages from jax 0.10.2, where the function takes *args
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * one axis had size 3: axis 0 of args[0] of type float32[3,4];\n"
        + "  * one axis had size 5: axis 0 of args[1] of type float32[5]",
        () -> Vmap.vmap(a -> a[0]).apply(x, Jnp.ones(5)));
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * most axes (2 of them) had size 3, e.g. axis 0 of args[0] of type float32[3,4];\n"
        + "  * some axes (2 of them) had size 5, e.g. axis 0 of args[1][1]['k'] of type "
        + "float32[5]",
        () -> Vmap.vmap(a -> a[0]).apply(x, List.of(x, dict("k", Jnp.ones(5))),
            Tuple.of(Jnp.ones(5))));
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * most axes (2 of them) had size 3, e.g. axis 0 of args[0] of type float32[3,4];\n"
        + "  * some axes (2 of them) had size 5, e.g. axis 0 of args[2] of type float32[5];\n"
        + "  * one axis had size 7: axis 0 of args[4] of type float32[7]",
        () -> Vmap.vmap(a -> a[0]).apply(x, x, Jnp.ones(5), Jnp.ones(5), Jnp.ones(7)));
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * the `axis_size` argument was 4;\n"
        + "  * one axis had size 3: axis 0 of args[0] of type float32[3,4]",
        () -> Vmap.vmap(a -> a[0]).axisSize(4).apply(x));
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * one axis had size 3: axis 0 of args[0][0] of type float32[3,4];\n"
        + "  * one axis had size 4: axis 1 of args[0][1] of type float32[3,4]",
        () -> Vmap.vmap(a -> a[0], Tuple.of(Tuple.of(0, 1))).apply(Tuple.of(x, x)));
    failsWith("vmap got inconsistent sizes for array axes to be mapped:\n"
        + "  * one axis had size 4: axis -1 of args[0] of type int32[3,4];\n"
        + "  * one axis had size 3: axis 0 of args[1] of type float32[3]",
        () -> Vmap.vmap(a -> a[0], Tuple.of(-1, 0)).apply(Jnp.zeros(new int[] {3, 4},
            DType.INT32), Jnp.ones(3)));
  }

  @Test
  void axesOutOfRangeAndNothingMapped() {
    // messages from jax 0.10.2
    failsWith("vmap was requested to map its argument along axis 2, which implies that its "
        + "rank should be at least 3, but is only 2 (its shape is (3, 4))",
        () -> Vmap.vmap(a -> a[0], 2).apply(x));
    failsWith("vmap was requested to map its argument along axis -3, which implies that its "
        + "rank should be at least 3, but is only 2 (its shape is (3, 4))",
        () -> Vmap.vmap(a -> a[0], -3).apply(x));
    failsWith("vmap was requested to map its argument along axis 0, which implies that its "
        + "rank should be at least 1, but is only 0 (its shape is ())",
        () -> Vmap.vmap(a -> a[0]).apply(x, 2.0));
    failsWith("vmap must have at least one non-None value in in_axes or axis_size must be "
        + "specified", () -> Vmap.vmap(a -> a[0], null).apply(x));
    failsWith("vmap wrapped function must be passed at least one argument containing an array "
        + "or axis_size must be specified, got empty *args=() and **kwargs={}",
        () -> Vmap.vmap(a -> 1.0).apply());
    failsWith("vmap wrapped function must be passed at least one argument containing an array "
        + "or axis_size must be specified, got empty *args=(None,) and **kwargs={}",
        () -> Vmap.vmap(a -> 1.0).apply((Object) null));
  }

  @Test
  void outAxesErrors() {
    // messages from jax 0.10.2
    failsWith("at vmap out_axes, got axis spec None but output was batched on axis 0",
        () -> Vmap.vmap(a -> a[0], 0, null).apply(x));
    failsWith("at vmap out_axes['q'][1], got axis spec None but output was batched on axis 0",
        () -> Vmap.vmap(a -> dict("p", a[0], "q", List.of(a[0], a[0])), 0,
            dict("p", 0, "q", Arrays.asList(0, null))).apply(x));
    failsWith("vmap has mapped output (axis_name=i) but out_axes is None",
        () -> Vmap.vmap(a -> a[0], 0, null).axisName("i").apply(x));
    failsWith("axis 2 is out of bounds for array of dimension 2",
        () -> Vmap.vmap(a -> a[0], 0, 2).apply(x));
    failsWith("axis -3 is out of bounds for array of dimension 2",
        () -> Vmap.vmap(a -> a[0], 0, -3).apply(x));
  }

  @Test
  void axesSpecificationErrors() {
    String form = "vmap in_axes must be an int, None, or a tuple of entries corresponding to the "
        + "positional arguments passed to the function, but got ";
    // messages from jax 0.10.2
    failsWith(form + "len(in_axes)=2, len(args)=1",
        () -> Vmap.vmap(a -> a[0], Tuple.of(0, 0)).apply(x));
    failsWith("vmap in_axes must be an int, None, or (nested) container with those types as "
        + "leaves, but got (0.5,).", () -> Vmap.vmap(a -> a[0], Tuple.of(0.5)));
    failsWith("vmap out_axes must be an int, None, or (nested) container with those types as "
        + "leaves, but got 0.5.", () -> Vmap.vmap(a -> a[0], 0, 0.5));
    failsWith(form + "0.5.", () -> Vmap.vmap(a -> a[0], 0.5));
    IllegalArgumentException notPrefix = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> Vmap.vmap(a -> a[0], Tuple.of(Tuple.of(0, 1))).apply(x));
    assertTrue(notPrefix.getMessage().startsWith("vmap in_axes specification must be a tree "
        + "prefix of the corresponding value; "), notPrefix.getMessage());
    IllegalArgumentException outPrefix = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> Vmap.vmap(a -> Tuple.of(a[0], a[0]), 0, Tuple.of(0, 0, 0)).apply(x));
    assertTrue(outPrefix.getMessage().startsWith("vmap out_axes specification must be a tree "
        + "prefix of the corresponding value; "), outPrefix.getMessage());
  }
}
